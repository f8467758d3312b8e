package interventions

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opfolgning/opfolgning/classification"
	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/problem"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestOre(t *testing.T) {
	assert.Equal(t, "1.234.567,89 kr.", Ore(123456789).Kroner(lang.Danish))
	assert.Equal(t, "DKK 1,234,567.89", Ore(123456789).Kroner(lang.English))
	assert.Equal(t, "-0,05 kr.", Ore(-5).String())
	for _, tc := range []struct {
		p     Price
		days  int64
		hours int64
		want  Ore
	}{
		{Price{100_00, PerDay}, 31, 0, 3100_00},
		{Price{700_00, PerWeek}, 10, 0, 1000_00},
		{Price{365_00, PerYear}, 10, 0, 10_00},
		{Price{1000_00, PerMonth}, 365, 0, 12000_00},
		{Price{1000_00, PerMonth}, 1, 0, 3288},    // 100000·12/365 = 3287.67 → 3288
		{Price{500_00, PerHour}, 7, 750, 3750_00}, // 7.5 hours a week for a week
		{Price{1, PerWeek}, 3, 0, 0},              // 3/7 øre rounds to 0
		{Price{1, PerWeek}, 4, 0, 1},              // 4/7 øre rounds to 1
	} {
		assert.Equal(t, tc.want, tc.p.cost(tc.days, tc.hours), "%+v × %d", tc.p, tc.days)
	}
	respite := Intervention{Price: Price{1500_00, PerDay}, DaysPerMonth: 8, Start: date(2025, 1, 1)}
	assert.Equal(t, Ore(144000_00), respite.YearlyPrice())
	assert.Equal(t, Ore(1500_00*8*12*31/365+1), respite.Cost(date(2025, 1, 1), date(2025, 1, 31)), "31 days at 8 days a month: 12,230.1369… kr. rounds to 12,230.14")
	u, err := ParsePriceUnit("døgn")
	require.NoError(t, err)
	assert.Equal(t, PerDay, u)
}

func rec(id, child, measure, supplier string, start, end time.Time, p Price) Intervention {
	return Intervention{ID: id, Child: child, Paragraph: "BL § 32, stk. 1, nr. 5", Measure: measure, Supplier: supplier, Start: start, End: end, Price: p}
}

func TestValidate(t *testing.T) {
	const cpr = "0101011234"
	cat := classification.DefaultCatalogue()
	day := Price{1000_00, PerDay}
	rs := []Intervention{
		rec("1", cpr, "familiebehandling", "A", date(2024, 1, 1), date(2024, 6, 30), day),
		rec("2", cpr, "familiebehandling", "A", date(2024, 7, 1), time.Time{}, day),      // follows: fine
		rec("3", cpr, "familiebehandling", "A", date(2024, 6, 1), date(2024, 8, 1), day), // overlaps 1 and 2
		rec("4", cpr, "familiebehandling", "B", date(2024, 6, 1), date(2024, 5, 1), Price{-1, PerDay}),
		{ID: "5", Child: "x", Paragraph: "BL § 999", Measure: "kontaktperson", Start: date(2024, 1, 1), Price: Price{100, PerHour}},
	}
	err := ValidateInterventions(rs, cat)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), cpr)
	got := problem.Locations(err)
	want := []problem.Location{{Record: 3, Field: "end"}, {Record: 3, Field: "price"}, {Record: 4, Field: "hours_per_week"}, {Record: 4, Field: "paragraph"}, {Record: 1, Field: "start"}, {Record: 2, Field: "start"}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	for _, e := range []error{ErrOverlap, ErrEndBeforeStart, ErrNegative, ErrUnknownCode} {
		assert.True(t, errors.Is(err, e), e.Error())
	}
	require.NoError(t, ValidateInterventions(rs[:2], cat))
}

