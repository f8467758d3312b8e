package stat

import (
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// BootstrapMean returns the percentile bootstrap interval of the mean of a sample given as a
// histogram: counts[k] observations of value values[k]. A resample of n observations with
// replacement is a multinomial draw of the n over the categories with probabilities
// counts[k]/n, drawn as successive conditional binomials (gonum's distuv.Binomial), so the
// work is O(resamples × categories) whatever n is. The interval is the type-7 quantiles
// (see Quantile) at (1 − confidence)/2 and (1 + confidence)/2 of the resampled means.
//
// The draws come from src alone, so a caller that seeds one source per group gets the same
// interval whatever the number of goroutines. It returns NaNs for an empty sample and
// resamples < 1.
func BootstrapMean(values []float64, counts []int, resamples int, confidence float64, src rand.Source) Interval {
	n := 0
	for _, c := range counts {
		n += c
	}
	if n == 0 || resamples < 1 || len(values) != len(counts) {
		return Interval{Lower: math.NaN(), Upper: math.NaN()}
	}
	last := -1
	for k, c := range counts {
		if c > 0 {
			last = k
		}
	}
	means := make([]float64, resamples)
	bin := distuv.Binomial{Src: src}
	for b := range means {
		left := n
		leftMass := n // observations of the original sample in categories k.. (as counts)
		sum := 0.0
		for k, c := range counts {
			if c == 0 || left == 0 {
				continue
			}
			var draw int
			if k == last || c == leftMass {
				draw = left
			} else {
				bin.N, bin.P = float64(left), float64(c)/float64(leftMass)
				draw = int(bin.Rand())
			}
			sum += float64(draw) * values[k]
			left -= draw
			leftMass -= c
		}
		means[b] = sum / float64(n)
	}
	slices.Sort(means)
	alpha := (1 - confidence) / 2
	return Interval{Lower: Quantile(alpha, means), Upper: Quantile(1-alpha, means)}
}
