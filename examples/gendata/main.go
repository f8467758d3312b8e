// Command gendata writes the synthetic data set of Eksempel Kommune, the fictional
// municipality of the examples, into examples/followup/data. It is deterministic: the seed
// below (2026) and this program define the data, and running it again rewrites the same
// bytes.
//
//	go run ./examples/gendata
//
// What the data are made to show (so that the library has something true to find):
//   - family treatment (familiebehandling) improves family relations and development;
//   - a permanent contact person (kontaktperson) improves leisure and school;
//   - respite care (aflastning) changes nothing beyond noise;
//   - a foster family (plejefamilie) helps the children under 12, not the older ones;
//   - about 5% of theme scores are missing, and about 4% of the children have a single
//     assessment;
//   - the political goals' indicators (indicators.csv): the share of placed children in
//     foster families rises (a positive development), breakdowns of placements wander
//     without direction (none), the share of vulnerable young people with a youth
//     education by 25 falls (negative), and the share of light measures has only two
//     measurements (too little data); the activity indicators show the recruitment of
//     foster families and the network meetings carried out;
//   - a year of supervision (reviews.json): 2 cases per caseworker a quarter drawn with
//     package sampling and reviewed with the formal-requirements checklist; the school-age
//     team (7-14 år) rarely holds the child conversation until the themed supervision on
//     the involvement of the network in April–May, and far more often after it; every
//     "no" gets a corrective action, most closed in time, some overdue;
//   - the measures (interventions.xlsx, as an economy system exports them), one per case, priced about 3% higher for each
//     later start year, and 15% more at Opholdsstedet Lyngbo from 2025.
//
// The figures are illustrative, not statistics (see shared/MUNICIPALITY.md).
package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/opfolgning/opfolgning/extract"
	"github.com/opfolgning/opfolgning/goals"
	"github.com/opfolgning/opfolgning/sampling"
	"github.com/opfolgning/opfolgning/supervision"
)

// Seed is the seed of the shipped data set.
const Seed = 2026

type intervention struct {
	name      string
	providers []string
	// effect per theme, in steps a year (development, family, school, health, leisure)
	effect [5]float64
	// youngOnly: the effect applies only to children under 12 at the start
	youngOnly bool
}

var interventions = []intervention{
	{"familiebehandling", []string{"Familiecentret", "Familiehuset Nord"}, [5]float64{0.35, 0.6, 0.1, 0.05, 0.1}, false},
	{"kontaktperson", []string{"Kontaktpersonkorpset", "UngeKontakt ApS"}, [5]float64{0.1, 0.05, 0.45, 0.05, 0.55}, false},
	{"aflastning", []string{"Aflastningshuset", "Familiepleje Syd"}, [5]float64{0, 0, 0, 0, 0}, false},
	{"plejefamilie", []string{"Familieplejen", "Netværksplejefamilier"}, [5]float64{0.5, 0.3, 0.45, 0.3, 0.35}, true},
	{"opholdssted", []string{"Opholdsstedet Lyngbo", "Døgninstitutionen Skovly"}, [5]float64{0.15, 0.05, 0.2, 0.1, 0.1}, false},
}

var targetGroups = []struct {
	code   string
	weight int
}{
	{"P.adhd", 14}, {"P.autisme", 10}, {"P.angst-depression", 12}, {"S.omsorgssvigt", 28},
	{"S.misbrug-i-familien", 12}, {"S.kriminalitet", 8}, {"P.udviklingshaemning", 8}, {"F.fysisk-handicap", 6},
}

func main() {
	out := flag.String("out", filepath.Join("examples", "followup", "data"), "output folder")
	flag.Parse()
	if err := generate(*out); err != nil {
		log.Fatal(err)
	}
}

// generate writes every data file of Eksempel Kommune into dir.
func generate(dir string) error {
	children, err := write(dir)
	if err != nil {
		return err
	}
	if err := writeCases(dir, children); err != nil {
		return err
	}
	// The reviews and the measures are of the cases as the library reads the case extract.
	f, err := os.Open(filepath.Join(dir, "cases.csv"))
	if err != nil {
		return err
	}
	defer f.Close()
	pop, err := extract.ReadCases(f, extract.CSVOptions{})
	if err != nil {
		return err
	}
	if err := writeReviews(dir, pop); err != nil {
		return err
	}
	if err := writeInterventions(dir, pop); err != nil {
		return err
	}
	return writeIndicators(dir)
}

