package main

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/sampling"
	"github.com/opfolgning/opfolgning/supervision"
)

// learningPoints are the learning points of 2025's supervision: the general ones from the
// school-age team's meeting after the themed supervision in spring, and individual ones.
// catalog is the templates the municipality's reviews use.
var catalog = supervision.Catalog{Checklists: []supervision.Template{supervision.FormalRequirements()},
	Themes: []supervision.ThemedTemplate{supervision.NetworkInvolvement(), supervision.PurposeAndGoals()}}

var learningPoints = []supervision.LearningPoint{
	{ID: "LP-1", Scope: supervision.General, Team: "7-14 år", Theme: "network-involvement", Raised: time.Date(2025, 6, 10, 0, 0, 0, 0, time.UTC),
		Text: text("Hold og dokumentér børnesamtalen før hver opfølgning", "Hold and record the child conversation before every follow-up")},
	{ID: "LP-2", Scope: supervision.General, Team: "7-14 år", Theme: "network-involvement", Raised: time.Date(2025, 6, 10, 0, 0, 0, 0, time.UTC),
		Text: text("Inddrag det samlede netværk tidligt, også skole og PPR", "Involve the wider network early, school and PPR too")},
	{ID: "LP-3", Scope: supervision.Individual, Caseworker: "R12", Theme: "child-conversation", Raised: time.Date(2025, 5, 20, 0, 0, 0, 0, time.UTC),
		Text: text("Brug samtaleguiden til børnesamtaler med de 7-10-årige", "Use the conversation guide with children aged 7-10")},
	{ID: "LP-4", Scope: supervision.Individual, Caseworker: "R09", Theme: "deadlines", Raised: time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC), Resolved: time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC),
		Text: text("Sæt opfølgningsfrister i kalenderen ved bevilling", "Put follow-up deadlines in the calendar at the grant")},
}

