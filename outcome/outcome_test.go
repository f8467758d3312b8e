package outcome

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/problem"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestThemeText(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Theme
	}{
		{"development", Development}, {"Udvikling og adfærd", Development},
		{"FAMILY", Family}, {"familieforhold", Family}, {"Family relations", Family},
		{"school", School}, {"Daginstitution, skole eller beskæftigelse", School},
		{" health ", Health}, {"Sundhedsforhold", Health},
		{"leisure", Leisure}, {"Leisure and friendships", Leisure},
	} {
		got, err := ParseTheme(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
		b, err := got.MarshalText()
		require.NoError(t, err)
		var back Theme
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, got, back)
	}
	_, err := ParseTheme("økonomi")
	assert.True(t, errors.Is(err, ErrUnknownTheme))
	_, err = Theme(0).MarshalText()
	assert.True(t, errors.Is(err, ErrUnknownTheme))
	assert.Equal(t, "Theme(9)", Theme(9).String())
	assert.Equal(t, "Familieforhold", Family.Label(lang.Danish))
	assert.Equal(t, "Family relations", Family.Label(lang.English))
}

func TestScaleValidate(t *testing.T) {
	require.NoError(t, FivePoint(HigherIsBetter).Validate())
	require.NoError(t, FivePoint(LowerIsBetter).Validate())
	assert.Equal(t, "Meget god", FivePoint(HigherIsBetter).Label(5, lang.Danish))
	assert.Equal(t, "Very good", FivePoint(LowerIsBetter).Label(1, lang.English))
	for name, s := range map[string]Scale{
		"no polarity":   {Min: 1, Max: 5},
		"empty":         {Min: 3, Max: 3, Polarity: HigherIsBetter},
		"labels":        {Min: 1, Max: 5, Polarity: HigherIsBetter, Labels: make([]lang.Text, 4)},
		"reliability 1": {Min: 1, Max: 5, Polarity: HigherIsBetter, Reliability: 1},
		"SD NaN":        {Min: 1, Max: 5, Polarity: HigherIsBetter, SD: math.NaN()},
		"too many":      {Min: 0, Max: 1000, Polarity: HigherIsBetter},
	} {
		err := s.Validate()
		assert.True(t, errors.Is(err, ErrInvalidScale), name)
	}
	p, err := ParsePolarity("højere er bedre")
	require.NoError(t, err)
	assert.Equal(t, HigherIsBetter, p)
}

func TestScore(t *testing.T) {
	var s Scores
	assert.False(t, s.Get(Health).Assessed(), "zero value is not assessed")
	s.Set(Health, 0)
	v, ok := s.Get(Health).Value()
	assert.True(t, ok, "a score of 0 is a score, not 'not assessed'")
	assert.Equal(t, 0, v)
	assert.Equal(t, "–", NotAssessed.String())
}

func TestValidateAssessmentsListsEveryProblemWithoutIDs(t *testing.T) {
	const cpr = "0101011234" // a CPR-like ID that must never appear in an error
	s := FivePoint(HigherIsBetter)
	ok := Assessment{Child: cpr, Date: day(2024, 1, 10)}
	ok.Scores.Set(Family, 3)
	bad := Assessment{Child: cpr, Date: day(2024, 6, 1)}
	bad.Scores.Set(Family, 7)
	bad.Scores.Set(Health, 0)
	dup := Assessment{Child: cpr, Date: day(2024, 1, 10).Add(5 * time.Hour)}
	noID := Assessment{Date: day(2024, 2, 1)}
	noDate := Assessment{Child: "x"}
	err := ValidateAssessments([]Assessment{ok, bad, dup, noID, noDate}, s)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), cpr)
	got := problem.Locations(err)
	want := []problem.Location{{Record: 1, Field: "score[family]"}, {Record: 1, Field: "score[health]"}, {Record: 3, Field: "child"}, {Record: 4, Field: "date"}, {Record: 2, Field: "date"}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("problems (-want +got):\n%s", d)
	}
	assert.True(t, errors.Is(err, ErrOutOfRange))
	assert.True(t, errors.Is(err, ErrDuplicate))
	assert.True(t, errors.Is(err, ErrNoChild))
	assert.True(t, errors.Is(err, ErrNoDate))
	assert.True(t, errors.Is(ValidateAssessments(nil, s), ErrEmpty))
	assert.True(t, errors.Is(ValidateAssessments([]Assessment{ok}, Scale{Min: 1, Max: 5}), ErrInvalidScale))
}

