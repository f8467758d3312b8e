package goals

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/opfolgning/opfolgning/internal/stat"
	"github.com/opfolgning/opfolgning/lang"
)

// Development is the verdict on an indicator or a goal (udvikling): positive, no (neutral)
// or negative development, or insufficient data to say.
type Development int8

const (
	InsufficientData Development = iota // utilstrækkelige data
	Positive                            // positiv udvikling
	Neutral                             // ingen udvikling
	Negative                            // negativ udvikling
)

var developmentText = map[Development]struct {
	code  string
	label lang.Text
}{
	InsufficientData: {"insufficient-data", lang.Text{Da: "utilstrækkelige data", En: "insufficient data"}},
	Positive:         {"positive", lang.Text{Da: "positiv udvikling", En: "positive development"}},
	Neutral:          {"neutral", lang.Text{Da: "ingen udvikling", En: "no development"}},
	Negative:         {"negative", lang.Text{Da: "negativ udvikling", En: "negative development"}},
}

// String returns the development's text code.
func (d Development) String() string {
	if t, ok := developmentText[d]; ok {
		return t.code
	}
	return fmt.Sprintf("Development(%d)", int8(d))
}

// Label returns the development for readers in language l.
func (d Development) Label(l lang.Language) string { return developmentText[d].label.In(l) }

// MarshalText implements encoding.TextMarshaler.
func (d Development) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it accepts the code and the Danish and
// English labels.
func (d *Development) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	for k, t := range developmentText {
		if strings.EqualFold(s, t.code) || strings.EqualFold(s, t.label.Da) || strings.EqualFold(s, t.label.En) {
			*d = k
			return nil
		}
	}
	return fmt.Errorf("goals: unknown development %q", s)
}

// Method is how a verdict is reached.
type Method uint8

const (
	// Auto chooses by the length of the series; see Assess.
	Auto Method = iota
	// MannKendallSen: the Mann–Kendall test with Sen's slope.
	MannKendallSen
	// RunsBaseline: the Anhøj runs rules against a baseline period.
	RunsBaseline
	// ChangeVsMID: the change from the reference to the latest value against the minimal
	// important difference, for series of two or three points.
	ChangeVsMID
)

// String returns the method's text code.
func (m Method) String() string {
	return [...]string{"auto", "mann-kendall-sen", "runs-baseline", "change-vs-mid"}[min(int(m), 3)]
}

// VerdictOptions configures Assess. The zero value uses Auto, α = 0.05, five points for a
// trend test, and all observations.
type VerdictOptions struct {
	Method Method
	// Alpha is the significance level of the trend test and 1 − the level of Sen's
	// interval; 0 means 0.05.
	Alpha float64
	// MinPoints is the fewest points for a trend test; 0 means 5. With 4 points the exact
	// Mann–Kendall P can never fall below 0.083, so fewer than 5 can never show a trend at
	// the 5% level.
	MinPoints int
	// BaselinePoints is the length of the baseline period for runs analysis; 0 means the
	// observations dated on or before the indicator's baseline date.
	BaselinePoints int
	// At, when set, ignores observations after it (the evaluation date).
	At time.Time
}

// RunsMinPoints is the fewest points for runs analysis: the Anhøj rules are not meant for
// shorter run charts.
const RunsMinPoints = 10

// Evidence is what a verdict rests on (grundlag). Fields a method does not use are NaN or
// nil.
type Evidence struct {
	Method   Method
	N        int // observations used
	From, To time.Time
	// Mann–Kendall and Sen's slope (per year) with its 1 − α interval.
	P, Tau                        float64
	Slope, SlopeLower, SlopeUpper float64
	// Runs is the runs analysis, when it was made.
	Runs *RunsResult
	// Change is Latest − Reference (ChangeVsMID, and for information otherwise); MID the
	// minimal important difference used.
	Reference, Latest, Change, MID float64
	// ReferenceCI and LatestCI are the Wilson 95% intervals (in percent) of the reference
	// and latest proportions, for Rate and Survey indicators.
	ReferenceCI, LatestCI *Interval
	// Disagree is set when the trend test and the runs analysis point different ways; the
	// verdict is then Neutral.
	Disagree bool
	// NotSignificant is set when a change of proportions reached the MID but not P < α
	// (ChangeVsMID); the verdict is then Neutral.
	NotSignificant bool

	refObs Observation // the reference observation, with its counts
}

