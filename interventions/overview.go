package interventions

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/opfolgning/opfolgning/classification"
	"github.com/opfolgning/opfolgning/internal/stat"
)

// ChildInfo is what the overview needs of a child: its birth date and primary target group.
type ChildInfo struct {
	BirthDate time.Time
	Primary   string
}

// Budget is the budget of a measure for a period (budget).
type Budget struct {
	Measure string
	Period  string // a label of Options.Periods
	Amount  Ore
}

// Options configures Summarize.
type Options struct {
	// At is the date of the cross-section of active measures (status pr. dato).
	At time.Time
	// Periods are the periods of starts and ends, spend and budgets, in order.
	Periods []classification.Period
	// Children gives each child's birth date and target group; Bands and Taxonomy (rolled
	// up to Level, 0 for as recorded) place it.
	Children map[string]ChildInfo
	Bands    classification.Bands
	Taxonomy *classification.Taxonomy
	Level    int
	Leap     classification.LeapBirthday
	// Years of the price development and its base year (index 100).
	Years    []int
	BaseYear int
	Budgets  []Budget
}

// Cell is the number of active measures and distinct children in one combination.
type Cell struct {
	Measure, AgeBand, TargetGroup, Supplier string
	Measures, Children                      int
}

// Flow is the starts and ends of a measure's episodes in each period.
type Flow struct {
	Measure      string
	Starts, Ends []int
}

// Duration is how long a measure lasts, in days, estimated by Kaplan–Meier over its episodes
// (see Episodes) with the ongoing ones censored at At (never treated as if they ended today).
// Median and quartiles are NaN while not reached.
type Duration struct {
	Measure           string
	N, Ended, Ongoing int
	Q1, Median, Q3    float64
}

// PriceSeries is the price development of a measure at a supplier: the mean yearly price of
// the measures active in each year, weighted by their days, and its index against the base
// year (NaN where a year has no measures).
type PriceSeries struct {
	Measure, Supplier string
	Yearly            []Ore
	Index             []float64
}

// Spend is what a measure cost in each period, pro rata by the days it ran.
type Spend struct {
	Measure string
	Periods []Ore
	Total   Ore
}

// BudgetLine compares spend with budget (budgetopfølgning): Deviation = Spent − Budget, and
// in percent of the budget.
type BudgetLine struct {
	Measure, Period string
	Budget, Spent   Ore
	Deviation       Ore
	DeviationPct    float64
}

// Overview is the interventions overview (overblik over foranstaltninger) at a date and for
// periods.
type Overview struct {
	At      time.Time
	Periods []classification.Period
	// Active is the cross-section at At by measure × age band × target group × supplier, in
	// that order. ActiveMeasures and ActiveChildren are its totals.
	Active                         []Cell
	ActiveMeasures, ActiveChildren int
	// ByMeasure, ByBand, ByGroup and BySupplier are the cross-section's margins, each child
	// counted once per value (a child with two measures counts once under each).
	ByMeasure, ByBand, ByGroup, BySupplier []Cell
	Flows                                  []Flow
	Durations                              []Duration
	Prices                                 []PriceSeries
	Spend                                  []Spend
	Budgets                                []BudgetLine
	// Records left out of the cross-section's age band or target group are counted, by
	// reason; they stay in every other figure. Children without information are "(ukendt)".
	NoChildInfo, OutsideBands, UnknownGroup int
}

// Unknown is the label of an age band or target group that could not be placed.
const Unknown = "(ukendt)"

