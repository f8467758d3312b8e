package stat

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// SignedRankResult is the result of the Wilcoxon signed-rank test; see SignedRank.
type SignedRankResult struct {
	N     int     // number of non-zero differences
	V     float64 // sum of the ranks of the positive differences, as R reports it
	P     float64 // two-sided p-value
	Exact bool    // P from the exact null distribution rather than the normal approximation
}

// TieGroup is a set of non-zero differences with the same absolute value: Pos of them
// positive and Neg negative. SignedRankGroups takes tie groups in increasing order of
// absolute value.
type TieGroup struct{ Pos, Neg int }

// SignedRank performs the two-sided Wilcoxon signed-rank test on paired differences exactly
// as R's wilcox.test(diffs, correct = TRUE) does:
//
//   - zeros are dropped and N counts the rest;
//   - V is the sum of the ranks of |d| (mid-ranks for ties) over the positive differences;
//   - with N < 50, no ties and no zeros, P is exact: 2·P(T ≤ V) or 2·P(T ≥ V) from the
//     distribution of the signed-rank statistic (R's psignrank), capped at 1;
//   - otherwise z = (V − N(N+1)/4 − sign·½) / σ with the tie-corrected
//     σ² = N(N+1)(2N+1)/24 − Σ(t³ − t)/48 over tie groups of size t, and P = 2·Φ(−|z|).
//
// NaN or ±Inf in diffs is an error wrapping ErrNotFinite; no non-zero difference, or a
// zero variance, is an error wrapping ErrInsufficientData (R returns NA there).
func SignedRank(diffs []float64) (SignedRankResult, error) {
	abs := make([]float64, 0, len(diffs))
	neg := 0
	zeros := false
	for i, d := range diffs {
		switch {
		case math.IsNaN(d) || math.IsInf(d, 0):
			return SignedRankResult{}, fmt.Errorf("difference %d: %w", i, ErrNotFinite)
		case d == 0:
			zeros = true
		default:
			if d < 0 {
				neg++
			}
			abs = append(abs, d)
		}
	}
	slices.SortFunc(abs, func(a, b float64) int {
		if c := cmp.Compare(math.Abs(a), math.Abs(b)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	var groups []TieGroup
	for i := 0; i < len(abs); {
		j := i
		var g TieGroup
		for ; j < len(abs) && math.Abs(abs[j]) == math.Abs(abs[i]); j++ {
			if abs[j] > 0 {
				g.Pos++
			} else {
				g.Neg++
			}
		}
		groups = append(groups, g)
		i = j
	}
	return SignedRankGroups(groups, zeros)
}

// SignedRankGroups is SignedRank for differences already grouped by absolute value, as a
// histogram of changes on an ordinal scale gives them; zeros tells whether any zero
// differences were dropped (which rules out the exact test, as in R). The work is
// O(len(groups)) for the normal approximation.
func SignedRankGroups(groups []TieGroup, zeros bool) (SignedRankResult, error) {
	var (
		n       int
		v       float64
		tieCorr float64
		ties    bool
	)
	for _, g := range groups {
		t := g.Pos + g.Neg
		if t == 0 {
			continue
		}
		midRank := float64(n) + float64(t+1)/2
		v += float64(g.Pos) * midRank
		if t > 1 {
			ties = true
			ft := float64(t)
			tieCorr += ft*ft*ft - ft
		}
		n += t
	}
	res := SignedRankResult{N: n, V: v}
	if n == 0 {
		return res, fmt.Errorf("signed-rank test: no non-zero differences: %w", ErrInsufficientData)
	}
	fn := float64(n)
	if n < 50 && !ties && !zeros {
		res.Exact = true
		res.P = signedRankExactP(v, n)
		return res, nil
	}
	variance := fn*(fn+1)*(2*fn+1)/24 - tieCorr/48
	if !(variance > 0) {
		return res, fmt.Errorf("signed-rank test: zero variance: %w", ErrInsufficientData)
	}
	z := v - fn*(fn+1)/4
	switch {
	case z > 0:
		z -= 0.5
	case z < 0:
		z += 0.5
	}
	z /= math.Sqrt(variance)
	res.P = 2 * distuv.UnitNormal.CDF(-math.Abs(z))
	return res, nil
}

// signedRankExactP returns the exact two-sided p-value of V among n untied ranks, as R:
// if V > n(n+1)/4 then 2·P(T ≥ V) else 2·P(T ≤ V), capped at 1.
func signedRankExactP(v float64, n int) float64 {
	maxSum := n * (n + 1) / 2
	// counts[s] = number of subsets of {1..n} whose sum is s; exact in float64 for n < 50
	// since the total 2^n < 2^53.
	counts := make([]float64, maxSum+1)
	counts[0] = 1
	for k := 1; k <= n; k++ {
		for s := k * (k + 1) / 2; s >= k; s-- {
			counts[s] += counts[s-k]
		}
	}
	total := math.Ldexp(1, n)
	vi := int(math.Round(v))
	var tail float64
	if v > float64(n*(n+1))/4 {
		for s := vi; s <= maxSum; s++ {
			tail += counts[s]
		}
	} else {
		for s := 0; s <= vi; s++ {
			tail += counts[s]
		}
	}
	return math.Min(1, 2*tail/total)
}