func assess(child string, d time.Time, intervention string, scores ...int) Assessment {
	a := Assessment{Child: child, Date: d, Attrs: map[string]string{"intervention": intervention}}
	for i, v := range scores {
		if v != 0 {
			a.Scores.Set(Theme(i+1), v)
		}
	}
	return a
}

func TestTrajectory(t *testing.T) {
	s := FivePoint(HigherIsBetter)
	as := []Assessment{
		assess("b", day(2025, 7, 1), "MST", 3, 0, 4),
		assess("a", day(2024, 1, 1), "MST", 2, 2, 2),
		assess("b", day(2024, 1, 1), "MST", 1, 2, 0),
		assess("b", day(2024, 7, 1), "MST", 2, 3, 3),
	}
	ts, err := Trajectories(as, s)
	require.NoError(t, err)
	require.Len(t, ts, 2)
	b := ts[0]
	assert.Equal(t, "b", b.Child)
	require.NoError(t, b.Validate(s))
	assert.Equal(t, []time.Time{day(2024, 1, 1), day(2024, 7, 1), day(2025, 7, 1)},
		[]time.Time{b.Assessments[0].Date, b.Assessments[1].Date, b.Assessments[2].Date})

	c, why := b.Change(Development, CompleteCase)
	require.Equal(t, Included, why)
	assert.Equal(t, 2, c.Delta)
	assert.InDelta(t, 547.0/365.25, c.Years, 1e-12)
	assert.InDelta(t, 2/(547.0/365.25), c.PerYear, 1e-12)

	_, why = b.Change(Family, CompleteCase)
	assert.Equal(t, MissingAtLatest, why)
	c, why = b.Change(Family, AllAvailable)
	require.Equal(t, Included, why)
	assert.Equal(t, 1, c.Delta, "all-available uses the last date the theme was scored")
	_, why = b.Change(School, CompleteCase)
	assert.Equal(t, MissingAtBaseline, why)
	_, why = b.Change(Health, AllAvailable)
	assert.Equal(t, ScoredOnce, why)
	_, why = ts[1].Change(Development, CompleteCase)
	assert.Equal(t, SingleAssessment, why)

	steps := b.Steps(School)
	require.Len(t, steps, 1)
	assert.Equal(t, 1, steps[0].Delta)
	assert.Len(t, b.Steps(Development), 2)

	rev := Trajectory{Child: "b", Assessments: []Assessment{as[0], as[2], as[2]}}
	err = rev.Validate(s)
	assert.True(t, errors.Is(err, ErrOrder))
	assert.True(t, errors.Is(err, ErrDuplicate))
}

