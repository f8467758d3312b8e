package extract_test

import (
	"fmt"
	"strings"

	"github.com/opfolgning/opfolgning/extract"
	"github.com/opfolgning/opfolgning/outcome"
)

// An extract saved by Danish Excel: semicolons, Danish headers and dates, an empty cell for
// a theme that was not assessed, and one bad row, reported by its row and column.
func ExampleReadAssessments() {
	in := "barn;dato;udvikling;familie;skole;sundhed;fritid;indsats\n" +
		"B1;01-03-2024;2;3;;4;3;familiebehandling\n" +
		"B1;01-09-2024;3;3;4;4;3;familiebehandling\n" +
		"B2;31-02-2024;3;3;4;4;9;kontaktperson\n"
	_, err := extract.ReadAssessments(strings.NewReader(in), extract.CSVOptions{})
	fmt.Println(err)

	as, _ := extract.ReadAssessments(strings.NewReader(in[:strings.LastIndex(in[:len(in)-1], "\n")+1]), extract.CSVOptions{})
	for _, a := range as {
		fmt.Println(a.Date.Format("2006-01-02"), a.Scores.Get(outcome.School), a.Attrs["indsats"])
	}
	// Output:
	// extract: assessments: 1 problem; row 4, field dato: "31-02-2024": not a date (want yyyy-mm-dd, dd-mm-yyyy or dd.mm.yyyy)
	// 2024-03-01 – familiebehandling
	// 2024-09-01 4 familiebehandling
}
