package report

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/opfolgning/opfolgning/goals"
	"github.com/opfolgning/opfolgning/interventions"
	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/outcome"
	"github.com/opfolgning/opfolgning/supervision"
)

func tr(l lang.Language, da, en string) string { return lang.Text{Da: da, En: en}.In(l) }

func pctCell(x float64) Cell {
	if math.IsNaN(x) {
		return Num(math.NaN(), 0)
	}
	return Num(100*x, 0)
}

// Political is the report for the political level (fagudvalget): each goal with its verdict
// and explanation, the charts of the goals' own indicators, and the children by target group
// and age band under disclosure control. It holds aggregates only: no case, child or
// caseworker appears.
func Political(statuses []goals.GoalStatus, groups CountTable, d Disclosure, at time.Time, l lang.Language) (Document, error) {
	doc := Document{Lang: l, Title: tr(l, "Status på de politiske mål ", "Status of the political goals ") + at.Format("2006-01-02"),
		Recipient: tr(l, "Til fagudvalget", "For the committee")}
	goalsSec := Section{Heading: tr(l, "Målene", "The goals")}
	t := Table{Name: "maal", Header: []string{tr(l, "Mål", "Goal"), tr(l, "Udvikling", "Development"), tr(l, "Begrundelse", "Explanation"), tr(l, "Næste evaluering", "Next evaluation")}}
	for i, st := range statuses {
		var why []string
		for _, s := range st.Own {
			why = append(why, s.Verdict.Explanation.In(l))
		}
		if len(why) == 0 {
			why = append(why, st.Explanation.In(l))
		}
		t.Rows = append(t.Rows, []Cell{Txt(st.Goal.Name.In(l)), Txt(st.Development.Label(l)), Txt(strings.Join(why, " ")), Txt(st.NextDue.Format("2006-01-02"))})
		for j, s := range st.Own {
			var dates []time.Time
			var vals []float64
			for _, o := range s.Indicator.Series(at) {
				dates = append(dates, o.Date)
				vals = append(vals, o.Value)
			}
			target := math.NaN()
			if len(s.Indicator.Targets) > 0 {
				target = s.Indicator.Targets[0].Value
			}
			c, err := SeriesChart(fmt.Sprintf("maal-%d-%d", i+1, j+1), s.Indicator.Name.In(l), dates, vals, target, s.Verdict.Development.Label(l))
			if err != nil {
				return doc, err
			}
			goalsSec.Charts = append(goalsSec.Charts, c)
			// A run chart where the series is long enough for the Anhøj rules.
			if len(vals) >= goals.RunsMinPoints {
				if runs, err := goals.Runs(vals, goals.RunsOptions{}); err == nil {
					labels := make([]string, len(dates))
					for k, d := range dates {
						labels[k] = d.Format("01-06")
					}
					title := tr(l, "Seriediagram: ", "Run chart: ") + s.Indicator.Name.In(l)
					if runs.Signal {
						title += tr(l, " (ikke-tilfældig variation)", " (non-random variation)")
					}
					rc, err := RunChart(fmt.Sprintf("serie-%d-%d", i+1, j+1), title, labels, vals, runs.Centre, runs.Signal)
					if err != nil {
						return doc, err
					}
					goalsSec.Charts = append(goalsSec.Charts, rc)
				}
			}
		}
	}
	t.Note = tr(l, "Udvikling vurderes med Mann-Kendall-test og Sens hældning fra fem målinger, ellers som ændring mod en mindste relevante forskel; støj kaldes ikke en udvikling.",
		"Development is judged by the Mann-Kendall test with Sen's slope from five points, else as the change against a minimal important difference; noise is not called a development.")
	goalsSec.Tables = append(goalsSec.Tables, t)
	p, err := Protect(groups, d)
	if err != nil {
		return doc, err
	}
	groupSec := Section{Heading: tr(l, "Børn og unge med åben sag", "Children and young people with an open case"),
		Tables: []Table{ProtectedTable(p, "maalgrupper", tr(l, "Efter målgruppe og aldersgruppe", "By target group and age band"), tr(l, "Målgruppe", "Target group"), d, l)}}
	doc.Sections = []Section{goalsSec, groupSec}
	return doc, nil
}

