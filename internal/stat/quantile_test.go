package stat

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestQuantile(t *testing.T) {
	// Reference: R 4.2.2, quantile(x, p) (type 7, the default).
	for i, tc := range []struct {
		x    []float64
		p, q float64
	}{
		{[]float64{1, 2, 3, 4}, 0.025, 1.075},
		{[]float64{1, 2, 3, 4}, 0.5, 2.5},
		{[]float64{1, 2, 3, 4}, 0.975, 3.925},
		{[]float64{1, 2, 3.5, 7, 10}, 0, 1},
		{[]float64{1, 2, 3.5, 7, 10}, 0.1, 1.4},
		{[]float64{1, 2, 3.5, 7, 10}, 0.5, 3.5},
		{[]float64{1, 2, 3.5, 7, 10}, 0.9, 8.8},
		{[]float64{1, 2, 3.5, 7, 10}, 1, 10},
		{[]float64{42}, 0.3, 42},
	} {
		assert.InDelta(t, tc.q, Quantile(tc.p, tc.x), 1e-12, "case %d", i)
	}
	assert.True(t, math.IsNaN(Quantile(0.5, nil)))
	assert.True(t, math.IsNaN(Quantile(1.5, []float64{1})))
	assert.True(t, math.IsNaN(Quantile(math.NaN(), []float64{1})))
	assert.Equal(t, 2.5, Median([]float64{1, 2, 3, 4}))
}
