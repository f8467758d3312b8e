package stat

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// MannKendallResult is the result of the Mann–Kendall trend test; see MannKendall.
type MannKendallResult struct {
	N     int     // values used (NaN dropped)
	S     int     // Kendall's score: concordant minus discordant pairs in time order
	VarS  float64 // variance of S under no trend, corrected for ties
	Z     float64 // (S − sign(S)) / √VarS, continuity-corrected; 0 when S = 0
	P     float64 // two-sided p-value
	Tau   float64 // Kendall's tau-b (ties in the values counted, none in time)
	Exact bool    // P from the exact permutation distribution of S
}

// MannKendall performs the two-sided Mann–Kendall test for a monotonic trend in values,
// taken to be in time order (Mann, 1945; Kendall, 1975):
//
//	S    = Σ_{i<j} sign(x_j − x_i)
//	VarS = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18      (t: sizes of groups of tied values)
//	Z    = (S − sign(S)) / √VarS,  P = 2·Φ(−|Z|)
//	τ_b  = S / √(n₀·(n₀ − n₁)),  n₀ = n(n−1)/2, n₁ = Σ t(t−1)/2
//
// as R's trend::mk.test and pyMannKendall's original_test compute them (their Tau is
// tau-a, S/n₀; ours is tau-b, as R's Kendall::MannKendall reports). When n ≤ 10 and no
// values are tied, P is exact: P(|S′| ≥ |S|) over the n! equally likely orders, from the
// distribution of inversions (Mahonian numbers).
//
// NaN marks a missing value and is dropped; ±Inf is an error wrapping ErrNotFinite; fewer
// than 3 values, or all values equal, is an error wrapping ErrInsufficientData. S is
// counted in O(n log n) by merge sort (Knight, 1966).
func MannKendall(values []float64) (MannKendallResult, error) {
	x := make([]float64, 0, len(values))
	for i, v := range values {
		switch {
		case math.IsNaN(v):
		case math.IsInf(v, 0):
			return MannKendallResult{}, fmt.Errorf("value %d: %w", i, ErrNotFinite)
		default:
			x = append(x, v)
		}
	}
	n := len(x)
	r := MannKendallResult{N: n}
	if n < 3 {
		return r, fmt.Errorf("trend test: %d values, need 3: %w", n, ErrInsufficientData)
	}
	sp, bp := getFloats(n), getFloats(n)
	defer putFloats(sp)
	defer putFloats(bp)
	sorted := *sp
	copy(sorted, x)
	disc := countInversions(sorted, *bp) // leaves sorted sorted
	var n1, tieVar float64
	ties := false
	for i := 0; i < n; {
		j := i
		for j < n && sorted[j] == sorted[i] {
			j++
		}
		if t := float64(j - i); t > 1 {
			ties = true
			n1 += t * (t - 1) / 2
			tieVar += t * (t - 1) * (2*t + 5)
		}
		i = j
	}
	fn := float64(n)
	n0 := fn * (fn - 1) / 2
	// concordant = n0 − n1 − disc, so S = n0 − n1 − 2·disc.
	r.S = int(n0 - n1 - 2*float64(disc))
	r.VarS = (fn*(fn-1)*(2*fn+5) - tieVar) / 18
	if n0 == n1 {
		return r, fmt.Errorf("trend test: all values equal: %w", ErrInsufficientData)
	}
	r.Tau = float64(r.S) / math.Sqrt(n0*(n0-n1))
	s := float64(r.S)
	switch {
	case r.S > 0:
		r.Z = (s - 1) / math.Sqrt(r.VarS)
	case r.S < 0:
		r.Z = (s + 1) / math.Sqrt(r.VarS)
	}
	if n <= 10 && !ties {
		r.Exact = true
		r.P = mannKendallExactP(r.S, n)
		return r, nil
	}
	r.P = 2 * distuv.UnitNormal.CDF(-math.Abs(r.Z))
	return r, nil
}

// mannKendallExactP returns P(|S′| ≥ |s|) for n untied values: S′ = n₀ − 2·I where I, the
// number of inversions of a random permutation, has the Mahonian distribution.
func mannKendallExactP(s, n int) float64 {
	n0 := n * (n - 1) / 2
	counts := []float64{1}
	for k := 2; k <= n; k++ { // add element k: it creates 0..k−1 new inversions
		next := make([]float64, len(counts)+k-1)
		for i, c := range counts {
			for j := range k {
				next[i+j] += c
			}
		}
		counts = next
	}
	var tail, total float64
	abs := s
	if abs < 0 {
		abs = -abs
	}
	for inv, c := range counts {
		total += c
		sp := n0 - 2*inv
		if sp >= abs || -sp >= abs {
			tail += c
		}
	}
	return math.Min(1, tail/total)
}

// countInversions returns the number of pairs i < j with x[i] > x[j] (strictly), sorting x
// in place by merge sort; buf is scratch space of len(x).
func countInversions(x, buf []float64) int64 {
	n := len(x)
	if n < 2 {
		return 0
	}
	var inv int64
	src, dst := x, buf
	for width := 1; width < n; width *= 2 {
		for lo := 0; lo < n; lo += 2 * width {
			mid := min(lo+width, n)
			hi := min(lo+2*width, n)
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if src[j] < src[i] {
					dst[k] = src[j]
					inv += int64(mid - i)
					j++
				} else {
					dst[k] = src[i]
					i++
				}
				k++
			}
			k += copy(dst[k:], src[i:mid])
			copy(dst[k:], src[j:hi])
		}
		src, dst = dst, src
	}
	if &src[0] != &x[0] {
		copy(x, src)
	}
	return inv
}
