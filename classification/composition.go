package classification

import (
	"fmt"
	"math"
	"time"

	"github.com/opfolgning/opfolgning/goals"
	"github.com/opfolgning/opfolgning/internal/stat"
	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/problem"
)

// Period is a period of a composition, [Start, End).
type Period struct {
	Label      string
	Start, End time.Time
}

// Child is what the composition of the children's target groups needs of one child: the
// birth date, the period its case is open (End zero while open) and its primary target group.
type Child struct {
	ID         string
	BirthDate  time.Time
	Start, End time.Time
	Primary    string
}

// CompositionOptions configures Compose.
type CompositionOptions struct {
	Periods  []Period
	Bands    Bands
	Taxonomy *Taxonomy
	// Level rolls target groups up to that level of the taxonomy (1 = top); 0 keeps them
	// as recorded.
	Level int
	// NewCases counts only the children whose case started in the period (new cases),
	// instead of every child with an open case in it.
	NewCases bool
	Leap     LeapBirthday
}

// Trend is the neutral reading of a change in a share: a growing target group is neither
// good nor bad news, it is news for the range of services (tilbudsviften).
type Trend uint8

const (
	TrendInsufficient Trend = iota // utilstrækkelige data
	Rising                         // stigende
	Stable                         // uændret
	Falling                        // faldende
)

// Label returns the trend for readers in language l.
func (t Trend) Label(l lang.Language) string {
	return [...]lang.Text{{Da: "utilstrækkelige data", En: "insufficient data"}, {Da: "stigende", En: "rising"},
		{Da: "uændret", En: "stable"}, {Da: "faldende", En: "falling"}}[min(int(t), 3)].In(l)
}

// Share is a count of children and its share of the period's children with its Wilson
// interval.
type Share struct {
	Count    int
	Share    float64
	Interval stat.Interval
}

// CompositionSeries is one target group's or age band's share of the children over the periods.
type CompositionSeries struct {
	Key     string
	Name    lang.Text
	Periods []Share
	// Trend reads Verdict, goals.Assess on the share as a Rate indicator with polarity
	// "higher" (so that Positive means rising): Mann–Kendall with Sen's slope from five
	// periods, a two-proportion change against MID before that.
	Trend   Trend
	Verdict goals.Verdict
}

// Composition is the make-up of the children by target group and by age band over periods.
type Composition struct {
	Periods []Period
	Totals  []int // children counted in each period
	Groups  []CompositionSeries
	Bands   []CompositionSeries
	// Excluded counts children left out of a period's group or band shares, by reason:
	// no target group, a group unknown to the taxonomy, no birth date, an age outside the
	// bands. They are in Totals all the same, so shares never silently exceed their base.
	NoGroup, UnknownGroup, NoBirthDate, OutsideBands int
}

// MID is the minimal important difference, in percentage points, that Compose uses for
// series of two to four periods.
const MID = 2.0

