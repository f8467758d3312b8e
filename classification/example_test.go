package classification_test

import (
	"fmt"
	"time"

	"github.com/opfolgning/opfolgning/classification"
	"github.com/opfolgning/opfolgning/lang"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Age on a reference date, leap-day births included, and the age band it falls in.
func ExampleAge() {
	bands := classification.UniformBands(0, 6, 12, 18, 23)
	for _, birth := range []time.Time{date(2012, 6, 30), date(2008, 2, 29)} {
		age, _ := classification.Age(birth, date(2026, 2, 28), classification.March1)
		fmt.Println(birth.Format("2006-01-02"), age, bands[bands.Find(age)].Label.In(lang.Danish))
	}
	// Output:
	// 2012-06-30 13 12-17 år
	// 2008-02-29 17 12-17 år
}

// Rolling target groups up to the top level of the default taxonomy.
func ExampleTaxonomy_RollUp() {
	tx := classification.DefaultTaxonomy()
	for _, code := range []string{"P.adhd", "P.autisme", "S.omsorgssvigt"} {
		top, _ := tx.RollUp(code, 1)
		g, _ := tx.Group(top)
		fmt.Printf("%s → %s (%s)\n", code, top, g.Name.In(lang.English))
	}
	// Output:
	// P.adhd → P (Reduced mental function)
	// P.autisme → P (Reduced mental function)
	// S.omsorgssvigt → S (Special social problems)
}

// A case from 2023 under the former Serviceloven, continued in Barnets Lov.
func ExampleCatalogue_Current() {
	c := classification.DefaultCatalogue()
	p, _ := c.Current("SEL § 76")
	fmt.Println(p.Code, "-", p.Title.In(lang.Danish), "-", p.Kind.Label(lang.English))
	// Output: BL §§ 113-116 - Ungestøtte (18-22 år) - After-care
}

// Are there more children with ADHD among new cases?
func ExampleCompose() {
	var periods []classification.Period
	var children []classification.Child
	for y := 2020; y <= 2025; y++ {
		periods = append(periods, classification.Period{Label: fmt.Sprint(y), Start: date(y, 1, 1), End: date(y+1, 1, 1)})
		for i := range 80 {
			g := "S.omsorgssvigt"
			if i < 8+3*(y-2020) {
				g = "P.adhd"
			}
			children = append(children, classification.Child{ID: fmt.Sprint(y, "-", i), BirthDate: date(y-10, 1, 1), Start: date(y, 4, 1), Primary: g})
		}
	}
	comp, err := classification.Compose(children, classification.CompositionOptions{Periods: periods,
		Bands: classification.UniformBands(0, 18), Taxonomy: classification.DefaultTaxonomy(), NewCases: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range comp.Groups {
		first, last := s.Periods[0], s.Periods[len(s.Periods)-1]
		fmt.Printf("%s: %d of %d → %d of %d new cases, %s\n", s.Name.In(lang.English), first.Count, comp.Totals[0], last.Count, comp.Totals[len(comp.Totals)-1], s.Trend.Label(lang.English))
	}
	// Output:
	// ADHD: 8 of 80 → 23 of 80 new cases, rising
	// Neglect: 72 of 80 → 57 of 80 new cases, falling
}
