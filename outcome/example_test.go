package outcome_test

import (
	"fmt"
	"time"

	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/outcome"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// A child scored three times at uneven intervals: the change in school from baseline to
// latest, per year, and between consecutive assessments.
func ExampleTrajectory_Change() {
	scale := outcome.FivePoint(outcome.HigherIsBetter)
	var as []outcome.Assessment
	for i, s := range []struct {
		d      time.Time
		school int
	}{{date(2024, 2, 1), 2}, {date(2024, 9, 15), 3}, {date(2025, 8, 1), 4}} {
		a := outcome.Assessment{Child: "B-017", Date: s.d}
		a.Scores.Set(outcome.School, s.school)
		if i != 1 {
			a.Scores.Set(outcome.Family, 3)
		}
		as = append(as, a)
	}
	ts, err := outcome.Trajectories(as, scale)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := ts[0].Change(outcome.School, outcome.CompleteCase)
	fmt.Printf("%s: %d → %d, %+d steps in %.2f years (%+.2f a year)\n",
		outcome.School.Label(lang.English), c.Baseline, c.Latest, c.Delta, c.Years, c.PerYear)
	for _, st := range ts[0].Steps(outcome.School) {
		fmt.Printf("  %s to %s: %+d\n", st.From.Format("2006-01-02"), st.To.Format("2006-01-02"), st.Delta)
	}
	dir, _ := outcome.ChangeRule{}.Classify(c.Delta, scale)
	rel, _ := outcome.ChangeRule{Method: outcome.ByReliableChange}.Classify(c.Delta, scale)
	fmt.Println("one-step rule:", dir, "| reliable change:", rel)
	// Output:
	// Daycare, school or employment: 2 → 4, +2 steps in 1.50 years (+1.34 a year)
	//   2024-02-01 to 2024-09-15: +1
	//   2024-09-15 to 2025-08-01: +1
	// one-step rule: improved | reliable change: improved
}

// The reliable change index on the 5-point scale: one step is within measurement error.
func ExampleReliableChangeIndex() {
	for _, steps := range []float64{1, 2} {
		rci := outcome.ReliableChangeIndex(2, 2+steps, 1, 0.8)
		fmt.Printf("%v step(s): RCI %.2f, reliable: %v\n", steps, rci, rci > 1.96)
	}
	// Output:
	// 1 step(s): RCI 1.58, reliable: false
	// 2 step(s): RCI 3.16, reliable: true
}

// R's documentation example of wilcox.test: V = 40, two-sided p = 0.039.
func ExampleWilcoxonSignedRank() {
	x := []float64{1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30}
	y := []float64{0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29}
	d := make([]float64, len(x))
	for i := range x {
		d[i] = x[i] - y[i]
	}
	r, err := outcome.WilcoxonSignedRank(d)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("N = %d, V = %v, p = %.4f, exact = %v\n", r.N, r.V, r.P, r.Exact)
	// Output: N = 9, V = 40, p = 0.0391, exact = true
}

// A summary per intervention: six children under family treatment, two under a contact
// person; one child has a single assessment and is counted as excluded, not dropped.
func ExampleSummarize() {
	scale := outcome.FivePoint(outcome.HigherIsBetter)
	var as []outcome.Assessment
	add := func(child, intervention string, before, after int) {
		attrs := map[string]string{"intervention": intervention}
		a := outcome.Assessment{Child: child, Date: date(2024, 3, 1), Attrs: attrs}
		a.Scores.Set(outcome.Family, before)
		as = append(as, a)
		if after > 0 {
			b := outcome.Assessment{Child: child, Date: date(2025, 3, 1), Attrs: attrs}
			b.Scores.Set(outcome.Family, after)
			as = append(as, b)
		}
	}
	for i, c := range [][2]int{{2, 4}, {3, 3}, {1, 2}, {2, 3}, {4, 3}, {2, 4}, {2, 0}} {
		add(fmt.Sprint("F", i), "familiebehandling", c[0], c[1])
	}
	add("K1", "kontaktperson", 3, 3)
	add("K2", "kontaktperson", 2, 3)

	sum, err := outcome.Summarize(as, scale, outcome.Options{GroupBy: []string{"intervention"}, Seed: 2026})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range sum.Groups {
		t := g.Theme(outcome.Family)
		fmt.Printf("%s: n=%d (excluded %d), mean change %+.2f [%.2f; %.2f], improved %.0f%%, d_z %.2f\n",
			g.Key[0], t.N, t.Excluded.Total(), t.MeanChange, t.MeanChangeCI.Lower, t.MeanChangeCI.Upper,
			100*t.Share(outcome.Improved), t.Effect.DZ)
	}
	// Output:
	// familiebehandling: n=6 (excluded 1), mean change +0.83 [-0.17; 1.67], improved 67%, d_z 0.71
	// kontaktperson: n=2 (excluded 0), mean change +0.50 [0.00; 1.00], improved 50%, d_z 0.71
}
