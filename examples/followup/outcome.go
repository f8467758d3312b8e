package main

import (
	"fmt"
	"io"
	"math"
	"text/tabwriter"

	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/outcome"
)

// seed is the bootstrap seed of the main job, written down so that anyone can rerun it.
const seed = 2026

func tr(l lang.Language, da, en string) string { return lang.Text{Da: da, En: en}.In(l) }

// outcomeSection prints the outcome summary per intervention × theme.
func outcomeSection(w io.Writer, as []outcome.Assessment, l lang.Language) (outcome.Summary, error) {
	// In Eksempel Kommune's result tool 5 is the best score.
	scale := outcome.FivePoint(outcome.HigherIsBetter)
	sum, err := outcome.Summarize(as, scale, outcome.Options{GroupBy: []string{"intervention"}, Seed: seed})
	if err != nil {
		return sum, err
	}
	heading(w, tr(l, "Resultater: udvikling pr. indsats og tema", "Outcomes: progression by intervention and theme"))
	fmt.Fprintf(w, "%s\n\n", tr(l,
		"Første til seneste vurdering (komplette forløb). Ændring i trin på skalaen 1-5, hvor 5 er bedst; 95%-interval ved bootstrap (seed 2026). Forbedret/forværret: mindst ét trin.",
		"Baseline to latest assessment (complete cases). Change in steps on the 1-5 scale, 5 best; 95% bootstrap interval (seed 2026). Improved/deteriorated: at least one step."))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\tn\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n",
		tr(l, "Indsats", "Intervention"), tr(l, "Tema", "Theme"), tr(l, "udeladt", "excluded"),
		tr(l, "ændring", "change"), tr(l, "95%-interval", "95% interval"),
		tr(l, "forbedret", "improved"), tr(l, "uændret", "unchanged"), tr(l, "forværret", "deteriorated"), "p")
	for _, g := range sum.Groups {
		for _, t := range g.Themes {
			p := "–"
			if t.Wilcoxon != nil {
				p = fmt.Sprintf("%.3f", t.Wilcoxon.P)
				if t.Wilcoxon.P < 0.001 {
					p = "<0.001"
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%+.2f\t[%+.2f; %+.2f]\t%s\t%s\t%s\t%s\t\n",
				g.Key[0], t.Theme.Label(l), t.N, t.Excluded.Total(), t.MeanChange,
				t.MeanChangeCI.Lower, t.MeanChangeCI.Upper,
				pct(t.Share(outcome.Improved)), pct(t.Share(outcome.Unchanged)), pct(t.Share(outcome.Deteriorated)), p)
		}
	}
	if err := tw.Flush(); err != nil {
		return sum, err
	}
	var excl outcome.Exclusions
	children := 0
	for _, g := range sum.Groups {
		children += g.Children
		for _, t := range g.Themes {
			for i, n := range t.Excluded {
				excl[i] += n
			}
		}
	}
	fmt.Fprintf(w, "\n%s: %d. %s:", tr(l, "Børn fulgt", "Children followed"), children,
		tr(l, "Udeladt (barn × tema) efter årsag", "Excluded (child × theme) by reason"))
	for i, n := range excl {
		if i > 0 && n > 0 {
			fmt.Fprintf(w, " %s %d;", outcome.Exclusion(i).Label(l), n)
		}
	}
	fmt.Fprintln(w)
	return sum, nil
}

func pct(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", 100*x)
}
