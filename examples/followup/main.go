// Command followup runs a year of follow-up for Eksempel Kommune, the fictional municipality
// of the examples, from the data extracts it ships (examples/followup/data, made by
// examples/gendata). This version prints the outcome summary per intervention and theme.
//
//	go run ./examples/followup            # Danish labels
//	go run ./examples/followup -lang en   # English labels
package main

import (
	"bytes"
	"embed"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/opfolgning/opfolgning/extract"
	"github.com/opfolgning/opfolgning/lang"
)

//go:embed data
var data embed.FS

func main() {
	language := flag.String("lang", "da", "language of labels: da or en")
	flag.Parse()
	l, err := lang.Parse(*language)
	if err != nil {
		log.Fatal(err)
	}
	if err := run(os.Stdout, l); err != nil {
		log.Fatal(err)
	}
}

// run performs the follow-up and writes its summary to w.
func run(w io.Writer, l lang.Language) error {
	raw, err := data.ReadFile("data/assessments.csv")
	if err != nil {
		return err
	}
	as, err := extract.ReadAssessments(bytes.NewReader(raw), extract.CSVOptions{})
	if err != nil {
		return err
	}
	if err := outcomeSection(w, as, l); err != nil {
		return err
	}
	ind, err := data.ReadFile("data/indicators.csv")
	if err != nil {
		return err
	}
	if _, err = goalStatus(w, bytes.NewReader(ind), as, l); err != nil {
		return err
	}
	cases, err := data.ReadFile("data/cases.csv")
	if err != nil {
		return err
	}
	reviews, err := data.ReadFile("data/reviews.json")
	if err != nil {
		return err
	}
	if _, _, err := supervisionResults(w, bytes.NewReader(reviews), l); err != nil {
		return err
	}
	_, pop, err := nextDraw(w, bytes.NewReader(cases), l)
	if err != nil {
		return err
	}
	ivs, err := data.ReadFile("data/interventions.csv")
	if err != nil {
		return err
	}
	_, _, err = interventionsOverview(w, bytes.NewReader(ivs), as, pop, l)
	return err
}

func heading(w io.Writer, title string) {
	fmt.Fprintf(w, "\n%s\n%s\n", title, strings.Repeat("=", len([]rune(title))))
}
