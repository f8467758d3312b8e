package stat

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMannKendall(t *testing.T) {
	// Reference: R 4.2.2. S, VarS, Z and the normal P by the formulas of trend::mk.test
	// (R/mk.test.R: tie-corrected variance, continuity correction), computed by brute force
	// over all pairs; Tau (tau-b) and the exact P (n ≤ 10, no ties) from
	// cor.test(seq_along(x), x, method = "kendall", exact = TRUE).
	for i, tc := range []struct {
		x        []float64
		s        int
		varS, z  float64
		p, tau   float64
		exact    bool
		wantDrop int
	}{
		{[]float64{1, 3, 2, 5, 4, 6, 8, 7}, 22, 65.3333333333333, 2.59807621135332, 0.00550595238095242, 0.785714285714286, true, 0},
		{[]float64{5, 4, 4, 3, 6, 2, 2, 1, 1, 3, 0, 2}, -38, 206, -2.57791215287899, 0.00993992640478816, -0.603859639855542, false, 0},
		{[]float64{10, 12, 9, 14, 15, 15, 13, 18, 20, 19, 22, 21, 25, 24, 23}, 84, 407.333333333333, 4.11247354097319, 3.91442345398932e-05, 0.8038369524685, false, 0},
		{[]float64{3, 1, 2}, -1, 3.66666666666667, 0, 1, -0.333333333333333, true, 0},
		{[]float64{2.1, 2.3, 1.9, 2.8, 3.0, 2.7, 3.3, 3.1, 3.6, 3.2}, 31, 125, 2.68328157299975, 0.00468694885361542, 0.688888888888889, true, 0},
		{[]float64{3, math.NaN(), 1, 2}, -1, 3.66666666666667, 0, 1, -0.333333333333333, true, 1},
	} {
		got, err := MannKendall(tc.x)
		require.NoError(t, err, "case %d", i)
		assert.Equal(t, len(tc.x)-tc.wantDrop, got.N, "case %d: N", i)
		assert.Equal(t, tc.s, got.S, "case %d: S", i)
		assert.InDelta(t, tc.varS, got.VarS, 1e-9, "case %d: VarS", i)
		assert.InDelta(t, tc.z, got.Z, 1e-12, "case %d: Z", i)
		assert.InDelta(t, tc.p, got.P, 1e-12, "case %d: P", i)
		assert.InDelta(t, tc.tau, got.Tau, 1e-12, "case %d: Tau", i)
		assert.Equal(t, tc.exact, got.Exact, "case %d: Exact", i)
	}
}

func TestMannKendallErrors(t *testing.T) {
	_, err := MannKendall([]float64{1, 2})
	assert.True(t, errors.Is(err, ErrInsufficientData))
	_, err = MannKendall([]float64{4, 4, 4, 4})
	assert.True(t, errors.Is(err, ErrInsufficientData), "constant series: no division by zero")
	_, err = MannKendall([]float64{1, math.Inf(1), 3})
	assert.True(t, errors.Is(err, ErrNotFinite))
}

func bruteS(x []float64) int {
	s := 0
	for i := range x {
		for j := i + 1; j < len(x); j++ {
			switch {
			case x[j] > x[i]:
				s++
			case x[j] < x[i]:
				s--
			}
		}
	}
	return s
}

func TestMannKendallSMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for range 200 {
		n := 3 + r.IntN(300)
		x := make([]float64, n)
		for i := range x {
			x[i] = float64(r.IntN(1 + r.IntN(20)))
		}
		if slices.Min(x) == slices.Max(x) {
			continue
		}
		got, err := MannKendall(x)
		require.NoError(t, err)
		require.Equal(t, bruteS(x), got.S)
	}
}

func TestSenSlope(t *testing.T) {
	// Reference: R 4.2.2 following trend::sens.slope (R/sens.slope.R) line by line, with
	// real times in place of indices and pairs of equal time skipped; Intercept as
	// pyMannKendall's sens_slope: median(x) − slope·median(t).
	for i, tc := range []struct {
		t, x                    []float64
		slope, icpt, low, upper float64
	}{
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8}, []float64{1, 3, 2, 5, 4, 6, 8, 7}, 1, 0, 0.5, 1.5},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, []float64{5, 4, 4, 3, 6, 2, 2, 1, 1, 3, 0, 2}, -0.472222222222222, 5.56944444444444, -0.5, -0.125},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, []float64{10, 12, 9, 14, 15, 15, 13, 18, 20, 19, 22, 21, 25, 24, 23}, 1, 10, 0.875, 1.25},
		{[]float64{0, 0.4, 1.1, 1.5, 2.3, 2.9, 3, 3.6, 4.4, 5.2}, []float64{2.1, 2.3, 1.9, 2.8, 3.0, 2.7, 3.3, 3.1, 3.6, 3.2}, 0.285714285714286, 2.15714285714286, 0.142857142857143, 0.454545454545455},
		{[]float64{2019, 2020, 2020, 2021, 2022, 2022, 2023, 2024}, []float64{40, 42, 41, 45, 44, 47, 46, 50}, 2, -3998.5, 1, 3},
	} {
		got, err := SenSlope(tc.t, tc.x, 0.95)
		require.NoError(t, err, "case %d", i)
		assert.InDelta(t, tc.slope, got.Slope, 1e-12, "case %d: slope", i)
		assert.InDelta(t, tc.icpt, got.Intercept, 1e-9, "case %d: intercept", i)
		assert.InDelta(t, tc.low, got.Lower, 1e-12, "case %d: lower", i)
		assert.InDelta(t, tc.upper, got.Upper, 1e-12, "case %d: upper", i)
	}
}