// TestOverlapWithinADay checks the overlap scan where records start on the day another
// ends, at times of day that the sort by start day does not order.
func TestOverlapWithinADay(t *testing.T) {
	cat := classification.DefaultCatalogue()
	day := Price{1000_00, PerDay}
	at := func(d, h int) time.Time { return time.Date(2024, 3, d, h, 0, 0, 0, time.UTC) }
	rs := []Intervention{
		rec("1", "a", "familiebehandling", "A", at(1, 10), at(10, 8), day),
		rec("2", "a", "familiebehandling", "A", at(10, 12), time.Time{}, day), // starts after 1 ends
		rec("3", "a", "familiebehandling", "A", at(10, 6), at(10, 7), day),    // inside 1, before 2
		rec("4", "a", "familiebehandling", "A", at(1, 6), at(1, 9), day),      // ends before 1 starts
	}
	got := problem.Locations(ValidateInterventions(rs, cat))
	want := []problem.Location{{Record: 2, Field: "start"}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestSummarize(t *testing.T) {
	at := date(2025, 12, 31)
	day := Price{1000_00, PerDay}
	rs := []Intervention{
		// Four ended family treatments of 10, 20, 30 and 40 days and one ongoing.
		rec("1", "a", "familiebehandling", "A", date(2025, 1, 1), date(2025, 1, 10), day),
		rec("2", "b", "familiebehandling", "A", date(2025, 2, 1), date(2025, 2, 20), day),
		rec("3", "c", "familiebehandling", "B", date(2025, 3, 1), date(2025, 3, 30), day),
		rec("4", "d", "familiebehandling", "B", date(2025, 4, 1), date(2025, 5, 10), day),
		rec("5", "a", "familiebehandling", "A", date(2025, 12, 1), time.Time{}, day),
		{ID: "6", Child: "a", Paragraph: "BL § 32, stk. 1, nr. 3", Measure: "kontaktperson", Supplier: "C", Start: date(2024, 7, 1),
			HoursPerWeek: 5, Price: Price{400_00, PerHour}},
		{ID: "7", Child: "e", Paragraph: "BL § 46", Measure: "plejefamilie", Supplier: "D", Start: date(2024, 1, 1), Price: Price{480_000_00, PerYear}},
	}
	require.NoError(t, ValidateInterventions(rs, classification.DefaultCatalogue()))
	opts := Options{
		At:       at,
		Periods:  []classification.Period{{Label: "2025-H1", Start: date(2025, 1, 1), End: date(2025, 7, 1)}, {Label: "2025-H2", Start: date(2025, 7, 1), End: date(2026, 1, 1)}},
		Children: map[string]ChildInfo{"a": {date(2015, 5, 1), "P.adhd"}, "e": {date(2020, 1, 1), "S.omsorgssvigt"}},
		Bands:    classification.UniformBands(0, 6, 12, 18), Taxonomy: classification.DefaultTaxonomy(), Level: 1,
		Years: []int{2024, 2025}, BaseYear: 2024,
		Budgets: []Budget{{Measure: "plejefamilie", Period: "2025-H2", Amount: 200_000_00}},
	}
	ov, err := Summarize(rs, opts)
	require.NoError(t, err)
	assert.Equal(t, 3, ov.ActiveMeasures, "records 5, 6 and 7 are active on 31 December")
	assert.Equal(t, 2, ov.ActiveChildren)
	assert.Equal(t, []Cell{{Measure: "familiebehandling", Measures: 1, Children: 1}, {Measure: "kontaktperson", Measures: 1, Children: 1},
		{Measure: "plejefamilie", Measures: 1, Children: 1}}, ov.ByMeasure)
	assert.Equal(t, []Cell{{AgeBand: "0-5 år", Measures: 1, Children: 1}, {AgeBand: "6-11 år", Measures: 2, Children: 1}}, ov.ByBand, "child a once, with two measures")
	assert.Equal(t, []Cell{{TargetGroup: "P", Measures: 2, Children: 1}, {TargetGroup: "S", Measures: 1, Children: 1}}, ov.ByGroup)

	fb := ov.Durations[0]
	assert.Equal(t, "familiebehandling", fb.Measure)
	// R: q <- quantile(survfit(Surv(c(10,20,30,40,31), c(1,1,1,1,0)) ~ 1)): quantiles 20, 30,
	// 40; the median's limits q$lower 20, q$upper NA.
	want := Duration{Measure: "familiebehandling", N: 5, Ended: 4, Ongoing: 1, Q1: 20, Median: 30, Q3: 40, MedianLower: 20, MedianUpper: math.NaN()}
	if d := cmp.Diff(want, fb, cmpopts.EquateNaNs()); d != "" {
		t.Errorf("family treatment's duration (-want +got):\n%s", d)
	}
	pf := ov.Durations[2]
	assert.Equal(t, 1, pf.Ongoing)
	assert.True(t, math.IsNaN(pf.Median), "the placement has not ended: its median is not reached, not 731 days")

	assert.Equal(t, []int{4, 1}, ov.Flows[0].Starts)
	assert.Equal(t, []int{4, 0}, ov.Flows[0].Ends)
	// Family treatment: 10+20+30+40 days in H1, 31 days in H2, at 1,000 kr. a day.
	assert.Equal(t, []Ore{100 * 1000_00, 31 * 1000_00}, ov.Spend[0].Periods)
	// Foster care: 184 days of H2 at 480,000 kr. a year: 480000·184/365 = 241,972.60 kr.
	assert.Equal(t, Ore(241_972_60), ov.Spend[2].Periods[1])
	require.Len(t, ov.Budgets, 1)
	assert.Equal(t, Ore(41_972_60), ov.Budgets[0].Deviation)
	assert.InDelta(t, 20.9863, ov.Budgets[0].DeviationPct, 1e-4)
	// Contact person: 5 hours a week at 400 kr.: 104,285.71 kr. a year in both years.
	cp := ov.Prices[2] // familiebehandling at A and at B come first
	assert.Equal(t, "kontaktperson", cp.Measure)
	assert.Equal(t, []Ore{104_285_71, 104_285_71}, cp.Yearly)
	assert.Equal(t, []float64{100, 100}, cp.Index)
	assert.Equal(t, []int{1, 1}, cp.Records, "one record, active in both years")
	assert.Equal(t, []int64{184, 365}, cp.Days, "1 July to 31 December 2024, all of 2025")
	_, err = Summarize(rs, Options{Bands: opts.Bands})
	assert.Error(t, err)
	_, err = Summarize(rs, Options{At: at, Bands: opts.Bands, Budgets: []Budget{{Period: "x"}}})
	assert.Error(t, err)
}

func FuzzValidateInterventions(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8}, int64(100))
	f.Fuzz(func(t *testing.T, b []byte, price int64) {
		var rs []Intervention
		for i := 0; i+3 < len(b); i += 4 {
			s := date(2024, 1, 1).AddDate(0, 0, int(b[i]))
			e := time.Time{}
			if b[i+1]%3 != 0 {
				e = s.AddDate(0, 0, int(b[i+1])-60)
			}
			rs = append(rs, Intervention{ID: fmt.Sprint(i), Child: fmt.Sprint(b[i+2] % 4), Paragraph: "BL § 46", Measure: "m", Supplier: fmt.Sprint(b[i+3] % 2),
				Start: s, End: e, Price: Price{Ore(price), PriceUnit(1 + b[i+3]%5)}, HoursPerWeek: float64(b[i+2] % 40)})
		}
		if err := ValidateInterventions(rs, classification.DefaultCatalogue()); err != nil {
			return
		}
		ov, err := Summarize(rs, Options{At: date(2024, 6, 1), Bands: classification.UniformBands(0, 18),
			Periods: []classification.Period{{Label: "p", Start: date(2024, 1, 1), End: date(2025, 1, 1)}}, Years: []int{2024}, BaseYear: 2024})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ov.Spend {
			if s.Total < 0 {
				t.Fatal("negative spend from valid records")
			}
		}
	})
}

