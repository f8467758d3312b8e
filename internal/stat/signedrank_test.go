package stat

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSignedRank(t *testing.T) {
	// Reference: R 4.2.2, wilcox.test(d, correct = TRUE)$statistic and $p.value.
	// The first case is the example of R's documentation (?wilcox.test: x − y of the
	// depression scores, V = 40; the one-sided p-value printed there is 0.01953, the
	// two-sided one 0.0390625). The second is SciPy's documentation example (Cushny and
	// Peebles via Fisher; scipy.stats.wilcoxon reports statistic 24 = min(W+, W−) and
	// p = 0.041259765625). The third is SciPy's regression test gh-2391 (test_wilcoxon_tie:
	// p = 0.001904195 with correction). The rest were computed with R 4.2.2 for this test.
	for i, tc := range []struct {
		diffs []float64
		n     int
		v, p  float64
		exact bool
	}{
		{[]float64{1.83 - 0.878, 0.50 - 0.647, 1.62 - 0.598, 2.48 - 2.05, 1.68 - 1.06, 1.88 - 1.29, 1.55 - 1.06, 3.06 - 3.14, 1.30 - 1.29}, 9, 40, 0.0390625, true},
		{[]float64{6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75}, 15, 96, 0.041259765625, true},
		{[]float64{0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}, 10, 55, 0.00190419504300439, false},
		{[]float64{1, 2, 2, -1, 3, 0, 1, 1, -2, 2, 4, 1}, 11, 55.5, 0.047067511344395, false},
		{[]float64{-1, -2, -3, -4, -5}, 5, 0, 0.0625, true},
		{[]float64{3}, 1, 1, 1, true},
		{[]float64{-3}, 1, 0, 1, true},
		{[]float64{0, 0, 1, -1, 2, 2, -2, 1, 1, 1, 3, -1, 0, 2}, 11, 50.5, 0.12204337267508, false},
	} {
		got, err := SignedRank(tc.diffs)
		require.NoError(t, err, "case %d", i)
		assert.Equal(t, tc.n, got.N, "case %d: N", i)
		assert.Equal(t, tc.v, got.V, "case %d: V", i)
		assert.Equal(t, tc.exact, got.Exact, "case %d: Exact", i)
		assert.InDelta(t, tc.p, got.P, 1e-12, "case %d: P", i)
	}
}

func TestSignedRankLarge(t *testing.T) {
	// Reference: R 4.2.2, wilcox.test((1:60) * c(1, -1, 1)): N = 60 ≥ 50 takes the normal
	// approximation although there are no ties: V = 1220, p = 0.0249867111091118.
	d := make([]float64, 60)
	for i := range d {
		d[i] = float64(i + 1)
		if i%3 == 1 {
			d[i] = -d[i]
		}
	}
	got, err := SignedRank(d)
	require.NoError(t, err)
	assert.False(t, got.Exact)
	assert.Equal(t, 1220.0, got.V)
	assert.InDelta(t, 0.0249867111091118, got.P, 1e-12)
}

func TestSignedRankErrors(t *testing.T) {
	_, err := SignedRank([]float64{0, 0})
	assert.True(t, errors.Is(err, ErrInsufficientData))
	_, err = SignedRank(nil)
	assert.True(t, errors.Is(err, ErrInsufficientData))
	_, err = SignedRank([]float64{1, math.NaN()})
	assert.True(t, errors.Is(err, ErrNotFinite))
	_, err = SignedRank([]float64{1, math.Inf(-1)})
	assert.True(t, errors.Is(err, ErrNotFinite))
}

func TestSignedRankGroupsMatchesRaw(t *testing.T) {
	// A histogram of changes on a 5-point scale: −2 ×3, −1 ×5, 0 ×7, +1 ×9, +2 ×4, +3 ×1.
	raw := []float64{}
	add := func(v float64, k int) {
		for range k {
			raw = append(raw, v)
		}
	}
	add(-2, 3)
	add(-1, 5)
	add(0, 7)
	add(1, 9)
	add(2, 4)
	add(3, 1)
	want, err := SignedRank(raw)
	require.NoError(t, err)
	got, err := SignedRankGroups([]TieGroup{{Pos: 9, Neg: 5}, {Pos: 4, Neg: 3}, {Pos: 1}}, true)
	require.NoError(t, err)
	assert.Equal(t, want, got)
}

func FuzzSignedRank(f *testing.F) {
	f.Add(1.0, -2.0, 0.0, 3.5, 2.0)
	f.Add(0.0, 0.0, 0.0, 0.0, 0.0)
	f.Fuzz(func(t *testing.T, a, b, c, d, e float64) {
		r, err := SignedRank([]float64{a, b, c, d, e})
		if err != nil {
			return
		}
		if r.P < 0 || r.P > 1 || math.IsNaN(r.P) {
			t.Fatalf("p = %v out of [0, 1]", r.P)
		}
		if r.V < 0 || r.V > float64(r.N*(r.N+1))/2 {
			t.Fatalf("V = %v out of range for N = %d", r.V, r.N)
		}
	})
}

func BenchmarkSignedRankExact49(b *testing.B) {
	d := make([]float64, 49)
	for i := range d {
		d[i] = float64(i+1) * float64(1-2*(i%2))
	}
	for b.Loop() {
		_, _ = SignedRank(d)
	}
}
