package stat

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKaplanMeier(t *testing.T) {
	// Reference: R 4.2.2, survival 3.5.3: quantile(survfit(Surv(t, e) ~ 1), c(.25, .5, .75))
	// and summary(fit)$surv.
	nan := math.NaN()
	for i, tc := range []struct {
		t    []float64
		e    []bool
		q    [3]float64
		surv []float64
	}{
		{[]float64{5, 8, 12, 12, 15, 20, 22, 30}, []bool{true, true, false, true, true, false, true, true}, [3]float64{10, 15, 22},
			[]float64{0.875, 0.75, 0.625, 0.46875, 0.234375, 0}},
		{[]float64{1, 2, 3, 4}, []bool{true, true, true, true}, [3]float64{1.5, 2.5, 3.5}, []float64{0.75, 0.5, 0.25, 0}},
		{[]float64{10, 20, 30, 40, 50, 60}, []bool{true, false, true, false, false, false}, [3]float64{30, nan, nan}, []float64{0.833333333333333, 0.625}},
		{[]float64{3, 3, 3, 7, 7, 9, 11, 11, 11, 14}, []bool{true, true, false, true, false, true, true, true, false, false}, [3]float64{7, 11, nan},
			[]float64{0.8, 0.685714285714286, 0.548571428571429, 0.274285714285714}},
	} {
		steps, err := KaplanMeier(tc.t, tc.e)
		require.NoError(t, err)
		require.Len(t, steps, len(tc.surv), "case %d", i)
		for k, s := range tc.surv {
			assert.InDelta(t, s, steps[k].Survival, 1e-12, "case %d step %d", i, k)
		}
		for k, p := range []float64{0.25, 0.5, 0.75} {
			got := KMQuantile(steps, p)
			if math.IsNaN(tc.q[k]) {
				assert.True(t, math.IsNaN(got), "case %d q%v: not reached", i, p)
			} else {
				assert.Equal(t, tc.q[k], got, "case %d q%v", i, p)
			}
		}
	}
	_, err := KaplanMeier([]float64{-1}, []bool{true})
	assert.Error(t, err)
	_, err = KaplanMeier([]float64{1}, nil)
	assert.Error(t, err)
}
