package stat

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestBootstrapMeanMatchesNaive compares the multinomial bootstrap with the textbook one
// (n draws with replacement per resample) on the same histogram: with 20,000 resamples both
// intervals must agree to within Monte Carlo error, and both must be close to the normal
// theory interval mean ± 1.96·sd/√n.
func TestBootstrapMeanMatchesNaive(t *testing.T) {
	values := []float64{-2, -1, 0, 1, 2}
	counts := []int{3, 10, 40, 30, 17}
	var sample []float64
	for k, c := range counts {
		for range c {
			sample = append(sample, values[k])
		}
	}
	n := float64(len(sample))
	var mean, ss float64
	for _, x := range sample {
		mean += x / n
	}
	for _, x := range sample {
		ss += (x - mean) * (x - mean)
	}
	se := math.Sqrt(ss/n) / math.Sqrt(n)

	got := BootstrapMean(values, counts, 20000, 0.95, rand.NewPCG(1, 2))
	r := rand.New(rand.NewPCG(3, 4))
	means := make([]float64, 20000)
	for b := range means {
		s := 0.0
		for range sample {
			s += sample[r.IntN(len(sample))]
		}
		means[b] = s / n
	}
	slices.Sort(means)
	naive := Interval{Lower: Quantile(0.025, means), Upper: Quantile(0.975, means)}
	assert.InDelta(t, naive.Lower, got.Lower, 0.01)
	assert.InDelta(t, naive.Upper, got.Upper, 0.01)
	assert.InDelta(t, mean-1.96*se, got.Lower, 0.02)
	assert.InDelta(t, mean+1.96*se, got.Upper, 0.02)

	again := BootstrapMean(values, counts, 20000, 0.95, rand.NewPCG(1, 2))
	assert.Equal(t, got, again, "same source, same interval")
}

func TestBootstrapMeanDegenerate(t *testing.T) {
	got := BootstrapMean([]float64{1, 2}, []int{0, 5}, 100, 0.95, rand.NewPCG(1, 1))
	assert.Equal(t, Interval{Lower: 2, Upper: 2}, got, "no variation, no width")
	got = BootstrapMean([]float64{1}, []int{0}, 100, 0.95, rand.NewPCG(1, 1))
	assert.True(t, math.IsNaN(got.Lower) && math.IsNaN(got.Upper))
}

// BenchmarkBootstrapMean: 1,000 resamples of 100,000 changes on a 5-point scale (9 values).
func BenchmarkBootstrapMean(b *testing.B) {
	values := []float64{-4, -3, -2, -1, 0, 1, 2, 3, 4}
	counts := []int{100, 900, 5000, 20000, 40000, 25000, 7000, 1800, 200}
	b.ReportAllocs()
	for b.Loop() {
		_ = BootstrapMean(values, counts, 1000, 0.95, rand.NewPCG(1, 2))
	}
}
