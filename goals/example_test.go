package goals_test

import (
	"fmt"
	"time"

	"github.com/opfolgning/opfolgning/goals"
	"github.com/opfolgning/opfolgning/lang"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// The share of placed children who live in a foster family, measured every half year:
// the committee is told whether it is a development, and why.
func ExampleAssess() {
	ind := goals.Indicator{
		ID:       "foster-share",
		Name:     lang.Text{Da: "Andel anbragte i plejefamilie", En: "Share of placed children in foster care"},
		Unit:     lang.Text{Da: "pct.-point", En: "percentage points"},
		Type:     goals.Rate,
		Polarity: goals.HigherIsBetter,
	}
	for i, k := range []int{52, 55, 54, 58, 60, 59, 63, 64} {
		ind.Observations = append(ind.Observations, goals.Observation{
			Date: date(2021, 6, 30).AddDate(0, 6*i, 0), Numerator: k, Denominator: 130})
	}
	v, err := goals.Assess(ind, goals.VerdictOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v.Development)
	fmt.Println(v.Explanation.Da)
	fmt.Println(v.Explanation.En)
	// Output:
	// positive
	// Positiv udvikling: ændring +2,56 pct.-point om året (95%-interval 1,54 til 3,46) over 8 målinger, Mann-Kendall p = 0,002.
	// Positive development: change +2.56 percentage points a year (95% interval 1.54 to 3.46) over 8 points, Mann-Kendall p = 0.002.
}

// Noise is not a trend: eight points that wander without direction.
func ExampleAssess_noise() {
	ind := goals.Indicator{ID: "breakdowns", Type: goals.Count, Polarity: goals.LowerIsBetter}
	for i, v := range []float64{12, 15, 11, 14, 12, 16, 11, 13} {
		ind.Observations = append(ind.Observations, goals.Observation{Date: date(2021, 3, 31).AddDate(0, 3*i, 0), Value: v})
	}
	v, _ := goals.Assess(ind, goals.VerdictOptions{})
	fmt.Println(v.Development.Label(lang.English), "| p =", fmt.Sprintf("%.2f", v.Evidence.P))
	// Output: no development | p = 1.00
}

// The Mann–Kendall test and Sen's slope on their own.
func ExampleMannKendall() {
	mk, _ := goals.MannKendall([]float64{10, 12, 9, 14, 15, 15, 13, 18, 20, 19, 22, 21, 25, 24, 23})
	sen, _ := goals.SenSlope([]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
		[]float64{10, 12, 9, 14, 15, 15, 13, 18, 20, 19, 22, 21, 25, 24, 23}, 0.95)
	fmt.Printf("S = %d, tau-b = %.3f, p = %.5f\n", mk.S, mk.Tau, mk.P)
	fmt.Printf("slope %.3f [%.3f; %.3f]\n", sen.Slope, sen.Lower, sen.Upper)
	// Output:
	// S = 84, tau-b = 0.804, p = 0.00004
	// slope 1.000 [0.875; 1.250]
}

// A run chart with a baseline of six months and the Anhøj rules.
func ExampleRuns() {
	r, _ := goals.Runs([]float64{10, 11, 9, 10, 11, 10, 12, 13, 12, 14, 13, 12, 13, 14}, goals.RunsOptions{Freeze: 6})
	fmt.Printf("centre %.1f, useful %d, longest run %d (limit %d), crossings %d (limit %d), signal %v\n",
		r.Centre, r.Useful, r.LongestRun, r.LongestRunLimit, r.Crossings, r.CrossingsLimit, r.Signal)
	// Output: centre 10.0, useful 11, longest run 9 (limit 6), crossings 2 (limit 2), signal true
}

// The survey of seed 004: do leaders and caseworkers agree that interventions are followed
// up "to a high or some degree"?
func ExampleCompareTopTwo() {
	leaders := goals.Responses{Group: "ledere", Counts: [5]int{61, 33, 7, 1, 2}}
	workers := goals.Responses{Group: "rådgivere", Counts: [5]int{240, 172, 35, 6, 6}}
	c, _ := goals.CompareTopTwo(leaders, workers, goals.SurveyOptions{})
	for _, s := range []goals.Share{c.A, c.B} {
		fmt.Printf("%d of %d (%.0f%%, 95%% CI %.0f–%.0f%%), %d don't know\n",
			s.K, s.N, 100*s.Share, 100*s.Interval.Lower, 100*s.Interval.Upper, s.DontKnow)
	}
	fmt.Printf("difference %.1f points, p = %.2f\n", 100*c.Difference, c.P)
	// Output:
	// 94 of 102 (92%, 95% CI 85–96%), 2 don't know
	// 412 of 453 (91%, 95% CI 88–93%), 6 don't know
	// difference 1.2 points, p = 0.70
}

// A goal through its theory of change: its own indicator, the activity that should lead
// to it, and when the committee sees it next.
func ExampleTheoryOfChange_Status() {
	share := goals.Indicator{ID: "foster-share", Type: goals.MeanScore, Polarity: goals.HigherIsBetter}
	for i, v := range []float64{52, 55, 54, 58, 60, 59, 62} {
		share.Observations = append(share.Observations, goals.Observation{Date: date(2022, 6, 30).AddDate(0, 6*i, 0), Value: v})
	}
	courses := goals.Indicator{ID: "courses", Type: goals.Count, Polarity: goals.HigherIsBetter, MID: 2,
		Observations: []goals.Observation{{Date: date(2023, 12, 31), Value: 3}, {Date: date(2024, 12, 31), Value: 6}}}
	tc := goals.TheoryOfChange{
		Nodes: []goals.Node{
			{ID: "recruit", Level: goals.Activity, Indicators: []string{"courses"}},
			{ID: "family-care", Level: goals.Goal, Indicators: []string{"foster-share"},
				Cadence: goals.Cadence{Frequency: goals.Yearly, LastEvaluated: date(2025, 3, 10)}},
		},
		Links:      []goals.Link{{From: "recruit", To: "family-care", Rationale: lang.Text{En: "more approved foster families"}}},
		Indicators: []goals.Indicator{share, courses},
	}
	st, err := tc.Status("family-care", date(2025, 6, 30), goals.VerdictOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(st.Development, "-", st.Explanation.En)
	for _, s := range st.Implementation {
		fmt.Println("activity", s.Node, s.Indicator.ID, s.Verdict.Development)
	}
	fmt.Println("next due", st.NextDue.Format("2006-01-02"))
	// Output:
	// positive - Positive development. 1 indicator(s): 1 positive, 0 without development, 0 negative, 0 with insufficient data.
	// activity recruit courses positive
	// next due 2026-03-10
}
