package stat

import (
	"math"
	"os"
	"strconv"
	"strings"
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
		// The curve ends on a flat at 0.5 that lasts to the last censoring at 4: the median
		// is the flat's midpoint, (2 + 4)/2.
		{[]float64{1, 2, 3, 4}, []bool{true, true, false, false}, [3]float64{1.5, 3, nan}, []float64{0.75, 0.5}},
	} {
		km, err := KaplanMeier(tc.t, tc.e)
		require.NoError(t, err)
		require.Len(t, km.Steps, len(tc.surv), "case %d", i)
		for k, s := range tc.surv {
			assert.InDelta(t, s, km.Steps[k].Survival, 1e-12, "case %d step %d", i, k)
		}
		for k, p := range []float64{0.25, 0.5, 0.75} {
			got := KMQuantile(km, p)
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

func TestKMQuantileCI(t *testing.T) {
	// Reference: R 4.2.2, survival 3.5.3: q <- quantile(survfit(Surv(t, e) ~ 1), c(.25, .5,
	// .75)); q$lower, q$upper (conf.type = "log", conf.int = 0.95). NA is NaN.
	nan := math.NaN()
	for i, tc := range []struct {
		t            []float64
		e            []bool
		lower, upper [3]float64
	}{
		{[]float64{5, 8, 12, 12, 15, 20, 22, 30}, []bool{true, true, false, true, true, false, true, true}, [3]float64{5, 12, 15}, [3]float64{nan, nan, nan}},
		{[]float64{1, 2, 3, 4}, []bool{true, true, true, true}, [3]float64{1, 1, 2}, [3]float64{nan, nan, nan}},
		{[]float64{10, 20, 30, 40, 50, 60}, []bool{true, false, true, false, false, false}, [3]float64{10, 30, nan}, [3]float64{nan, nan, nan}},
		{[]float64{3, 3, 3, 7, 7, 9, 11, 11, 11, 14}, []bool{true, true, false, true, false, true, true, true, false, false}, [3]float64{3, 7, 11}, [3]float64{nan, nan, nan}},
		{[]float64{1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15}, []bool{true, true, false, true, true, false, true, true, true, false, true, true, false}, [3]float64{2, 4, 8}, [3]float64{nan, nan, nan}},
		{[]float64{2, 4, 4, 6, 8, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36},
			[]bool{true, true, true, true, true, false, true, true, true, true, false, true, true, true, true, false, true, true, true, false},
			[3]float64{4, 12, 22}, [3]float64{22, 34, nan}},
	} {
		km, err := KaplanMeier(tc.t, tc.e)
		require.NoError(t, err)
		for k, p := range []float64{0.25, 0.5, 0.75} {
			lo, up := KMQuantileCI(km, p, 0.95)
			for _, c := range []struct {
				name      string
				got, want float64
			}{{"lower", lo, tc.lower[k]}, {"upper", up, tc.upper[k]}} {
				if math.IsNaN(c.want) {
					assert.True(t, math.IsNaN(c.got), "case %d q%v %s: not reached, got %v", i, p, c.name, c.got)
				} else {
					assert.Equal(t, c.want, c.got, "case %d q%v %s", i, p, c.name)
				}
			}
		}
	}
}

// TestKMQuantileRandom compares the quantiles and their limits with survival's on 40 random
// samples with many ties and censorings, made by testdata/kaplanmeier.R (R 4.2.2, survival
// 3.5.3), among them upper limits that do not fall monotonically.
func TestKMQuantileRandom(t *testing.T) {
	b, err := os.ReadFile("testdata/kaplanmeier.txt")
	require.NoError(t, err)
	nums := func(s string) []float64 {
		var out []float64
		for _, f := range strings.Split(s, ",") {
			if f == "NA" {
				out = append(out, math.NaN())
				continue
			}
			x, err := strconv.ParseFloat(f, 64)
			require.NoError(t, err)
			out = append(out, x)
		}
		return out
	}
	same := func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		f := strings.Split(line, ";")
		require.Len(t, f, 5, "line %d", i+1)
		ts, es := nums(f[0]), nums(f[1])
		ended := make([]bool, len(es))
		for j, e := range es {
			ended[j] = e == 1
		}
		km, err := KaplanMeier(ts, ended)
		require.NoError(t, err)
		q, lower, upper := nums(f[2]), nums(f[3]), nums(f[4])
		for k, p := range []float64{0.25, 0.5, 0.75} {
			lo, up := KMQuantileCI(km, p, 0.95)
			got, want := [3]float64{KMQuantile(km, p), lo, up}, [3]float64{q[k], lower[k], upper[k]}
			for m := range got {
				if !same(got[m], want[m]) {
					t.Errorf("line %d, p = %v: (quantile, lower, upper) = %v, want %v", i+1, p, got, want)
					break
				}
			}
		}
	}
}

func FuzzKMQuantile(f *testing.F) {
	f.Add([]byte{5, 8, 12, 12, 15, 20, 22, 30}, []byte{1, 1, 0, 1, 1, 0, 1, 1}, 0.5)
	f.Fuzz(func(t *testing.T, ds, es []byte, p float64) {
		n := min(len(ds), len(es))
		t64, ended := make([]float64, n), make([]bool, n)
		for i := range n {
			t64[i], ended[i] = float64(ds[i]), es[i]%2 == 1
		}
		km, err := KaplanMeier(t64, ended)
		if err != nil {
			t.Fatal(err)
		}
		if !(p > 0 && p < 1) {
			return
		}
		q := KMQuantile(km, p)
		lo, _ := KMQuantileCI(km, p, 0.95)
		// The lower curve lies below S and falls with it, so it crosses first (where S
		// reaches 0 the limits are undefined, as R's NA: testdata/fuzz holds such a case).
		if !math.IsNaN(q) && !math.IsNaN(lo) && lo > q {
			t.Fatalf("lower limit %v above the quantile %v", lo, q)
		}
	})
}
