package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/opfolgning/opfolgning/classification"
	"github.com/opfolgning/opfolgning/goals"
	"github.com/opfolgning/opfolgning/interventions"
	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/outcome"
	"github.com/opfolgning/opfolgning/plan"
	"github.com/opfolgning/opfolgning/report"
	"github.com/opfolgning/opfolgning/sampling"
	"github.com/opfolgning/opfolgning/supervision"
)

// results gathers the year's follow-up for the reports.
type results struct {
	outcome     outcome.Summary
	goals       []goals.GoalStatus
	compliance  supervision.ComplianceReport
	findings    []supervision.Finding
	reviews     []supervision.Review
	draw        sampling.Record
	cases       []sampling.Case
	overview    interventions.Overview
	composition classification.Composition
	info        map[string]interventions.ChildInfo
}

// exportStamp is the DTSTAMP of the calendar export: the date of the run's data, not the clock.
var exportStamp = time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)

// supervisionProcedure is Eksempel Kommune's written procedure for ongoing supervision, the
// four parts of the survey's procedures (seed 004).
var supervisionProcedure = supervision.Procedure{
	Name:          text("Løbende ledelsestilsyn", "Ongoing management supervision"),
	Frequency:     goals.Quarterly,
	Months:        []time.Month{time.February, time.May, time.August, time.November},
	Selection:     supervisionRule,
	Template:      "formal-requirements",
	Performer:     "teamleder",
	Conduct:       text("Teamlederen gennemgår sagen med tjeklisten for formelle krav.", "The team leader reviews the case with the formal-requirements checklist."),
	Documentation: text("Svarene registreres pr. tjekpunkt; et nej får en handling med ansvarlig og frist.", "Answers are recorded per item; a no gets an action with an owner and a due date."),
	Reporting:     text("Efterlevelse pr. team og rådgiver hvert kvartal; status til forvaltningsledelsen halvårligt.", "Compliance per team and caseworker every quarter; status to management half-yearly."),
	FollowUp:      text("Åbne og overskredne fejl følges op på teammødet; læringspunkter tages med til næste gennemgang.", "Open and overdue errors are followed up at the team meeting; learning points are carried to the next review."),
}

// procedureMonths places a supervision procedure on the annual wheel.
func procedureMonths(p supervision.Procedure, year int) []time.Month {
	var ms []time.Month
	for _, d := range p.Occurrences(year) {
		ms = append(ms, d.Month())
	}
	return ms
}