// Verdict is the development of one indicator with its evidence and a one-sentence
// explanation in Danish and English.
type Verdict struct {
	Indicator   string // the indicator's ID
	Development Development
	Evidence    Evidence
	Explanation lang.Text
}

// ErrNoMID is returned by ChangeVsMID for an indicator without a minimal important
// difference.
var ErrNoMID = errors.New("no minimal important difference (MID) set")

// Assess gives the verdict on an indicator: positive, no or negative development, or
// insufficient data. Polarity turns increase and decrease into positive and negative.
//
// The methods:
//
//   - MannKendallSen (n ≥ MinPoints): a development when the Mann–Kendall P < α and
//     Sen's 1 − α interval excludes zero, both; its direction is the sign of S.
//   - RunsBaseline (n ≥ 10): a development when the Anhøj rules signal against the
//     baseline period's median and the points after the baseline lie mostly on one
//     side; a signal without a side is Neutral.
//   - ChangeVsMID (n ≥ 1 with a baseline, else n ≥ 2): the change from the baseline (or
//     the first point) to the latest is a development when it is at least the MID and,
//     for Rate and Survey indicators with counts at both ends, when Pearson's χ² test of
//     the two proportions (R's prop.test, correct = FALSE) also gives P < α: a change of
//     30 points between 7 of 7 and 5 of 7 is not told as a development.
//
// Auto, the default, takes MannKendallSen when n ≥ MinPoints, and when n ≥ 10 and a
// baseline period exists it also runs the runs analysis as a check: if the two point in
// opposite directions, the verdict is Neutral with Evidence.Disagree set (a runs signal
// alone never makes a development under Auto: the trend test is primary, and two tests
// would double the chance of calling noise a trend). With fewer points, Auto takes
// ChangeVsMID when the indicator has a MID, and otherwise gives InsufficientData. A
// Qualitative indicator always gives InsufficientData: it never gets a computed verdict.
func Assess(ind Indicator, opts VerdictOptions) (Verdict, error) {
	return assess(ind, opts, new(assessScratch))
}

// assessScratch holds the buffers of one assessment, reused across the verdicts of one
// AssessAll worker: no verdict keeps them.
type assessScratch struct {
	series []Observation
	ts, xs []float64
}

// floats returns the scratch's two float buffers with length n.
func (sc *assessScratch) floats(n int) (ts, xs []float64) {
	if cap(sc.ts) < n {
		sc.ts, sc.xs = make([]float64, n), make([]float64, n)
	}
	return sc.ts[:n], sc.xs[:n]
}

