package report_test

import (
	"fmt"

	"github.com/opfolgning/opfolgning/report"
)

// Children by target group and age band for the committee: the cells resting on fewer than
// three children are suppressed, and so are enough others that none can be worked out from
// the totals.
func ExampleProtect() {
	t := report.CountTable{
		Rows: []string{"ADHD", "Autisme", "Omsorgssvigt"},
		Cols: []string{"0-5", "6-11", "12-17"},
		Counts: [][]int{
			{1, 14, 22},
			{0, 9, 12},
			{11, 18, 2},
		},
	}
	p, err := report.Protect(t, report.Disclosure{Threshold: 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	for r, row := range p.Counts {
		fmt.Print(p.Rows[r], ":")
		for c, v := range row {
			if p.Suppressed[r][c] {
				fmt.Print(" –")
			} else {
				fmt.Print(" ", v)
			}
		}
		fmt.Println(" | total", p.RowTotal(r))
	}
	fmt.Printf("primary %d, secondary %d\n", p.Primary, p.Secondary)
	// Output:
	// ADHD: – 14 – | total 37
	// Autisme: 0 9 12 | total 21
	// Omsorgssvigt: – 18 – | total 31
	// primary 2, secondary 2
}