func TestReliableChangeIndex(t *testing.T) {
	// Reference: Jacobson & Truax (1991), Table 2 (the Dyadic Adjustment Scale scores of
	// couples, as shipped in AWKruijt/JT-RCI data/), with SD 17.8 and reliability 0.95
	// chosen for this test; RCI = (post − pre)/(SD·√2·√(1 − r)) computed with R 4.2.2.
	for i, tc := range []struct{ pre, post, rci float64 }{
		{90.5, 97, 1.15476431410643},
		{74, 124, 8.88280241620331},
		{97, 97.5, 0.0888280241620331},
		{73.5, 88, 2.57601270069896},
		{66.5, 62.5, -0.710624193296265},
	} {
		assert.InDelta(t, tc.rci, ReliableChangeIndex(tc.pre, tc.post, 17.8, 0.95), 1e-12, "case %d", i)
	}
	assert.True(t, math.IsNaN(ReliableChangeIndex(1, 2, 0, 0.8)))
	assert.True(t, math.IsNaN(ReliableChangeIndex(1, 2, 1, 1)))

	// The documented consequence on the 5-point scale with SD 1 and r = 0.8.
	s := FivePoint(HigherIsBetter)
	assert.InDelta(t, 1.5811, ReliableChangeIndex(2, 3, 1, 0.8), 1e-4)
	assert.InDelta(t, 3.1623, ReliableChangeIndex(2, 4, 1, 0.8), 1e-4)
	rule := ChangeRule{Method: ByReliableChange}
	min, err := rule.MinimumChange(s)
	require.NoError(t, err)
	assert.InDelta(t, 1.2396, min, 1e-4)
	for delta, want := range map[int]Direction{-2: Deteriorated, -1: Unchanged, 0: Unchanged, 1: Unchanged, 2: Improved, 4: Improved} {
		got, err := rule.Classify(delta, s)
		require.NoError(t, err)
		assert.Equal(t, want, got, "delta %d", delta)
	}
	// The default rule, one step, and polarity.
	got, err := ChangeRule{}.Classify(1, s)
	require.NoError(t, err)
	assert.Equal(t, Improved, got)
	got, err = ChangeRule{}.Classify(1, FivePoint(LowerIsBetter))
	require.NoError(t, err)
	assert.Equal(t, Deteriorated, got, "on a lower-is-better scale a rise is worse")
	_, err = rule.Classify(2, Scale{Min: 1, Max: 5, Polarity: HigherIsBetter})
	assert.True(t, errors.Is(err, ErrNoReliability))
}

func TestEffectSize(t *testing.T) {
	// Reference: Lakens (2013), Front. Psychol. 4:863, the movie-ratings example: Movie 1
	// (9,7,8,9,8,9,9,10,9,9) and Movie 2 (9,6,7,8,7,9,8,8,8,7): t(9) = 4.74, d_z = 1.50.
	d := []int{0, 1, 1, 1, 1, 0, 1, 2, 1, 2}
	var sum, ss float64
	for _, v := range d {
		sum += float64(v)
	}
	mean := sum / 10
	for _, v := range d {
		ss += (float64(v) - mean) * (float64(v) - mean)
	}
	e := pairedEffect(10, mean, math.Sqrt(ss/9))
	assert.InDelta(t, 1.5, e.DZ, 1e-12)
	assert.InDelta(t, 1.5*(1-3.0/35), e.HedgesGZ, 1e-12)
	assert.True(t, math.IsNaN(pairedEffect(1, 1, 0).DZ))
}

// smallData: six MST children with family changes 2, 0, 1, 1, −1, 2, one MST child with a
// single assessment, one with family missing at latest, and two children in "PPR".
func smallData() []Assessment {
	var as []Assessment
	base, late := day(2024, 1, 15), day(2025, 1, 14)
	for i, fam := range [][2]int{{2, 4}, {3, 3}, {1, 2}, {2, 3}, {4, 3}, {2, 4}} {
		id := string(rune('a' + i))
		as = append(as, assess(id, base, "MST", 2, fam[0], 3), assess(id, late, "MST", 3, fam[1], 3))
	}
	as = append(as, assess("g", base, "MST", 2, 2, 2))
	as = append(as, assess("h", base, "MST", 2, 2, 2), assess("h", late, "MST", 2, 0, 2))
	as = append(as, assess("i", base, "PPR", 1, 1, 1), assess("i", late, "PPR", 1, 1, 1))
	as = append(as, assess("j", base, "PPR", 1, 1, 1), assess("j", late, "PPR", 2, 1, 1))
	return as
}