func assess(ind Indicator, opts VerdictOptions, sc *assessScratch) (Verdict, error) {
	if err := ind.Validate(); err != nil {
		return Verdict{}, err
	}
	if opts.Alpha == 0 {
		opts.Alpha = 0.05
	}
	if !(opts.Alpha > 0 && opts.Alpha < 1) {
		return Verdict{}, fmt.Errorf("goals: alpha %v is outside (0, 1)", opts.Alpha)
	}
	if opts.MinPoints == 0 {
		opts.MinPoints = 5
	}
	if opts.MinPoints < 3 {
		return Verdict{}, fmt.Errorf("goals: MinPoints %d is below 3", opts.MinPoints)
	}
	sc.series = ind.appendSeries(sc.series[:0], opts.At)
	series := sc.series
	nan := math.NaN()
	v := Verdict{Indicator: ind.ID, Evidence: Evidence{Method: opts.Method, N: len(series),
		P: nan, Tau: nan, Slope: nan, SlopeLower: nan, SlopeUpper: nan, Reference: nan, Latest: nan, Change: nan, MID: ind.MID}}
	if len(series) > 0 {
		v.Evidence.From, v.Evidence.To = series[0].Date, series[len(series)-1].Date
	}
	if ind.Type == Qualitative {
		v.Explanation = lang.Text{Da: "Følges kvalitativt; ingen beregnet vurdering.", En: "Followed qualitatively; no computed verdict."}
		return v, nil
	}
	ref, hasRef := ind.reference(series)
	if hasRef {
		latest := series[len(series)-1]
		v.Evidence.Reference, v.Evidence.Latest, v.Evidence.refObs = ref.Value, latest.Value, ref
		v.Evidence.Change = latest.Value - ref.Value
		if ind.Type.proportion() {
			v.Evidence.ReferenceCI, v.Evidence.LatestCI = wilsonPercent(ref), wilsonPercent(latest)
		}
	}
	method := opts.Method
	if method == Auto {
		switch {
		case len(series) >= opts.MinPoints:
			method = MannKendallSen
		case ind.MID > 0:
			method = ChangeVsMID
		default:
			v.Explanation = insufficient(len(series), opts.MinPoints)
			return v, nil
		}
	}
	v.Evidence.Method = method
	switch method {
	case MannKendallSen:
		if len(series) < opts.MinPoints {
			v.Explanation = insufficient(len(series), opts.MinPoints)
			return v, nil
		}
		if err := v.trend(ind, series, opts, sc); err != nil {
			return v, err
		}
		if opts.Method == Auto && len(series) >= RunsMinPoints {
			if base := ind.baselinePoints(series, opts); base >= 2 && base < len(series) {
				d, r, err := runsDevelopment(ind, series, base, sc)
				if err == nil {
					v.Evidence.Runs = &r
					if d != Neutral && v.Development != Neutral && d != v.Development {
						v.Development, v.Evidence.Disagree = Neutral, true
					}
				}
			}
		}
	case RunsBaseline:
		base := ind.baselinePoints(series, opts)
		if len(series) < RunsMinPoints || base < 2 || base >= len(series) {
			v.Explanation = lang.Text{
				Da: fmt.Sprintf("Utilstrækkelige data: seriediagrammet kræver mindst %d målinger og en basisperiode på mindst 2 (her %d og %d).", RunsMinPoints, len(series), base),
				En: fmt.Sprintf("Insufficient data: the run chart needs at least %d points and a baseline of at least 2 (here %d and %d).", RunsMinPoints, len(series), base),
			}
			return v, nil
		}
		d, r, err := runsDevelopment(ind, series, base, sc)
		if err != nil {
			if errors.Is(err, ErrInsufficientData) {
				v.Explanation = insufficient(len(series), RunsMinPoints)
				return v, nil
			}
			return v, err
		}
		v.Evidence.Runs, v.Development = &r, d
	case ChangeVsMID:
		if ind.MID <= 0 {
			return v, fmt.Errorf("goals: indicator %s: %w", ind.ID, ErrNoMID)
		}
		if !hasRef {
			v.Explanation = insufficient(len(series), 2)
			return v, nil
		}
		v.Development = directed(v.Evidence.Change, ind.MID, ind.Polarity)
		if ref, latest := v.Evidence.refObs, series[len(series)-1]; ind.Type.proportion() && ref.Denominator > 0 && latest.Denominator > 0 {
			_, p, err := stat.TwoProportions(latest.Numerator, latest.Denominator, ref.Numerator, ref.Denominator)
			if err == nil {
				v.Evidence.P = p
				if p >= opts.Alpha && v.Development != Neutral {
					v.Development, v.Evidence.NotSignificant = Neutral, true
				}
			}
		}
	default:
		return v, fmt.Errorf("goals: unknown method %d", method)
	}
	v.Explanation = v.explain(ind)
	return v, nil
}

// reference returns the baseline observation when it is dated before the series' last
// point, else the series' first point when the series has two or more.
func (ind Indicator) reference(series []Observation) (Observation, bool) {
	if len(series) == 0 {
		return Observation{}, false
	}
	last := series[len(series)-1]
	if b := ind.Baseline; !b.Date.IsZero() && b.Date.Before(last.Date) {
		b.Value = ind.value(b)
		if !math.IsNaN(b.Value) {
			return b, true
		}
	}
	if len(series) >= 2 {
		return series[0], true
	}
	return Observation{}, false
}

