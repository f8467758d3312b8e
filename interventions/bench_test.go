package interventions

import (
	"fmt"
	"testing"

	"github.com/opfolgning/opfolgning/classification"
)

// million builds 1,000,000 intervention records (200,000 children, 7 kinds, 40 suppliers)
// and the options of an overview over 8 quarters and 3 years of prices.
func million() ([]Intervention, Options) {
	kinds := []string{"familiebehandling", "kontaktperson", "aflastning", "støtteophold", "plejefamilie", "opholdssted", "efterværn"}
	rs := make([]Intervention, 1_000_000)
	children := map[string]ChildInfo{}
	tx := classification.DefaultTaxonomy()
	for i := range rs {
		child := fmt.Sprintf("B%06d", i%200_000)
		start := date(2023, 1, 1).AddDate(0, 0, (i*37)%1000)
		r := Intervention{ID: fmt.Sprint(i), Child: child, Paragraph: "BL § 46", Measure: kinds[i%7], Supplier: fmt.Sprint("L", i%40),
			Start: start, Price: Price{Ore(1000_00 + i%500), PerDay}}
		if i%3 != 0 {
			r.End = start.AddDate(0, 0, 30+i%400)
		}
		rs[i] = r
		children[child] = ChildInfo{BirthDate: date(2006+i%18, 3, 1), Primary: tx.Groups[3+i%10].Code}
	}
	var periods []classification.Period
	for q := range 8 {
		s := date(2024, 1, 1).AddDate(0, 3*q, 0)
		periods = append(periods, classification.Period{Label: fmt.Sprint(q), Start: s, End: s.AddDate(0, 3, 0)})
	}
	opts := Options{At: date(2025, 6, 30), Periods: periods, Children: children, Bands: classification.UniformBands(0, 6, 12, 18, 23),
		Taxonomy: tx, Level: 1, Years: []int{2023, 2024, 2025}, BaseYear: 2023}
	return rs, opts
}

// BenchmarkOverviewMillion: the overview of 1,000,000 intervention records. Target: < 1 s.
func BenchmarkOverviewMillion(b *testing.B) {
	rs, opts := million()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Summarize(rs, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidateMillion: validating 1,000,000 records, overlapping duplicates included.
func BenchmarkValidateMillion(b *testing.B) {
	rs, _ := million()
	cat := classification.DefaultCatalogue()
	b.ReportAllocs()
	for b.Loop() {
		if err := ValidateInterventions(rs, cat); err != nil {
			b.Fatal(err)
		}
	}
}