// Summarize builds the interventions overview. The records must be valid
// (ValidateInterventions). Everything is computed in one pass over the records plus a sort
// per measure for the durations.
func Summarize(rs []Intervention, opts Options) (Overview, error) {
	if opts.At.IsZero() {
		return Overview{}, fmt.Errorf("interventions: no date for the cross-section")
	}
	if err := opts.Bands.Validate(); err != nil {
		return Overview{}, err
	}
	for i, p := range opts.Periods {
		if !p.End.After(p.Start) {
			return Overview{}, fmt.Errorf("interventions: period %d is empty", i)
		}
	}
	ov := Overview{At: opts.At, Periods: opts.Periods}
	// The episodes (for starts, ends and durations) are found beside the per-record pass:
	// the two do not depend on each other.
	spansDone := make(chan []span, 1)
	go func() {
		sp, _ := episodeSpans(rs, false)
		spansDone <- sp
	}()
	np := len(opts.Periods)

	// Distinct children: every active record leaves its child's index and the index of its
	// value in each dimension (0–3 the margins measure, band, group, supplier; 4 the cell);
	// afterwards the records are grouped by child with a counting sort and each child is
	// counted once per value it has.
	childIdx := map[string]uint32{}
	type activeRec struct {
		child uint32
		value [5]uint32
	}
	var act []activeRec
	type cellKey struct{ m, b, g, s string }
	cells := map[cellKey]*Cell{}
	var cellList []*Cell
	cellIdx := map[*Cell]uint32{}
	type margin struct {
		cells map[string]*Cell
		list  []*Cell
	}
	margins := [4]margin{}
	for d := range margins {
		margins[d] = margin{cells: map[string]*Cell{}}
	}
	marginIdx := [4]map[*Cell]uint32{{}, {}, {}, {}}
	addMargin := func(d int, value string, set func(*Cell)) uint32 {
		m := &margins[d]
		c := m.cells[value]
		if c == nil {
			c = &Cell{}
			set(c)
			m.cells[value] = c
			marginIdx[d][c] = uint32(len(m.list))
			m.list = append(m.list, c)
		}
		c.Measures++
		return marginIdx[d][c]
	}
	flows := map[string]*Flow{}
	type dur struct {
		t []float64
		e []bool
	}
	durs := map[string]*dur{}
	type measureAcc struct {
		flow  *Flow
		spend *Spend
		dur   *dur
	}
	measureIdx := map[string]int{}
	var perMeasure []measureAcc
	type pkey struct{ m, s string }
	type pacc struct{ num, den []float64 } // Σ yearly price × days, Σ days per year
	prices := map[pkey]*pacc{}
	spend := map[string]*Spend{}
	groupOf := map[string]string{}
	atDay := opts.At
	// All date arithmetic below is on day numbers, converted once per record.
	yearBounds := make([][2]int64, len(opts.Years))
	for i, y := range opts.Years {
		yearBounds[i] = [2]int64{dayNumber(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)), dayNumber(time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))}
	}
	periodDays := make([][2]int64, np) // first and last day
	for p, per := range opts.Periods {
		periodDays[p] = [2]int64{dayNumber(per.Start), dayNumber(per.End) - 1}
	}
	atNum := dayNumber(atDay)
	const open = ongoing
	overlap := func(s, e, from, to int64) int64 {
		s, e = max(s, from), min(e, to)
		if e < s {
			return 0
		}
		return e - s + 1
	}
	for i := range rs {
		r := &rs[i]
		sDay, eDay := dayNumber(r.Start), int64(open)
		if !r.End.IsZero() {
			eDay = dayNumber(r.End)
		}
		hundredths := int64(math.Round(r.HoursPerWeek * 100))
		// Cross-section.
		if sDay <= atNum && eDay >= atNum {
			band, group := Unknown, Unknown
			if info, ok := opts.Children[r.Child]; !ok {
				ov.NoChildInfo++
			} else {
				if age, err := classification.Age(info.BirthDate, atDay, opts.Leap); err == nil {
					if k := opts.Bands.Find(age); k >= 0 {
						band = opts.Bands[k].Label.Da
					} else {
						ov.OutsideBands++
					}
				} else {
					ov.OutsideBands++
				}
				g, seen := groupOf[info.Primary]
				if !seen {
					g = Unknown
					if opts.Taxonomy != nil {
						if code, err := opts.Taxonomy.RollUp(info.Primary, max(opts.Level, 1)); err == nil {
							if opts.Level == 0 {
								code = info.Primary
							}
							g = code
						}
					}
					groupOf[info.Primary] = g
				}
				if g == Unknown {
					ov.UnknownGroup++
				}
				group = g
			}
			ci, ok := childIdx[r.Child]
			if !ok {
				ci = uint32(len(childIdx))
				childIdx[r.Child] = ci
			}
			k := cellKey{r.Measure, band, group, r.Supplier}
			c := cells[k]
			if c == nil {
				c = &Cell{Measure: r.Measure, AgeBand: band, TargetGroup: group, Supplier: r.Supplier}
				cells[k] = c
				cellIdx[c] = uint32(len(cellList))
				cellList = append(cellList, c)
			}
			c.Measures++
			ov.ActiveMeasures++
			act = append(act, activeRec{child: ci, value: [5]uint32{
				addMargin(0, r.Measure, func(c *Cell) { c.Measure = r.Measure }),
				addMargin(1, band, func(c *Cell) { c.AgeBand = band }),
				addMargin(2, group, func(c *Cell) { c.TargetGroup = group }),
				addMargin(3, r.Supplier, func(c *Cell) { c.Supplier = r.Supplier }),
				cellIdx[c],
			}})
		}
		// Flows and spend per period; the measure's accumulators are looked up once.
		mi, ok := measureIdx[r.Measure]
		if !ok {
			mi = len(perMeasure)
			measureIdx[r.Measure] = mi
			f := &Flow{Measure: r.Measure, Starts: make([]int, np), Ends: make([]int, np)}
			flows[r.Measure] = f
			spend[r.Measure] = &Spend{Measure: r.Measure, Periods: make([]Ore, np)}
			durs[r.Measure] = &dur{}
			perMeasure = append(perMeasure, measureAcc{f, spend[r.Measure], durs[r.Measure]})
		}
		sp := perMeasure[mi].spend
		for p, pd := range periodDays {
			if days := overlap(sDay, eDay, pd[0], pd[1]); days > 0 {
				c := r.Price.cost(days, hundredths)
				sp.Periods[p] += c
				sp.Total += c
			}
		}
		// Prices per year, weighted by days.
		if len(opts.Years) > 0 {
			yp := float64(r.Price.cost(365, hundredths))
			var a *pacc
			for y, b := range yearBounds {
				days := overlap(sDay, eDay, b[0], b[1])
				if days == 0 {
					continue
				}
				if a == nil { // looked up once per record, and only when a year is covered
					pk := pkey{r.Measure, r.Supplier}
					if a = prices[pk]; a == nil {
						a = &pacc{num: make([]float64, len(opts.Years)), den: make([]float64, len(opts.Years))}
						prices[pk] = a
					}
				}
				a.num[y] += yp * float64(days)
				a.den[y] += float64(days)
			}
		}
	}
	// Group the active records by child (counting sort) and count each child once per value.
	start := make([]int, len(childIdx)+1)
	for _, a := range act {
		start[a.child+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	byChild := make([]activeRec, len(act))
	next := slices.Clone(start[:len(childIdx)])
	for _, a := range act {
		byChild[next[a.child]] = a
		next[a.child]++
	}
	dimCells := [5][]*Cell{margins[0].list, margins[1].list, margins[2].list, margins[3].list, cellList}
	for c := range len(childIdx) {
		run := byChild[start[c]:start[c+1]]
		for d := range 5 {
			for i, a := range run {
				first := true
				for _, b := range run[:i] {
					if b.value[d] == a.value[d] {
						first = false
						break
					}
				}
				if first {
					dimCells[d][a.value[d]].Children++
				}
			}
		}
	}
	for _, c := range cellList {
		ov.Active = append(ov.Active, *c)
	}
	// Starts, ends and durations are of episodes (a measure renewed at a new price each
	// year is one measure), not of price periods.
	spans := <-spansDone
	for _, e := range spans {
		mi := measureIdx[rs[e.first].Measure]
		f, d := perMeasure[mi].flow, perMeasure[mi].dur
		sDay, eDay := e.start, e.end
		for p, pd := range periodDays {
			if sDay >= pd[0] && sDay <= pd[1] {
				f.Starts[p]++
			}
			if eDay >= pd[0] && eDay <= pd[1] {
				f.Ends[p]++
			}
		}
		// Durations up to At: ended ones by their length, ongoing ones censored at At.
		if sDay <= atNum {
			if eDay <= atNum {
				d.t = append(d.t, float64(eDay-sDay+1))
				d.e = append(d.e, true)
			} else {
				d.t = append(d.t, float64(atNum-sDay+1))
				d.e = append(d.e, false)
			}
		}
	}
	slices.SortFunc(ov.Active, func(a, b Cell) int {
		return cmp.Or(cmp.Compare(a.Measure, b.Measure), cmp.Compare(a.AgeBand, b.AgeBand), cmp.Compare(a.TargetGroup, b.TargetGroup), cmp.Compare(a.Supplier, b.Supplier))
	})
	ov.ActiveChildren = len(childIdx)
	for d, dst := range []*[]Cell{&ov.ByMeasure, &ov.ByBand, &ov.ByGroup, &ov.BySupplier} {
		keys := make([]string, 0, len(margins[d].cells))
		for k := range margins[d].cells {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			*dst = append(*dst, *margins[d].cells[k])
		}
	}
	measures := make([]string, 0, len(flows))
	for m := range flows {
		measures = append(measures, m)
	}
	slices.Sort(measures)
	for _, m := range measures {
		ov.Flows = append(ov.Flows, *flows[m])
		ov.Spend = append(ov.Spend, *spend[m])
		d := durs[m]
		du := Duration{Measure: m, Q1: math.NaN(), Median: math.NaN(), Q3: math.NaN()}
		if d != nil {
			du.N = len(d.t)
			for _, e := range d.e {
				if e {
					du.Ended++
				}
			}
			du.Ongoing = du.N - du.Ended
			if steps, err := stat.KaplanMeier(d.t, d.e); err == nil {
				du.Q1, du.Median, du.Q3 = stat.KMQuantile(steps, 0.25), stat.KMQuantile(steps, 0.5), stat.KMQuantile(steps, 0.75)
			}
		}
		ov.Durations = append(ov.Durations, du)
	}
	baseIdx := slices.Index(opts.Years, opts.BaseYear)
	pkeys := make([]pkey, 0, len(prices))
	for k := range prices {
		pkeys = append(pkeys, k)
	}
	slices.SortFunc(pkeys, func(a, b pkey) int { return cmp.Or(cmp.Compare(a.m, b.m), cmp.Compare(a.s, b.s)) })
	for _, k := range pkeys {
		a := prices[k]
		ps := PriceSeries{Measure: k.m, Supplier: k.s, Yearly: make([]Ore, len(opts.Years)), Index: make([]float64, len(opts.Years))}
		for y := range opts.Years {
			ps.Index[y] = math.NaN()
			if a.den[y] > 0 {
				ps.Yearly[y] = Ore(math.Round(a.num[y] / a.den[y]))
			}
		}
		if baseIdx >= 0 && ps.Yearly[baseIdx] > 0 {
			for y := range opts.Years {
				if a.den[y] > 0 {
					ps.Index[y] = 100 * float64(ps.Yearly[y]) / float64(ps.Yearly[baseIdx])
				}
			}
		}
		ov.Prices = append(ov.Prices, ps)
	}
	for _, b := range opts.Budgets {
		p := slices.IndexFunc(opts.Periods, func(p classification.Period) bool { return p.Label == b.Period })
		if p < 0 {
			return ov, fmt.Errorf("interventions: budget for %q: no such period", b.Period)
		}
		var spent Ore
		if s, ok := spend[b.Measure]; ok {
			spent = s.Periods[p]
		}
		line := BudgetLine{Measure: b.Measure, Period: b.Period, Budget: b.Amount, Spent: spent, Deviation: spent - b.Amount, DeviationPct: math.NaN()}
		if b.Amount > 0 {
			line.DeviationPct = 100 * float64(line.Deviation) / float64(b.Amount)
		}
		ov.Budgets = append(ov.Budgets, line)
	}
	return ov, nil
}
