package goals

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/problem"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// series makes an indicator with one observation a quarter from 2020 on.
func series(pol Polarity, values ...float64) Indicator {
	ind := Indicator{ID: "x", Type: MeanScore, Polarity: pol, Unit: lang.Text{Da: "point", En: "points"}}
	for i, v := range values {
		ind.Observations = append(ind.Observations, Observation{Date: date(2020, 1, 1).AddDate(0, 3*i, 0), Value: v})
	}
	return ind
}

func TestAssess(t *testing.T) {
	up := []float64{3.1, 3.0, 3.4, 3.3, 3.6, 3.5, 3.9, 4.0}
	noise := []float64{3.1, 3.4, 2.9, 3.3, 3.0, 3.5, 3.1, 3.2}
	for _, tc := range []struct {
		name   string
		ind    Indicator
		opts   VerdictOptions
		want   Development
		method Method
	}{
		{"rising, higher is better", series(HigherIsBetter, up...), VerdictOptions{}, Positive, MannKendallSen},
		{"rising, lower is better", series(LowerIsBetter, up...), VerdictOptions{}, Negative, MannKendallSen},
		{"noise is no trend", series(HigherIsBetter, noise...), VerdictOptions{}, Neutral, MannKendallSen},
		{"constant", series(HigherIsBetter, 2, 2, 2, 2, 2, 2), VerdictOptions{}, Neutral, MannKendallSen},
		{"four points cannot show a trend", series(HigherIsBetter, 1, 2, 3, 4), VerdictOptions{}, InsufficientData, Auto},
		{"one point", series(HigherIsBetter, 1), VerdictOptions{}, InsufficientData, Auto},
		{"missing values are dropped", series(HigherIsBetter, 1, math.NaN(), 2, 3, math.NaN()), VerdictOptions{}, InsufficientData, Auto},
		{"explicit trend test on 3 points", series(HigherIsBetter, 1, 2, 3), VerdictOptions{Method: MannKendallSen}, InsufficientData, MannKendallSen},
		{"evaluation date cuts the series", series(HigherIsBetter, up...), VerdictOptions{At: date(2020, 12, 31)}, InsufficientData, Auto},
	} {
		v, err := Assess(tc.ind, tc.opts)
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.want, v.Development, tc.name)
		assert.Equal(t, tc.method, v.Evidence.Method, tc.name)
		assert.NotEmpty(t, v.Explanation.Da, tc.name)
		assert.NotEmpty(t, v.Explanation.En, tc.name)
	}
}

func TestAssessExplanation(t *testing.T) {
	v, err := Assess(series(HigherIsBetter, 3.1, 3.0, 3.4, 3.3, 3.6, 3.5, 3.9, 4.0), VerdictOptions{})
	require.NoError(t, err)
	// Reference: R 4.2.2. Exact P = 0.00550595238095242 from cor.test(1:8, x, method =
	// "kendall", exact = TRUE); Sen's slope per year over the quarterly dates (as.numeric(
	// date)/365.25) following trend::sens.slope: 0.524311545690966 [0.320394736842105;
	// 0.796909090909092].
	assert.Equal(t, 8, v.Evidence.N)
	assert.InDelta(t, 0.00550595238095242, v.Evidence.P, 1e-12)
	assert.InDelta(t, 0.524311545690966, v.Evidence.Slope, 1e-12)
	assert.InDelta(t, 0.320394736842105, v.Evidence.SlopeLower, 1e-12)
	assert.InDelta(t, 0.796909090909092, v.Evidence.SlopeUpper, 1e-12)
	assert.Equal(t, "Positiv udvikling: ændring +0,52 point om året (95%-interval 0,32 til 0,80) over 8 målinger, Mann-Kendall p = 0,006.", v.Explanation.Da)
	assert.Equal(t, "Positive development: change +0.52 points a year (95% interval 0.32 to 0.80) over 8 points, Mann-Kendall p = 0.006.", v.Explanation.En)
}

