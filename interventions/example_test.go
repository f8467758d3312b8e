package interventions_test

import (
	"fmt"
	"time"

	"github.com/opfolgning/opfolgning/classification"
	"github.com/opfolgning/opfolgning/interventions"
	"github.com/opfolgning/opfolgning/lang"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// The overview of a small municipality's measures at the end of the year: active measures
// by kind, durations with ongoing measures censored, spend against budget.
func ExampleSummarize() {
	fam := interventions.Price{Amount: 650_00, Per: interventions.PerDay}
	foster := interventions.Price{Amount: 480_000_00, Per: interventions.PerYear}
	rs := []interventions.Intervention{
		{ID: "1", Child: "B1", Paragraph: "BL § 32, stk. 1, nr. 5", Measure: "familiebehandling", Supplier: "Familiecentret", Start: date(2025, 1, 6), End: date(2025, 6, 30), Price: fam},
		{ID: "2", Child: "B2", Paragraph: "BL § 32, stk. 1, nr. 5", Measure: "familiebehandling", Supplier: "Familiecentret", Start: date(2025, 3, 3), End: date(2025, 11, 28), Price: fam},
		{ID: "3", Child: "B3", Paragraph: "BL § 32, stk. 1, nr. 5", Measure: "familiebehandling", Supplier: "Familiehuset Nord", Start: date(2025, 9, 1), Price: fam},
		{ID: "4", Child: "B4", Paragraph: "BL § 46", Measure: "plejefamilie", Supplier: "Familieplejen", Start: date(2023, 8, 15), Price: foster},
	}
	if err := interventions.ValidateInterventions(rs, classification.DefaultCatalogue()); err != nil {
		fmt.Println(err)
		return
	}
	ov, err := interventions.Summarize(rs, interventions.Options{
		At:      date(2025, 12, 31),
		Periods: []classification.Period{{Label: "2025", Start: date(2025, 1, 1), End: date(2026, 1, 1)}},
		Bands:   classification.UniformBands(0, 18),
		Budgets: []interventions.Budget{{Measure: "familiebehandling", Period: "2025", Amount: 350_000_00}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range ov.ByMeasure {
		fmt.Printf("active %s: %d\n", c.Measure, c.Measures)
	}
	for _, d := range ov.Durations {
		fmt.Printf("%s: %d measures, %d ongoing, median %v days\n", d.Measure, d.N, d.Ongoing, d.Median)
	}
	for _, b := range ov.Budgets {
		fmt.Printf("%s %s: spent %s of %s (%+.1f%%)\n", b.Measure, b.Period, b.Spent.Kroner(lang.Danish), b.Budget.Kroner(lang.Danish), b.DeviationPct)
	}
	// Output:
	// active familiebehandling: 1
	// active plejefamilie: 1
	// familiebehandling: 3 measures, 1 ongoing, median 223.5 days
	// plejefamilie: 1 measures, 1 ongoing, median NaN days
	// familiebehandling 2025: spent 369.850,00 kr. of 350.000,00 kr. (+5.7%)
}
