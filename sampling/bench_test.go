package sampling

import (
	"fmt"
	"testing"
)

// BenchmarkDrawMillion: a draw of 2 cases per stratum from 1,000,000 cases in 50 strata
// (population check, fingerprint, eligibility, tickets, selection, audit). Target: < 0.5 s.
func BenchmarkDrawMillion(b *testing.B) {
	pop := make([]Case, 1_000_000)
	for i := range pop {
		pop[i] = Case{ID: fmt.Sprintf("%010d", i*7919%1_000_003), Caseworker: fmt.Sprint("cw", i%50), Opened: date(2024, 1, 1)}
	}
	rule := Rule{StratifyBy: []string{"caseworker"}, PerStratum: 2}
	q := Quarters(2026)[0]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Draw(pop, rule, q, "seed"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSampleSize: the plans with the largest n up to 5,000 that the search meets:
// Binomial at 0.1% materiality (2,995 cases), a rate of expected errors (many runs of
// equal ⌈rate·n⌉), and a hypergeometric plan over 5,000 cases. Target: < 10 ms each.
func BenchmarkSampleSize(b *testing.B) {
	for _, p := range []Plan{
		{Materiality: 0.001, Confidence: 0.95},
		{Materiality: 0.02, Confidence: 0.95, Expected: 0.012},
		{Likelihood: Poisson, Materiality: 0.01, Confidence: 0.99, Expected: 0.004},
		{Likelihood: Hypergeometric, Materiality: 0.005, Confidence: 0.99, Expected: 2, Population: 5000},
	} {
		n, err := SampleSize(p)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%s-n%d", p.Likelihood, n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = SampleSize(p)
			}
		})
	}
}