// Management is the report for the administration's management (forvaltningsledelsen): the
// outcome trends per intervention and theme, the interventions overview, and the supervision
// results with their development. Aggregates only.
//
// findings are the counts of findings at the end of each period (supervision.CountFindings):
// open and overdue findings over time belong in every supervision report.
func Management(sum outcome.Summary, ov interventions.Overview, comp supervision.ComplianceReport, findings []supervision.FindingCounts, l lang.Language) (Document, error) {
	doc := Document{Lang: l, Title: tr(l, "Ledelsesinformation ", "Management information ") + ov.At.Format("2006-01-02"),
		Recipient: tr(l, "Til forvaltningsledelsen", "For the administration's management")}
	// Outcomes.
	out := Section{Heading: tr(l, "Resultater for børnene", "Outcomes for the children")}
	t := Table{Name: "resultater", Header: []string{tr(l, "Gruppe", "Group"), tr(l, "Tema", "Theme"), "n", tr(l, "Ændring", "Change"),
		tr(l, "95%-interval", "95% interval"), tr(l, "Forbedret %", "Improved %"), tr(l, "Forværret %", "Deteriorated %"), "p"}}
	baseline := make([]float64, sum.Scale.Steps())
	latest := make([]float64, sum.Scale.Steps())
	var nb, nl int
	for _, g := range sum.Groups {
		for _, th := range g.Themes {
			p := math.NaN()
			if th.Wilcoxon != nil {
				p = th.Wilcoxon.P
			}
			t.Rows = append(t.Rows, []Cell{Txt(strings.Join(g.Key, " / ")), Txt(th.Theme.Label(l)), Int(th.N), Num(th.MeanChange, 2),
				Txt(fmt.Sprintf("%s; %s", Num(th.MeanChangeCI.Lower, 2).format(l, l == lang.Danish), Num(th.MeanChangeCI.Upper, 2).format(l, l == lang.Danish))),
				pctCell(th.Share(outcome.Improved)), pctCell(th.Share(outcome.Deteriorated)), Num(p, 3)})
			if th.Theme == outcome.School {
				for i, c := range th.Baseline.Counts {
					baseline[i] += float64(c)
					nb += c
				}
				for i, c := range th.Latest.Counts {
					latest[i] += float64(c)
					nl += c
				}
			}
		}
	}
	t.Note = tr(l, "Ændring i trin fra første til seneste vurdering; interval ved bootstrap; p fra Wilcoxons rangtest.",
		"Change in steps from baseline to latest; bootstrap interval; p from the Wilcoxon signed-rank test.")
	out.Tables = append(out.Tables, t)
	if nb > 0 && nl > 0 {
		var steps []string
		for i := range baseline {
			baseline[i] /= float64(nb)
			latest[i] /= float64(nl)
			steps = append(steps, sum.Scale.Label(sum.Scale.Min+i, l))
		}
		c, err := DistributionChart("fordeling-skole", tr(l, "Skole: fordeling ved første og seneste vurdering", "School: distribution at baseline and latest"),
			steps, baseline, latest, [2]string{tr(l, "første", "baseline"), tr(l, "seneste", "latest")})
		if err != nil {
			return doc, err
		}
		out.Charts = append(out.Charts, c)
	}
	// Interventions.
	iv := Section{Heading: tr(l, "Foranstaltninger", "Measures"),
		Paragraphs: []string{fmt.Sprintf(tr(l, "%d aktive foranstaltninger for %d børn og unge.", "%d active measures for %d children and young people."), ov.ActiveMeasures, ov.ActiveChildren)}}
	it := Table{Name: "foranstaltninger", Header: []string{tr(l, "Foranstaltning", "Measure"), tr(l, "Aktive", "Active"), tr(l, "Forløb (n)", "Episodes (n)"), tr(l, "Median varighed (dage)", "Median duration (days)"),
		tr(l, "Nedre 95%-grænse", "Lower 95% limit"), tr(l, "Øvre 95%-grænse", "Upper 95% limit"), tr(l, "Forbrug seneste periode", "Spend, latest period"), tr(l, "Afvigelse fra budget %", "Deviation from budget %")}}
	for i, d := range ov.Durations {
		active := 0
		for _, c := range ov.ByMeasure {
			if c.Measure == d.Measure {
				active = c.Measures
			}
		}
		dev := math.NaN()
		for _, b := range ov.Budgets {
			if b.Measure == d.Measure {
				dev = b.DeviationPct
			}
		}
		var spend interventions.Ore
		if n := len(ov.Spend[i].Periods); n > 0 {
			spend = ov.Spend[i].Periods[n-1]
		}
		it.Rows = append(it.Rows, []Cell{Txt(d.Measure), Int(active), Int(d.N), Num(d.Median, 0), Num(d.MedianLower, 0), Num(d.MedianUpper, 0), Txt(spend.Kroner(l)), Num(dev, 1)})
	}
	it.Note = tr(l, "Varighed ved Kaplan-Meier med løbende foranstaltninger censureret; – = ikke nået (en øvre grænse, som data ikke kan give).", "Duration by Kaplan-Meier with ongoing measures censored; – = not reached (an upper limit the data cannot give).")
	iv.Tables = append(iv.Tables, it)
	// Supervision.
	sv := Section{Heading: tr(l, "Ledelsestilsyn", "Management supervision")}
	ct := Table{Name: "efterlevelse", Header: []string{tr(l, "Tjekpunkt", "Item"), "n", tr(l, "Efterlevelse %", "Compliance %"), tr(l, "95%-interval", "95% interval"), tr(l, "Udvikling", "Development")}}
	for _, s := range comp.Items {
		ct.Rows = append(ct.Rows, []Cell{Txt(s.Label.In(l)), Int(s.Total.N), pctCell(s.Total.Rate),
			Txt(fmt.Sprintf("%.0f-%.0f", 100*s.Total.Interval.Lower, 100*s.Total.Interval.Upper)), Txt(s.Verdict.Development.Label(l))})
		if s.Key == "child-conversation" {
			var labels []string
			var r, lo, hi []float64
			for i, p := range s.Periods {
				labels = append(labels, comp.Periods[i].Label)
				r, lo, hi = append(r, p.Rate), append(lo, p.Interval.Lower), append(hi, p.Interval.Upper)
			}
			c, err := ComplianceChart("boernesamtale", s.Label.In(l), labels, r, lo, hi)
			if err != nil {
				return doc, err
			}
			sv.Charts = append(sv.Charts, c)
		}
	}
	sv.Tables = append(sv.Tables, ct)
	fc := Table{Name: "fejl", Header: []string{tr(l, "Dato", "Date"), tr(l, "Åbne", "Open"), tr(l, "Overskredne", "Overdue"),
		tr(l, "Lukkede", "Closed"), tr(l, "Uden handling", "Without action"), tr(l, "Med refusionsmæssig betydning", "With refund significance")}}
	for _, c := range findings {
		fc.Rows = append(fc.Rows, []Cell{Txt(c.At.Format("2006-01-02")), Int(c.Open), Int(c.Overdue), Int(c.Closed), Int(c.NoAction), Int(c.Refund)})
	}
	fc.Caption = tr(l, "Fejl og mangler over tid", "Errors and shortcomings over time")
	sv.Tables = append(sv.Tables, fc)
	doc.Sections = []Section{out, iv, sv}
	return doc, nil
}