// supervisionResults prints the year's compliance by item and team with intervals and
// verdicts, the findings, the themed supervision's answers and the learning points.
func supervisionResults(w io.Writer, raw io.Reader, l lang.Language) (supervision.ComplianceReport, []supervision.Finding, []supervision.Review, error) {
	cat := catalog
	reviews, err := supervision.ParseReviews(raw, cat)
	if err != nil {
		return supervision.ComplianceReport{}, nil, nil, err
	}
	if err := supervision.ValidateLearningPoints(learningPoints); err != nil {
		return supervision.ComplianceReport{}, nil, nil, err
	}
	rep, err := supervision.Compliance(reviews, supervision.FormalRequirements(), cat,
		supervision.ComplianceOptions{Periods: sampling.Quarters(2025), MID: 10})
	if err != nil {
		return rep, nil, nil, err
	}
	heading(w, tr(l, "Ledelsestilsyn 2025: efterlevelse af formelle krav", "Management supervision 2025: compliance with formal requirements"))
	fmt.Fprintf(w, "%d %s. %s\n\n", rep.Reviews, tr(l, "gennemgåede sager", "cases reviewed"),
		tr(l, "Andel ja af ja og nej; 95 %-interval (Wilson); udvikling over kvartalerne.", "Share of yes among yes and no; 95% interval (Wilson); development over the quarters."))
	if rep.Unplaced+rep.OtherTemplate+rep.SkippedAnswers > 0 {
		fmt.Fprintf(w, "%s: %d %s, %d %s, %d %s.\n\n", tr(l, "Udeladt", "Left out"),
			rep.Unplaced, tr(l, "gennemgange uden for kvartalerne", "reviews outside the quarters"),
			rep.OtherTemplate, tr(l, "med en anden tjekliste", "with another checklist"),
			rep.SkippedAnswers, tr(l, "svar uden gyldigt tjekpunkt eller svar", "answers without a valid item or value"))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\tn\t%s\t%s\t%s\n", tr(l, "Tjekpunkt", "Item"), tr(l, "efterlevelse", "compliance"), tr(l, "95%-interval", "95% interval"), tr(l, "udvikling", "development"))
	for _, s := range rep.Items {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", s.Label.In(l), s.Total.N, pct(s.Total.Rate), ci(s.Total), s.Verdict.Development.Label(l))
	}
	tw.Flush()

	fmt.Fprintf(w, "\n%s\n", tr(l, "Børnesamtale pr. team og kvartal:", "Child conversation by team and quarter:"))
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Team")
	for _, p := range rep.Periods {
		fmt.Fprintf(tw, "\t%s", p.Label)
	}
	fmt.Fprintf(tw, "\t%s\n", tr(l, "udvikling", "development"))
	for _, s := range rep.ItemTeams {
		if !strings.HasPrefix(s.Key, "child-conversation|") {
			continue
		}
		fmt.Fprintf(tw, "%s", strings.TrimPrefix(s.Key, "child-conversation|"))
		for _, r := range s.Periods {
			fmt.Fprintf(tw, "\t%s (n=%d)", pct(r.Rate), r.N)
		}
		fmt.Fprintf(tw, "\t%s\n", s.Verdict.Development.Label(l))
	}
	tw.Flush()
	for _, s := range rep.ItemTeams {
		if s.Key == "child-conversation|7-14 år" {
			fmt.Fprintf(w, "  7-14 år: %s\n", s.Verdict.Explanation.In(l))
		}
	}

	findings := supervision.Findings(reviews, cat)
	var ends []time.Time
	for _, p := range rep.Periods {
		ends = append(ends, p.End.AddDate(0, 0, -1))
	}
	fmt.Fprintf(w, "\n%s\n", tr(l, "Fejl og mangler (formelle krav) ved kvartalets udgang:", "Errors and shortcomings (formal requirements) at the end of each quarter:"))
	for _, c := range supervision.CountFindings(findings, ends) {
		fmt.Fprintf(w, "  %s: %d %s, %d %s, %d %s (%s %d %s)\n", c.At.Format("2006-01-02"), c.Open, tr(l, "åbne", "open"), c.Overdue, tr(l, "overskredne", "overdue"),
			c.Closed, tr(l, "lukkede", "closed"), tr(l, "i alt", "in all"), c.Refund, tr(l, "med refusionsmæssig betydning", "with refund significance"))
	}
	fmt.Fprintf(w, "  %s:", tr(l, "Fejl med refusionsmæssig betydning pr. kvartal", "Errors with refund significance per quarter"))
	for i, n := range rep.RefundErrors {
		fmt.Fprintf(w, " %s %d", rep.Periods[i].Label, n)
	}
	fmt.Fprintln(w)

	fmt.Fprintf(w, "\n%s\n", tr(l, "Tematiseret tilsyn, inddragelse af netværk (7-14 år, foråret): andel \"i høj eller nogen grad\"", "Themed supervision, involvement of the network (7-14 år, spring): share \"to a high or some degree\""))
	for _, s := range rep.Themed {
		fmt.Fprintf(w, "  %s. %s %d/%d (%s), %d %s\n", s.Focus.Letter, firstWords(s.Focus.Text.In(l), 6), s.TopTwo.K, s.TopTwo.N, pct(s.TopTwo.Share),
			s.Notes, tr(l, "forslag til mere inddragelse", "suggestions for more involvement"))
	}

	next := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	fmt.Fprintf(w, "\n%s\n", tr(l, "Læringspunkter, der vises ved R12's næste gennemgang (1. februar 2026):", "Learning points shown at R12's next review (1 February 2026):"))
	for _, p := range supervision.CarryForward(learningPoints, "7-14 år", "R12", next) {
		fmt.Fprintf(w, "  [%s] %s\n", tr(l, map[supervision.Scope]string{supervision.General: "team", supervision.Individual: "individuelt"}[p.Scope],
			map[supervision.Scope]string{supervision.General: "team", supervision.Individual: "individual"}[p.Scope]), p.Text.In(l))
	}
	return rep, findings, reviews, nil
}

func ci(r supervision.Rate) string {
	if math.IsNaN(r.Interval.Lower) {
		return "–"
	}
	return fmt.Sprintf("%.0f-%.0f%%", 100*r.Interval.Lower, 100*r.Interval.Upper)
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return s
	}
	return strings.Join(f[:n], " ") + " …"
}