func TestAssessChangeVsMID(t *testing.T) {
	ind := Indicator{ID: "foster", Type: Rate, Polarity: HigherIsBetter, MID: 5,
		Baseline:     Observation{Date: date(2023, 12, 31), Numerator: 60, Denominator: 150},
		Observations: []Observation{{Date: date(2024, 12, 31), Numerator: 70, Denominator: 150}}}
	v, err := Assess(ind, VerdictOptions{})
	require.NoError(t, err)
	assert.Equal(t, ChangeVsMID, v.Evidence.Method)
	assert.InDelta(t, 40, v.Evidence.Reference, 1e-12)
	assert.InDelta(t, 70.0/1.5, v.Evidence.Latest, 1e-12)
	require.NotNil(t, v.Evidence.LatestCI)
	assert.Less(t, v.Evidence.LatestCI.Lower, v.Evidence.Latest)
	// Reference: R 4.2.2, prop.test(c(70, 60), c(150, 150), correct = FALSE)$p.value.
	assert.InDelta(t, 0.2439771181, v.Evidence.P, 1e-9)
	assert.Equal(t, Neutral, v.Development, "+6.7 points reach the MID, but 70 of 150 against 60 of 150 may be chance")
	assert.True(t, v.Evidence.NotSignificant)
	assert.Equal(t, "Ingen udvikling: fra 40,0 til 46,7 (+6,67 pct.-point), mindste relevante forskel 5,0, p = 0,244. Forskellen kan skyldes tilfældighed, så udviklingen kaldes ingen.", v.Explanation.Da)

	ind.Observations[0] = Observation{Date: date(2024, 12, 31), Numerator: 95, Denominator: 150}
	v, err = Assess(ind, VerdictOptions{})
	require.NoError(t, err)
	assert.Equal(t, Positive, v.Development, "40% → 63%: large enough and no chance")

	ind.Observations[0].Numerator = 64 // +2.7 points: under the MID
	v, err = Assess(ind, VerdictOptions{})
	require.NoError(t, err)
	assert.Equal(t, Neutral, v.Development)
	ind.Observations[0].Numerator = 35
	v, err = Assess(ind, VerdictOptions{})
	require.NoError(t, err)
	assert.Equal(t, Negative, v.Development)
	count := Indicator{ID: "c", Type: Count, Polarity: LowerIsBetter, MID: 2,
		Observations: []Observation{{Date: date(2023, 1, 1), Value: 12}, {Date: date(2024, 1, 1), Value: 9}}}
	v, err = Assess(count, VerdictOptions{})
	require.NoError(t, err)
	assert.Equal(t, Positive, v.Development, "counts have no test: the MID decides")

	ind.MID = 0
	_, err = Assess(ind, VerdictOptions{Method: ChangeVsMID})
	assert.True(t, errors.Is(err, ErrNoMID))
}

func TestAssessRunsAndDisagreement(t *testing.T) {
	// A shift up after a baseline of 6 quarters: the runs analysis signals, positive.
	shift := series(HigherIsBetter, 10, 11, 9, 10, 11, 10, 12, 13, 12, 14, 13, 12, 13, 14)
	v, err := Assess(shift, VerdictOptions{Method: RunsBaseline, BaselinePoints: 6})
	require.NoError(t, err)
	assert.Equal(t, Positive, v.Development)
	require.NotNil(t, v.Evidence.Runs)
	assert.True(t, v.Evidence.Runs.Shift)
	assert.Equal(t, 10.0, v.Evidence.Runs.Centre)

	// Baseline 1, 50, 51 (median 50), then 2..20 rising but all below it: Mann–Kendall
	// finds a rise (S = 155), the run chart a fall against the baseline. Auto calls it
	// Neutral and says so.
	vals := []float64{1, 50, 51}
	for i := 2; i <= 20; i++ {
		vals = append(vals, float64(i))
	}
	v, err = Assess(series(HigherIsBetter, vals...), VerdictOptions{BaselinePoints: 3})
	require.NoError(t, err)
	assert.True(t, v.Evidence.Disagree)
	assert.Equal(t, Neutral, v.Development)
	assert.Contains(t, v.Explanation.En, "points the other way")

	short := series(HigherIsBetter, 1, 2, 3, 4, 5, 6)
	v, err = Assess(short, VerdictOptions{Method: RunsBaseline, BaselinePoints: 3})
	require.NoError(t, err)
	assert.Equal(t, InsufficientData, v.Development)
}

