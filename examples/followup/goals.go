package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/opfolgning/opfolgning/extract"
	"github.com/opfolgning/opfolgning/goals"
	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/outcome"
)

// evaluationDate is the date of this year's goal follow-up with the committee.
var evaluationDate = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)

func text(da, en string) lang.Text { return lang.Text{Da: da, En: en} }

// theoryOfChange is the children and youth policy of Eksempel Kommune: five political goals,
// the activities and outputs expected to lead to them, and the indicators of each.
func theoryOfChange() goals.TheoryOfChange {
	pct := text("pct.", "%")
	yearly := goals.Cadence{Frequency: goals.Yearly, LastEvaluated: time.Date(2025, 3, 12, 0, 0, 0, 0, time.UTC)}
	return goals.TheoryOfChange{
		Name: text("Børne- og ungepolitikken", "The children and youth policy"),
		Nodes: []goals.Node{
			{ID: "recruit", Level: goals.Activity, Name: text("Rekruttering og kurser for plejefamilier", "Recruiting and training foster families"), Indicators: []string{"foster-courses"}},
			{ID: "network", Level: goals.Activity, Name: text("Netværksmøder om anbragte børn", "Network meetings on placed children"), Indicators: []string{"network-meetings"}},
			{ID: "school", Level: goals.Activity, Name: text("Samarbejde med skoler og PPR", "Cooperation with schools and PPR"),
				Evidence: []goals.QualitativeEvidence{{Kind: goals.Narrative, Date: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC),
					Title:  text("Skolernes oplevelse", "The schools' experience"),
					Text:   text("Skolelederne beskriver hurtigere kontakt til rådgiverne.", "School leaders describe quicker contact with the caseworkers."),
					Source: "dialogmøde med skoleledere, oktober 2025"}}},
			{ID: "early", Level: goals.Activity, Name: text("Tidlig indsats i familieteamet", "Early support in the family team")},
			{ID: "families", Level: goals.Output, Name: text("Flere godkendte plejefamilier", "More approved foster families"), Indicators: []string{"new-foster-families"}},
			{ID: "g-family-care", Level: goals.Goal, Name: text("Flere anbragte børn i plejefamilie frem for på institution", "More placed children in foster families rather than institutions"),
				Indicators: []string{"foster-share"}, Cadence: yearly},
			{ID: "g-stable", Level: goals.Goal, Name: text("Færre sammenbrud i anbringelser", "Fewer breakdowns of placements"),
				Indicators: []string{"breakdowns"}, Cadence: yearly},
			{ID: "g-education", Level: goals.Goal, Name: text("Flere udsatte unge med en ungdomsuddannelse som 25-årige", "More vulnerable young people with a youth education by 25"),
				Indicators: []string{"youth-education"}, Cadence: yearly},
			{ID: "g-school", Level: goals.Goal, Name: text("Bedre trivsel i skolen", "Better wellbeing in school"),
				Indicators: []string{"school-wellbeing"}, Cadence: yearly},
			{ID: "g-early", Level: goals.Goal, Name: text("Tidligere og lettere indsatser", "Earlier and lighter measures"),
				Indicators: []string{"light-measures"}, Cadence: yearly},
		},
		Links: []goals.Link{
			{From: "recruit", To: "families", Rationale: text("Kurser giver flere godkendte familier.", "Courses give more approved families.")},
			{From: "families", To: "g-family-care", Rationale: text("Med flere familier kan flere børn anbringes i familiepleje.", "With more families, more children can be placed in family care."),
				Assumptions: []lang.Text{text("Matchningen mellem barn og familie er god.", "Children and families are well matched.")}},
			{From: "network", To: "g-stable", Rationale: text("Netværket fanger problemer før de vokser.", "The network catches problems before they grow.")},
			{From: "school", To: "g-school"},
			{From: "school", To: "g-education"},
			{From: "early", To: "g-early"},
		},
		Indicators: []goals.Indicator{
			{ID: "foster-share", Name: text("Andel anbragte i plejefamilie", "Share of placed children in foster care"), Unit: pct, Type: goals.Rate, Polarity: goals.HigherIsBetter,
				Targets: []goals.Target{{Date: time.Date(2027, 12, 31, 0, 0, 0, 0, time.UTC), Value: 70}}},
			{ID: "breakdowns", Name: text("Sammenbrud i anbringelser pr. halvår", "Placement breakdowns per half-year"), Type: goals.Count, Polarity: goals.LowerIsBetter},
			{ID: "youth-education", Name: text("Andel udsatte unge med ungdomsuddannelse som 25-årige", "Share of vulnerable young people with a youth education at 25"), Unit: pct, Type: goals.Rate, Polarity: goals.HigherIsBetter},
			{ID: "school-wellbeing", Name: text("Gennemsnitlig score i tema 3 (skole)", "Mean score in theme 3 (school)"), Unit: text("point", "points"), Type: goals.MeanScore, Polarity: goals.HigherIsBetter},
			{ID: "light-measures", Name: text("Andel forebyggende foranstaltninger", "Share of supportive measures"), Unit: pct, Type: goals.Rate, Polarity: goals.HigherIsBetter},
			{ID: "foster-courses", Name: text("Kurser for plejefamilier", "Courses for foster families"), Type: goals.Count, Polarity: goals.HigherIsBetter, MID: 1},
			{ID: "network-meetings", Name: text("Netværksmøder pr. halvår", "Network meetings per half-year"), Type: goals.Count, Polarity: goals.HigherIsBetter},
			{ID: "new-foster-families", Name: text("Nye godkendte plejefamilier pr. år", "New approved foster families a year"), Type: goals.Count, Polarity: goals.HigherIsBetter},
		},
	}
}