// child is what the case extract needs to know of a generated child.
type child struct {
	id, kind, provider, team string
	first, last              time.Time
	age                      int
}

func write(dir string) ([]child, error) {
	var children []child
	r := rand.New(rand.NewPCG(Seed, 0))
	rows := [][]string{{"child", "date", "development", "family", "school", "health", "leisure",
		"intervention", "provider", "team", "age_band", "target_group", "birth_date"}}
	start := time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC)
	const nChildren = 540
	for c := range nChildren {
		id := fmt.Sprintf("B%04d", c+1)
		iv := interventions[pick(r, []int{30, 25, 15, 18, 12})]
		provider := iv.providers[r.IntN(len(iv.providers))]
		first := start.AddDate(0, 0, r.IntN(500))
		age := r.IntN(20) + 1
		if iv.name == "plejefamilie" || iv.name == "aflastning" {
			age = r.IntN(16) + 1
		}
		birth := first.AddDate(-age, -r.IntN(12), -r.IntN(28))
		team := "0-6 år"
		switch {
		case age >= 15:
			team = "15-22 år"
		case age >= 7:
			team = "7-14 år"
		}
		band := ageBand(age)
		tg := targetGroups[pick(r, weights(first.Year()))].code
		waves := 3 + r.IntN(4)
		if r.IntN(25) == 0 {
			waves = 1
		}
		var level [5]float64
		for k := range level {
			level[k] = 1.6 + 1.6*r.Float64()
		}
		d := first
		ch := child{id: id, kind: iv.name, provider: provider, team: team, first: first, age: age}
		for w := 0; w < waves; w++ {
			if d.After(time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)) {
				break
			}
			row := []string{id, d.Format("2006-01-02")}
			for k := range level {
				v := int(level[k] + 0.45*r.NormFloat64() + 0.5)
				v = min(5, max(1, v))
				if r.IntN(20) == 0 {
					row = append(row, "")
				} else {
					row = append(row, strconv.Itoa(v))
				}
			}
			row = append(row, iv.name, provider, team, band, tg, birth.Format("2006-01-02"))
			rows = append(rows, row)
			gap := 120 + r.IntN(150)
			years := float64(gap) / 365.25
			for k := range level {
				e := iv.effect[k]
				if iv.youngOnly && age >= 12 {
					e = 0
				}
				level[k] = min(5.2, level[k]+e*years)
			}
			ch.last = d
			d = d.AddDate(0, 0, gap)
		}
		children = append(children, ch)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return children, writeCSV(filepath.Join(dir, "assessments.csv"), rows)
}

// prices are illustrative yearly prices per kind in kroner (shared/MUNICIPALITY.md).
var prices = map[string][2]int{
	"familiebehandling": {150_000, 300_000}, "kontaktperson": {80_000, 200_000}, "aflastning": {100_000, 250_000},
	"plejefamilie": {350_000, 600_000}, "opholdssted": {900_000, 1_800_000},
}

