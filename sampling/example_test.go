package sampling_test

import (
	"fmt"
	"time"

	"github.com/opfolgning/opfolgning/sampling"
)

// A team's quarterly draw: two cases per caseworker, cases reviewed in the last six months
// left out, the quarter's seed derived from the year's published seed.
func ExampleDraw() {
	var pop []sampling.Case
	for i := range 24 {
		c := sampling.Case{ID: fmt.Sprintf("S-%03d", i), Caseworker: []string{"AB", "CD", "EF"}[i%3], Team: "7-14 år",
			Opened: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
		if i%8 == 0 {
			c.LastReviewed = time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)
		}
		pop = append(pop, c)
	}
	q := sampling.Quarters(2026)[0]
	rule := sampling.Rule{Name: "2 pr. rådgiver pr. kvartal", StratifyBy: []string{"caseworker"}, PerStratum: 2, ReviewedWithinMonths: 6}
	rec, err := sampling.Draw(pop, rule, q, sampling.PeriodSeed("eksempel-2026", q.Label))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range rec.Strata {
		fmt.Printf("%s: %d cases, %d eligible, %d reviewed recently, %d drawn\n", s.Key[0], s.Population, s.Eligible, s.Excluded.ReviewedRecently, s.Drawn)
	}
	for _, s := range rec.Selected {
		fmt.Println(s.Stratum[0], s.Rank, s.CaseID, s.Ticket[:12])
	}
	fmt.Println("verified:", sampling.Verify(rec, pop) == nil)
	// Output:
	// AB: 8 cases, 7 eligible, 1 reviewed recently, 2 drawn
	// CD: 8 cases, 7 eligible, 1 reviewed recently, 2 drawn
	// EF: 8 cases, 7 eligible, 1 reviewed recently, 2 drawn
	// AB 1 S-012 01a58f2009d2
	// AB 2 S-018 30fb65fb1e86
	// CD 1 S-013 165319ba5e3c
	// CD 2 S-001 1b066a06a208
	// EF 1 S-017 4f37652ccf10
	// EF 2 S-023 812758c6d935
	// verified: true
}

// How many cases does a supervision procedure need? With jfa's conventions.
func ExampleSampleSize() {
	for _, p := range []sampling.Plan{
		{Materiality: 0.05, Confidence: 0.95},
		{Materiality: 0.05, Confidence: 0.95, Expected: 2},
		{Likelihood: sampling.Hypergeometric, Materiality: 0.05, Confidence: 0.95, Population: 400},
		{Materiality: 0.10, Confidence: 0.90},
	} {
		n, err := sampling.SampleSize(p)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s, materiality %.0f%%, %v errors allowed: %d cases\n", p.Likelihood, 100*p.Materiality, p.Expected, n)
	}
	// Output:
	// binomial, materiality 5%, 0 errors allowed: 59 cases
	// binomial, materiality 5%, 2 errors allowed: 124 cases
	// hypergeometric, materiality 5%, 0 errors allowed: 55 cases
	// binomial, materiality 10%, 0 errors allowed: 22 cases
}

// One caseworker's cases say little; a team's year says more.
func ExamplePool() {
	own := sampling.Tally{K: 0, N: 8}
	team := sampling.Pool(own, sampling.Tally{K: 1, N: 8}, sampling.Tally{K: 0, N: 8}, sampling.Tally{K: 0, N: 8},
		sampling.Tally{K: 0, N: 8}, sampling.Tally{K: 2, N: 8}, sampling.Tally{K: 0, N: 8}, sampling.Tally{K: 0, N: 8})
	for _, t := range []sampling.Tally{own, team} {
		e, _ := t.Evaluate(0.95)
		fmt.Printf("%d errors in %d cases: %.1f%% (95%% CI %.1f–%.1f%%), at most %.1f%%\n",
			e.K, e.N, 100*e.Rate, 100*e.Interval.Lower, 100*e.Interval.Upper, 100*e.Upper)
	}
	// Output:
	// 0 errors in 8 cases: 0.0% (95% CI 0.0–36.9%), at most 31.2%
	// 3 errors in 64 cases: 4.7% (95% CI 1.0–13.1%), at most 11.7%
}

// A third party recomputes a ticket with SHA-256 alone.
func ExampleTicketOf() {
	fmt.Println(sampling.TicketOf("2026-K1", "S-0002"))
	// Output: 23ea26e2644ca5a0336ae1cb8a6fff1d22aeae48258cffac4406cbe3a159f036
}

// Payments checked with probability proportional to the amount, and the estimated total
// error from what was found.
func ExampleDrawPPS() {
	var pop []sampling.Case
	for i := range 50 {
		pop = append(pop, sampling.Case{ID: fmt.Sprintf("P-%02d", i), Amount: int64(10_000_00 * (1 + i%10))})
	}
	rec, _ := sampling.DrawPPS(pop, 5, "refusion-2026")
	errs := map[string]int64{rec.Selected[0].CaseID: 5_000_00}
	est, _ := rec.EstimateError(errs, 0.95)
	fmt.Printf("drawn %d, threshold %.0f øre\n", len(rec.Selected), rec.Threshold)
	fmt.Printf("estimated total error %.0f kr., upper bound %.0f kr.\n", est.Total/100, est.Upper/100)
	// Output:
	// drawn 5, threshold 94772471 øre
	// estimated total error 157954 kr., upper bound 413620 kr.
}
