package supervision

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opfolgning/opfolgning/goals"
	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/problem"
	"github.com/opfolgning/opfolgning/sampling"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func catalog() Catalog {
	return Catalog{Checklists: []Template{FormalRequirements()}, Themes: []ThemedTemplate{NetworkInvolvement(), PurposeAndGoals()}}
}

func TestFormalRequirements(t *testing.T) {
	fr := FormalRequirements()
	require.NoError(t, fr.Validate())
	assert.Equal(t, "formal-requirements", fr.ID)
	assert.Len(t, fr.Items, 10)
	it, ok := fr.Item("child-conversation")
	require.True(t, ok)
	assert.Equal(t, ChildConversationRelevant, it.AppliesTo)
	assert.False(t, it.AppliesTo.Holds(Facts{}))
	assert.True(t, it.AppliesTo.Holds(Facts{ChildConversationRelevant: true}))
	refunds := 0
	for _, it := range fr.Items {
		if it.Refund {
			refunds++
		}
	}
	assert.Equal(t, 3, refunds)
	b, err := json.Marshal(fr)
	require.NoError(t, err)
	back, err := ParseTemplate(bytes.NewReader(b))
	require.NoError(t, err)
	if d := cmp.Diff(fr, back); d != "" {
		t.Error(d)
	}
	for _, tt := range []ThemedTemplate{NetworkInvolvement(), PurposeAndGoals()} {
		for i, fp := range tt.FocusPoints {
			assert.Equal(t, string(rune('A'+i)), fp.Letter)
			assert.NotEmpty(t, fp.Text.Da)
			assert.NotEmpty(t, fp.Text.En)
		}
	}
}

func TestParseTemplateErrors(t *testing.T) {
	_, err := ParseTemplate(strings.NewReader(`{"id": "x", "version": 1, "itemz": []}`))
	assert.ErrorContains(t, err, "unknown field")
	_, err = ParseTemplate(strings.NewReader(`{"id": "", "version": 0, "items": [
		{"id": "a", "text": {"da": "a", "en": "a"}, "category": "formal", "applies_to": "always", "severity": "high"},
		{"id": "a", "text": {"da": "b"}, "category": "formal", "applies_to": "always", "severity": "low"}]}`))
	var perr *problem.Error
	require.True(t, errors.As(err, &perr))
	var fields []string
	for _, p := range perr.Problems {
		fields = append(fields, p.Field)
	}
	assert.Equal(t, []string{"id", "version", "items[1].id", "items[1].text"}, fields)
	_, err = ParseTemplate(strings.NewReader(`{"id": "x", "version": 1, "items": [{"id": "a", "category": "formel"}]}`))
	assert.True(t, errors.Is(err, ErrUnknownCode))
}

// review answers every applicable item of the formal checklist yes, except the given ones.
func review(id, cw, team string, d time.Time, f Facts, except map[string]AnswerValue) Review {
	r := Review{ID: id, Case: "S-" + id, Selection: Drawn, Draw: "2025-K1", Reviewer: "TL", Caseworker: cw, Team: team, Date: d,
		Template: "formal-requirements", Version: 1, Facts: f}
	for _, it := range FormalRequirements().Items {
		if !it.AppliesTo.Holds(f) {
			continue
		}
		v := Yes
		if e, ok := except[it.ID]; ok {
			v = e
		}
		r.Answers = append(r.Answers, Answer{Item: it.ID, Value: v})
	}
	return r
}