func TestSummarize(t *testing.T) {
	s := FivePoint(HigherIsBetter)
	sum, err := Summarize(smallData(), s, Options{GroupBy: []string{"intervention"}, Seed: 1})
	require.NoError(t, err)
	require.Len(t, sum.Groups, 2)
	mst := sum.Groups[0]
	assert.Equal(t, []string{"MST"}, mst.Key)
	assert.Equal(t, 8, mst.Children)
	assert.Equal(t, 15, mst.Assessments)

	fam := mst.Theme(Family)
	var excl Exclusions
	excl[SingleAssessment] = 1
	excl[MissingAtLatest] = 1
	// Reference: R 4.2.2, d <- c(2, 0, 1, 1, -1, 2): mean(d) = 0.833333333333333,
	// sd(d) = 1.16904519445001, wilcox.test(d) V = 13, p = 0.167546277488617 (normal
	// approximation: ties and a zero).
	want := ThemeSummary{
		Theme:        Family,
		N:            6,
		Excluded:     excl,
		Baseline:     Distribution{N: 6, Mean: 14.0 / 6, Counts: []int{1, 3, 1, 1, 0}},
		Latest:       Distribution{N: 6, Mean: 19.0 / 6, Counts: []int{0, 1, 3, 2, 0}},
		MeanChange:   0.833333333333333,
		SDChange:     1.16904519445001,
		MeanYears:    365.0 / 365.25,
		Improved:     4,
		Unchanged:    1,
		Deteriorated: 1,
		Effect:       EffectSize{DZ: 0.712832435640251, HedgesGZ: 0.600279945802317},
		Wilcoxon:     &WilcoxonResult{N: 5, V: 13, P: 0.167546277488617},
	}
	if d := cmp.Diff(want, fam, cmpopts.EquateApprox(0, 1e-12), cmpopts.IgnoreFields(ThemeSummary{}, "MeanChangeCI")); d != "" {
		t.Errorf("MST family (-want +got):\n%s", d)
	}
	assert.LessOrEqual(t, fam.MeanChangeCI.Lower, fam.MeanChange)
	assert.GreaterOrEqual(t, fam.MeanChangeCI.Upper, fam.MeanChange)
	assert.GreaterOrEqual(t, fam.MeanChangeCI.Lower, -1.0)
	assert.LessOrEqual(t, fam.MeanChangeCI.Upper, 2.0)
	assert.Equal(t, mst.Children, fam.N+fam.Excluded.Total(), "no child vanishes")
	assert.InDelta(t, 4.0/6, fam.Share(Improved), 1e-12)

	ppr := sum.Groups[1].Theme(Family)
	assert.Equal(t, 2, ppr.N)
	assert.Nil(t, ppr.Wilcoxon, "no child changed: no test")
	assert.Equal(t, 0.0, ppr.MeanChange)
	assert.True(t, math.IsNaN(ppr.Effect.DZ))

	// All-available: child h has family at baseline only, so is excluded as scored once.
	all, err := Summarize(smallData(), s, Options{GroupBy: []string{"intervention"}, Mode: AllAvailable, Seed: 1})
	require.NoError(t, err)
	assert.Equal(t, 1, all.Groups[0].Theme(Family).Excluded[ScoredOnce])
}

func TestSummarizeSplitsEpisodesAndGroupsByTwoKeys(t *testing.T) {
	s := FivePoint(HigherIsBetter)
	as := []Assessment{
		assess("a", day(2024, 1, 1), "MST", 1), assess("a", day(2024, 6, 1), "MST", 2),
		assess("a", day(2025, 1, 1), "PPR", 2), assess("a", day(2025, 6, 1), "PPR", 4),
	}
	for i := range as {
		as[i].Attrs = map[string]string{"intervention": as[i].Attrs["intervention"], "team": "0-6"}
	}
	sum, err := Summarize(as, s, Options{GroupBy: []string{"team", "intervention"}})
	require.NoError(t, err)
	require.Len(t, sum.Groups, 2)
	assert.Equal(t, []string{"0-6", "MST"}, sum.Groups[0].Key)
	assert.Equal(t, 1.0, sum.Groups[0].Theme(Development).MeanChange)
	assert.Equal(t, 2.0, sum.Groups[1].Theme(Development).MeanChange)

	one, err := Summarize(as, s, Options{})
	require.NoError(t, err)
	require.Len(t, one.Groups, 1)
	assert.Equal(t, []string{}, one.Groups[0].Key)
	assert.Equal(t, 3.0, one.Groups[0].Theme(Development).MeanChange)

	_, err = Summarize(as, s, Options{GroupBy: []string{"team", "team"}})
	assert.True(t, errors.Is(err, ErrNoGroupBy))
	_, err = Summarize(as, s, Options{Confidence: 2})
	assert.Error(t, err)
}

