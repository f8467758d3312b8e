package goals

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/opfolgning/opfolgning/internal/stat"
	"github.com/opfolgning/opfolgning/lang"
)

// TargetStatus says where an indicator stands against a target (målopfyldelse).
type TargetStatus uint8

const (
	TargetUnknown  TargetStatus = iota // too few points to project, and not met
	TargetMet                          // nået
	TargetOnTrack                      // på vej: the projection reaches the target by its date
	TargetOffTrack                     // ikke på vej: the projection misses it, or its date has passed
)

// String returns the status's text code.
func (s TargetStatus) String() string {
	return [...]string{"unknown", "met", "on-track", "off-track"}[min(int(s), 3)]
}

// Label returns the status for readers in language l.
func (s TargetStatus) Label(l lang.Language) string {
	return [...]lang.Text{
		{Da: "kan ikke vurderes", En: "cannot be assessed"},
		{Da: "nået", En: "met"},
		{Da: "på vej", En: "on track"},
		{Da: "ikke på vej", En: "off track"},
	}[min(int(s), 3)].In(l)
}

// TargetProgress is an indicator's progress towards one target at a date.
type TargetProgress struct {
	Target Target
	Status TargetStatus
	Latest Observation // the latest observation on or before the date
	// PercentOfTarget is how far the latest value has come from the baseline towards the
	// target, in percent: 100·(latest − baseline)/(target − baseline). NaN without a
	// baseline or when the target equals it.
	PercentOfTarget float64
	// Projected is the value at the target date from Sen's slope through the observations
	// on or before the date, ProjectedInterval its range from the slope's 95% interval
	// (pivoting on the medians of time and value); NaN with fewer than 3 points.
	Projected         float64
	ProjectedInterval Interval
}

// Progress returns the indicator's progress towards each target at date at:
//
//   - Met when the latest value reaches the target (≥ for HigherIsBetter, ≤ for
//     LowerIsBetter), whether or not the target date has come;
//   - else OffTrack when the target date is on or before at;
//   - else, with 3 or more points, OnTrack when the projection at the target date,
//     Intercept + Slope·t, reaches the target, and OffTrack when it does not;
//   - else Unknown.
func (ind Indicator) Progress(at time.Time) ([]TargetProgress, error) {
	if err := ind.Validate(); err != nil {
		return nil, err
	}
	if at.IsZero() {
		return nil, fmt.Errorf("goals: no evaluation date")
	}
	series := ind.Series(at)
	var sen *stat.SenSlopeResult
	var medT, medX float64
	if len(series) >= 3 {
		ts, xs := make([]float64, len(series)), make([]float64, len(series))
		for i, o := range series {
			ts[i], xs[i] = years(o.Date), o.Value
		}
		if r, err := stat.SenSlope(ts, xs, 0.95); err == nil {
			sen = &r
			slices.Sort(xs)
			medT, medX = stat.Median(ts), stat.Median(xs)
		}
	}
	nan := math.NaN()
	out := make([]TargetProgress, len(ind.Targets))
	for i, t := range ind.Targets {
		p := TargetProgress{Target: t, PercentOfTarget: nan, Projected: nan, ProjectedInterval: Interval{Lower: nan, Upper: nan}}
		if sen != nil {
			ty := years(t.Date)
			p.Projected = sen.Intercept + sen.Slope*ty
			a, b := medX+sen.Lower*(ty-medT), medX+sen.Upper*(ty-medT)
			p.ProjectedInterval = Interval{Lower: math.Min(a, b), Upper: math.Max(a, b)}
		}
		if len(series) == 0 {
			out[i] = p
			continue
		}
		p.Latest = series[len(series)-1]
		if b := ind.Baseline; !b.Date.IsZero() && t.Value != ind.value(b) {
			bv := ind.value(b)
			p.PercentOfTarget = 100 * (p.Latest.Value - bv) / (t.Value - bv)
		}
		good := float64(ind.Polarity.Sign())
		switch {
		case (p.Latest.Value-t.Value)*good >= 0:
			p.Status = TargetMet
		case !t.Date.After(at):
			p.Status = TargetOffTrack
		case sen != nil && (p.Projected-t.Value)*good >= 0:
			p.Status = TargetOnTrack
		case sen != nil:
			p.Status = TargetOffTrack
		}
		out[i] = p
	}
	return out, nil
}
