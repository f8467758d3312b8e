package stat

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunsLimits(t *testing.T) {
	// Reference: Anhøj & Olesen (2014), Table 1, reproduced with R 4.2.2 as
	// round(log2(n)) + 3 and qbinom(0.05, n - 1, 0.5); qicharts2's summary() example shows
	// n.useful 24 → longest.run.max 8, n.crossings.min 8.
	for _, tc := range []struct{ n, run, cross int }{
		{10, 6, 2}, {11, 6, 2}, {20, 7, 6}, {24, 8, 8}, {30, 8, 10}, {50, 9, 19}, {100, 10, 41},
	} {
		assert.Equal(t, tc.cross, BinomialQuantile(0.05, tc.n-1, 0.5), "n=%d", tc.n)
		x := make([]float64, tc.n) // ±1 around a frozen centre of 0: every point useful
		for i := range x {
			x[i] = float64(1 - 2*(i%2))
		}
		r, err := Runs(x, 2, nil)
		require.NoError(t, err)
		assert.Equal(t, tc.run, r[0].LongestRunLimit, "n=%d", tc.n)
	}
}

func TestRuns(t *testing.T) {
	// Reference: R 4.2.2 with the runs analysis of qicharts2 (points on the centre and NA
	// dropped; rle of the signs).
	for i, tc := range []struct {
		x                                  []float64
		freeze                             int
		centre                             float64
		useful, longest, lmax, cross, cmin int
		signal                             bool
	}{
		{[]float64{9, 10, 11, 12, 10, 8, 9, 10, 11, 9, 10, 12, 13, 12, 14, 15, 13, 14, 16, 15, 14, 16, 17, 15}, 0, 12, 21, 11, 7, 1, 6, true},
		{[]float64{3, 5, 4, 4, 6, 2, math.NaN(), 5, 3, 7, 8, 7, 9, 8, 9, 10, 9, 8}, 6, 4, 15, 9, 7, 5, 4, true},
		{[]float64{1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2}, 0, 1.5, 12, 1, 7, 11, 3, false},
	} {
		rs, err := Runs(tc.x, tc.freeze, nil)
		require.NoError(t, err, "case %d", i)
		r := rs[0]
		assert.Equal(t, tc.centre, r.Centre, "case %d", i)
		assert.Equal(t, tc.useful, r.Useful, "case %d", i)
		assert.Equal(t, tc.longest, r.LongestRun, "case %d", i)
		assert.Equal(t, tc.lmax, r.LongestRunLimit, "case %d", i)
		assert.Equal(t, tc.cross, r.Crossings, "case %d", i)
		assert.Equal(t, tc.cmin, r.CrossingsLimit, "case %d", i)
		assert.Equal(t, tc.signal, r.Signal, "case %d", i)
	}
}

func TestRunsPhasesAndErrors(t *testing.T) {
	x := []float64{1, 2, 1, 2, 1, 2, 1, 2, 5, 6, 5, 6, 5, 6, 5, 6}
	rs, err := Runs(x, 0, []int{8})
	require.NoError(t, err)
	require.Len(t, rs, 2)
	assert.Equal(t, 1.5, rs[0].Centre)
	assert.Equal(t, 5.5, rs[1].Centre, "a new centre after a change of practice")
	assert.False(t, rs[1].Signal)
	all, err := Runs(x, 0, nil)
	require.NoError(t, err)
	assert.True(t, all[0].Shift, "one centre over both phases shows the shift")
	assert.Equal(t, 1, all[0].LongestRunSide)

	_, err = Runs([]float64{3, 3, 3}, 0, nil)
	assert.True(t, errors.Is(err, ErrInsufficientData))
	_, err = Runs([]float64{1, math.Inf(1)}, 0, nil)
	assert.True(t, errors.Is(err, ErrNotFinite))
	_, err = Runs(x, 0, []int{0})
	assert.Error(t, err)
	_, err = Runs(x, -1, nil)
	assert.Error(t, err)
}

func FuzzRuns(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8}, uint8(3), uint8(4))
	f.Fuzz(func(t *testing.T, b []byte, freeze, phase uint8) {
		x := make([]float64, len(b))
		for i, v := range b {
			x[i] = float64(v % 7)
			if v == 255 {
				x[i] = math.NaN()
			}
		}
		var phases []int
		if int(phase) > 0 && int(phase) < len(x) {
			phases = []int{int(phase)}
		}
		rs, err := Runs(x, int(freeze%10), phases)
		if err != nil {
			return
		}
		for _, r := range rs {
			if r.LongestRun > r.Useful || r.Crossings >= r.Useful {
				t.Fatalf("impossible result %+v", r)
			}
		}
	})
}

func TestBinomialQuantileAgreesWithCDF(t *testing.T) {
	// The recurrence (n ≤ 1000) and gonum's CDF (beyond) must agree with the definition:
	// the smallest c with P(X ≤ c) ≥ p.
	for _, n := range []int{1, 2, 5, 9, 23, 99, 500, 1000, 1001, 5000} {
		for _, p := range []float64{0.05, 0.5, 0.95} {
			c := BinomialQuantile(p, n, 0.5)
			d := distuv.Binomial{N: float64(n), P: 0.5}
			assert.GreaterOrEqual(t, d.CDF(float64(c)), p*(1-1e-12), "n=%d p=%v", n, p)
			if c > 0 {
				assert.Less(t, d.CDF(float64(c-1)), p, "n=%d p=%v", n, p)
			}
		}
	}
}