// TeamLeader is the report for a team leader: compliance per caseworker of the team with n and
// interval, the findings still open, and the active learning points. It names caseworkers,
// never children.
func TeamLeader(team string, comp supervision.ComplianceReport, findings []supervision.Finding, points []supervision.LearningPoint, at time.Time, l lang.Language) Document {
	doc := Document{Lang: l, Title: tr(l, "Tilsyn og læring, team ", "Supervision and learning, team ") + team, Recipient: tr(l, "Til teamlederen", "For the team leader")}
	ct := Table{Name: "raadgivere", Header: []string{tr(l, "Rådgiver", "Caseworker"), "n", tr(l, "Efterlevelse %", "Compliance %"), tr(l, "95%-interval", "95% interval")}}
	for _, s := range comp.Caseworkers {
		ct.Rows = append(ct.Rows, []Cell{Txt(s.Key), Int(s.Total.N), pctCell(s.Total.Rate), Txt(fmt.Sprintf("%.0f-%.0f", 100*s.Total.Interval.Lower, 100*s.Total.Interval.Upper))})
	}
	ct.Note = tr(l, "Få sager pr. rådgiver giver brede intervaller: brug dem til samtale, ikke til rangering.", "Few cases per caseworker give wide intervals: use them for dialogue, not ranking.")
	ft := Table{Name: "fejl", Header: []string{tr(l, "Rådgiver", "Caseworker"), tr(l, "Tjekpunkt", "Item"), tr(l, "Frist", "Due"), tr(l, "Status", "Status")}}
	for _, f := range findings {
		if f.Team != team || f.Status(at) == supervision.Closed {
			continue
		}
		due := "–"
		if f.Action != nil {
			due = f.Action.Due.Format("2006-01-02")
		}
		ft.Rows = append(ft.Rows, []Cell{Txt(f.Caseworker), Txt(f.Item.Text.In(l)), Txt(due), Txt(f.Status(at).Label(l))})
	}
	slices.SortStableFunc(ft.Rows, func(a, b []Cell) int { return strings.Compare(a[0].Text, b[0].Text) })
	var lp []string
	for _, p := range points {
		if p.Active(at) && (p.Scope == supervision.General && p.Team == team || p.Scope == supervision.Individual) {
			who := tr(l, "teamet", "the team")
			if p.Scope == supervision.Individual {
				who = p.Caseworker
			}
			lp = append(lp, fmt.Sprintf("%s: %s", who, p.Text.In(l)))
		}
	}
	doc.Sections = []Section{
		{Heading: tr(l, "Efterlevelse pr. rådgiver", "Compliance per caseworker"), Tables: []Table{ct}},
		{Heading: tr(l, "Åbne fejl og mangler", "Open errors and shortcomings"), Tables: []Table{ft}},
		{Heading: tr(l, "Læringspunkter", "Learning points"), Paragraphs: lp},
	}
	return doc
}

