package goals

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/opfolgning/opfolgning/lang"
)

var unitPoints = lang.Text{Da: "point", En: "points"}

func benchIndicators(n, points int) []Indicator {
	r := rand.New(rand.NewPCG(3, 3))
	out := make([]Indicator, n)
	for i := range out {
		ind := Indicator{ID: fmt.Sprint("i", i), Type: MeanScore, Polarity: HigherIsBetter, Unit: unitPoints}
		trend := r.NormFloat64() * 0.05
		for k := range points {
			ind.Observations = append(ind.Observations, Observation{Date: date(2020, 1, 1).AddDate(0, k, 0), Value: 3 + trend*float64(k) + r.NormFloat64()*0.3})
		}
		ind.Baseline = ind.Observations[5]
		out[i] = ind
	}
	return out
}

// BenchmarkAssess10000: a verdict (Mann–Kendall with Sen's slope, runs check against a
// baseline, explanation in two languages) for each of 10,000 indicators of 20 points.
// Target: < 100 ms.
func BenchmarkAssess10000(b *testing.B) {
	inds := benchIndicators(10_000, 20)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := AssessAll(inds, VerdictOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMannKendallMillion: the Mann–Kendall test on 1,000,000 values. Target: < 1 s.
func BenchmarkMannKendallMillion(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	x := make([]float64, 1_000_000)
	for i := range x {
		x[i] = float64(i)*1e-6 + r.NormFloat64()
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := MannKendall(x); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSenSlope100k: Sen's slope with its interval on 100,000 points at real times.
// Target: < 1 s in O(n) memory (the 5·10⁹ pairwise slopes would take 40 GB).
func BenchmarkSenSlope100k(b *testing.B) {
	r := rand.New(rand.NewPCG(2, 2))
	ts, xs := make([]float64, 100_000), make([]float64, 100_000)
	for i := range ts {
		ts[i] = float64(i) + r.Float64()
		xs[i] = 0.01*ts[i] + r.NormFloat64()*10
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SenSlope(ts, xs, 0.95); err != nil {
			b.Fatal(err)
		}
	}
}
