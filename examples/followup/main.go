// Command followup runs a year of follow-up for Eksempel Kommune, the fictional municipality
// of the examples, from the data extracts it ships (examples/followup/data, made by
// examples/gendata): outcome summaries, the status of the political goals through the
// theory of change, the year's supervision results, next quarter's supervision draw with its
// audit record, the interventions overview and the development of the target groups, the
// annual wheel, and a report for each recipient. It prints a summary and writes the reports
// (HTML, Markdown, SVG, PNG, ICS, CSV, JSON) into a folder.
//
//	go run ./examples/followup                       # Danish, into ./opfolgning-rapporter
//	go run ./examples/followup -lang en -out /tmp/r  # English, elsewhere
package main

import (
	"bytes"
	"embed"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/opfolgning/opfolgning/extract"
	"github.com/opfolgning/opfolgning/lang"
)

//go:embed data
var data embed.FS

func main() {
	language := flag.String("lang", "da", "language of labels: da or en")
	out := flag.String("out", "opfolgning-rapporter", "folder to write the reports into")
	flag.Parse()
	l, err := lang.Parse(*language)
	if err != nil {
		log.Fatal(err)
	}
	if err := run(os.Stdout, l, *out); err != nil {
		log.Fatal(err)
	}
}

// run performs the year's follow-up, prints its summary to w and writes the reports to dir.
func run(w io.Writer, l lang.Language, dir string) error {
	read := func(name string) (*bytes.Reader, error) {
		b, err := data.ReadFile("data/" + name)
		return bytes.NewReader(b), err
	}
	r, err := read("assessments.csv")
	if err != nil {
		return err
	}
	as, err := extract.ReadAssessments(r, extract.CSVOptions{})
	if err != nil {
		return err
	}
	var res results
	if res.outcome, err = outcomeSection(w, as, l); err != nil {
		return err
	}
	if r, err = read("indicators.csv"); err != nil {
		return err
	}
	if res.goals, err = goalStatus(w, r, as, l); err != nil {
		return err
	}
	if r, err = read("reviews.json"); err != nil {
		return err
	}
	if res.compliance, res.findings, res.reviews, err = supervisionResults(w, r, l); err != nil {
		return err
	}
	if r, err = read("cases.csv"); err != nil {
		return err
	}
	if res.draw, res.cases, err = nextDraw(w, r, l); err != nil {
		return err
	}
	if r, err = read("interventions.xlsx"); err != nil {
		return err
	}
	if res.overview, res.composition, res.info, err = interventionsOverview(w, r, as, res.cases, l); err != nil {
		return err
	}
	files, err := writeReports(dir, res, l)
	if err != nil {
		return err
	}
	heading(w, tr(l, "Rapporter", "Reports"))
	fmt.Fprintf(w, "%s %d %s %s:\n", tr(l, "Skrev", "Wrote"), len(files), tr(l, "filer i", "files to"), dir)
	personal := 0
	for _, f := range files {
		base := filepath.Base(f)
		switch {
		case strings.HasPrefix(base, "raadgiver-") || strings.HasPrefix(base, "caseworker-"):
			if strings.HasSuffix(base, ".html") {
				personal++
			}
		case strings.HasSuffix(base, ".html") || strings.HasSuffix(base, ".ics") || base == "aarshjul.svg" || strings.HasSuffix(base, ".json"):
			fmt.Fprintf(w, "  %s\n", f)
		}
	}
	fmt.Fprintf(w, "  %s\n", fmt.Sprintf(tr(l, "%d rådgiverrapporter (raadgiver-*.html), hver med rådgiverens egne sager", "%d caseworker reports (caseworker-*.html), each with the caseworker's own cases"), personal))
	fmt.Fprintf(w, "%s\n", tr(l, "Åbn HTML-filerne i en browser; årshjul.ics kan importeres i Outlook.", "Open the HTML files in a browser; aarshjul.ics imports into Outlook."))
	return nil
}

func heading(w io.Writer, title string) {
	fmt.Fprintf(w, "\n%s\n%s\n", title, strings.Repeat("=", len([]rune(title))))
}