func TestSummarizeIndependentOfWorkers(t *testing.T) {
	data := synthetic(3000, 6, 3)
	s := FivePoint(HigherIsBetter)
	var first Summary
	for i, w := range []int{1, 2, 3, 8} {
		got, err := Summarize(data, s, Options{GroupBy: []string{"intervention"}, Seed: 42, Workers: w})
		require.NoError(t, err)
		assert.Equal(t, w, got.Options.Workers)
		got.Options.Workers = 0 // the one field that records how it was run
		if i == 0 {
			first = got
			continue
		}
		if d := cmp.Diff(first, got, cmpopts.EquateNaNs()); d != "" {
			t.Fatalf("workers %d changed the result:\n%s", w, d)
		}
	}
	require.NotEmpty(t, first.Groups)
	// A group's interval does not depend on the other groups.
	var onlyA []Assessment
	for _, a := range data {
		if a.Attrs["intervention"] == first.Groups[0].Key[0] {
			onlyA = append(onlyA, a)
		}
	}
	alone, err := Summarize(onlyA, s, Options{GroupBy: []string{"intervention"}, Seed: 42})
	require.NoError(t, err)
	assert.Equal(t, first.Groups[0].Theme(School).MeanChangeCI, alone.Groups[0].Theme(School).MeanChangeCI)
}

func FuzzParseTheme(f *testing.F) {
	for _, s := range []string{"family", "Familieforhold", "", "Theme(3)", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		th, err := ParseTheme(s)
		if err != nil {
			return
		}
		b, err := th.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Theme
		if err := back.UnmarshalText(b); err != nil || back != th {
			t.Fatalf("round trip of %q", s)
		}
	})
}

// FuzzSummarize feeds arbitrary bytes as assessments (child, day offset, five scores): the
// library must return a summary or an error, never panic, and never lose a child.
func FuzzSummarize(f *testing.F) {
	f.Add([]byte{1, 0, 3, 3, 3, 3, 3, 1, 10, 4, 4, 4, 4, 4}, uint8(0))
	f.Add([]byte{1, 0, 9, 0, 0, 0, 0}, uint8(1))
	f.Fuzz(func(t *testing.T, b []byte, mode uint8) {
		var as []Assessment
		for len(b) >= 7 {
			a := Assessment{Child: string(rune('a' + b[0]%5)), Date: day(2024, 1, 1).AddDate(0, 0, int(b[1])),
				Attrs: map[string]string{"g": string(rune('x' + b[0]%2))}}
			for k := range NumThemes {
				if v := int(b[2+k]); v%7 != 0 {
					a.Scores.Set(Theme(k+1), v%7)
				}
			}
			as = append(as, a)
			b = b[7:]
		}
		sum, err := Summarize(as, FivePoint(HigherIsBetter), Options{GroupBy: []string{"g"}, Mode: Mode(mode % 3), Resamples: 20})
		if err != nil {
			if strings.Contains(err.Error(), "\x00") {
				t.Fatal("odd error")
			}
			return
		}
		for _, g := range sum.Groups {
			for _, th := range g.Themes {
				if th.N+th.Excluded.Total() != g.Children {
					t.Fatalf("children lost: %d + %d != %d", th.N, th.Excluded.Total(), g.Children)
				}
			}
		}
	})
}
