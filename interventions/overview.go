package interventions

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/opfolgning/opfolgning/classification"
	"github.com/opfolgning/opfolgning/internal/civil"
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
// Median and quartiles are NaN while not reached. MedianLower and MedianUpper are the
// median's 95% confidence limits as R's survival reports them (Brookmeyer–Crowley, log
// transform; see the quantile functions of internal/stat); an upper limit is NaN when the
// data cannot bound the median from above, which with few ended measures is common.
type Duration struct {
	Measure                  string
	N, Ended, Ongoing        int
	Q1, Median, Q3           float64
	MedianLower, MedianUpper float64
}

// PriceSeries is the price development of a measure at a supplier: the mean yearly price of
// the measures active in each year, weighted by their days, and its index against the base
// year (NaN where a year has no measures). Records and Days are the n behind each year's
// mean: the price records active in the year and their days in it. The prices are the
// municipality's own, all of them, so the mean is a census, not an estimate: it carries no
// sampling interval.
type PriceSeries struct {
	Measure, Supplier string
	Yearly            []Ore
	Index             []float64
	Records           []int
	Days              []int64
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

// blocks is the number of record blocks Summarize sums separately and merges in order. It is
// fixed, not the number of cores, so that the result (floating-point sums included) is the
// same on every machine.
const blocks = 8

type cellKey struct{ m, b, g, s string }
type priceKey struct{ m, s string }

// priceSums holds Σ yearly price × days, Σ days and the number of records per year for one
// measure at one supplier.
type priceSums struct {
	num, den []float64
	n        []int
}

func newPriceSums(years int) *priceSums {
	return &priceSums{num: make([]float64, years), den: make([]float64, years), n: make([]int, years)}
}

// partial is the sums of one block of records.
type partial struct {
	spend                                   map[string][]Ore
	prices                                  map[priceKey]*priceSums
	cells                                   map[cellKey]int
	active                                  []activeRef
	noChildInfo, outsideBands, unknownGroup int
}

// activeRef is an active record (its position), its age band's label and its target group,
// for counting distinct children: measure, supplier and child are read from the record.
type activeRef struct {
	rec   int32
	band  string
	group string
}

// summer holds what every block needs: the options as day numbers.
type summer struct {
	opts       Options
	atNum      int64
	periodDays [][2]int64 // first and last day of each period
	yearDays   [][2]int64
}

func overlap(s, e, from, to int64) int64 {
	s, e = max(s, from), min(e, to)
	if e < s {
		return 0
	}
	return e - s + 1
}

// sum adds up the records of one block.
func (sm *summer) sum(rs []Intervention, offset int) partial {
	opts := sm.opts
	p := partial{spend: map[string][]Ore{}, prices: map[priceKey]*priceSums{}, cells: map[cellKey]int{}}
	groupOf := map[string]string{} // target group rolled up, per code
	for i := range rs {
		r := &rs[i]
		sDay, eDay := civil.DayNumber(r.Start), int64(ongoing)
		if !r.End.IsZero() {
			eDay = civil.DayNumber(r.End)
		}
		hundredths := r.scope()
		if sDay <= sm.atNum && eDay >= sm.atNum { // the cross-section
			band, group := Unknown, Unknown
			if info, ok := opts.Children[r.Child]; !ok {
				p.noChildInfo++
			} else {
				if age, err := classification.Age(info.BirthDate, opts.At, opts.Leap); err == nil && opts.Bands.Find(age) >= 0 {
					band = opts.Bands[opts.Bands.Find(age)].Label.Da
				} else {
					p.outsideBands++
				}
				g, seen := groupOf[info.Primary]
				if !seen {
					g = Unknown
					if opts.Taxonomy != nil {
						if code, err := opts.Taxonomy.RollUp(info.Primary, max(opts.Level, 1)); err == nil {
							g = code
							if opts.Level == 0 {
								g = info.Primary
							}
						}
					}
					groupOf[info.Primary] = g
				}
				if g == Unknown {
					p.unknownGroup++
				}
				group = g
			}
			p.cells[cellKey{r.Measure, band, group, r.Supplier}]++
			p.active = append(p.active, activeRef{int32(offset + i), band, group})
		}
		sp := p.spend[r.Measure]
		if sp == nil {
			sp = make([]Ore, len(sm.periodDays))
			p.spend[r.Measure] = sp
		}
		for q, pd := range sm.periodDays {
			if days := overlap(sDay, eDay, pd[0], pd[1]); days > 0 {
				sp[q] += r.Price.cost(days, hundredths)
			}
		}
		if len(sm.yearDays) > 0 {
			yp := float64(r.Price.cost(365, hundredths))
			var a *priceSums
			for y, b := range sm.yearDays {
				days := overlap(sDay, eDay, b[0], b[1])
				if days == 0 {
					continue
				}
				if a == nil {
					k := priceKey{r.Measure, r.Supplier}
					if a = p.prices[k]; a == nil {
						a = newPriceSums(len(sm.yearDays))
						p.prices[k] = a
					}
				}
				a.num[y] += yp * float64(days)
				a.den[y] += float64(days)
				a.n[y]++
			}
		}
	}
	return p
}

// Summarize builds the interventions overview. The records must be valid
// (ValidateInterventions). The records are summed in blocks on GOMAXPROCS goroutines beside
// the search for episodes, then merged in block order: the result does not depend on the
// number of cores.
func Summarize(rs []Intervention, opts Options) (Overview, error) {
	if opts.At.IsZero() {
		return Overview{}, fmt.Errorf("interventions: no date for the cross-section")
	}
	if err := opts.Bands.Validate(); err != nil {
		return Overview{}, err
	}
	if opts.Taxonomy != nil {
		if err := opts.Taxonomy.Validate(); err != nil {
			return Overview{}, err
		}
	}
	for i, p := range opts.Periods {
		if !p.End.After(p.Start) {
			return Overview{}, fmt.Errorf("interventions: period %d is empty", i)
		}
	}
	sm := &summer{opts: opts, atNum: civil.DayNumber(opts.At)}
	for _, per := range opts.Periods {
		sm.periodDays = append(sm.periodDays, [2]int64{civil.DayNumber(per.Start), civil.DayNumber(per.End) - 1})
	}
	for _, y := range opts.Years {
		sm.yearDays = append(sm.yearDays, [2]int64{civil.DayNumber(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)), civil.DayNumber(time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))})
	}
	// Episodes (for starts, ends and durations) are found beside the sums.
	spansDone := make(chan []span, 1)
	go func() {
		sp, _ := episodeSpans(rs, false)
		spansDone <- sp
	}()
	parts := make([]partial, blocks)
	var wg sync.WaitGroup
	work := make(chan int, blocks)
	for b := range blocks {
		work <- b
	}
	close(work)
	for range min(runtime.GOMAXPROCS(0), blocks) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range work {
				parts[b] = sm.sum(rs[b*len(rs)/blocks:(b+1)*len(rs)/blocks], b*len(rs)/blocks)
			}
		}()
	}
	wg.Wait()

	ov := Overview{At: opts.At, Periods: opts.Periods}
	spend := map[string][]Ore{}
	prices := map[priceKey]*priceSums{}
	cells := map[cellKey]int{}
	for _, p := range parts { // in block order
		ov.NoChildInfo += p.noChildInfo
		ov.OutsideBands += p.outsideBands
		ov.UnknownGroup += p.unknownGroup
		ov.ActiveMeasures += len(p.active)
		for m, v := range p.spend {
			if spend[m] == nil {
				spend[m] = make([]Ore, len(v))
			}
			for q := range v {
				spend[m][q] += v[q]
			}
		}
		for k, a := range p.prices {
			t := prices[k]
			if t == nil {
				t = newPriceSums(len(a.num))
				prices[k] = t
			}
			for y := range a.num {
				t.num[y] += a.num[y]
				t.den[y] += a.den[y]
				t.n[y] += a.n[y]
			}
		}
		for k, n := range p.cells {
			cells[k] += n
		}
	}
	// The cross-section's distinct children are counted beside the episodes' work below.
	crossDone := make(chan struct{})
	go func() {
		ov.Active, ov.ByMeasure, ov.ByBand, ov.ByGroup, ov.BySupplier, ov.ActiveChildren = crossSection(rs, cells, parts)
		close(crossDone)
	}()

	measures := slices.Sorted(maps.Keys(spend))
	flows := map[string]*Flow{}
	type durs struct {
		t []float64
		e []bool
	}
	dur := map[string]*durs{}
	for _, m := range measures {
		flows[m] = &Flow{Measure: m, Starts: make([]int, len(opts.Periods)), Ends: make([]int, len(opts.Periods))}
		dur[m] = &durs{}
	}
	// Starts, ends and durations are of episodes (a measure renewed at a new price each
	// year is one measure), not of price periods.
	for _, e := range <-spansDone {
		f, d := flows[e.measure], dur[e.measure]
		for q, pd := range sm.periodDays {
			if e.start >= pd[0] && e.start <= pd[1] {
				f.Starts[q]++
			}
			if e.end >= pd[0] && e.end <= pd[1] {
				f.Ends[q]++
			}
		}
		if e.start <= sm.atNum { // up to At: ended by their length, ongoing censored at At
			if e.end <= sm.atNum {
				d.t, d.e = append(d.t, float64(e.end-e.start+1)), append(d.e, true)
			} else {
				d.t, d.e = append(d.t, float64(sm.atNum-e.start+1)), append(d.e, false)
			}
		}
	}
	ov.Durations = make([]Duration, len(measures))
	var kmWG sync.WaitGroup
	for i, m := range measures {
		ov.Flows = append(ov.Flows, *flows[m])
		sp := Spend{Measure: m, Periods: spend[m]}
		for _, v := range sp.Periods {
			sp.Total += v
		}
		ov.Spend = append(ov.Spend, sp)
		kmWG.Add(1)
		go func() { // each measure's Kaplan–Meier sorts its own durations
			defer kmWG.Done()
			d := dur[m]
			du := Duration{Measure: m, N: len(d.t), Q1: math.NaN(), Median: math.NaN(), Q3: math.NaN()}
			for _, ended := range d.e {
				if ended {
					du.Ended++
				}
			}
			du.Ongoing = du.N - du.Ended
			if km, err := stat.KaplanMeier(d.t, d.e); err == nil {
				du.Q1, du.Median, du.Q3 = stat.KMQuantile(km, 0.25), stat.KMQuantile(km, 0.5), stat.KMQuantile(km, 0.75)
				du.MedianLower, du.MedianUpper = stat.KMQuantileCI(km, 0.5, 0.95)
			}
			ov.Durations[i] = du
		}()
	}
	kmWG.Wait()
	<-crossDone
	ov.Prices = priceSeries(prices, opts)
	for _, b := range opts.Budgets {
		p := slices.IndexFunc(opts.Periods, func(p classification.Period) bool { return p.Label == b.Period })
		if p < 0 {
			return ov, fmt.Errorf("interventions: budget for %q: no such period", b.Period)
		}
		var spent Ore
		if s, ok := spend[b.Measure]; ok {
			spent = s[p]
		}
		line := BudgetLine{Measure: b.Measure, Period: b.Period, Budget: b.Amount, Spent: spent, Deviation: spent - b.Amount, DeviationPct: math.NaN()}
		if b.Amount > 0 {
			line.DeviationPct = 100 * float64(line.Deviation) / float64(b.Amount)
		}
		ov.Budgets = append(ov.Budgets, line)
	}
	return ov, nil
}