func TestValidateReviews(t *testing.T) {
	const cpr = "0101011234"
	good := review("r1", "R01", "A", date(2025, 2, 1), Facts{ChildConversationRelevant: true}, nil)
	require.NoError(t, ValidateReviews([]Review{good}, catalog()))

	missing := review("r2", "R01", "A", date(2025, 2, 1), Facts{ChildConversationRelevant: true}, nil)
	missing.Case = cpr
	missing.Answers = missing.Answers[1:] // eligible-group unanswered
	missing.Answers = append(missing.Answers, Answer{Item: "consents", Value: No}, Answer{Item: "nope", Value: Yes}, Answer{Item: "journal", Value: No})
	wrongVersion := review("r3", "R01", "A", date(2025, 2, 1), Facts{}, nil)
	wrongVersion.Version = 2
	chosenNoDraw := review("r1", "R02", "B", time.Time{}, Facts{}, nil)
	chosenNoDraw.Selection = 0
	themed := review("r5", "R02", "B", date(2025, 4, 1), Facts{}, nil)
	themed.ThemedTemplate = "network-involvement"
	high := goals.HighDegree
	themed.Themed = []ThemedAnswer{{Question: 1, Focus: "A", Assessment: &high}, {Question: 1, Focus: "F", Assessment: &high}, {Question: 1, Focus: "B"}, {Question: 4, Focus: "A"}}

	err := ValidateReviews([]Review{good, missing, wrongVersion, chosenNoDraw, themed}, catalog())
	require.Error(t, err)
	assert.NotContains(t, err.Error(), cpr)
	got := problem.Locations(err)
	want := []problem.Location{
		{Record: 1, Field: "answers[8].value"}, {Record: 1, Field: "answers[9].item"}, {Record: 1, Field: "answers[10].item"}, {Record: 1, Field: "answers"},
		{Record: 2, Field: "template"},
		{Record: 3, Field: "id"}, {Record: 3, Field: "date"}, {Record: 3, Field: "selection"},
		{Record: 4, Field: "themed[1].focus"}, {Record: 4, Field: "themed[2].assessment"}, {Record: 4, Field: "themed[3].question"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	for _, e := range []error{ErrNotApplicable, ErrUnknownItem, ErrUnanswered, ErrUnknownTemplate, ErrDuplicateID} {
		assert.True(t, errors.Is(err, e), e.Error())
	}
}

func TestFindings(t *testing.T) {
	r1 := review("r1", "R01", "A", date(2025, 2, 1), Facts{ChildConversationRelevant: true},
		map[string]AnswerValue{"child-conversation": No, "account": No, "professional-basis": No})
	r1.Answers[7].Action = &Action{Text: "Hold samtalen", Owner: "R01", Due: date(2025, 3, 1), Closed: date(2025, 2, 20)}
	r1.Answers[3].Action = &Action{Text: "Omkonter", Owner: "økonomi", Due: date(2025, 3, 1)}
	fs := Findings([]Review{r1}, catalog())
	require.Len(t, fs, 2, "a no on a professional-quality item is not a finding")
	assert.Equal(t, "account", fs[0].Item.ID)
	assert.True(t, fs[0].Item.Refund)
	assert.Equal(t, Open, fs[0].Status(date(2025, 2, 15)))
	assert.Equal(t, Overdue, fs[0].Status(date(2025, 3, 2)))
	assert.Equal(t, Closed, fs[1].Status(date(2025, 2, 20)))
	assert.Equal(t, Open, fs[1].Status(date(2025, 2, 19)))
	counts := CountFindings(fs, []time.Time{date(2025, 1, 31), date(2025, 2, 15), date(2025, 4, 1)})
	assert.Equal(t, []FindingCounts{
		{At: date(2025, 1, 31)},
		{At: date(2025, 2, 15), Open: 2, Refund: 1},
		{At: date(2025, 4, 1), Overdue: 1, Closed: 1, Refund: 1},
	}, counts)
	noAction := Finding{Date: date(2025, 1, 1)}
	assert.Equal(t, Open, noAction.Status(date(2030, 1, 1)), "no action: open, never overdue")
	assert.Equal(t, 1, CountFindings([]Finding{noAction}, []time.Time{date(2025, 6, 1)})[0].NoAction)
}

func TestLearningPoints(t *testing.T) {
	ps := []LearningPoint{
		{ID: "g1", Scope: General, Team: "A", Text: textOf("Brug netværksmøder"), Raised: date(2025, 3, 1)},
		{ID: "i1", Scope: Individual, Caseworker: "R01", Text: textOf("Dokumentér børnesamtalen"), Raised: date(2025, 3, 1), Resolved: date(2025, 9, 1)},
		{ID: "i2", Scope: Individual, Caseworker: "R02", Text: textOf("x"), Raised: date(2025, 3, 1)},
		{ID: "g2", Scope: General, Team: "B", Text: textOf("y"), Raised: date(2025, 3, 1)},
	}
	require.NoError(t, ValidateLearningPoints(ps))
	var ids []string
	for _, p := range CarryForward(ps, "A", "R01", date(2025, 6, 1)) {
		ids = append(ids, p.ID)
	}
	assert.Equal(t, []string{"g1", "i1"}, ids)
	assert.Len(t, CarryForward(ps, "A", "R01", date(2025, 10, 1)), 1, "resolved points are not carried forward")
	bad := append(ps, LearningPoint{ID: "g1", Scope: Individual, Raised: date(2025, 1, 1), Resolved: date(2024, 1, 1)})
	err := ValidateLearningPoints(bad)
	assert.True(t, errors.Is(err, ErrDuplicateID))
	assert.True(t, errors.Is(err, ErrNoScope))
}

func TestPlanThemed(t *testing.T) {
	var pop []sampling.Case
	for i := range 40 {
		pop = append(pop, sampling.Case{ID: fmt.Sprintf("S-%02d", i), Caseworker: fmt.Sprintf("R%02d", i%5), Opened: date(2024, 1, 1)})
	}
	pop = append(pop, sampling.Case{ID: "S-99", Caseworker: "R09", Opened: date(2024, 1, 1)}) // one case only
	p, err := PlanThemed(pop, ThemedPlanOptions{Theme: "network-involvement", Start: date(2026, 3, 2), CasesPerCaseworker: 3, Weeks: 12, HoursPerCase: 1.5, Seed: "tema-2026"})
	require.NoError(t, err)
	assert.Len(t, p.Sessions, 16)
	assert.Equal(t, 24.0, p.TotalHours)
	assert.Equal(t, 2, p.Draw.Strata[5].Shortfall)
	weeks := map[string][]time.Time{}
	for _, s := range p.Sessions {
		weeks[s.Caseworker] = append(weeks[s.Caseworker], s.Week)
		assert.Equal(t, time.Monday, s.Week.Weekday())
	}
	for cw, ws := range weeks {
		for i := 1; i < len(ws); i++ {
			assert.True(t, ws[i].Sub(ws[i-1]) >= 21*24*time.Hour, "%s's cases lie weeks apart", cw)
		}
	}
	max := 0.0
	for _, h := range p.HoursPerWeek {
		max = math.Max(max, h)
	}
	assert.LessOrEqual(t, max, 3.0, "the load is even: at most two cases a week")
	_, err = PlanThemed(pop, ThemedPlanOptions{Theme: "x", Start: date(2026, 3, 3), Seed: "s"})
	assert.True(t, errors.Is(err, ErrBadPlan))
	_, err = PlanThemed(pop, ThemedPlanOptions{Theme: "x", Start: date(2026, 3, 2), Weeks: -1, Seed: "s"})
	assert.True(t, errors.Is(err, ErrBadPlan))
}

func TestCompliance(t *testing.T) {
	q := sampling.Quarters(2025)
	var rs []Review
	// Team A: child conversation held in 3 of 10 cases in Q1, 7 of 10 in Q2, 9 of 10 in Q3.
	for qi, held := range []int{3, 7, 9} {
		for i := range 10 {
			ex := map[string]AnswerValue{}
			if i >= held {
				ex["child-conversation"] = No
			}
			if qi == 0 && i == 0 {
				ex["account"] = No
				ex["consents"] = NotAssessed
			}
			rs = append(rs, review(fmt.Sprintf("a%d-%d", qi, i), fmt.Sprintf("R0%d", i%2), "A", q[qi].Start.AddDate(0, 0, 10+i), Facts{ChildConversationRelevant: true, ConsentRequired: true}, ex))
		}
	}
	rs = append(rs, review("b", "R09", "B", date(2025, 5, 1), Facts{}, nil))
	rs = append(rs, review("late", "R09", "B", date(2026, 5, 1), Facts{}, nil))
	other := review("o", "R09", "B", date(2025, 5, 1), Facts{}, nil)
	other.Version = 9
	rs = append(rs, other)
	high, some, lesser := goals.HighDegree, goals.SomeDegree, goals.LesserDegree
	rs[0].ThemedTemplate = "network-involvement"
	rs[0].Themed = []ThemedAnswer{{Question: 1, Focus: "A", Assessment: &high}, {Question: 1, Focus: "B", Assessment: &lesser}, {Question: 3, Focus: "B", Note: "forældrene ikke hørt"}}
	rs[1].ThemedTemplate = "network-involvement"
	rs[1].Themed = []ThemedAnswer{{Question: 1, Focus: "A", Assessment: &some}}
	require.NoError(t, ValidateReviews(rs[:len(rs)-1], catalog()))

	rep, err := Compliance(rs, FormalRequirements(), catalog(), ComplianceOptions{Periods: q[:3], MID: 10})
	require.NoError(t, err)
	assert.Equal(t, 31, rep.Reviews)
	assert.Equal(t, 1, rep.Unplaced)
	assert.Equal(t, 1, rep.OtherTemplate)
	assert.Equal(t, 0, rep.SkippedAnswers)
	stray := slices.Clone(rs)
	stray[2].Answers = append(slices.Clone(stray[2].Answers), Answer{Item: "no-such-item", Value: Yes}, Answer{Item: "child-conversation"})
	repStray, err := Compliance(stray, FormalRequirements(), catalog(), ComplianceOptions{Periods: q[:3], MID: 10})
	require.NoError(t, err)
	assert.Equal(t, 2, repStray.SkippedAnswers, "an unknown item and an answer without a value")
	var cc Series
	for _, s := range rep.Items {
		if s.Key == "child-conversation" {
			cc = s
		}
	}
	// Reference: R 4.2.2, prop.test(k, 10, correct = FALSE)$conf.int for k = 3, 7, 9.
	for i, want := range []struct {
		yes    int
		lo, hi float64
	}{{3, 0.107791267406301, 0.603221852538855}, {7, 0.396778147461145, 0.892208732593699}, {9, 0.595849973204762, 0.982123786904927}} {
		r := cc.Periods[i]
		assert.Equal(t, want.yes, r.Yes)
		assert.Equal(t, 10, r.N)
		assert.InDelta(t, want.lo, r.Interval.Lower, 1e-12)
		assert.InDelta(t, want.hi, r.Interval.Upper, 1e-12)
	}
	assert.Equal(t, 19, cc.Total.Yes)
	assert.Equal(t, goals.Positive, cc.Verdict.Development, "30% → 90% against a MID of 10 points: %s", cc.Verdict.Explanation.En)
	assert.Equal(t, []int{1, 0, 0}, rep.RefundErrors)
	var consents Series
	for _, s := range rep.Items {
		if s.Key == "consents" {
			consents = s
		}
	}
	assert.Equal(t, 1, consents.Periods[0].NotAssessed)
	assert.Equal(t, 9, consents.Periods[0].N)
	require.Len(t, rep.Teams, 2)
	assert.Equal(t, "A", rep.Teams[0].Key)
	assert.Equal(t, 7, rep.Teams[1].Total.N, "team B: one review, seven formal items apply")
	assert.True(t, math.IsNaN(rep.Teams[1].Periods[0].Rate), "no reviews: no rate, not zero")
	require.Len(t, rep.Themed, 2)
	assert.Equal(t, "A", rep.Themed[0].Focus.Letter)
	assert.Equal(t, 2, rep.Themed[0].TopTwo.K)
	assert.Equal(t, 1, rep.Themed[1].Notes)
	_, err = Compliance(rs, FormalRequirements(), catalog(), ComplianceOptions{})
	assert.Error(t, err)
	_, err = Compliance(rs, FormalRequirements(), catalog(), ComplianceOptions{Periods: []sampling.Period{q[1], q[0]}})
	assert.Error(t, err)
}

func TestProcedure(t *testing.T) {
	p := Procedure{Frequency: goals.Quarterly, Selection: sampling.Rule{PerStratum: 2}, Template: "formal-requirements", Performer: "teamleder"}
	require.NoError(t, p.Validate())
	var ms []time.Month
	for _, d := range p.Occurrences(2026) {
		ms = append(ms, d.Month())
	}
	assert.Equal(t, []time.Month{time.January, time.April, time.July, time.October}, ms)
	p.Months = []time.Month{time.March, time.September, time.March}
	assert.Len(t, p.Occurrences(2026), 2)
	assert.Error(t, Procedure{}.Validate())
}

func FuzzParseTemplate(f *testing.F) {
	f.Add(formalRequirementsJSON)
	f.Add([]byte(`{"id":"x","version":1,"items":[{"id":"a","category":"quality"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		tpl, err := ParseTemplate(bytes.NewReader(b))
		if err == nil && tpl.Validate() != nil {
			t.Fatal("an invalid template passed")
		}
	})
}

func FuzzParseReviews(f *testing.F) {
	good, _ := json.Marshal([]Review{review("r1", "R01", "A", date(2025, 2, 1), Facts{ChildConversationRelevant: true}, map[string]AnswerValue{"account": No})})
	f.Add(good)
	f.Add([]byte(`[{"id":"x","answers":[{"item":"journal","value":"ja"}]}]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, err := ParseReviews(bytes.NewReader(b), catalog())
		if err != nil {
			return
		}
		fs := Findings(rs, catalog())
		if _, err := Compliance(rs, FormalRequirements(), catalog(), ComplianceOptions{Periods: sampling.Quarters(2025)}); err != nil {
			t.Fatal(err)
		}
		_ = CountFindings(fs, []time.Time{date(2025, 6, 1)})
	})
}

func textOf(s string) (t lang.Text) { return lang.Text{Da: s, En: s} }
