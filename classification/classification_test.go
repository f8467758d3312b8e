package classification

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opfolgning/opfolgning/goals"
	"github.com/opfolgning/opfolgning/lang"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestAge(t *testing.T) {
	for _, tc := range []struct {
		birth, at time.Time
		leap      LeapBirthday
		want      int
	}{
		{date(2010, 5, 17), date(2026, 5, 16), March1, 15},
		{date(2010, 5, 17), date(2026, 5, 17), March1, 16},
		{date(2008, 2, 29), date(2026, 2, 28), March1, 17},
		{date(2008, 2, 29), date(2026, 3, 1), March1, 18},
		{date(2008, 2, 29), date(2026, 2, 28), February28, 18},
		{date(2008, 2, 29), date(2028, 2, 28), March1, 19},
		{date(2008, 2, 29), date(2028, 2, 29), March1, 20},
		{date(2020, 1, 1), date(2020, 1, 1), March1, 0},
		{date(2020, 12, 31), time.Date(2021, 12, 31, 23, 0, 0, 0, time.UTC), March1, 1},
	} {
		got, err := Age(tc.birth, tc.at, tc.leap)
		require.NoError(t, err)
		assert.Equal(t, tc.want, got, "%s at %s", tc.birth.Format("2006-01-02"), tc.at.Format("2006-01-02"))
	}
	_, err := Age(date(2026, 1, 2), date(2026, 1, 1), March1)
	assert.True(t, errors.Is(err, ErrFutureBirth))
}

func TestBands(t *testing.T) {
	bs := UniformBands(0, 6, 12, 18, 23)
	require.NoError(t, bs.Validate())
	assert.Equal(t, "12-17 år", bs[2].Label.Da)
	assert.Equal(t, 3, bs.Find(22))
	assert.Equal(t, -1, bs.Find(23))
	bad := Bands{{From: 0, To: 6, Label: lang.Text{Da: "a"}}, {From: 5, To: 30}}
	err := bad.Validate()
	assert.True(t, errors.Is(err, ErrBands))
	assert.Contains(t, err.Error(), "overlaps")
}

func TestTaxonomy(t *testing.T) {
	tx := DefaultTaxonomy()
	require.NoError(t, tx.Validate())
	assert.Equal(t, "2026.1", tx.Version)
	top, err := tx.RollUp("P.adhd", 1)
	require.NoError(t, err)
	assert.Equal(t, "P", top)
	assert.Equal(t, 2, tx.Depth("S.kriminalitet"))
	g, ok := tx.Group("F")
	require.True(t, ok)
	assert.True(t, g.Verified)
	g, _ = tx.Group("P.autisme")
	assert.False(t, g.Verified, "lower levels are marked unverified")
	_, err = tx.RollUp("nope", 1)
	assert.True(t, errors.Is(err, ErrUnknownCode))

	csv := "code;parent;name_da;name_en;verified\nA;;Alfa;Alpha;ja\nA.1;A;Et;One;nej\nB;C;Be;Bee;\nA;;x;y;\nC;B;Ce;See;\n"
	_, err = ParseTaxonomyCSV(strings.NewReader(csv), "t", "1", "test")
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrDuplicateCode))
	assert.True(t, errors.Is(err, ErrCycle))
	ok2, err := ParseTaxonomyCSV(strings.NewReader("code,parent,name_da,name_en\nA,,Alfa,Alpha\nA.1,A,Et,One\n"), "t", "1", "test")
	require.NoError(t, err)
	assert.Equal(t, 2, ok2.Depth("A.1"))
	_, err = ParseTaxonomyJSON(strings.NewReader(`{"id":"x","groups":[{"code":"a","name":{"da":"a","en":"a"},"parent":"zz"}]}`))
	assert.True(t, errors.Is(err, ErrUnknownCode))

	err = ValidateMemberships([]Membership{{Child: "c", Groups: []string{"P.adhd", "S.omsorgssvigt"}, Primary: "P.adhd"},
		{Child: "d", Groups: []string{"P.adhd", "Q"}, Primary: "S.kriminalitet"}}, tx)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrUnknownCode))
	assert.Contains(t, err.Error(), "record 1, field primary")
}

func TestCoarseScales(t *testing.T) {
	b := Borneline()
	require.NoError(t, b.Validate())
	i, err := b.Parse("4A")
	require.NoError(t, err)
	assert.Equal(t, 3, i)
	tl := TrafficLight()
	i, err = tl.Parse("Gul")
	require.NoError(t, err)
	assert.Equal(t, 1, i)
	_, err = tl.Parse("blue")
	assert.Error(t, err)
	assert.Error(t, CoarseScale{ID: "x", Levels: []CoarseLevel{{Code: "a", Label: lang.Text{Da: "a"}}}}.Validate())
}