// Compose counts the children per target group and per age band in each period (those with
// an open case in the period, or those whose case started in it), with the share of the
// period's children and its Wilson interval, and reads each share's development. A child's
// age is taken on the last day of the period.
func Compose(children []Child, opts CompositionOptions) (Composition, error) {
	var l problem.List
	if len(opts.Periods) == 0 {
		l.Add(0, "periods", "no periods")
	}
	for i, p := range opts.Periods {
		if !p.End.After(p.Start) {
			l.Add(i, "periods", "empty period")
		}
	}
	if err := opts.Bands.Validate(); err != nil {
		return Composition{}, err
	}
	if opts.Taxonomy == nil {
		l.Add(0, "taxonomy", "no taxonomy")
	} else if err := opts.Taxonomy.Validate(); err != nil {
		return Composition{}, err
	}
	for i, c := range children {
		if c.Start.IsZero() {
			l.Add(i, "start", "no start date")
		} else if !c.End.IsZero() && c.End.Before(c.Start) {
			l.Add(i, "end", "before start")
		}
	}
	if err := l.Err("classification: composition"); err != nil {
		return Composition{}, err
	}
	tax := opts.Taxonomy
	np := len(opts.Periods)
	comp := Composition{Periods: opts.Periods, Totals: make([]int, np)}

	// Group codes, rolled up once per distinct code.
	groupIdx := map[string]int{}
	var groupKeys []string
	var groupCounts [][]int
	rolled := map[string]string{}
	groupOf := make([]int, len(children)) // −1 none, −2 unknown
	for i, c := range children {
		if c.Primary == "" {
			groupOf[i] = -1
			continue
		}
		code, ok := rolled[c.Primary]
		if !ok {
			switch _, known := tax.Group(c.Primary); {
			case !known:
				code = "" // unknown: counted below
			case opts.Level > 0:
				code, _ = tax.RollUp(c.Primary, opts.Level)
			default:
				code = c.Primary
			}
			rolled[c.Primary] = code
		}
		if code == "" {
			groupOf[i] = -2
			continue
		}
		g, ok := groupIdx[code]
		if !ok {
			g = len(groupKeys)
			groupIdx[code] = g
			groupKeys = append(groupKeys, code)
			groupCounts = append(groupCounts, make([]int, np))
		}
		groupOf[i] = g
	}
	bandCounts := make([][]int, len(opts.Bands))
	for b := range bandCounts {
		bandCounts[b] = make([]int, np)
	}
	type ymd struct{ y, m, d int }
	toYMD := func(t time.Time) ymd { y, m, d := t.Date(); return ymd{y, int(m), d} }
	lastDay := make([]ymd, np)
	for p, per := range opts.Periods {
		lastDay[p] = toYMD(per.End.AddDate(0, 0, -1))
	}
	for i := range children {
		c := &children[i]
		b := toYMD(c.BirthDate)
		for p, per := range opts.Periods {
			var in bool
			if opts.NewCases {
				in = !c.Start.Before(per.Start) && c.Start.Before(per.End)
			} else {
				in = c.Start.Before(per.End) && (c.End.IsZero() || !c.End.Before(per.Start))
			}
			if !in {
				continue
			}
			comp.Totals[p]++
			switch g := groupOf[i]; {
			case g >= 0:
				groupCounts[g][p]++
			case g == -1:
				comp.NoGroup++
			default:
				comp.UnknownGroup++
			}
			if c.BirthDate.IsZero() {
				comp.NoBirthDate++
				continue
			}
			at := lastDay[p]
			age := at.y - b.y
			bm, bd := b.m, b.d
			if bm == 2 && bd == 29 && !isLeap(at.y) {
				if opts.Leap == February28 {
					bd = 28
				} else {
					bm, bd = 3, 1
				}
			}
			if at.m < bm || at.m == bm && at.d < bd {
				age--
			}
			if k := opts.Bands.Find(age); k >= 0 {
				bandCounts[k][p]++
			} else {
				comp.OutsideBands++
			}
		}
	}
	series := func(key string, name lang.Text, counts []int) CompositionSeries {
		s := CompositionSeries{Key: key, Name: name, Periods: make([]Share, np)}
		ind := goals.Indicator{ID: key, Type: goals.Rate, Polarity: goals.HigherIsBetter, MID: MID}
		for p, n := range counts {
			sh := Share{Count: n, Share: math.NaN(), Interval: stat.Interval{Lower: math.NaN(), Upper: math.NaN()}}
			if t := comp.Totals[p]; t > 0 {
				sh.Share = float64(n) / float64(t)
				sh.Interval, _ = stat.Wilson(n, t, 0.95)
				ind.Observations = append(ind.Observations, goals.Observation{Date: opts.Periods[p].End.AddDate(0, 0, -1), Numerator: n, Denominator: t})
			}
			s.Periods[p] = sh
		}
		s.Verdict, _ = goals.Assess(ind, goals.VerdictOptions{})
		s.Trend = [...]Trend{goals.InsufficientData: TrendInsufficient, goals.Positive: Rising, goals.Neutral: Stable, goals.Negative: Falling}[s.Verdict.Development]
		return s
	}
	for _, g := range tax.Groups { // taxonomy order
		if k, ok := groupIdx[g.Code]; ok {
			comp.Groups = append(comp.Groups, series(g.Code, g.Name, groupCounts[k]))
		}
	}
	for k, b := range opts.Bands {
		comp.Bands = append(comp.Bands, series(fmt.Sprint(b.From, "-", b.To), b.Label, bandCounts[k]))
	}
	return comp, nil
}
