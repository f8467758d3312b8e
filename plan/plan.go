// Package plan is the annual wheel (årshjul) of follow-up: which follow-up activities take
// place when over the year, for which purpose, performed by whom, and reported to whom.
//
// The main types and functions:
//
//   - Activity: a follow-up activity (opfølgningsaktivitet) of a Kind, with its purposes
//     (kvalitetssikring, faglig udvikling, implementering), performer, recipients, cadence,
//     a focus per occurrence and links to other departments' follow-up.
//   - Wheel: the year's activities; Occurrences lists them by date, Load sums the load per
//     month and performer.
//   - WriteICS exports the occurrences as iCalendar (RFC 5545), which Outlook imports;
//     WriteSVG draws the wheel: the twelve months as a circle, a ring per kind of activity.
//
// The package stands alone: it depends on no other package of opfolgning but lang.
package plan

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/problem"
)

// Kind is the kind of a follow-up activity, one ring of the wheel.
type Kind uint8

const (
	Supervision           Kind = iota + 1 // løbende ledelsestilsyn
	ThemedSupervision                     // tematiseret ledelsestilsyn
	GoalFollowUp                          // opfølgning på politiske mål
	InterventionsOverview                 // overblik over indsatser
	Results                               // resultater og effekt
	Economy                               // økonomi og budgetopfølgning
	numKinds
)

var kindText = [numKinds]struct {
	code  string
	label lang.Text
	color string
}{
	{},
	{"supervision", lang.Text{Da: "Ledelsestilsyn", En: "Supervision"}, "#1b6ca8"},
	{"themed-supervision", lang.Text{Da: "Tematiseret tilsyn", En: "Themed supervision"}, "#6a3d9a"},
	{"goal-follow-up", lang.Text{Da: "Politiske mål", En: "Political goals"}, "#2a9d3a"},
	{"interventions-overview", lang.Text{Da: "Indsatsoverblik", En: "Interventions overview"}, "#e08a00"},
	{"results", lang.Text{Da: "Resultater", En: "Results"}, "#c0392b"},
	{"economy", lang.Text{Da: "Økonomi", En: "Economy"}, "#5d6d7e"},
}

// String returns the kind's text code.
func (k Kind) String() string {
	if k == 0 || k >= numKinds {
		return fmt.Sprintf("Kind(%d)", uint8(k))
	}
	return kindText[k].code
}

// Label returns the kind for readers in language l.
func (k Kind) Label(l lang.Language) string {
	if k == 0 || k >= numKinds {
		return k.String()
	}
	return kindText[k].label.In(l)
}

// Purpose is why an activity is done (formål).
type Purpose uint8

const (
	QualityAssurance        Purpose = iota + 1 // kvalitetssikring
	ProfessionalDevelopment                    // faglig udvikling
	Implementation                             // implementering af politiske prioriteter
)

// Label returns the purpose for readers in language l.
func (p Purpose) Label(l lang.Language) string {
	return [...]lang.Text{{}, {Da: "kvalitetssikring", En: "quality assurance"}, {Da: "faglig udvikling", En: "professional development"},
		{Da: "implementering", En: "implementation"}}[min(int(p), 3)].In(l)
}

// Recipient is who receives an activity's results.
type Recipient uint8

const (
	PoliticalLevel           Recipient = iota + 1 // det politiske niveau (fagudvalget)
	AdministrationManagement                      // forvaltningsledelsen
	DepartmentManagement                          // afdelings- og teamledelse
	Caseworkers                                   // sagsbehandlerne
)

// Label returns the recipient for readers in language l.
func (r Recipient) Label(l lang.Language) string {
	return [...]lang.Text{{}, {Da: "politisk niveau", En: "political level"}, {Da: "forvaltningsledelse", En: "administration management"},
		{Da: "afdelings- og teamledelse", En: "department and team management"}, {Da: "sagsbehandlere", En: "caseworkers"}}[min(int(r), 4)].In(l)
}

// Frequency is how often an activity recurs.
type Frequency uint8

const (
	Monthly     Frequency = iota + 1 // månedligt
	Quarterly                        // kvartalsvis
	HalfYearly                       // halvårligt
	Yearly                           // årligt
	GivenMonths                      // in the months listed in Cadence.Months
	GivenWeeks                       // in the ISO weeks listed in Cadence.Weeks
)

// Cadence is when an activity takes place in the year (kadence). Monthly to Yearly start in
// Cadence.First (January when zero): quarterly from March is March, June, September and
// December. Occurrences fall on the first day of their month, or the Monday of their week.
type Cadence struct {
	Frequency Frequency
	First     time.Month
	Months    []time.Month
	Weeks     []int
}

// Focus is the focus of one occurrence, e.g. the theme of a themed supervision; Month or Week
// picks the occurrence.
type Focus struct {
	Month time.Month
	Week  int
	Text  lang.Text
}

// Link points to the follow-up of another department (e.g. families served by several).
type Link struct {
	Department string
	Activity   string
	Note       lang.Text
}

// Activity is one follow-up activity (opfølgningsaktivitet).
type Activity struct {
	ID         string
	Name       lang.Text
	Kind       Kind
	Purposes   []Purpose
	Performer  string // a role, e.g. "teamleder", "økonom"
	Recipients []Recipient
	Cadence    Cadence
	Focus      []Focus
	Links      []Link
	// Hours is the performer's time per occurrence, for the load check.
	Hours float64
}

// Wheel is the annual wheel of one year.
type Wheel struct {
	Year       int
	Activities []Activity
}