func (ind Indicator) baselinePoints(series []Observation, opts VerdictOptions) int {
	if opts.BaselinePoints > 0 {
		return opts.BaselinePoints
	}
	if ind.Baseline.Date.IsZero() {
		return 0
	}
	n := 0
	for _, o := range series {
		if o.Date.After(ind.Baseline.Date) {
			break
		}
		n++
	}
	return n
}

func wilsonPercent(o Observation) *Interval {
	iv, err := stat.Wilson(o.Numerator, o.Denominator, 0.95)
	if err != nil {
		return nil
	}
	return &Interval{Lower: 100 * iv.Lower, Upper: 100 * iv.Upper}
}

// directed turns a change into a development: at least min in the good direction is
// Positive, in the bad direction Negative.
func directed(change, min float64, p Polarity) Development {
	c := change * float64(p.Sign())
	switch {
	case c >= min && c > 0:
		return Positive
	case c <= -min && c < 0:
		return Negative
	}
	return Neutral
}

func (v *Verdict) trend(ind Indicator, series []Observation, opts VerdictOptions, sc *assessScratch) error {
	ts, xs := sc.floats(len(series))
	for i, o := range series {
		ts[i], xs[i] = years(o.Date), o.Value
	}
	mk, err := stat.MannKendall(xs)
	if errors.Is(err, ErrInsufficientData) {
		v.Development = Neutral // a constant series: no development
		v.Evidence.P, v.Evidence.Tau, v.Evidence.Slope = 1, 0, 0
		v.Evidence.SlopeLower, v.Evidence.SlopeUpper = 0, 0
		return nil
	}
	if err != nil {
		return err
	}
	sen, err := stat.SenSlope(ts, xs, 1-opts.Alpha)
	if err != nil {
		return err
	}
	v.Evidence.P, v.Evidence.Tau = mk.P, mk.Tau
	v.Evidence.Slope, v.Evidence.SlopeLower, v.Evidence.SlopeUpper = sen.Slope, sen.Lower, sen.Upper
	v.Development = Neutral
	if mk.P < opts.Alpha && (sen.Lower > 0 || sen.Upper < 0) {
		v.Development = directed(float64(mk.S), 1, ind.Polarity)
	}
	return nil
}

// runsDevelopment analyses the series against its first base points.
func runsDevelopment(ind Indicator, series []Observation, base int, sc *assessScratch) (Development, RunsResult, error) {
	_, xs := sc.floats(len(series))
	for i, o := range series {
		xs[i] = o.Value
	}
	r, err := Runs(xs, RunsOptions{Freeze: base})
	if err != nil {
		return InsufficientData, r, err
	}
	if !r.Signal {
		return Neutral, r, nil
	}
	return directed(float64(r.Above-r.Below), 1, ind.Polarity), r, nil
}

func insufficient(n, need int) lang.Text {
	return lang.Text{
		Da: fmt.Sprintf("Utilstrækkelige data: %d måling(er); der kræves mindst %d, eller en mindste relevante forskel.", n, need),
		En: fmt.Sprintf("Insufficient data: %d point(s); at least %d are needed, or a minimal important difference.", n, need),
	}
}

// appendNum appends x with dec decimals, with a decimal comma in Danish.
func appendNum(b []byte, x float64, dec int, l lang.Language) []byte {
	i := len(b)
	b = strconv.AppendFloat(b, x, 'f', dec, 64)
	if l == lang.Danish {
		for ; i < len(b); i++ {
			if b[i] == '.' {
				b[i] = ','
				break
			}
		}
	}
	return b
}

func appendSigned(b []byte, x float64, l lang.Language) []byte {
	if x > 0 {
		b = append(b, '+')
	}
	return appendNum(b, x, 2, l)
}

func appendP(b []byte, p float64, l lang.Language) []byte {
	if p < 0.001 {
		return appendNum(append(b, "p < "...), 0.001, 3, l)
	}
	return appendNum(append(b, "p = "...), p, 3, l)
}