// writeCases writes the case extract: one case per child, with a caseworker of the child's
// team, the law paragraph of its measure, its dates, the latest supervision review and the
// yearly amount, from the PCG stream (Seed, 2).
func writeCases(dir string, children []child) error {
	r := rand.New(rand.NewPCG(Seed, 2))
	// 25 caseworkers: 7 in the team for the youngest, 10 for school age, 8 for the young.
	teams := map[string][]string{}
	n := 0
	for _, t := range []struct {
		name string
		size int
	}{{"0-6 år", 7}, {"7-14 år", 10}, {"15-22 år", 8}} {
		for range t.size {
			n++
			teams[t.name] = append(teams[t.name], fmt.Sprintf("R%02d", n))
		}
	}
	rows := [][]string{{"sag", "barn", "rådgiver", "team", "paragraf", "indsats", "leverandør", "oprettet", "lukket", "seneste_tilsyn", "beløb"}}
	for i, c := range children {
		cws := teams[c.team]
		paragraph := map[string]string{"familiebehandling": "BL § 32, stk. 1, nr. 5", "kontaktperson": "BL § 32, stk. 1, nr. 3",
			"aflastning": "BL § 32, stk. 1, nr. 7"}[c.kind] // respite care is a support stay (støtteophold)
		if c.kind == "plejefamilie" || c.kind == "opholdssted" {
			paragraph = "BL § 46"
			if r.IntN(5) == 0 {
				paragraph = "BL § 47"
			}
		}
		opened := c.first.AddDate(0, 0, -r.IntN(60))
		// The case closes when its measure ends, after a typical time for the kind.
		closed := ""
		dur := durations[c.kind]
		if end := opened.AddDate(0, dur[0]+r.IntN(dur[1]-dur[0]+1), 0); end.Before(time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)) {
			closed = end.Format("02-01-2006")
		}
		reviewed := ""
		if r.IntN(3) == 0 {
			reviewed = time.Date(2025, time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC).Format("02-01-2006")
		}
		p := prices[c.kind]
		amount := p[0] + r.IntN(p[1]-p[0])
		rows = append(rows, []string{fmt.Sprintf("S-%05d", 10000+i*7), c.id, cws[r.IntN(len(cws))], c.team, paragraph, c.kind, c.provider,
			opened.Format("02-01-2006"), closed, reviewed, fmt.Sprintf("%d,%02d", amount, r.IntN(100))})
	}
	return writeCSV(filepath.Join(dir, "cases.csv"), rows)
}

func ageBand(age int) string {
	switch {
	case age <= 5:
		return "0-5"
	case age <= 11:
		return "6-11"
	case age <= 17:
		return "12-17"
	}
	return "18-22"
}

// weights gives the target groups' weights for a child whose case starts in year: ADHD and
// autism grow slowly among new cases.
func weights(year int) []int {
	w := make([]int, len(targetGroups))
	for i, t := range targetGroups {
		w[i] = t.weight
		if t.code == "P.adhd" || t.code == "P.autisme" {
			w[i] += 5 * (year - 2023)
		}
	}
	return w
}

func pick(r *rand.Rand, w []int) int {
	total := 0
	for _, v := range w {
		total += v
	}
	x := r.IntN(total)
	for i, v := range w {
		if x < v {
			return i
		}
		x -= v
	}
	return len(w) - 1
}

// writeIndicators writes the observations of the political goals' indicators and of the
// activities that should lead to them, from their own PCG stream (Seed, 1).
func writeIndicators(dir string) error {
	r := rand.New(rand.NewPCG(Seed, 1))
	rows := [][]string{{"indicator", "date", "value", "numerator", "denominator"}}
	halfYears := func(n int) []time.Time {
		var d []time.Time
		for i := range n {
			d = append(d, time.Date(2021, time.Month(7+6*i), 0, 0, 0, 0, 0, time.UTC)) // month ends
		}
		return d
	}
	rate := func(id string, d time.Time, k, n int) {
		rows = append(rows, []string{id, d.Format("2006-01-02"), "", strconv.Itoa(k), strconv.Itoa(n)})
	}
	value := func(id string, d time.Time, v float64) {
		rows = append(rows, []string{id, d.Format("2006-01-02"), strconv.FormatFloat(v, 'f', -1, 64), "", ""})
	}
	for i, d := range halfYears(10) {
		placed := 125 + r.IntN(15)
		share := 0.50 + 0.014*float64(i) + 0.015*r.NormFloat64()
		rate("foster-share", d, int(share*float64(placed)+0.5), placed)
		value("breakdowns", d, float64(9+r.IntN(6)))
		value("network-meetings", d, float64(40+6*i+r.IntN(8)))
	}
	for y := 2019; y <= 2025; y++ {
		cohort := 38 + r.IntN(10)
		share := 0.50 - 0.022*float64(y-2019) + 0.02*r.NormFloat64()
		rate("youth-education", time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), int(share*float64(cohort)+0.5), cohort)
		if y >= 2021 {
			value("foster-courses", time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), float64(2+y-2021+r.IntN(2)))
			value("new-foster-families", time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), float64(6+2*(y-2021)+r.IntN(3)))
		}
	}
	for _, y := range []int{2024, 2025} {
		all := 400 + r.IntN(40)
		rate("light-measures", time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), int(0.62*float64(all)), all)
	}
	return writeCSV(filepath.Join(dir, "indicators.csv"), rows)
}

