package main

import (
	"fmt"
	"io"
	"math"
	"text/tabwriter"
	"time"

	"github.com/opfolgning/opfolgning/classification"
	"github.com/opfolgning/opfolgning/extract"
	"github.com/opfolgning/opfolgning/interventions"
	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/outcome"
	"github.com/opfolgning/opfolgning/sampling"
)

// bands are the age bands of Eksempel Kommune's reports (its own choice, not a published one).
var bands = classification.UniformBands(0, 6, 12, 18, 23)

// budgets2025 are the second half-year's budgets per kind of measure, in øre.
var budgets2025 = []interventions.Budget{
	{Measure: "familiebehandling", Period: "2025-H2", Amount: 200_000_00},
	{Measure: "kontaktperson", Period: "2025-H2", Amount: 1_100_000_00},
	{Measure: "aflastning", Period: "2025-H2", Amount: 1_000_000_00},
	{Measure: "plejefamilie", Period: "2025-H2", Amount: 17_000_000_00},
	{Measure: "opholdssted", Period: "2025-H2", Amount: 21_000_000_00},
}

func halfYears(from, to int) []classification.Period {
	var ps []classification.Period
	for y := from; y <= to; y++ {
		ps = append(ps,
			classification.Period{Label: fmt.Sprintf("%d-H1", y), Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(y, 7, 1, 0, 0, 0, 0, time.UTC)},
			classification.Period{Label: fmt.Sprintf("%d-H2", y), Start: time.Date(y, 7, 1, 0, 0, 0, 0, time.UTC), End: time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC)})
	}
	return ps
}

// childInfo gathers each child's birth date and primary target group from the assessment
// extract, where the case system writes them.
func childInfo(as []outcome.Assessment) (map[string]interventions.ChildInfo, error) {
	info := map[string]interventions.ChildInfo{}
	for _, a := range as {
		if _, ok := info[a.Child]; ok {
			continue
		}
		b, err := extract.ParseDate(a.Attrs["birth_date"])
		if err != nil {
			return nil, fmt.Errorf("assessment extract: birth_date: %w", err)
		}
		info[a.Child] = interventions.ChildInfo{BirthDate: b, Primary: a.Attrs["target_group"]}
	}
	return info, nil
}

