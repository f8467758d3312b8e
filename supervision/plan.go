package supervision

import (
	"errors"
	"fmt"
	"time"

	"github.com/opfolgning/opfolgning/sampling"
)

// ThemedPlanOptions configures PlanThemed. The zero values of the numbers take the practice
// of seed 003: 2 cases per caseworker, over 10 weeks, 1.5 hours a case.
type ThemedPlanOptions struct {
	Theme              string    // the themed template's ID
	Start              time.Time // the Monday of the first week
	CasesPerCaseworker int       // 2–3 in practice; 0 means 2
	Weeks              int       // 8–13 (2–3 months); 0 means 10
	HoursPerCase       float64   // 1–2 in practice; 0 means 1.5
	// Seed of the draw of the cases (see sampling.PeriodSeed).
	Seed string
	// ReviewedWithinMonths leaves out cases reviewed recently, as in sampling.Rule.
	ReviewedWithinMonths int
}

// Session is one case gone through by the team leader with its caseworker in a week.
type Session struct {
	Week       time.Time // the Monday of the week
	Caseworker string
	Case       string
	Hours      float64
}

// ThemedPlan is the plan of a themed supervision: the draw of its cases with its audit
// record, the sessions week by week, and the team leader's hours.
type ThemedPlan struct {
	Theme        string
	Draw         sampling.Record
	Sessions     []Session // by week, then caseworker
	HoursPerWeek []float64
	TotalHours   float64
}

// ErrBadPlan is wrapped by PlanThemed's errors for impossible options.
var ErrBadPlan = errors.New("impossible themed supervision plan")

// PlanThemed plans a themed supervision over the cases of pop (a team's, say): it draws
// CasesPerCaseworker cases per caseworker with the sampling package over the plan's weeks,
// and spreads the sessions evenly over the weeks, round by round (every caseworker's first
// case, then every second), so that each caseworker's cases lie weeks apart and the team
// leader's load is even. Caseworkers with too few eligible cases get all they have; the
// draw's record reports the shortfall.
func PlanThemed(pop []sampling.Case, opts ThemedPlanOptions) (ThemedPlan, error) {
	if opts.CasesPerCaseworker == 0 {
		opts.CasesPerCaseworker = 2
	}
	if opts.Weeks == 0 {
		opts.Weeks = 10
	}
	if opts.HoursPerCase == 0 {
		opts.HoursPerCase = 1.5
	}
	switch {
	case opts.Theme == "":
		return ThemedPlan{}, fmt.Errorf("supervision: %w: no theme", ErrBadPlan)
	case opts.CasesPerCaseworker < 1 || opts.Weeks < 1 || !(opts.HoursPerCase > 0) || opts.HoursPerCase > 24:
		return ThemedPlan{}, fmt.Errorf("supervision: %w: %d cases, %d weeks, %v hours", ErrBadPlan, opts.CasesPerCaseworker, opts.Weeks, opts.HoursPerCase)
	case opts.Start.IsZero() || opts.Start.Weekday() != time.Monday:
		return ThemedPlan{}, fmt.Errorf("supervision: %w: start on a Monday", ErrBadPlan)
	}
	period := sampling.Period{Label: opts.Theme, Start: opts.Start, End: opts.Start.AddDate(0, 0, 7*opts.Weeks)}
	rule := sampling.Rule{Name: "themed supervision: " + opts.Theme, StratifyBy: []string{"caseworker"},
		PerStratum: opts.CasesPerCaseworker, ReviewedWithinMonths: opts.ReviewedWithinMonths}
	rec, err := sampling.Draw(pop, rule, period, opts.Seed)
	if err != nil {
		return ThemedPlan{}, err
	}
	plan := ThemedPlan{Theme: opts.Theme, Draw: rec, HoursPerWeek: make([]float64, opts.Weeks)}
	// Round by round: rank 1 of every caseworker, then rank 2, ...
	var order []sampling.Selection
	for rank := 1; rank <= opts.CasesPerCaseworker; rank++ {
		for _, s := range rec.Selected {
			if s.Rank == rank {
				order = append(order, s)
			}
		}
	}
	for j, s := range order {
		w := j * opts.Weeks / len(order)
		plan.Sessions = append(plan.Sessions, Session{Week: opts.Start.AddDate(0, 0, 7*w), Caseworker: s.Stratum[0], Case: s.CaseID, Hours: opts.HoursPerCase})
		plan.HoursPerWeek[w] += opts.HoursPerCase
		plan.TotalHours += opts.HoursPerCase
	}
	return plan, nil
}