func TestCatalogue(t *testing.T) {
	c := DefaultCatalogue()
	p, ok := c.Lookup("bl §32 stk. 1 nr. 5")
	require.True(t, ok)
	assert.Equal(t, "BL § 32, stk. 1, nr. 5", p.Code)
	assert.True(t, p.Verified)
	cur, ok := c.Current("SEL § 76")
	require.True(t, ok)
	assert.Equal(t, AfterCare, cur.Kind)
	assert.Equal(t, "BL §§ 113-116", cur.Code)
	cur, ok = c.Current("SEL § 52, stk. 3, nr. 6")
	require.True(t, ok)
	assert.Equal(t, "BL § 32, stk. 1, nr. 3", cur.Code)
	_, ok = c.Current("SEL § 52, stk. 3")
	assert.False(t, ok, "no single successor for the unverified group entry")
	for _, p := range c.Provisions {
		assert.NotEmpty(t, p.Source, p.Code)
		for _, s := range p.Successors {
			_, ok := c.Lookup(s)
			assert.True(t, ok, "%s → %s", p.Code, s)
		}
	}
	c2, err := c.Add(Provision{Code: "BL § 52", Law: BarnetsLov, Kind: Placement})
	require.NoError(t, err)
	assert.Len(t, c2.Provisions, len(c.Provisions)+1)
	_, err = c.Add(Provision{Code: "BL § 46", Law: BarnetsLov, Kind: Placement})
	assert.True(t, errors.Is(err, ErrDuplicateCode))
}

func TestCompose(t *testing.T) {
	tx := DefaultTaxonomy()
	var periods []Period
	for y := 2019; y <= 2025; y++ {
		periods = append(periods, Period{Label: fmt.Sprint(y), Start: date(y, 1, 1), End: date(y+1, 1, 1)})
	}
	var cs []Child
	for y := 2019; y <= 2025; y++ {
		adhd := 10 + 4*(y-2019) // of 100 new cases a year: 10, 14, ..., 34
		for i := range 100 {
			g := "S.omsorgssvigt"
			if i < adhd {
				g = "P.adhd"
			}
			if i == 99 {
				g = ""
			}
			cs = append(cs, Child{ID: fmt.Sprint(y, i), BirthDate: date(y-1-i%20, 6, 1), Start: date(y, 3, 1), End: date(y, 9, 1), Primary: g})
		}
	}
	comp, err := Compose(cs, CompositionOptions{Periods: periods, Bands: UniformBands(0, 6, 12, 18), Taxonomy: tx, NewCases: true})
	require.NoError(t, err)
	assert.Equal(t, []int{100, 100, 100, 100, 100, 100, 100}, comp.Totals)
	assert.Equal(t, 7, comp.NoGroup)
	require.Len(t, comp.Groups, 2)
	adhd := comp.Groups[0]
	assert.Equal(t, "P.adhd", adhd.Key)
	assert.Equal(t, 34, adhd.Periods[6].Count)
	assert.InDelta(t, 0.34, adhd.Periods[6].Share, 1e-12)
	assert.Equal(t, Rising, adhd.Trend, adhd.Verdict.Explanation.En)
	assert.Equal(t, "stigende", adhd.Trend.Label(lang.Danish))
	assert.Equal(t, goals.MannKendallSen, adhd.Verdict.Evidence.Method)
	// Ages 1–20 on the last day of each year: 18, 19 and 20 fall outside 0–17.
	assert.Equal(t, 7*15, comp.OutsideBands)
	rolled, err := Compose(cs, CompositionOptions{Periods: periods, Bands: UniformBands(0, 18), Taxonomy: tx, Level: 1})
	require.NoError(t, err)
	assert.Equal(t, "P", rolled.Groups[0].Key)
	_, err = Compose(cs, CompositionOptions{Bands: UniformBands(0, 18), Taxonomy: tx})
	assert.Error(t, err)
	empty := Composition{}
	assert.True(t, math.IsNaN(func() float64 {
		c, _ := Compose([]Child{{Start: date(2030, 1, 1)}}, CompositionOptions{Periods: periods, Bands: UniformBands(0, 18), Taxonomy: tx})
		return c.Bands[0].Periods[0].Share
	}()), "no children in a period: no share, not zero %v", empty)
}

func FuzzParseTaxonomyCSV(f *testing.F) {
	f.Add("code,parent,name_da,name_en\nA,,a,a\nB,A,b,b\n")
	f.Add("code;parent;name_da;name_en\nA;B;a;a\nB;A;b;b\n")
	f.Fuzz(func(t *testing.T, s string) {
		tx, err := ParseTaxonomyCSV(strings.NewReader(s), "f", "1", "fuzz")
		if err != nil {
			return
		}
		for _, g := range tx.Groups {
			if _, err := tx.RollUp(g.Code, 1); err != nil {
				t.Fatal(err)
			}
		}
	})
}