// schoolWellbeing turns the outcome assessments into the school-wellbeing indicator: the
// mean score in theme 3 of the assessments made in each half-year.
func schoolWellbeing(as []outcome.Assessment) []goals.Observation {
	type acc struct{ sum, n int }
	byHalf := map[time.Time]*acc{}
	for _, a := range as {
		v, ok := a.Scores.Get(outcome.School).Value()
		if !ok {
			continue
		}
		y, m, _ := a.Date.Date()
		end := time.Date(y, 7, 0, 0, 0, 0, 0, time.UTC)
		if m > time.June {
			end = time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
		}
		if byHalf[end] == nil {
			byHalf[end] = &acc{}
		}
		byHalf[end].sum += v
		byHalf[end].n++
	}
	var out []goals.Observation
	for d := time.Date(2023, 6, 30, 0, 0, 0, 0, time.UTC); !d.After(evaluationDate); d = time.Date(d.Year(), d.Month()+7, 0, 0, 0, 0, 0, time.UTC) {
		if a := byHalf[d]; a != nil {
			out = append(out, goals.Observation{Date: d, Value: float64(a.sum) / float64(a.n)})
		}
	}
	return out
}

// goalStatus reads the indicator extract, attaches the observations to the theory of
// change, and prints each goal's status with its verdict and explanation.
func goalStatus(w io.Writer, indicators io.Reader, as []outcome.Assessment, l lang.Language) ([]goals.GoalStatus, error) {
	obs, err := extract.ReadObservations(indicators, extract.CSVOptions{})
	if err != nil {
		return nil, err
	}
	tc := theoryOfChange()
	pos := map[string]int{}
	for i, ind := range tc.Indicators {
		pos[ind.ID] = i
	}
	for _, o := range obs {
		i, ok := pos[o.Indicator]
		if !ok {
			return nil, fmt.Errorf("indicator extract: unknown indicator %q", o.Indicator)
		}
		tc.Indicators[i].Observations = append(tc.Indicators[i].Observations, o.Observation)
	}
	tc.Indicators[pos["school-wellbeing"]].Observations = schoolWellbeing(as)
	statuses, err := tc.Statuses(evaluationDate, goals.VerdictOptions{})
	if err != nil {
		return nil, err
	}
	heading(w, tr(l, "Politiske mål: status "+evaluationDate.Format("02-01-2006"), "Political goals: status "+evaluationDate.Format("2006-01-02")))
	for _, st := range statuses {
		fmt.Fprintf(w, "%s\n  %s: %s\n", st.Goal.Name.In(l), tr(l, "Vurdering", "Verdict"), st.Development.Label(l))
		for _, s := range st.Own {
			fmt.Fprintf(w, "  - %s: %s\n", s.Indicator.Name.In(l), s.Verdict.Explanation.In(l))
			for _, p := range s.Targets {
				fmt.Fprintf(w, "    %s %s %s %s: %s (%s %s)\n", tr(l, "Mål:", "Target:"), fmtNum(p.Target.Value, 0, l), s.Indicator.Unit.In(l),
					p.Target.Date.Format("2006"), p.Status.Label(l), tr(l, "fremskrevet", "projected"), fmtNum(p.Projected, 1, l))
			}
		}
		for _, s := range st.Implementation {
			fmt.Fprintf(w, "  %s: %s: %s\n", s.Level.Label(l), s.Indicator.Name.In(l), s.Verdict.Development.Label(l))
		}
		for _, e := range st.Evidence {
			fmt.Fprintf(w, "  %s: %s (%s)\n", tr(l, "Kvalitativt", "Qualitative"), e.Text.In(l), e.Source)
		}
		fmt.Fprintf(w, "  %s %s\n\n", tr(l, "Næste evaluering:", "Next evaluation:"), st.NextDue.Format("2006-01-02"))
	}
	return statuses, nil
}

// fmtNum formats x with dec decimals, with a decimal comma in Danish.
func fmtNum(x float64, dec int, l lang.Language) string {
	s := strconv.FormatFloat(x, 'f', dec, 64)
	if l == lang.Danish {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