// crossSection builds the cells of the cross-section and its four margins with their distinct
// children: the active records are grouped by child (a counting sort over interned IDs) and
// each child is counted once per cell and per margin value it has.
func crossSection(rs []Intervention, cells map[cellKey]int, parts []partial) (all, byMeasure, byBand, byGroup, bySupplier []Cell, children int) {
	keys := slices.SortedFunc(maps.Keys(cells), func(a, b cellKey) int {
		return cmp.Or(cmp.Compare(a.m, b.m), cmp.Compare(a.b, b.b), cmp.Compare(a.g, b.g), cmp.Compare(a.s, b.s))
	})
	cellIdx := make(map[cellKey]int, len(keys))
	all = make([]Cell, len(keys))
	for i, k := range keys {
		cellIdx[k] = i
		all[i] = Cell{Measure: k.m, AgeBand: k.b, TargetGroup: k.g, Supplier: k.s, Measures: cells[k]}
	}
	// The four margins, each value's index in its sorted list.
	var values [4][]string
	for _, k := range keys {
		for d, v := range [4]string{k.m, k.b, k.g, k.s} {
			values[d] = append(values[d], v)
		}
	}
	valueIdx := [4]map[string]int{}
	margins := [4][]Cell{}
	for d := range values {
		slices.Sort(values[d])
		values[d] = slices.Compact(values[d])
		valueIdx[d] = map[string]int{}
		margins[d] = make([]Cell, len(values[d]))
		for i, v := range values[d] {
			valueIdx[d][v] = i
			switch d {
			case 0:
				margins[d][i].Measure = v
			case 1:
				margins[d][i].AgeBand = v
			case 2:
				margins[d][i].TargetGroup = v
			case 3:
				margins[d][i].Supplier = v
			}
		}
	}
	for _, k := range keys {
		for d, v := range [4]string{k.m, k.b, k.g, k.s} {
			margins[d][valueIdx[d][v]].Measures += cells[k]
		}
	}
	// Group the active records by child.
	childIdx := map[string]int{}
	type ref struct {
		child int
		value [5]int // margins 0–3, then the cell
	}
	total := 0
	for _, p := range parts {
		total += len(p.active)
	}
	refs := make([]ref, 0, total)
	for _, p := range parts { // block order is record order
		for _, a := range p.active {
			r := &rs[a.rec]
			c, ok := childIdx[r.Child]
			if !ok {
				c = len(childIdx)
				childIdx[r.Child] = c
			}
			k := cellKey{r.Measure, a.band, a.group, r.Supplier}
			refs = append(refs, ref{c, [5]int{valueIdx[0][k.m], valueIdx[1][k.b], valueIdx[2][k.g], valueIdx[3][k.s], cellIdx[k]}})
		}
	}
	start := make([]int, len(childIdx)+1)
	for _, r := range refs {
		start[r.child+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	byChild := make([]ref, len(refs))
	next := slices.Clone(start[:len(childIdx)])
	for _, r := range refs {
		byChild[next[r.child]] = r
		next[r.child]++
	}
	count := func(d, v int) {
		if d < 4 {
			margins[d][v].Children++
		} else {
			all[v].Children++
		}
	}
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
					count(d, a.value[d])
				}
			}
		}
	}
	return all, margins[0], margins[1], margins[2], margins[3], len(childIdx)
}

// priceSeries turns the price sums into the yearly mean prices and their index.
func priceSeries(prices map[priceKey]*priceSums, opts Options) []PriceSeries {
	baseIdx := slices.Index(opts.Years, opts.BaseYear)
	var out []PriceSeries
	for _, k := range slices.SortedFunc(maps.Keys(prices), func(a, b priceKey) int { return cmp.Or(cmp.Compare(a.m, b.m), cmp.Compare(a.s, b.s)) }) {
		a := prices[k]
		ps := PriceSeries{Measure: k.m, Supplier: k.s, Yearly: make([]Ore, len(opts.Years)), Index: make([]float64, len(opts.Years)),
			Records: slices.Clone(a.n), Days: make([]int64, len(opts.Years))}
		for y := range opts.Years {
			ps.Days[y] = int64(a.den[y])
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
		out = append(out, ps)
	}
	return out
}