// ErrInvalid is wrapped by Validate's problems.
var ErrInvalid = errors.New("invalid activity")

// Validate checks every activity and reports every problem by position.
func (w Wheel) Validate() error {
	var l problem.List
	if w.Year < 1900 || w.Year > 2999 {
		l.Add(0, "year", "%w: year %d", ErrInvalid, w.Year)
	}
	seen := map[string]int{}
	for i, a := range w.Activities {
		if a.ID == "" {
			l.Add(i, "id", "%w: no ID", ErrInvalid)
		} else if j, dup := seen[a.ID]; dup {
			l.Add(i, "id", "%w: same ID as activity %d", ErrInvalid, j)
		}
		seen[a.ID] = i
		if a.Kind == 0 || a.Kind >= numKinds {
			l.Add(i, "kind", "%w: unknown kind", ErrInvalid)
		}
		if a.Performer == "" {
			l.Add(i, "performer", "%w: no performer", ErrInvalid)
		}
		if len(a.Recipients) == 0 {
			l.Add(i, "recipients", "%w: results must reach someone", ErrInvalid)
		}
		if !(a.Hours >= 0) {
			l.Add(i, "hours", "%w: %v", ErrInvalid, a.Hours)
		}
		switch c := a.Cadence; c.Frequency {
		case Monthly, Quarterly, HalfYearly, Yearly:
		case GivenMonths:
			if len(c.Months) == 0 {
				l.Add(i, "cadence", "%w: no months", ErrInvalid)
			}
			for _, m := range c.Months {
				if m < time.January || m > time.December {
					l.Add(i, "cadence", "%w: month %d", ErrInvalid, m)
				}
			}
		case GivenWeeks:
			if len(c.Weeks) == 0 {
				l.Add(i, "cadence", "%w: no weeks", ErrInvalid)
			}
			for _, wk := range c.Weeks {
				if wk < 1 || wk > 53 {
					l.Add(i, "cadence", "%w: week %d", ErrInvalid, wk)
				}
			}
		default:
			l.Add(i, "cadence", "%w: unknown frequency", ErrInvalid)
		}
	}
	return l.Err("plan: wheel")
}

// Occurrence is one occurrence of an activity.
type Occurrence struct {
	Activity *Activity
	Date     time.Time
	Focus    lang.Text
}

// isoWeekMonday returns the Monday of ISO week wk of year y.
func isoWeekMonday(y, wk int) time.Time {
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	return monday.AddDate(0, 0, 7*(wk-1))
}

// dates returns the dates of an activity's occurrences in year y.
func (a *Activity) dates(y int) []time.Time {
	c := a.Cadence
	var months []time.Month
	step := map[Frequency]int{Monthly: 1, Quarterly: 3, HalfYearly: 6, Yearly: 12}[c.Frequency]
	switch c.Frequency {
	case GivenMonths:
		months = slices.Clone(c.Months)
	case GivenWeeks:
		var out []time.Time
		for _, wk := range c.Weeks {
			if d := isoWeekMonday(y, wk); d.Year() == y || wk == 1 {
				out = append(out, d)
			}
		}
		return out
	default:
		first := c.First
		if first == 0 {
			first = time.January
		}
		for m := int(first); m <= 12; m += step {
			months = append(months, time.Month(m))
		}
	}
	slices.Sort(months)
	out := make([]time.Time, 0, len(months))
	for _, m := range slices.Compact(months) {
		out = append(out, time.Date(y, m, 1, 0, 0, 0, 0, time.UTC))
	}
	return out
}

// Occurrences returns every occurrence of the year, by date, then by the activity's position.
// The wheel must be valid.
func (w *Wheel) Occurrences() []Occurrence {
	var out []Occurrence
	for i := range w.Activities {
		a := &w.Activities[i]
		for _, d := range a.dates(w.Year) {
			o := Occurrence{Activity: a, Date: d}
			for _, f := range a.Focus {
				_, wk := d.ISOWeek()
				if f.Month == d.Month() && f.Week == 0 || f.Week != 0 && f.Week == wk {
					o.Focus = f.Text
				}
			}
			out = append(out, o)
		}
	}
	slices.SortStableFunc(out, func(a, b Occurrence) int { return a.Date.Compare(b.Date) })
	return out
}

// Load is the load of one performer in one month.
type Load struct {
	Month       time.Month
	Performer   string
	Occurrences int
	Hours       float64
}

// Load sums the occurrences and hours per performer and month, by month then performer;
// months without occurrences are left out.
func (w *Wheel) Load() []Load {
	type k struct {
		m time.Month
		p string
	}
	sums := map[k]*Load{}
	for _, o := range w.Occurrences() {
		key := k{o.Date.Month(), o.Activity.Performer}
		s := sums[key]
		if s == nil {
			s = &Load{Month: key.m, Performer: key.p}
			sums[key] = s
		}
		s.Occurrences++
		s.Hours += o.Activity.Hours
	}
	out := make([]Load, 0, len(sums))
	for _, s := range sums {
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b Load) int {
		if a.Month != b.Month {
			return int(a.Month) - int(b.Month)
		}
		return strings.Compare(a.Performer, b.Performer)
	})
	return out
}

// Overloaded returns the months in which a performer has more than maxHours.
func (w *Wheel) Overloaded(maxHours float64) []Load {
	var out []Load
	for _, l := range w.Load() {
		if l.Hours > maxHours {
			out = append(out, l)
		}
	}
	return out
}
