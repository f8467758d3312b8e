package outcome

import (
	"cmp"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/opfolgning/opfolgning/internal/stat"
)

// Interval is a confidence interval [Lower, Upper].
type Interval = stat.Interval

// Options configures Summarize. The zero value summarises all children as one group, in
// CompleteCase mode, classifies changes by a threshold of one step, and bootstraps the mean
// change with 1,000 resamples at 95% from seed 0.
type Options struct {
	// GroupBy names the attributes (Assessment.Attrs) that define a group, e.g.
	// {"intervention"} or {"provider", "age band"}. A child whose assessments carry
	// different values is followed separately under each value: the change under an
	// intervention is measured between the assessments made under it.
	GroupBy []string
	Mode    Mode
	Rule    ChangeRule
	// Resamples is the number of bootstrap resamples; 0 means 1,000 and a negative number
	// turns the bootstrap off (the interval is then NaN).
	Resamples int
	// Confidence is the level of the bootstrap interval; 0 means 0.95.
	Confidence float64
	// Seed seeds the bootstrap. Each group and theme draws from its own PCG source seeded
	// from Seed and the group's key, so a group's interval does not depend on which other
	// groups exist nor on the number of goroutines.
	Seed uint64
	// Workers bounds the goroutines; 0 means GOMAXPROCS. It never changes the result.
	Workers int
}

// Summary is the outcome summary of a set of assessments by group and theme.
type Summary struct {
	Scale   Scale
	Options Options // with the defaults filled in (Workers as the caller gave it)
	Groups  []Group // in order of their keys
}

// Group is the summary of one group (one value of the GroupBy attributes).
type Group struct {
	// Key holds the group's value of each GroupBy attribute; "" where an assessment lacks
	// the attribute.
	Key []string
	// Children counts the children followed in the group; Assessments their assessments.
	Children, Assessments int
	Themes                [NumThemes]ThemeSummary
}

// Theme returns the summary of theme t.
func (g Group) Theme(t Theme) ThemeSummary { return g.Themes[t.index()] }

// ThemeSummary is the progression of one group in one theme, from baseline to latest.
type ThemeSummary struct {
	Theme Theme
	// N is the number of children with a change; Excluded counts the others by reason, so
	// that N + Excluded.Total() is the group's Children.
	N        int
	Excluded Exclusions
	// Baseline and Latest are the distributions of the N children's scores at baseline
	// and at latest.
	Baseline, Latest Distribution
	// MeanChange is the mean of the N changes (latest − baseline, in steps, before
	// polarity), SDChange their standard deviation (n − 1), and MeanChangeCI the percentile
	// bootstrap interval of the mean.
	MeanChange, SDChange float64
	MeanChangeCI         Interval
	// MeanYears is the mean time from baseline to latest, in years.
	MeanYears float64
	// Improved, Unchanged and Deteriorated count the N children by Options.Rule, after the
	// scale's polarity.
	Improved, Unchanged, Deteriorated int
	Effect                            EffectSize
	// Wilcoxon is the signed-rank test of the changes against no change; nil when it
	// cannot be computed (no child changed, or N = 0).
	Wilcoxon *WilcoxonResult
}

// Share returns the share of the N children in direction d, NaN when N = 0.
func (t ThemeSummary) Share(d Direction) float64 {
	c := t.Unchanged
	switch d {
	case Improved:
		c = t.Improved
	case Deteriorated:
		c = t.Deteriorated
	}
	if t.N == 0 {
		return math.NaN()
	}
	return float64(c) / float64(t.N)
}

// Distribution is the distribution of scores over the steps of a scale.
type Distribution struct {
	N    int
	Mean float64 // NaN when N = 0
	// Counts[i] is the number of scores on step Min + i.
	Counts []int
}

// Share returns the share of scores on step v, NaN when N = 0.
func (d Distribution) Share(v, min int) float64 {
	i := v - min
	if d.N == 0 || i < 0 || i >= len(d.Counts) {
		return math.NaN()
	}
	return float64(d.Counts[i]) / float64(d.N)
}

// ErrNoGroupBy is returned when Options.GroupBy names an attribute twice or names "".
var ErrNoGroupBy = errors.New("invalid GroupBy")

// acc accumulates one group: integer counts only, so that the order in which children are
// added never changes the result.
type acc struct {
	children, assessments int
	themes                [NumThemes]themeAcc
}

type themeAcc struct {
	excluded         Exclusions
	baseline, latest []int // by step
	change           []int // by delta + (steps − 1)
	directions       [3]int
	days             int64
}

func newAcc(steps int) *acc {
	a := &acc{}
	for k := range a.themes {
		t := &a.themes[k]
		t.baseline = make([]int, steps)
		t.latest = make([]int, steps)
		t.change = make([]int, 2*steps-1)
	}
	return a
}