// Caseworker is a caseworker's own report: their open findings with the case, the action and
// its due date, the learning points carried forward to their next review, and their cases
// drawn for the next supervision. It holds their own cases only.
func Caseworker(caseworker, team string, findings []supervision.Finding, points []supervision.LearningPoint, drawn []string, at time.Time, l lang.Language) Document {
	doc := Document{Lang: l, Title: tr(l, "Din opfølgning, ", "Your follow-up, ") + caseworker, Recipient: tr(l, "Til rådgiveren; indeholder egne sager", "For the caseworker; holds own cases")}
	ft := Table{Name: "egne-fejl", Header: []string{tr(l, "Sag", "Case"), tr(l, "Tjekpunkt", "Item"), tr(l, "Handling", "Action"), tr(l, "Frist", "Due"), tr(l, "Status", "Status")}}
	for _, f := range findings {
		if f.Caseworker != caseworker || f.Status(at) == supervision.Closed {
			continue
		}
		action, due := "–", "–"
		if f.Action != nil {
			action, due = f.Action.Text, f.Action.Due.Format("2006-01-02")
		}
		ft.Rows = append(ft.Rows, []Cell{Txt(f.Case), Txt(f.Item.Text.In(l)), Txt(action), Txt(due), Txt(f.Status(at).Label(l))})
	}
	var lp []string
	for _, p := range supervision.CarryForward(points, team, caseworker, at) {
		lp = append(lp, p.Text.In(l))
	}
	doc.Sections = []Section{
		{Heading: tr(l, "Dine åbne fejl og mangler", "Your open errors and shortcomings"), Tables: []Table{ft}},
		{Heading: tr(l, "Læringspunkter til næste gennemgang", "Learning points for your next review"), Paragraphs: lp},
		{Heading: tr(l, "Dine sager i næste lodtrækning", "Your cases in the next draw"), Paragraphs: []string{strings.Join(drawn, ", ")}},
	}
	return doc
}