func bruteSlopes(t, x []float64) []float64 {
	var d []float64
	for i := range x {
		for j := i + 1; j < len(x); j++ {
			if t[i] != t[j] {
				d = append(d, (x[j]-x[i])/(t[j]-t[i]))
			}
		}
	}
	slices.Sort(d)
	return d
}

// TestSlopeSelectionIsExact compares every order statistic that SenSlope uses with the
// sorted list of all pairwise slopes, on series with many ties in values and in times.
func TestSlopeSelectionIsExact(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 3))
	for c := range 300 {
		n := 2 + r.IntN(400)
		ts, xs := make([]float64, n), make([]float64, n)
		for i := range ts {
			switch c % 3 {
			case 0: // integer times with repeats, integer values
				ts[i] = float64(r.IntN(n/2 + 1))
				xs[i] = float64(r.IntN(6))
			case 1: // real times, real values
				ts[i] = r.Float64() * 10
				xs[i] = r.NormFloat64()
			default: // monthly series with a trend and repeated values
				ts[i] = float64(i) / 12
				xs[i] = math.Round(float64(i)*0.1 + r.NormFloat64()*3)
			}
		}
		slices.Sort(ts)
		d := bruteSlopes(ts, xs)
		if len(d) == 0 {
			continue
		}
		sel := newSlopeSelector(sortedPoints(ts, xs))
		require.Equal(t, int64(len(d)), sel.pairs)
		for _, k := range []int64{1, int64(len(d)+1) / 2, int64(len(d))/2 + 1, int64(len(d)), 1 + r.Int64N(int64(len(d)))} {
			require.Equal(t, d[k-1], sel.kth(k), "case %d: n=%d k=%d of %d", c, n, k, len(d))
		}
	}
}

func sortedPoints(ts, xs []float64) []point {
	p := make([]point, len(ts))
	for i := range ts {
		p[i] = point{ts[i], xs[i]}
	}
	slices.SortStableFunc(p, func(a, b point) int {
		switch {
		case a.t < b.t:
			return -1
		case a.t > b.t:
			return 1
		}
		return 0
	})
	return p
}

func TestSenSlopeErrors(t *testing.T) {
	_, err := SenSlope([]float64{1, 1}, []float64{2, 3}, 0.95)
	assert.True(t, errors.Is(err, ErrInsufficientData))
	_, err = SenSlope([]float64{1, math.NaN()}, []float64{2, 3}, 0.95)
	assert.True(t, errors.Is(err, ErrNotFinite))
	_, err = SenSlope([]float64{1}, []float64{2, 3}, 0.95)
	assert.Error(t, err)
	_, err = SenSlope([]float64{1, 2}, []float64{2, 3}, 1)
	assert.Error(t, err)
	r, err := SenSlope([]float64{1, 2, 3}, []float64{5, 5, 5}, 0.95)
	require.NoError(t, err, "a constant series has slope 0, not a division by zero")
	assert.Equal(t, 0.0, r.Slope)
}

func FuzzSenSlope(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		var ts, xs []float64
		for i := 0; i+1 < len(b); i += 2 {
			ts = append(ts, float64(b[i]%16))
			xs = append(xs, float64(b[i+1]%8))
		}
		r, err := SenSlope(ts, xs, 0.9)
		if err != nil {
			return
		}
		st := slices.Clone(ts)
		idx := make([]int, len(ts))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return int(ts[a] - ts[b]) })
		sx := make([]float64, len(idx))
		for i, j := range idx {
			st[i], sx[i] = ts[j], xs[j]
		}
		d := bruteSlopes(st, sx)
		want := Median(d)
		if r.Slope != want {
			t.Fatalf("slope %v, brute force %v", r.Slope, want)
		}
		if _, err := MannKendall(xs); err != nil && !errors.Is(err, ErrInsufficientData) {
			t.Fatal(err)
		}
	})
}
