package goals

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/problem"
)

// MeasureType is what an indicator measures (måletype).
type MeasureType uint8

const (
	// Count is a number of children, cases, placements, ... (antal).
	Count MeasureType = iota + 1
	// Rate is a share in percent from a numerator and a denominator (andel).
	Rate
	// MeanScore is a mean, e.g. of an outcome theme on the 5-point scale (gennemsnit).
	MeanScore
	// Survey is the top-two share in percent of a survey question, with its counts
	// (spørgeskema); see Responses.
	Survey
	// Qualitative is followed up by cases and narratives only (kvalitativ); it never gets
	// a computed verdict.
	Qualitative
)

var measureCodes = map[MeasureType]string{Count: "count", Rate: "rate", MeanScore: "mean", Survey: "survey", Qualitative: "qualitative"}

// String returns the measure type's text code.
func (m MeasureType) String() string {
	if c, ok := measureCodes[m]; ok {
		return c
	}
	return fmt.Sprintf("MeasureType(%d)", uint8(m))
}

// proportion reports whether values come from a numerator and a denominator.
func (m MeasureType) proportion() bool { return m == Rate || m == Survey }

// Observation is one value of an indicator at a date (måling). For Rate and Survey
// indicators, Numerator and Denominator carry the counts and Value is 100·Numerator /
// Denominator (it may be left 0 and is then filled in by Indicator.Series). A NaN Value
// marks a missing measurement: it is kept in the record but left out of every test.
type Observation struct {
	Date                   time.Time
	Value                  float64
	Numerator, Denominator int
}

// Target is a value to reach by a date (målsætning).
type Target struct {
	Date  time.Time
	Value float64
}

// Indicator is a measure attached to a political goal or to a node of a theory of change
// (indikator), with a baseline (udgangspunkt), targets and observations.
type Indicator struct {
	ID   string // stable identifier, e.g. "foster-share"; not personal data
	Name lang.Text
	// Unit is the unit of the values, e.g. {Da: "pct.", En: "%"}; explanations give the
	// changes of Rate and Survey indicators in percentage points whatever it says.
	Unit     lang.Text
	Type     MeasureType
	Polarity Polarity
	Baseline Observation // the reference point; its zero Date means none
	Targets  []Target
	// Observations in date order; dates must increase.
	Observations []Observation
	// MID is the minimal important difference (mindste relevante forskel) in the
	// indicator's unit: the change that matters when a series is too short for a trend
	// test. Zero means none is set.
	MID float64
}

// Sentinel errors wrapped by Indicator.Validate's problems.
var (
	ErrNoID          = errors.New("no ID")
	ErrNoPolarity    = errors.New("no polarity: say whether higher or lower is better")
	ErrUnknownType   = errors.New("unknown measure type")
	ErrDateOrder     = errors.New("dates must increase")
	ErrBadProportion = errors.New("numerator and denominator do not make a proportion")
)

// Validate checks the indicator and reports every problem; problems name observations by
// their position (field "observations[3].date") and targets likewise.
func (ind Indicator) Validate() error {
	var l problem.List
	ind.validate(&l, 0)
	return l.Err("goals: indicator")
}

func (ind Indicator) validate(l *problem.List, rec int) {
	if ind.ID == "" {
		l.Add(rec, "id", "%w", ErrNoID)
	}
	if _, ok := measureCodes[ind.Type]; !ok {
		l.Add(rec, "type", "%d: %w", ind.Type, ErrUnknownType)
	}
	if ind.Type == Qualitative {
		if len(ind.Observations) > 0 || len(ind.Targets) > 0 {
			l.Add(rec, "observations", "a qualitative indicator has no observations or targets")
		}
		return
	}
	if ind.Polarity != HigherIsBetter && ind.Polarity != LowerIsBetter {
		l.Add(rec, "polarity", "%w", ErrNoPolarity)
	}
	if !(ind.MID >= 0) || math.IsInf(ind.MID, 0) {
		l.Add(rec, "mid", "%v is not a finite non-negative number", ind.MID)
	}
	check := func(name func() string, o Observation) {
		field := ""
		if math.IsInf(o.Value, 0) || ind.Type.proportion() {
			field = name()
		}
		if math.IsInf(o.Value, 0) {
			l.Add(rec, field+".value", "%w", ErrNotFinite)
		}
		if ind.Type.proportion() {
			if o.Denominator <= 0 || o.Numerator < 0 || o.Numerator > o.Denominator {
				if !(math.IsNaN(o.Value) && o.Denominator == 0 && o.Numerator == 0) {
					l.Add(rec, field, "%d of %d: %w", o.Numerator, o.Denominator, ErrBadProportion)
				}
			} else if o.Value != 0 && math.Abs(o.Value-100*float64(o.Numerator)/float64(o.Denominator)) > 1e-9 {
				l.Add(rec, field+".value", "%v is not 100·%d/%d", o.Value, o.Numerator, o.Denominator)
			}
		}
	}
	if !ind.Baseline.Date.IsZero() {
		check(func() string { return "baseline" }, ind.Baseline)
	}
	for i, o := range ind.Observations {
		name := func() string { return fmt.Sprintf("observations[%d]", i) }
		if o.Date.IsZero() {
			l.Add(rec, name()+".date", "no date")
		} else if i > 0 && !o.Date.After(ind.Observations[i-1].Date) {
			l.Add(rec, name()+".date", "%w", ErrDateOrder)
		}
		check(name, o)
	}
	for i, t := range ind.Targets {
		f := fmt.Sprintf("targets[%d]", i)
		if t.Date.IsZero() {
			l.Add(rec, f+".date", "no date")
		}
		if math.IsNaN(t.Value) || math.IsInf(t.Value, 0) {
			l.Add(rec, f+".value", "%w", ErrNotFinite)
		}
	}
}

// value returns the observation's value, computing it from the counts for proportions.
func (ind Indicator) value(o Observation) float64 {
	if ind.Type.proportion() && o.Denominator > 0 && !math.IsNaN(o.Value) {
		return 100 * float64(o.Numerator) / float64(o.Denominator)
	}
	return o.Value
}

// Series returns the non-missing observations dated on or before at (all when at is zero),
// with proportions' values computed from their counts.
func (ind Indicator) Series(at time.Time) []Observation {
	return ind.appendSeries(make([]Observation, 0, len(ind.Observations)), at)
}

// appendSeries appends the series of Series to out.
func (ind Indicator) appendSeries(out []Observation, at time.Time) []Observation {
	for _, o := range ind.Observations {
		if !at.IsZero() && o.Date.After(at) {
			break
		}
		v := ind.value(o)
		if math.IsNaN(v) {
			continue
		}
		o.Value = v
		out = append(out, o)
	}
	return out
}

// years returns t in years since 1970-01-01 (365.25-day years): the time axis of slopes, so
// that Sen's slope is per year.
func years(t time.Time) float64 {
	_, off := t.Zone()
	return float64(t.Unix()+int64(off)) / 86400 / 365.25
}
