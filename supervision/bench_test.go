package supervision

import (
	"fmt"
	"testing"

	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/sampling"
)

// BenchmarkCompliance100k: the compliance report (15 items × 4 quarters, 30 teams, 500
// caseworkers, item × team, verdicts) over 100,000 reviews. Target: < 200 ms.
func BenchmarkCompliance100k(b *testing.B) {
	t := Template{ID: "t15", Version: 1, Name: lang.Text{Da: "x", En: "x"}}
	for i := range 15 {
		t.Items = append(t.Items, Item{ID: fmt.Sprint("item", i), Text: lang.Text{Da: "x", En: "x"}, Category: FormalRequirement,
			AppliesTo: Always, Severity: Medium, Refund: i%5 == 0})
	}
	cat := Catalog{Checklists: []Template{t}}
	q := sampling.Quarters(2025)
	reviews := make([]Review, 100_000)
	for r := range reviews {
		rv := Review{ID: fmt.Sprint(r), Case: fmt.Sprint("S", r), Selection: Drawn, Draw: "x", Reviewer: "TL",
			Caseworker: fmt.Sprint("R", r%500), Team: fmt.Sprint("T", r%30), Date: q[r%4].Start.AddDate(0, 0, r%80),
			Template: "t15", Version: 1}
		for i, it := range t.Items {
			v := Yes
			if (r+i)%7 == 0 {
				v = No
			}
			rv.Answers = append(rv.Answers, Answer{Item: it.ID, Value: v})
		}
		reviews[r] = rv
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compliance(reviews, t, cat, ComplianceOptions{Periods: q}); err != nil {
			b.Fatal(err)
		}
	}
}