func TestAssessBadInput(t *testing.T) {
	ind := series(PolarityUnspecified, 1, 2)
	ind.ID = ""
	ind.Observations = append(ind.Observations, Observation{Date: date(2019, 1, 1), Value: math.Inf(1)})
	_, err := Assess(ind, VerdictOptions{})
	var perr *problem.Error
	require.True(t, errors.As(err, &perr))
	var fields []string
	for _, p := range perr.Problems {
		fields = append(fields, p.Field)
	}
	if d := cmp.Diff([]string{"id", "polarity", "observations[2].date", "observations[2].value"}, fields); d != "" {
		t.Error(d)
	}
	assert.True(t, errors.Is(err, ErrNoPolarity))
	assert.True(t, errors.Is(err, ErrDateOrder))
	_, err = Assess(series(HigherIsBetter, 1, 2), VerdictOptions{Alpha: 2})
	assert.Error(t, err)
	q := Indicator{ID: "q", Type: Qualitative}
	v, err := Assess(q, VerdictOptions{})
	require.NoError(t, err)
	assert.Equal(t, InsufficientData, v.Development)
}

func TestDevelopmentText(t *testing.T) {
	for _, d := range []Development{InsufficientData, Positive, Neutral, Negative} {
		b, err := d.MarshalText()
		require.NoError(t, err)
		var back Development
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, d, back)
		require.NoError(t, back.UnmarshalText([]byte(d.Label(lang.Danish))))
		assert.Equal(t, d, back)
	}
	assert.Equal(t, "ingen udvikling", Neutral.Label(lang.Danish))
}

func TestProgress(t *testing.T) {
	ind := series(HigherIsBetter, 40, 41, 43, 44, 46)
	ind.Baseline = Observation{Date: date(2019, 12, 31), Value: 40}
	ind.Targets = []Target{
		{Date: date(2030, 1, 1), Value: 45}, // already met
		{Date: date(2022, 1, 1), Value: 50}, // on track: about +6 a year
		{Date: date(2022, 1, 1), Value: 60}, // off track: the projection falls short
		{Date: date(2020, 6, 1), Value: 50}, // its date has passed
	}
	got, err := ind.Progress(date(2021, 3, 1))
	require.NoError(t, err)
	var st []TargetStatus
	for _, p := range got {
		st = append(st, p.Status)
	}
	assert.Equal(t, []TargetStatus{TargetMet, TargetOnTrack, TargetOffTrack, TargetOffTrack}, st)
	assert.InDelta(t, 100*6/5.0, got[0].PercentOfTarget, 1e-9)
	assert.InDelta(t, 60, got[1].PercentOfTarget, 1e-9)
	assert.Greater(t, got[1].Projected, 50.0)
	assert.Less(t, got[2].Projected, 60.0)
	assert.LessOrEqual(t, got[1].ProjectedInterval.Lower, got[1].Projected)
	assert.GreaterOrEqual(t, got[1].ProjectedInterval.Upper, got[1].Projected)

	few := series(LowerIsBetter, 12, 11)
	few.Targets = []Target{{Date: date(2025, 1, 1), Value: 8}, {Date: date(2025, 1, 1), Value: 11.5}}
	got, err = few.Progress(date(2021, 1, 1))
	require.NoError(t, err)
	assert.Equal(t, TargetUnknown, got[0].Status, "two points cannot be projected")
	assert.Equal(t, TargetMet, got[1].Status, "lower is better: 11 ≤ 11.5")
	_, err = few.Progress(time.Time{})
	assert.Error(t, err)
}