func writeCSV(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(rows); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeReviews writes a year of supervision reviews of the 2025 quarterly draws from the
// case extract, from the PCG stream (Seed, 3).
func writeReviews(dir string, pop []sampling.Case) error {
	r := rand.New(rand.NewPCG(Seed, 3))
	leaders := map[string]string{"0-6 år": "TL-A", "7-14 år": "TL-B", "15-22 år": "TL-C"}
	checklist := supervision.FormalRequirements()
	var reviews []supervision.Review
	var drawn []string
	for qi, q := range sampling.Quarters(2025) {
		rule := sampling.Rule{Name: "2 sager pr. rådgiver pr. kvartal", StratifyBy: []string{"caseworker"}, PerStratum: 2, AlreadyDrawn: drawn}
		rec, err := sampling.Draw(pop, rule, q, sampling.PeriodSeed("eksempel-kommune-tilsyn-2025", q.Label))
		if err != nil {
			return err
		}
		byID := map[string]sampling.Case{}
		for _, c := range pop {
			byID[c.ID] = c
		}
		for n, s := range rec.Selected {
			c := byID[s.CaseID]
			drawn = append(drawn, s.CaseID)
			day := q.Start.AddDate(0, 0, 14+r.IntN(60))
			facts := supervision.Facts{Placement: c.Paragraph == "BL § 46" || c.Paragraph == "BL § 47", ChildConversationRelevant: c.Team != "0-6 år" || r.IntN(3) == 0, ConsentRequired: r.IntN(2) == 0}
			rv := supervision.Review{ID: fmt.Sprintf("T-%s-%03d", q.Label, n+1), Case: c.ID, Selection: supervision.Drawn, Draw: q.Label,
				Reviewer: leaders[c.Team], Caseworker: c.Caseworker, Team: c.Team, Date: day, Template: checklist.ID, Version: checklist.Version, Facts: facts}
			for _, it := range checklist.Items {
				if !it.AppliesTo.Holds(facts) {
					continue
				}
				p := 0.94
				if it.ID == "child-conversation" {
					p = 0.85
					if c.Team == "7-14 år" {
						p = []float64{0.40, 0.45, 0.75, 0.85}[qi]
					}
				}
				a := supervision.Answer{Item: it.ID, Value: supervision.Yes}
				switch x := r.Float64(); {
				case x < 0.01:
					a.Value = supervision.NotAssessed
				case x > p:
					a.Value = supervision.No
					if it.Category == supervision.FormalRequirement {
						act := &supervision.Action{Text: "Rettes og dokumenteres i sagen", Owner: c.Caseworker, Due: day.AddDate(0, 0, 30)}
						if r.IntN(20) < 17 {
							act.Closed = day.AddDate(0, 0, 10+r.IntN(40))
						}
						a.Action = act
					}
				}
				rv.Answers = append(rv.Answers, a)
			}
			if qi == 1 && c.Team == "7-14 år" && s.Rank == 1 {
				rv.ThemedTemplate = "network-involvement"
				for _, fp := range []string{"A", "B", "C", "D", "E"} {
					v := goals.Answer([]int{0, 1, 1, 2, 2, 3}[r.IntN(6)])
					if fp == "A" || fp == "C" {
						v = goals.Answer([]int{1, 2, 2, 3, 4}[r.IntN(5)])
					}
					rv.Themed = append(rv.Themed, supervision.ThemedAnswer{Question: 1, Focus: fp, Assessment: &v})
					if v >= goals.LesserDegree && v != goals.DontKnow {
						rv.Themed = append(rv.Themed, supervision.ThemedAnswer{Question: 3, Focus: fp, Note: "Kunne være inddraget tidligere i forløbet."})
					}
				}
			}
			reviews = append(reviews, rv)
		}
	}
	b, err := json.MarshalIndent(reviews, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "reviews.json"), append(b, '\n'), 0o644)
}

