package supervision_test

import (
	"fmt"
	"time"

	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/sampling"
	"github.com/opfolgning/opfolgning/supervision"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// The shipped checklist of formal requirements.
func ExampleFormalRequirements() {
	for _, it := range supervision.FormalRequirements().Items {
		refund := ""
		if it.Refund {
			refund = ", refusion"
		}
		fmt.Printf("%-20s %-8s %-28s %s%s\n", it.ID, it.Category, it.AppliesTo, it.Severity, refund)
	}
	// Output:
	// eligible-group       formal   always                       high, refusion
	// grant-decision       formal   always                       high, refusion
	// journal              formal   always                       medium
	// account              formal   always                       medium, refusion
	// examination          formal   always                       high
	// deadlines            formal   always                       medium
	// child-involved       formal   always                       medium
	// child-conversation   formal   child-conversation-relevant  high
	// consents             formal   consent-required             medium
	// professional-basis   quality  always                       medium
}

// A quarter's compliance with the child conversation: rate, n and interval per quarter, and
// whether it develops.
func ExampleCompliance() {
	cat := supervision.Catalog{Checklists: []supervision.Template{supervision.FormalRequirements()}}
	var reviews []supervision.Review
	for q, held := range []int{4, 6, 8, 9} {
		for i := range 10 {
			r := supervision.Review{ID: fmt.Sprint(q, "-", i), Case: fmt.Sprint("S-", q, i), Selection: supervision.Drawn, Draw: fmt.Sprint("2025-K", q+1),
				Reviewer: "TL", Caseworker: "R01", Team: "7-14 år", Date: date(2025, time.Month(3*q+2), 1+i),
				Template: "formal-requirements", Version: 1, Facts: supervision.Facts{ChildConversationRelevant: true}}
			for _, it := range supervision.FormalRequirements().Items {
				if !it.AppliesTo.Holds(r.Facts) {
					continue
				}
				v := supervision.Yes
				if it.ID == "child-conversation" && i >= held {
					v = supervision.No
				}
				r.Answers = append(r.Answers, supervision.Answer{Item: it.ID, Value: v})
			}
			reviews = append(reviews, r)
		}
	}
	rep, err := supervision.Compliance(reviews, supervision.FormalRequirements(), cat, supervision.ComplianceOptions{Periods: sampling.Quarters(2025), MID: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range rep.Items {
		if s.Key != "child-conversation" {
			continue
		}
		for i, r := range s.Periods {
			fmt.Printf("%s: %d of %d (%.0f%%, 95%% CI %.0f–%.0f%%)\n", rep.Periods[i].Label, r.Yes, r.N, 100*r.Rate, 100*r.Interval.Lower, 100*r.Interval.Upper)
		}
		fmt.Println(s.Verdict.Explanation.En)
	}
	// Output:
	// 2025-K1: 4 of 10 (40%, 95% CI 17–69%)
	// 2025-K2: 6 of 10 (60%, 95% CI 31–83%)
	// 2025-K3: 8 of 10 (80%, 95% CI 49–94%)
	// 2025-K4: 9 of 10 (90%, 95% CI 60–98%)
	// Positive development: from 40.0 to 90.0 (+50.00 percentage points), minimal important difference 10.0, p = 0.019.
}

// Learning points raised at the team meeting and in individual supervision are shown again
// at the caseworker's next review until they are resolved.
func ExampleCarryForward() {
	points := []supervision.LearningPoint{
		{ID: "g1", Scope: supervision.General, Team: "7-14 år", Raised: date(2026, 4, 20),
			Text: lang.Text{Da: "Inddrag netværket tidligt i undersøgelsen", En: "Involve the network early in the examination"}},
		{ID: "i7", Scope: supervision.Individual, Caseworker: "R07", Raised: date(2026, 4, 22),
			Text: lang.Text{Da: "Dokumentér børnesamtalen i journalen", En: "Record the child conversation in the journal"}},
	}
	for _, p := range supervision.CarryForward(points, "7-14 år", "R07", date(2026, 6, 15)) {
		fmt.Println(p.Scope, "-", p.Text.In(lang.English))
	}
	// Output:
	// general - Involve the network early in the examination
	// individual - Record the child conversation in the journal
}

// Planning a themed supervision: two cases per caseworker over ten weeks.
func ExamplePlanThemed() {
	var pop []sampling.Case
	for i := range 30 {
		pop = append(pop, sampling.Case{ID: fmt.Sprintf("S-%02d", i), Caseworker: fmt.Sprintf("R%02d", i%3), Opened: date(2025, 1, 1)})
	}
	plan, err := supervision.PlanThemed(pop, supervision.ThemedPlanOptions{Theme: "network-involvement", Start: date(2026, 3, 2), Seed: "tema-2026"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range plan.Sessions {
		fmt.Println(s.Week.Format("2006-01-02"), s.Caseworker, s.Case, s.Hours)
	}
	fmt.Println("team leader's hours:", plan.TotalHours)
	// Output:
	// 2026-03-02 R00 S-09 1.5
	// 2026-03-09 R01 S-28 1.5
	// 2026-03-23 R02 S-08 1.5
	// 2026-04-06 R00 S-06 1.5
	// 2026-04-13 R01 S-25 1.5
	// 2026-04-27 R02 S-05 1.5
	// team leader's hours: 9
}
