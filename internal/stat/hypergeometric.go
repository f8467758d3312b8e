package stat

import (
	"fmt"
	"math"
)

// HypergeometricCDF returns P(X ≤ x) for X the number of marked items in a sample of n drawn
// without replacement from N items of which K are marked (R's phyper(x, K, N − K, n)),
// summing the probabilities from log-factorials (math.Lgamma). gonum has no hypergeometric
// distribution.
func HypergeometricCDF(x, K, N, n int) float64 {
	if N < 0 || K < 0 || K > N || n < 0 || n > N {
		return math.NaN()
	}
	lo, hi := max(0, n-(N-K)), min(n, K)
	if x < lo {
		return 0
	}
	if x >= hi {
		return 1
	}
	lc := func(a, b int) float64 { // log C(a, b)
		x, _ := math.Lgamma(float64(a + 1))
		y, _ := math.Lgamma(float64(b + 1))
		z, _ := math.Lgamma(float64(a - b + 1))
		return x - y - z
	}
	total := lc(N, n)
	var p float64
	for j := lo; j <= x; j++ {
		p += math.Exp(lc(K, j) + lc(N-K, n-j) - total)
	}
	return math.Min(1, p)
}

// HypergeometricUpper returns the one-sided upper confidence bound on the number of marked
// items K in a population of N, after x marked in a sample of n: the largest K with
// P(X ≤ x | K) > 1 − confidence, as jfa's .qhyper. Divide by N for the rate.
func HypergeometricUpper(x, n, N int, confidence float64) (int, error) {
	switch {
	case N < 1 || n < 1 || n > N:
		return 0, fmt.Errorf("sample of %d from %d: %w", n, N, ErrInsufficientData)
	case x < 0 || x > n:
		return 0, fmt.Errorf("x = %d is outside 0..%d", x, n)
	case !(confidence > 0 && confidence < 1):
		return 0, fmt.Errorf("confidence %v is outside (0, 1)", confidence)
	}
	alpha := 1 - confidence
	// P(X ≤ x | K) decreases in K: binary search for the last K above alpha.
	lo, hi := x, N-(n-x) // K ≥ x marked, and at most N − (n − x) since n − x were clean
	for lo < hi {
		mid := lo + (hi-lo+1)/2
		if HypergeometricCDF(x, mid, N, n) > alpha {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo, nil
}
