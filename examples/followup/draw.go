package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/opfolgning/opfolgning/extract"
	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/sampling"
)

// yearSeed is Eksempel Kommune's published seed for the 2026 supervision draws; each
// quarter's seed is derived from it (sampling.PeriodSeed).
const yearSeed = "eksempel-kommune-tilsyn-2026"

// supervisionRule is the procedure: two cases per caseworker per quarter, drawn at random,
// leaving out cases reviewed in the last six months.
var supervisionRule = sampling.Rule{
	Name:                 "2 sager pr. rådgiver pr. kvartal",
	StratifyBy:           []string{"caseworker"},
	PerStratum:           2,
	ReviewedWithinMonths: 6,
}

// nextDraw draws next quarter's cases for supervision and prints the audit record and what
// the procedure's sample can say.
func nextDraw(w io.Writer, cases io.Reader, l lang.Language) (sampling.Record, []sampling.Case, error) {
	pop, err := extract.ReadCases(cases, extract.CSVOptions{})
	if err != nil {
		return sampling.Record{}, nil, err
	}
	q := sampling.Quarters(2026)[0]
	rec, err := sampling.Draw(pop, supervisionRule, q, sampling.PeriodSeed(yearSeed, q.Label))
	if err != nil {
		return rec, nil, err
	}
	if err := sampling.Verify(rec, pop); err != nil {
		return rec, nil, err
	}
	heading(w, tr(l, "Ledelsestilsyn: lodtrækning for "+q.Label, "Management supervision: draw for "+q.Label))
	var eligible, drawn, short int
	var excl sampling.Exclusions
	teams := map[string][2]int{} // team → cases drawn, caseworkers
	teamOf := map[string]string{}
	for _, c := range pop {
		teamOf[c.Caseworker] = c.Team
	}
	for _, s := range rec.Strata {
		eligible += s.Eligible
		drawn += s.Drawn
		short += s.Shortfall
		excl.ClosedBefore += s.Excluded.ClosedBefore
		excl.OpenedAfter += s.Excluded.OpenedAfter
		excl.ReviewedRecently += s.Excluded.ReviewedRecently
		excl.AlreadyDrawn += s.Excluded.AlreadyDrawn
		t := teams[teamOf[s.Key[0]]]
		teams[teamOf[s.Key[0]]] = [2]int{t[0] + s.Drawn, t[1] + 1}
	}
	fmt.Fprintf(w, "%s: %s\n", tr(l, "Regel", "Rule"), rec.Rule.Name)
	fmt.Fprintf(w, "%s: %s (%s %d)\n", tr(l, "Algoritme", "Algorithm"), rec.Algorithm, tr(l, "version", "version"), rec.Version)
	fmt.Fprintf(w, "%s: %q → %s %s\n", tr(l, "Årets frø", "Year seed"), yearSeed, tr(l, "kvartalets frø", "quarter seed"), rec.Seed[:16]+"…")
	fmt.Fprintf(w, "%s: %d %s, %s %s\n", tr(l, "Population", "Population"), rec.PopulationSize, tr(l, "sager", "cases"), tr(l, "fingeraftryk", "fingerprint"), rec.Fingerprint[:16]+"…")
	fmt.Fprintf(w, "%s: %d; %s: %d %s, %d %s, %d %s\n", tr(l, "Egnede", "Eligible"), eligible, tr(l, "udeladt", "excluded"),
		excl.ClosedBefore, tr(l, "lukket før kvartalet", "closed before the quarter"),
		excl.OpenedAfter, tr(l, "oprettet efter", "opened after"),
		excl.ReviewedRecently, tr(l, "gennemgået de seneste 6 mdr.", "reviewed in the last 6 months"))
	fmt.Fprintf(w, "%s: %d %s %d %s", tr(l, "Udtrukket", "Drawn"), drawn, tr(l, "sager hos", "cases from"), len(rec.Strata), tr(l, "rådgivere", "caseworkers"))
	if short > 0 {
		fmt.Fprintf(w, " (%s %d)", tr(l, "mangler", "short by"), short)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, t := range []string{"0-6 år", "7-14 år", "15-22 år"} {
		fmt.Fprintf(tw, "  %s\t%d %s\t%d %s\n", t, teams[t][1], tr(l, "rådgivere", "caseworkers"), teams[t][0], tr(l, "sager", "cases"))
	}
	tw.Flush()
	fmt.Fprintf(w, "%s\n", tr(l, "Listen over udtrukne sager går til teamlederne; lodtrækningen kan efterprøves med frø og sagsliste (se pakken sampling).",
		"The list of drawn cases goes to the team leaders; anyone with the seed and the case list can verify the draw (see package sampling)."))

	// What the procedure's samples can say.
	n, err := sampling.SampleSize(sampling.Plan{Materiality: 0.05, Confidence: 0.95})
	if err != nil {
		return rec, pop, err
	}
	perWorker, _ := sampling.UpperBound(sampling.Binomial, 0, 4*supervisionRule.PerStratum, 0, 0.95)
	perYear := 4 * supervisionRule.PerStratum * len(rec.Strata)
	dept, _ := sampling.UpperBound(sampling.Binomial, 0, perYear, 0, 0.95)
	fmt.Fprintf(w, "%s\n", fmt.Sprintf(tr(l,
		"Stikprøvestørrelse: at vise en fejlrate under 5 %% med 95 %% sikkerhed kræver %d sager uden fejl. Proceduren giver %d sager pr. rådgiver om året (uden fejl: højst %s %%) og %d i alt (højst %s %%).",
		"Sample size: showing an error rate below 5%% with 95%% confidence takes %d cases without errors. The procedure gives %d cases per caseworker a year (no errors: at most %s%%) and %d in all (at most %s%%)."),
		n, 4*supervisionRule.PerStratum, fmtNum(100*perWorker, 0, l), perYear, fmtNum(100*dept, 1, l)))
	return rec, pop, nil
}