// wheel is Eksempel Kommune's annual wheel for 2026 (shared/MUNICIPALITY.md).
func wheel() *plan.Wheel {
	t := text
	return &plan.Wheel{Year: 2026, Activities: []plan.Activity{
		{ID: "tilsyn", Name: supervisionProcedure.Name, Kind: plan.Supervision,
			Purposes: []plan.Purpose{plan.QualityAssurance}, Performer: supervisionProcedure.Performer, Recipients: []plan.Recipient{plan.DepartmentManagement, plan.Caseworkers},
			Cadence: plan.Cadence{Frequency: plan.GivenMonths, Months: procedureMonths(supervisionProcedure, 2026)}, Hours: 16},
		{ID: "tema", Name: t("Tematiseret tilsyn", "Themed supervision"), Kind: plan.ThemedSupervision,
			Purposes: []plan.Purpose{plan.ProfessionalDevelopment}, Performer: "teamleder", Recipients: []plan.Recipient{plan.DepartmentManagement, plan.Caseworkers},
			Cadence: plan.Cadence{Frequency: plan.GivenMonths, Months: []time.Month{time.March, time.April, time.May}},
			Focus:   []plan.Focus{{Month: time.March, Text: t("Inddragelse af netværk", "Involvement of the network")}}, Hours: 8},
		{ID: "indsatser", Name: t("Overblik over indsatser", "Interventions overview"), Kind: plan.InterventionsOverview,
			Purposes: []plan.Purpose{plan.QualityAssurance}, Performer: "analytiker", Recipients: []plan.Recipient{plan.AdministrationManagement},
			Cadence: plan.Cadence{Frequency: plan.Quarterly, First: time.January}, Hours: 12},
		{ID: "ledelsesinfo", Name: t("Ledelsesinformation", "Management information"), Kind: plan.Results,
			Purposes: []plan.Purpose{plan.QualityAssurance, plan.Implementation}, Performer: "analytiker", Recipients: []plan.Recipient{plan.AdministrationManagement},
			Cadence: plan.Cadence{Frequency: plan.HalfYearly, First: time.June}, Hours: 20},
		{ID: "maal", Name: t("Målopfølgning med fagudvalget", "Goal follow-up with the committee"), Kind: plan.GoalFollowUp,
			Purposes: []plan.Purpose{plan.Implementation}, Performer: "afdelingschef", Recipients: []plan.Recipient{plan.PoliticalLevel},
			Cadence: plan.Cadence{Frequency: plan.Yearly, First: time.March}, Hours: 24,
			Links: []plan.Link{{Department: "Skole og dagtilbud", Activity: "kvalitetsrapport", Note: t("fælles mål om trivsel i skolen", "shared goal on wellbeing in school")}}},
		{ID: "budget", Name: t("Budgetopfølgning", "Budget follow-up"), Kind: plan.Economy,
			Purposes: []plan.Purpose{plan.QualityAssurance}, Performer: "økonom", Recipients: []plan.Recipient{plan.AdministrationManagement, plan.PoliticalLevel},
			Cadence: plan.Cadence{Frequency: plan.GivenMonths, Months: []time.Month{time.April, time.August, time.September}}, Hours: 16},
		{ID: "kompetence", Name: t("Kompetenceudvikling ud fra tilsynets læringspunkter", "Competence development from the supervision's learning points"), Kind: plan.Results,
			Purposes: []plan.Purpose{plan.ProfessionalDevelopment}, Performer: "afdelingschef", Recipients: []plan.Recipient{plan.Caseworkers},
			Cadence: plan.Cadence{Frequency: plan.GivenMonths, Months: []time.Month{time.October}}, Hours: 12},
	}}
}

