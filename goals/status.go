package goals

import (
	"fmt"
	"time"

	"github.com/opfolgning/opfolgning/lang"
)

// IndicatorStatus is one indicator's verdict and target progress, and the node it belongs
// to.
type IndicatorStatus struct {
	Node      string
	Level     Level
	Indicator Indicator
	Verdict   Verdict
	Targets   []TargetProgress
}

// GoalStatus is the status of a political goal at a date (målopfyldelse): its development
// from its own indicators, how far the planned activities were carried out, whether the
// expected results were reached, the qualitative evidence, and when it is next evaluated.
type GoalStatus struct {
	Goal Node
	// Development is rolled up from the goal's own indicators' verdicts; see Status.
	Development Development
	Own         []IndicatorStatus // the goal's own indicators
	// Implementation holds the indicators of the upstream activities and outputs (were
	// the planned activities carried out?) and Results those of the upstream outcomes
	// (were the expected results reached?).
	Implementation, Results []IndicatorStatus
	// Evidence is the qualitative evidence of the goal and of its upstream nodes.
	Evidence    []QualitativeEvidence
	Explanation lang.Text
	NextDue     time.Time
	Overdue     bool
}

// Status returns the status of goal id at date at. The development rolls up the verdicts of
// the goal's own indicators (InsufficientData ones aside): none left gives
// InsufficientData; only Positive and Neutral with at least one Positive gives Positive;
// only Negative and Neutral with at least one Negative gives Negative; Positive and
// Negative together, or only Neutral, give Neutral. A goal marked Qualitative without
// indicators gives InsufficientData: qualitative evidence never produces a verdict.
// Upstream indicators are reported, not rolled in: an activity carried out is not a result.
func (tc TheoryOfChange) Status(id string, at time.Time, opts VerdictOptions) (GoalStatus, error) {
	up, err := tc.Upstream(id)
	if err != nil {
		return GoalStatus{}, err
	}
	var goal Node
	for _, n := range tc.Nodes {
		if n.ID == id {
			goal = n
		}
	}
	if goal.Level != Goal {
		return GoalStatus{}, fmt.Errorf("goals: node %q: %w", id, ErrNotGoal)
	}
	opts.At = at
	inds := map[string]Indicator{}
	for _, ind := range tc.Indicators {
		inds[ind.ID] = ind
	}
	statusOf := func(n Node) ([]IndicatorStatus, error) {
		var out []IndicatorStatus
		for _, iid := range n.Indicators {
			ind := inds[iid]
			v, err := Assess(ind, opts)
			if err != nil {
				return nil, fmt.Errorf("goals: indicator %s: %w", iid, err)
			}
			var tp []TargetProgress
			if ind.Type != Qualitative && len(ind.Targets) > 0 {
				if tp, err = ind.Progress(at); err != nil {
					return nil, err
				}
			}
			out = append(out, IndicatorStatus{Node: n.ID, Level: n.Level, Indicator: ind, Verdict: v, Targets: tp})
		}
		return out, nil
	}
	gs := GoalStatus{Goal: goal, NextDue: goal.Cadence.NextDue(), Overdue: goal.Cadence.Overdue(at)}
	if gs.Own, err = statusOf(goal); err != nil {
		return gs, err
	}
	gs.Evidence = append(gs.Evidence, goal.Evidence...)
	for _, n := range up {
		st, err := statusOf(n)
		if err != nil {
			return gs, err
		}
		if n.Level <= Output {
			gs.Implementation = append(gs.Implementation, st...)
		} else {
			gs.Results = append(gs.Results, st...)
		}
		gs.Evidence = append(gs.Evidence, n.Evidence...)
	}
	gs.Development, gs.Explanation = rollUp(gs.Own)
	return gs, nil
}

// Statuses returns the status of every goal, in the order of Nodes.
func (tc TheoryOfChange) Statuses(at time.Time, opts VerdictOptions) ([]GoalStatus, error) {
	var out []GoalStatus
	for _, n := range tc.Nodes {
		if n.Level != Goal {
			continue
		}
		s, err := tc.Status(n.ID, at, opts)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func rollUp(own []IndicatorStatus) (Development, lang.Text) {
	var pos, neg, neu, ins int
	for _, s := range own {
		switch s.Verdict.Development {
		case Positive:
			pos++
		case Negative:
			neg++
		case Neutral:
			neu++
		default:
			ins++
		}
	}
	counts := func(l lang.Language) string {
		return fmt.Sprintf(tr(l, "%d indikator(er): %d positive, %d uden udvikling, %d negative, %d med utilstrækkelige data.",
			"%d indicator(s): %d positive, %d without development, %d negative, %d with insufficient data."), len(own), pos, neu, neg, ins)
	}
	text := func(da, en string) lang.Text {
		return lang.Text{Da: da + " " + counts(lang.Danish), En: en + " " + counts(lang.English)}
	}
	switch {
	case len(own) == 0:
		return InsufficientData, lang.Text{Da: "Målet følges kvalitativt; der gives ingen beregnet vurdering.", En: "The goal is followed qualitatively; no computed verdict is given."}
	case pos+neg+neu == 0:
		return InsufficientData, text("Utilstrækkelige data.", "Insufficient data.")
	case pos > 0 && neg > 0:
		return Neutral, text("Indikatorerne peger i hver sin retning.", "The indicators point different ways.")
	case pos > 0:
		return Positive, text("Positiv udvikling.", "Positive development.")
	case neg > 0:
		return Negative, text("Negativ udvikling.", "Negative development.")
	}
	return Neutral, text("Ingen udvikling.", "No development.")
}