func (a *acc) merge(b *acc) {
	a.children += b.children
	a.assessments += b.assessments
	for k := range a.themes {
		x, y := &a.themes[k], &b.themes[k]
		for i := range x.excluded {
			x.excluded[i] += y.excluded[i]
		}
		for i := range x.baseline {
			x.baseline[i] += y.baseline[i]
			x.latest[i] += y.latest[i]
		}
		for i := range x.change {
			x.change[i] += y.change[i]
		}
		for i := range x.directions {
			x.directions[i] += y.directions[i]
		}
		x.days += y.days
	}
}

// Summarize summarises progression by group and theme: for each group the number of
// children and, per theme, the children included and excluded by reason, the distributions
// at baseline and latest, the mean change with a bootstrap interval, the shares improved,
// unchanged and deteriorated, the effect size d_z with Hedges' correction, and the Wilcoxon
// signed-rank test of the changes.
//
// A change on a scale of s steps takes one of 2s − 1 values, so every statistic is computed
// from histograms: a bootstrap resample is a multinomial draw over those values (see
// internal/stat.BootstrapMean), not n draws, and the signed-rank test works on tie groups.
// The assessments are validated first (see ValidateAssessments); the input is not modified.
func Summarize(as []Assessment, s Scale, opts Options) (Summary, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return Summary{}, err
	}
	cl, err := opts.Rule.bind(s)
	if err != nil {
		return Summary{}, err
	}
	idx, err := index(as, s)
	if err != nil {
		return Summary{}, err
	}
	steps := s.Steps()

	// Accumulate children in contiguous blocks, one accumulator set per worker; integer
	// counts make the merge order irrelevant.
	nc := idx.children()
	workers := min(opts.workers(), max(1, nc/4096))
	type part struct {
		keys map[string]int
		accs []*acc
	}
	parts := make([]part, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := part{keys: map[string]int{}}
			var kb keyBuilder
			var segKeys []int
			var sub []int32
			for c := w * nc / workers; c < (w+1)*nc/workers; c++ {
				seg := idx.child(c)
				segKeys = segKeys[:0]
				for _, i := range seg {
					k := kb.key(as[i].Attrs, opts.GroupBy)
					g, ok := p.keys[k]
					if !ok {
						g = len(p.accs)
						p.keys[strings.Clone(k)] = g
						p.accs = append(p.accs, newAcc(steps))
					}
					segKeys = append(segKeys, g)
				}
				for j, g := range segKeys {
					if slices.Index(segKeys[:j], g) >= 0 {
						continue // group already done for this child
					}
					sub = sub[:0]
					for jj := j; jj < len(seg); jj++ {
						if segKeys[jj] == g {
							sub = append(sub, seg[jj])
						}
					}
					p.accs[g].add(as, sub, idx.days, s, opts.Mode, cl)
				}
			}
			parts[w] = p
		}()
	}
	wg.Wait()

	keys := map[string]int{}
	var accs []*acc
	var names []string
	for _, p := range parts {
		for k, g := range p.keys {
			t, ok := keys[k]
			if !ok {
				keys[k] = len(accs)
				accs = append(accs, p.accs[g])
				names = append(names, k)
				continue
			}
			accs[t].merge(p.accs[g])
		}
	}
	order := make([]int, len(accs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(names[a], names[b]) })

	sum := Summary{Scale: s, Options: opts, Groups: make([]Group, len(order))}
	tasks := make(chan int)
	wg = sync.WaitGroup{}
	for range opts.workers() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range tasks {
				gi, k := t/NumThemes, t%NumThemes
				name := names[order[gi]]
				sum.Groups[gi].Themes[k] = finishTheme(&accs[order[gi]].themes[k], Theme(k+1), s, opts, name)
			}
		}()
	}
	for gi, o := range order {
		a := accs[o]
		sum.Groups[gi].Key = splitKey(names[o], len(opts.GroupBy))
		sum.Groups[gi].Children = a.children
		sum.Groups[gi].Assessments = a.assessments
	}
	for t := range len(order) * NumThemes {
		tasks <- t
	}
	close(tasks)
	wg.Wait()
	return sum, nil
}

func (o Options) withDefaults() (Options, error) {
	seen := map[string]bool{}
	for _, g := range o.GroupBy {
		if g == "" || seen[g] {
			return o, fmt.Errorf("outcome: %w: attribute %q", ErrNoGroupBy, g)
		}
		seen[g] = true
	}
	o.GroupBy = slices.Clone(o.GroupBy)
	if o.Resamples == 0 {
		o.Resamples = 1000
	}
	if o.Confidence == 0 {
		o.Confidence = 0.95
	}
	if !(o.Confidence > 0 && o.Confidence < 1) {
		return o, fmt.Errorf("outcome: confidence %v is outside (0, 1)", o.Confidence)
	}
	if o.Mode > AllAvailable {
		return o, fmt.Errorf("outcome: unknown mode %d", o.Mode)
	}
	if o.Workers < 0 {
		return o, fmt.Errorf("outcome: %d workers", o.Workers)
	}
	return o, nil
}