// explain writes the verdict's one-sentence explanation in both languages, with the
// numbers the evidence holds. It is built with appends, not fmt: a national run explains
// tens of thousands of verdicts.
func (v Verdict) explain(ind Indicator) lang.Text {
	e := v.Evidence
	var t lang.Text
	b := make([]byte, 0, 160)
	for _, l := range []lang.Language{lang.Danish, lang.English} {
		da := l == lang.Danish
		pick := func(dk, en string) string {
			if da {
				return dk
			}
			return en
		}
		level, unit := ind.Unit.In(l), ind.Unit.In(l)
		if ind.Type.proportion() {
			unit = pick("pct.-point", "percentage points") // a change of a percentage
		}
		label := v.Development.Label(l)
		b = append(b[:0], strings.ToUpper(label[:1])...)
		b = append(b, label[1:]...)
		b = append(b, ": "...)
		switch e.Method {
		case MannKendallSen:
			b = append(b, pick("ændring ", "change ")...)
			b = appendSigned(b, e.Slope, l)
			if unit != "" {
				b = append(append(b, ' '), unit...)
			}
			b = append(b, pick(" om året (95%-interval ", " a year (95% interval ")...)
			b = appendNum(b, e.SlopeLower, 2, l)
			b = append(b, pick(" til ", " to ")...)
			b = appendNum(b, e.SlopeUpper, 2, l)
			b = append(b, pick(") over ", ") over ")...)
			b = strconv.AppendInt(b, int64(e.N), 10)
			b = append(b, pick(" målinger, Mann-Kendall ", " points, Mann-Kendall ")...)
			b = append(appendP(b, e.P, l), '.')
			if e.Disagree {
				b = append(b, pick(" Seriediagrammet peger den modsatte vej, så udviklingen kaldes ingen.", " The run chart points the other way, so no development is called.")...)
			}
		case RunsBaseline:
			r := e.Runs
			b = append(b, pick("seriediagram mod basisperiodens median ", "run chart against the baseline median ")...)
			b = appendNum(b, r.Centre, 2, l)
			b = append(b, pick("; længste serie ", "; longest run ")...)
			b = strconv.AppendInt(b, int64(r.LongestRun), 10)
			b = append(b, pick(" (grænse ", " (limit ")...)
			b = strconv.AppendInt(b, int64(r.LongestRunLimit), 10)
			b = append(b, "), "...)
			b = strconv.AppendInt(b, int64(r.Crossings), 10)
			b = append(b, pick(" krydsninger (grænse ", " crossings (limit ")...)
			b = strconv.AppendInt(b, int64(r.CrossingsLimit), 10)
			b = append(b, "), "...)
			b = strconv.AppendInt(b, int64(e.N), 10)
			b = append(b, pick(" målinger.", " points.")...)
		case ChangeVsMID:
			b = append(b, pick("fra ", "from ")...)
			b = appendNum(b, e.Reference, 1, l)
			b = append(b, pick(" til ", " to ")...)
			b = appendNum(b, e.Latest, 1, l)
			if level != "" {
				b = append(append(b, ' '), level...)
			}
			b = append(b, " ("...)
			b = appendSigned(b, e.Change, l)
			if unit != "" {
				b = append(append(b, ' '), unit...)
			}
			b = append(b, pick("), mindste relevante forskel ", "), minimal important difference ")...)
			b = appendNum(b, e.MID, 1, l)
			if !math.IsNaN(e.P) {
				b = appendP(append(b, ", "...), e.P, l)
			}
			b = append(b, '.')
			if e.NotSignificant {
				b = append(b, pick(" Forskellen kan skyldes tilfældighed, så udviklingen kaldes ingen.", " The difference may be chance, so no development is called.")...)
			}
		}
		if da {
			t.Da = string(b)
		} else {
			t.En = string(b)
		}
	}
	return t
}

func tr(l lang.Language, da, en string) string { return lang.Text{Da: da, En: en}.In(l) }

// AssessAll gives the verdict on each indicator with the same options, in input order,
// spreading the work over GOMAXPROCS goroutines; the verdicts are those of Assess, one by
// one. The first error (in input order) is returned with the verdicts computed.
func AssessAll(inds []Indicator, opts VerdictOptions) ([]Verdict, error) {
	out := make([]Verdict, len(inds))
	errs := make([]error, len(inds))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(inds)/64))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var sc assessScratch
			for i := w; i < len(inds); i += workers {
				out[i], errs[i] = assess(inds[i], opts, &sc)
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return out, fmt.Errorf("indicator %d: %w", i, err)
		}
	}
	return out, nil
}