func TestEpisodes(t *testing.T) {
	y24 := Price{400_000_00, PerYear}
	y25 := Price{412_000_00, PerYear}
	rs := []Intervention{
		{ID: "1", Child: "a", Paragraph: "BL § 46", Measure: "plejefamilie", Supplier: "F", Start: date(2024, 3, 1), End: date(2024, 12, 31), Price: y24},
		{ID: "2", Child: "a", Paragraph: "BL § 46", Measure: "plejefamilie", Supplier: "F", Start: date(2025, 1, 1), End: date(2025, 8, 31), Price: y25},
		{ID: "3", Child: "a", Paragraph: "BL § 46", Measure: "plejefamilie", Supplier: "F", Start: date(2025, 10, 1), Price: y25}, // after a gap
		{ID: "4", Child: "b", Paragraph: "BL § 46", Measure: "plejefamilie", Supplier: "F", Start: date(2025, 1, 1), Price: y25},
	}
	eps := Episodes(rs)
	require.Len(t, eps, 3)
	assert.Equal(t, []int{0, 1}, eps[0].Records, "renewed at a new price on 1 January: one measure")
	assert.Equal(t, date(2025, 8, 31), eps[0].End)
	assert.Equal(t, []int{2}, eps[1].Records)
	ov, err := Summarize(rs, Options{At: date(2025, 12, 31), Bands: classification.UniformBands(0, 18),
		Periods: []classification.Period{{Label: "2025", Start: date(2025, 1, 1), End: date(2026, 1, 1)}}})
	require.NoError(t, err)
	d := ov.Durations[0]
	assert.Equal(t, 3, d.N)
	assert.Equal(t, 1, d.Ended)
	assert.Equal(t, []int{2}, ov.Flows[0].Starts, "the renewal on 1 January 2025 is not a start")
	assert.Equal(t, []int{1}, ov.Flows[0].Ends)
}

func TestSummarizeIndependentOfCores(t *testing.T) {
	rs, opts := million()
	rs = rs[:50_000]
	want, err := Summarize(rs, opts)
	require.NoError(t, err)
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	got, err := Summarize(rs, opts)
	require.NoError(t, err)
	if d := cmp.Diff(want, got, cmpopts.EquateNaNs()); d != "" {
		t.Fatalf("one core gives another overview:\n%s", d)
	}
	assert.Greater(t, want.ActiveMeasures, 1000)
}
