package classification

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkCompose: the composition of 100,000 children over 20 quarters by target group
// (13 codes) and 4 age bands, with a verdict per series. Target: < 200 ms.
func BenchmarkCompose(b *testing.B) {
	tx := DefaultTaxonomy()
	var periods []Period
	for q := range 20 {
		s := date(2021, 1, 1).AddDate(0, 3*q, 0)
		periods = append(periods, Period{Label: fmt.Sprint(q), Start: s, End: s.AddDate(0, 3, 0)})
	}
	children := make([]Child, 100_000)
	for i := range children {
		start := date(2021, 1, 1).AddDate(0, 0, i%1800)
		children[i] = Child{ID: fmt.Sprint(i), BirthDate: date(2005+i%18, time.Month(1+i%12), 1+i%28), Start: start, End: start.AddDate(0, 0, 200+i%700),
			Primary: tx.Groups[3+i%10].Code}
	}
	opts := CompositionOptions{Periods: periods, Bands: UniformBands(0, 6, 12, 18, 23), Taxonomy: tx}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compose(children, opts); err != nil {
			b.Fatal(err)
		}
	}
}