// durations are the typical lengths of each kind of measure in months: from, to.
var durations = map[string][2]int{"familiebehandling": {4, 18}, "kontaktperson": {6, 24}, "aflastning": {6, 30},
	"plejefamilie": {12, 60}, "opholdssted": {9, 40}}

// writeInterventions writes the measures of the cases: one measure per case, lasting a
// typical time for its kind (no longer than the case), split at each new year into a price
// period with that year's rate (takstperiode), 3% up a year and 15% more at Opholdsstedet
// Lyngbo from 2025; from the PCG stream (Seed, 4).
func writeInterventions(dir string, pop []sampling.Case) error {
	r := rand.New(rand.NewPCG(Seed, 4))
	units := map[string]string{"familiebehandling": "måned", "kontaktperson": "time", "aflastning": "døgn", "plejefamilie": "år", "opholdssted": "døgn"}
	rows := [][]string{{"id", "barn", "paragraf", "foranstaltning", "leverandør", "start", "slut", "timer_pr_uge", "døgn_pr_måned", "takst", "enhed"}}
	id := 0
	horizon := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	for _, c := range pop {
		base := prices[c.Kind]
		level := float64(base[0]+base[1]) / 2 * (0.85 + 0.3*r.Float64())
		supplier := c.Attrs["leverandør"]
		end := c.Closed // the measure runs as long as the case
		if end.IsZero() {
			end = horizon.AddDate(1, 0, 0)
		}
		hours := 4 + r.IntN(8)
		days := 0
		if c.Kind == "aflastning" {
			days = 6 + r.IntN(5) // respite care some days a month
		}
		for s := c.Opened; !s.After(end) && !s.After(horizon); {
			y := s.Year()
			segEnd := time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
			if end.Before(segEnd) {
				segEnd = end
			}
			yearly := level * math.Pow(1.03, float64(y-2023))
			if supplier == "Opholdsstedet Lyngbo" && y >= 2025 {
				yearly *= 1.15
			}
			var price float64
			h := ""
			switch units[c.Kind] {
			case "måned":
				price = yearly / 12
			case "døgn":
				price = yearly / 365
				if days > 0 {
					price = yearly / 12 / float64(days)
				}
			case "år":
				price = yearly
			case "time":
				h = strconv.Itoa(hours)
				price = yearly / 52 / float64(hours)
			}
			slut := segEnd.Format("02-01-2006")
			if end.After(horizon) && !segEnd.Before(horizon) {
				slut = "" // still running at the extract date
			}
			id++
			kr := int64(math.Round(price * 100))
			d := ""
			if days > 0 {
				d = strconv.Itoa(days)
			}
			rows = append(rows, []string{strconv.Itoa(id), c.Attrs["barn"], c.Paragraph, c.Kind, supplier, s.Format("02-01-2006"), slut, h, d,
				fmt.Sprintf("%d,%02d", kr/100, kr%100), units[c.Kind]})
			if slut == "" {
				break
			}
			s = segEnd.AddDate(0, 0, 1)
		}
	}
	return writeXLSX(filepath.Join(dir, "interventions.xlsx"), rows)
}

// writeXLSX writes rows as the first sheet of a workbook, the shape municipalities' economy
// systems export: the dates as text in dd-mm-yyyy, the prices as text with a decimal comma.
func writeXLSX(path string, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		for c, v := range row {
			cell, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return err
			}
			if err := f.SetCellStr("Sheet1", cell, v); err != nil {
				return err
			}
		}
	}
	f.SetDocProps(&excelize.DocProperties{Created: "2026-01-01T00:00:00Z", Modified: "2026-01-01T00:00:00Z", Creator: "opfolgning gendata"})
	if err := f.SaveAs(path); err != nil {
		return err
	}
	return os.Chmod(path, 0o644)
}