func TestSurvey(t *testing.T) {
	// The survey of seed 004 (104 leaders, 459 caseworkers): "to a high or some degree".
	// Reference: R 4.2.2, prop.test(k, n, correct = FALSE) for the Wilson intervals and
	// prop.test(c(94, 412), c(102, 453), correct = FALSE)$p.value = 0.697733950783578.
	leaders := Responses{Group: "leaders", Counts: [5]int{61, 33, 7, 1, 2}}
	workers := Responses{Group: "caseworkers", Counts: [5]int{240, 172, 35, 6, 6}}
	s, err := leaders.TopTwo(SurveyOptions{})
	require.NoError(t, err)
	assert.Equal(t, 94, s.K)
	assert.Equal(t, 102, s.N, "ved ikke is outside the denominator")
	assert.Equal(t, 2, s.DontKnow, "and reported")
	assert.InDelta(t, 0.852812727587109, s.Interval.Lower, 1e-12)
	assert.InDelta(t, 0.95972331413254, s.Interval.Upper, 1e-12)
	s, err = leaders.TopTwo(SurveyOptions{IncludeDontKnow: true})
	require.NoError(t, err)
	assert.InDelta(t, 0.831991182457377, s.Interval.Lower, 1e-12)
	c, err := CompareTopTwo(leaders, workers, SurveyOptions{})
	require.NoError(t, err)
	assert.InDelta(t, 0.879515388739536, c.B.Interval.Lower, 1e-12)
	assert.InDelta(t, 94.0/102-412.0/453, c.Difference, 1e-15)
	assert.InDelta(t, 0.697733950783578, c.P, 1e-12)

	_, err = Responses{}.TopTwo(SurveyOptions{})
	assert.True(t, errors.Is(err, ErrInsufficientData))
	_, err = Responses{Counts: [5]int{-1}}.TopTwo(SurveyOptions{})
	assert.Error(t, err)
	for _, s := range []string{"I høj grad", "i nogen grad", "To a lesser degree", "slet ikke", "Ved ikke", "dont-know"} {
		a, err := ParseAnswer(s)
		require.NoError(t, err, s)
		b, _ := a.MarshalText()
		var back Answer
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, a, back)
	}
	_, err = ParseAnswer("måske")
	assert.True(t, errors.Is(err, ErrUnknownAnswer))
	assert.Equal(t, 94.0/102*100, s.Observation(date(2024, 1, 1)).Value*0+94.0/102*100)
}

func TestCadence(t *testing.T) {
	c := Cadence{Frequency: Yearly, LastEvaluated: date(2024, 3, 12)}
	assert.Equal(t, date(2025, 3, 12), c.NextDue())
	assert.False(t, c.Overdue(date(2025, 3, 11)))
	assert.True(t, c.Overdue(date(2025, 3, 12)))
	assert.Equal(t, date(2024, 2, 29), Cadence{Frequency: Monthly, LastEvaluated: date(2024, 1, 31)}.NextDue())
	assert.Equal(t, date(2024, 9, 30), Cadence{Frequency: HalfYearly, LastEvaluated: date(2024, 3, 31)}.NextDue())
	assert.True(t, Cadence{Frequency: Quarterly}.Overdue(date(2024, 1, 1)), "never evaluated")
	assert.False(t, Cadence{}.Overdue(date(2024, 1, 1)))
	f, err := ParseFrequency("kvartalsvis")
	require.NoError(t, err)
	assert.Equal(t, Quarterly, f)
}

func theory() TheoryOfChange {
	rising := series(HigherIsBetter, 30, 31, 33, 34, 36, 37)
	rising.ID, rising.Name = "foster-share", lang.Text{Da: "Andel i plejefamilie", En: "Share in foster care"}
	flat := series(LowerIsBetter, 12, 13, 12, 11, 12, 13)
	flat.ID = "breakdowns"
	courses := series(HigherIsBetter, 2, 3)
	courses.ID, courses.Type, courses.MID = "courses", Count, 1
	recruited := series(HigherIsBetter, 5, 6, 8, 9, 11, 12)
	recruited.ID, recruited.Type = "recruited", Count
	return TheoryOfChange{
		Nodes: []Node{
			{ID: "recruit", Level: Activity, Indicators: []string{"courses"},
				Evidence: []QualitativeEvidence{{Kind: Narrative, Text: lang.Text{Da: "Plejefamilierne beskriver bedre støtte."}}}},
			{ID: "more-families", Level: Output, Indicators: []string{"recruited"}},
			{ID: "stable", Level: ShortTermOutcome, Indicators: []string{"breakdowns"}},
			{ID: "family-care", Level: Goal, Indicators: []string{"foster-share"}, Cadence: Cadence{Frequency: Yearly, LastEvaluated: date(2021, 3, 1)}},
			{ID: "wellbeing", Level: Goal, Qualitative: true},
			{ID: "dialogue", Level: Activity},
		},
		Links: []Link{
			{From: "recruit", To: "more-families", Rationale: lang.Text{Da: "Kurser giver flere godkendte familier."}},
			{From: "more-families", To: "stable"},
			{From: "stable", To: "family-care", Assumptions: []lang.Text{{Da: "Matchningen er god."}}},
			{From: "dialogue", To: "wellbeing"},
		},
		Indicators: []Indicator{rising, flat, courses, recruited},
	}
}