// interventionsOverview prints the overview of the measures and the development of the
// target groups.
func interventionsOverview(w io.Writer, raw io.Reader, as []outcome.Assessment, pop []sampling.Case, l lang.Language) (interventions.Overview, classification.Composition, map[string]interventions.ChildInfo, error) {
	rs, err := extract.ReadInterventionsXLSX(raw, extract.XLSXOptions{})
	if err != nil {
		return interventions.Overview{}, classification.Composition{}, nil, err
	}
	cat := classification.DefaultCatalogue()
	if err := interventions.ValidateInterventions(rs, cat); err != nil {
		return interventions.Overview{}, classification.Composition{}, nil, err
	}
	info, err := childInfo(as)
	if err != nil {
		return interventions.Overview{}, classification.Composition{}, nil, err
	}
	tax := classification.DefaultTaxonomy()
	ov, err := interventions.Summarize(rs, interventions.Options{At: evaluationDate, Periods: halfYears(2025, 2025), Children: info,
		Bands: bands, Taxonomy: tax, Level: 1, Years: []int{2023, 2024, 2025}, BaseYear: 2023, Budgets: budgets2025})
	if err != nil {
		return ov, classification.Composition{}, nil, err
	}
	heading(w, tr(l, "Foranstaltninger: overblik pr. "+evaluationDate.Format("02-01-2006"), "Measures: overview at "+evaluationDate.Format("2006-01-02")))
	fmt.Fprintf(w, "%s: %d %s %d %s.\n", tr(l, "Aktive", "Active"), ov.ActiveMeasures, tr(l, "foranstaltninger for", "measures for"), ov.ActiveChildren, tr(l, "børn og unge", "children and young people"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", tr(l, "Foranstaltning", "Measure"), tr(l, "aktive", "active"), tr(l, "i løbende", "ongoing"),
		tr(l, "median varighed", "median duration"), tr(l, "95%-interval", "95% interval"), tr(l, "kvartiler", "quartiles"), tr(l, "forbrug 2025-H2", "spend 2025-H2"), tr(l, "afvigelse fra budget", "deviation from budget"))
	for i, d := range ov.Durations {
		active := 0
		for _, c := range ov.ByMeasure {
			if c.Measure == d.Measure {
				active = c.Measures
			}
		}
		dev := "–"
		for _, b := range ov.Budgets {
			if b.Measure == d.Measure {
				dev = fmtNum(b.DeviationPct, 1, l) + "%"
				if b.DeviationPct > 0 {
					dev = "+" + dev
				}
			}
		}
		fmt.Fprintf(tw, "%s\t%d\t%d/%d\t%s\t%s\t%s\t%s\t%s\n", d.Measure, active, d.Ongoing, d.N, days(d.Median, l), interval(d.MedianLower, d.MedianUpper, l), days(d.Q1, l)+"–"+days(d.Q3, l),
			ov.Spend[i].Periods[1].Kroner(l), dev)
	}
	tw.Flush()
	fmt.Fprintf(w, "%s\n", tr(l, "Varighed: Kaplan-Meier, løbende foranstaltninger censureret; \"ikke nået\" betyder, at under halvdelen er afsluttet.",
		"Duration: Kaplan-Meier with ongoing measures censored; \"not reached\" means fewer than half have ended."))
	fmt.Fprintf(w, "\n%s:", tr(l, "Aktive efter aldersgruppe", "Active by age band"))
	for _, c := range ov.ByBand {
		fmt.Fprintf(w, " %s %d;", c.AgeBand, c.Children)
	}
	fmt.Fprintf(w, "\n%s:", tr(l, "Aktive efter målgruppe", "Active by target group"))
	for _, c := range ov.ByGroup {
		name := c.TargetGroup
		if g, ok := tax.Group(c.TargetGroup); ok {
			name = g.Name.In(l)
		}
		fmt.Fprintf(w, " %s %d;", name, c.Children)
	}
	fmt.Fprintf(w, "\n\n%s\n", tr(l, "Prisudvikling (gns. årspris, indeks 2023 = 100; n = aktive prisperioder i året):", "Price development (mean yearly price, index 2023 = 100; n = price periods active in the year):"))
	for _, p := range ov.Prices {
		if math.IsNaN(p.Index[2]) || math.IsNaN(p.Index[0]) {
			continue
		}
		fmt.Fprintf(w, "  %-18s %-26s %s → %s (%s %s; n = %d → %d)\n", p.Measure, p.Supplier, p.Yearly[0].Kroner(l), p.Yearly[2].Kroner(l), tr(l, "indeks", "index"), fmtNum(p.Index[2], 1, l), p.Records[0], p.Records[2])
	}

	// Target-group development among the children with an open case, half-year by half-year.
	var children []classification.Child
	for _, c := range pop {
		child := c.Attrs["barn"]
		ci := info[child]
		children = append(children, classification.Child{ID: child, BirthDate: ci.BirthDate, Start: c.Opened, End: c.Closed, Primary: ci.Primary})
	}
	comp, err := classification.Compose(children, classification.CompositionOptions{Periods: halfYears(2023, 2025), Bands: bands, Taxonomy: tax})
	if err != nil {
		return ov, comp, nil, err
	}
	fmt.Fprintf(w, "\n%s\n", tr(l, "Målgrupper blandt børn med åben sag (andel, første → seneste halvår):", "Target groups among children with an open case (share, first → latest half-year):"))
	last := len(comp.Periods) - 1
	for _, s := range comp.Groups {
		fmt.Fprintf(w, "  %-28s %s → %s  %s\n", s.Name.In(l), pct(s.Periods[0].Share), pct(s.Periods[last].Share), s.Trend.Label(l))
	}
	return ov, comp, info, nil
}

// interval gives a duration's confidence limits; an upper limit the data cannot give is
// shown as open ("≥ lower").
func interval(lower, upper float64, l lang.Language) string {
	switch {
	case math.IsNaN(lower):
		return "–"
	case math.IsNaN(upper):
		return fmt.Sprintf("≥ %.0f %s", lower, tr(l, "dage", "days"))
	}
	return fmt.Sprintf("%.0f–%.0f %s", lower, upper, tr(l, "dage", "days"))
}

func days(d float64, l lang.Language) string {
	if math.IsNaN(d) {
		return tr(l, "ikke nået", "not reached")
	}
	return fmt.Sprintf("%.0f %s", d, tr(l, "dage", "days"))
}