// slug makes a file name of a label: lower case ASCII, hyphens.
func slug(s string) string {
	s = strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "Æ", "ae", "Ø", "oe", "Å", "aa").Replace(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// groupTable counts the children with an open case on the evaluation date by top-level
// target group and age band, for the committee.
func groupTable(res results, l lang.Language) report.CountTable {
	tax := classification.DefaultTaxonomy()
	t := report.CountTable{}
	for _, b := range bands {
		t.Cols = append(t.Cols, b.Label.In(l))
	}
	rowOf := map[string]int{}
	for _, g := range tax.Groups {
		if g.Parent == "" {
			rowOf[g.Code] = len(t.Rows)
			t.Rows = append(t.Rows, g.Name.In(l))
			t.Counts = append(t.Counts, make([]int, len(bands)))
		}
	}
	for _, c := range res.cases {
		if c.Opened.After(evaluationDate) || !c.Closed.IsZero() && c.Closed.Before(evaluationDate) {
			continue
		}
		ci, ok := res.info[c.Attrs["barn"]]
		if !ok {
			continue
		}
		top, err := tax.RollUp(ci.Primary, 1)
		age, err2 := classification.Age(ci.BirthDate, evaluationDate, classification.March1)
		if err != nil || err2 != nil {
			continue
		}
		if k := bands.Find(age); k >= 0 {
			t.Counts[rowOf[top]][k]++
		}
	}
	return t
}

// writeReports writes the reports for every recipient, the annual wheel and the draw's audit
// record into dir, and returns the files written.
func writeReports(dir string, res results, l lang.Language) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var files []string
	write := func(name string, f func(*os.File) error) error {
		path := filepath.Join(dir, name)
		out, err := os.Create(path)
		if err != nil {
			return err
		}
		if err := f(out); err != nil {
			out.Close()
			return fmt.Errorf("%s: %w", name, err)
		}
		files = append(files, path)
		return out.Close()
	}
	csvOpts := report.CSVOptions{}
	if l == lang.Danish {
		csvOpts = report.DanishExcel
	}
	writeDoc := func(base string, d report.Document) error {
		if err := write(base+".html", func(f *os.File) error { return d.WriteHTML(f) }); err != nil {
			return err
		}
		if err := write(base+".md", func(f *os.File) error { return d.WriteMarkdown(f) }); err != nil {
			return err
		}
		for _, s := range d.Sections {
			for _, c := range s.Charts {
				for ext, b := range map[string][]byte{".svg": c.SVG, ".png": c.PNG} {
					if err := write(c.Name+ext, func(f *os.File) error { _, err := f.Write(b); return err }); err != nil {
						return err
					}
				}
			}
			for _, t := range s.Tables {
				if t.Name == "" {
					continue
				}
				if err := write(base+"-"+t.Name+".csv", func(f *os.File) error { return report.WriteCSV(f, t, l, csvOpts) }); err != nil {
					return err
				}
			}
		}
		return nil
	}

	political, err := report.Political(res.goals, groupTable(res, l), report.Disclosure{Threshold: 3}, evaluationDate, l)
	if err != nil {
		return nil, err
	}
	if err := writeDoc(tr(l, "politisk", "political"), political); err != nil {
		return nil, err
	}
	var quarterEnds []time.Time
	for _, q := range sampling.Quarters(2025) {
		quarterEnds = append(quarterEnds, q.End.AddDate(0, 0, -1))
	}
	management, err := report.Management(res.outcome, res.overview, res.compliance, supervision.CountFindings(res.findings, quarterEnds), l)
	if err != nil {
		return nil, err
	}
	if err := writeDoc(tr(l, "ledelse", "management"), management); err != nil {
		return nil, err
	}
	// One report per team leader, on the team's own reviews.
	teams := map[string]bool{}
	caseworkers := map[string]string{}
	for _, c := range res.cases {
		teams[c.Team] = true
		caseworkers[c.Caseworker] = c.Team
	}
	for _, team := range slices.Sorted(mapsKeys(teams)) {
		var rs []supervision.Review
		for _, r := range res.reviews {
			if r.Team == team {
				rs = append(rs, r)
			}
		}
		comp, err := supervision.Compliance(rs, supervision.FormalRequirements(), catalog, supervision.ComplianceOptions{Periods: sampling.Quarters(2025), MID: 10})
		if err != nil {
			return nil, err
		}
		doc := report.TeamLeader(team, comp, res.findings, learningPoints, evaluationDate, l)
		if err := writeDoc("team-"+slug(team), doc); err != nil {
			return nil, err
		}
	}
	// One report per caseworker: their own cases only.
	for _, cw := range slices.Sorted(mapsKeys(caseworkers)) {
		var drawn []string
		for _, s := range res.draw.Selected {
			if s.Stratum[0] == cw {
				drawn = append(drawn, s.CaseID)
			}
		}
		doc := report.Caseworker(cw, caseworkers[cw], res.findings, learningPoints, drawn, evaluationDate, l)
		if err := writeDoc(tr(l, "raadgiver-", "caseworker-")+slug(cw), doc); err != nil {
			return nil, err
		}
	}
	// The annual wheel, with the supervision procedure on it, and the draw's audit record.
	if err := supervisionProcedure.Validate(); err != nil {
		return nil, err
	}
	w := wheel()
	if err := write("aarshjul.svg", func(f *os.File) error { return plan.WriteSVG(f, w, l) }); err != nil {
		return nil, err
	}
	if err := write("aarshjul.ics", func(f *os.File) error { return plan.WriteICS(f, w, l, "eksempel-kommune.invalid", exportStamp) }); err != nil {
		return nil, err
	}
	if err := write("lodtraekning-"+slug(res.draw.Period.Label)+".json", func(f *os.File) error {
		enc := json.NewEncoder(f)
		enc.SetIndent("", "  ")
		return enc.Encode(res.draw)
	}); err != nil {
		return nil, err
	}
	return files, nil
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
