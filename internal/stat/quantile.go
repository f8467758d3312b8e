package stat

import "math"

// Quantile returns the p-quantile of the ascending sorted values x by Hyndman and Fan's
// (1996) definition 7, the default of R's quantile() and of Excel's PERCENTILE.INC:
//
//	h = (n − 1)·p,  g = h − ⌊h⌋,  Q(p) = (1 − g)·x[⌊h⌋] + g·x[⌊h⌋+1]   (0-based)
//
// computed in that form, as R computes it, so that results agree to the last bit (the
// median of two values is their mean).
// so that the median of an even number of values is the mean of the middle two. It returns
// NaN for an empty slice or p outside [0, 1]. gonum's stat.Quantile offers no type 7.
func Quantile(p float64, x []float64) float64 {
	n := len(x)
	if n == 0 || !(p >= 0 && p <= 1) {
		return math.NaN()
	}
	h := float64(n-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i >= n-1 {
		return x[n-1]
	}
	if x[i+1] == x[i] {
		return x[i]
	}
	g := h - lo
	return (1-g)*x[i] + g*x[i+1]
}

// Median returns the type-7 median of the ascending sorted values x; see Quantile.
func Median(x []float64) float64 { return Quantile(0.5, x) }