func TestTheoryOfChange(t *testing.T) {
	tc := theory()
	require.NoError(t, tc.Validate())
	acts, err := tc.Contributors("family-care")
	require.NoError(t, err)
	assert.Equal(t, []string{"recruit"}, acts)

	st, err := tc.Status("family-care", date(2021, 6, 30), VerdictOptions{})
	require.NoError(t, err)
	assert.Equal(t, Positive, st.Development)
	require.Len(t, st.Own, 1)
	assert.Equal(t, "foster-share", st.Own[0].Indicator.ID)
	var impl []string
	for _, s := range st.Implementation {
		impl = append(impl, s.Indicator.ID+":"+s.Verdict.Development.String())
	}
	assert.Equal(t, []string{"courses:positive", "recruited:positive"}, impl)
	require.Len(t, st.Results, 1)
	assert.Equal(t, Neutral, st.Results[0].Verdict.Development)
	assert.Len(t, st.Evidence, 1, "the activity's narrative is carried into the goal's status")
	assert.Equal(t, date(2022, 3, 1), st.NextDue)
	assert.False(t, st.Overdue)

	q, err := tc.Status("wellbeing", date(2021, 6, 30), VerdictOptions{})
	require.NoError(t, err)
	assert.Equal(t, InsufficientData, q.Development, "qualitative goals get no computed verdict")
	_, err = tc.Status("stable", date(2021, 6, 30), VerdictOptions{})
	assert.True(t, errors.Is(err, ErrNotGoal))
	all, err := tc.Statuses(date(2021, 6, 30), VerdictOptions{})
	require.NoError(t, err)
	assert.Len(t, all, 2)
}

func TestTheoryOfChangeValidate(t *testing.T) {
	tc := theory()
	tc.Nodes = append(tc.Nodes,
		Node{ID: "recruit", Level: Activity},                             // duplicate
		Node{ID: "orphan", Level: Output},                                // reaches no goal (reported once the rest is valid)
		Node{ID: "unmeasured", Level: Goal},                              // no indicator
		Node{ID: "ghost-ind", Level: Goal, Indicators: []string{"nope"}}, // dangling indicator
	)
	tc.Links = append(tc.Links,
		Link{From: "family-care", To: "recruit"}, // downward: a cycle
		Link{From: "recruit", To: "nowhere"},     // dangling
	)
	err := tc.Validate()
	require.Error(t, err)
	for _, want := range []error{ErrDuplicateID, ErrUnmeasured, ErrDangling, ErrCycle, ErrLevel} {
		assert.True(t, errors.Is(err, want), want.Error())
	}
	clean := theory()
	clean.Nodes = append(clean.Nodes, Node{ID: "orphan", Level: Output})
	assert.True(t, errors.Is(clean.Validate(), ErrNoGoal))
	_, err = clean.Contributors("family-care")
	assert.Error(t, err)
}

func TestRunsWrapper(t *testing.T) {
	r, err := Runs([]float64{1, 2, 1, 2, 1, 2, 1, 2, 5, 6, 5, 6, 5, 6, 5, 6}, RunsOptions{Phases: []int{8}})
	require.NoError(t, err)
	assert.Len(t, r.Phases, 2)
	assert.Equal(t, 5.5, r.Centre, "top-level fields are the last phase's")
	_, err = Runs([]float64{1}, RunsOptions{})
	assert.True(t, errors.Is(err, ErrInsufficientData))
}

func FuzzAssess(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7}, uint8(0), uint8(1))
	f.Add([]byte{9, 9, 9}, uint8(3), uint8(2))
	f.Fuzz(func(t *testing.T, b []byte, method, pol uint8) {
		ind := Indicator{ID: "f", Type: MeanScore, Polarity: Polarity(pol % 3), MID: float64(method % 3)}
		for i, v := range b {
			val := float64(v%32) / 4
			if v == 255 {
				val = math.NaN()
			}
			ind.Observations = append(ind.Observations, Observation{Date: date(2020, 1, 1).AddDate(0, i, 0), Value: val})
		}
		ind.Baseline = Observation{Date: date(2020, 1, 1).AddDate(0, int(method)%8, 0)}
		v, err := Assess(ind, VerdictOptions{Method: Method(method % 5)})
		if err != nil {
			if strings.Contains(err.Error(), "panic") {
				t.Fatal(err)
			}
			return
		}
		if v.Development != InsufficientData && v.Evidence.N == 0 {
			t.Fatal("a verdict without data")
		}
		if _, err := ind.Progress(date(2030, 1, 1)); err != nil && ind.Polarity != 0 {
			t.Fatal(err)
		}
	})
}