// workers returns the goroutines to use: Options.Workers, or GOMAXPROCS when 0. It is not
// written back into the Summary's Options, which must read the same on every machine.
func (o Options) workers() int {
	if o.Workers == 0 {
		return runtime.GOMAXPROCS(0)
	}
	return o.Workers
}

// keySep separates attribute values inside a group key.
const keySep = "\x1f"

type keyBuilder struct{ buf []byte }

// key returns the group key of attrs; the string may alias the builder's buffer until the
// next call, so callers clone it before keeping it.
func (kb *keyBuilder) key(attrs map[string]string, by []string) string {
	if len(by) == 1 {
		return attrs[by[0]]
	}
	kb.buf = kb.buf[:0]
	for i, name := range by {
		if i > 0 {
			kb.buf = append(kb.buf, keySep...)
		}
		kb.buf = append(kb.buf, attrs[name]...)
	}
	return unsafeString(kb.buf)
}

func splitKey(k string, n int) []string {
	switch n {
	case 0:
		return []string{}
	case 1:
		return []string{k}
	}
	return strings.Split(k, keySep)
}

// add adds one child's assessments (positions pos in date order) to the group.
func (a *acc) add(as []Assessment, pos []int32, days []int64, s Scale, m Mode, cl classifier) {
	a.children++
	a.assessments += len(pos)
	for k := range a.themes {
		t := &a.themes[k]
		i, j, why := endpointsAt(len(pos), func(i int) bool { return as[pos[i]].Scores[k].assessed }, m)
		if why != Included {
			t.excluded[why]++
			continue
		}
		b, l := as[pos[i]].Scores[k].value, as[pos[j]].Scores[k].value
		t.baseline[b-s.Min]++
		t.latest[l-s.Min]++
		d := l - b
		t.change[d+s.Steps()-1]++
		t.directions[cl.direction(d)+1]++
		t.days += days[pos[j]] - days[pos[i]]
	}
}

// finishTheme computes the statistics of one group and theme from its histograms.
func finishTheme(t *themeAcc, th Theme, s Scale, o Options, key string) ThemeSummary {
	steps := s.Steps()
	r := ThemeSummary{
		Theme:        th,
		Excluded:     t.excluded,
		Baseline:     distribution(t.baseline, s.Min),
		Latest:       distribution(t.latest, s.Min),
		Improved:     t.directions[Improved+1],
		Unchanged:    t.directions[Unchanged+1],
		Deteriorated: t.directions[Deteriorated+1],
	}
	r.N = r.Baseline.N
	values := make([]float64, len(t.change))
	var sum, sumSq float64
	for i, c := range t.change {
		values[i] = float64(i - (steps - 1))
		sum += float64(c) * values[i]
	}
	nan := math.NaN()
	r.MeanChange, r.SDChange, r.MeanYears = nan, nan, nan
	r.MeanChangeCI = Interval{Lower: nan, Upper: nan}
	if r.N == 0 {
		r.Effect = pairedEffect(0, nan, nan)
		return r
	}
	r.MeanChange = sum / float64(r.N)
	for i, c := range t.change {
		dv := values[i] - r.MeanChange
		sumSq += float64(c) * dv * dv
	}
	if r.N > 1 {
		r.SDChange = math.Sqrt(sumSq / float64(r.N-1))
	}
	r.MeanYears = float64(t.days) / float64(r.N) / 365.25
	r.Effect = pairedEffect(r.N, r.MeanChange, r.SDChange)
	if o.Resamples > 0 {
		r.MeanChangeCI = stat.BootstrapMean(values, t.change, o.Resamples, o.Confidence, groupSource(o.Seed, key, th))
	}
	groups := make([]stat.TieGroup, steps-1)
	for d := 1; d < steps; d++ {
		groups[d-1] = stat.TieGroup{Pos: t.change[steps-1+d], Neg: t.change[steps-1-d]}
	}
	if w, err := stat.SignedRankGroups(groups, t.change[steps-1] > 0); err == nil {
		r.Wilcoxon = &w
	}
	return r
}

func distribution(counts []int, min int) Distribution {
	d := Distribution{Counts: slices.Clone(counts), Mean: math.NaN()}
	var sum float64
	for i, c := range counts {
		d.N += c
		sum += float64(c * (min + i))
	}
	if d.N > 0 {
		d.Mean = sum / float64(d.N)
	}
	return d
}

// groupSource returns the PCG source of one group and theme: seeded with Seed and the
// FNV-1a hash of the key and the theme's code.
func groupSource(seed uint64, key string, th Theme) rand.Source {
	h := fnv.New64a()
	h.Write([]byte(key))
	h.Write([]byte{0})
	h.Write([]byte(th.String()))
	return rand.NewPCG(seed, h.Sum64())
}
