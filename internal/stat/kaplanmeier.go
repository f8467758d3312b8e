package stat

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// KMCurve is a Kaplan–Meier curve: its steps at the event times and Last, the largest
// duration observed (an event or a censoring), where the curve's last flat ends.
type KMCurve struct {
	Steps []KMStep
	Last  float64
}

// KMStep is one step of a Kaplan–Meier curve: at Time, Events ended out of AtRisk and the
// survival is Survival from then on.
type KMStep struct {
	Time     float64
	AtRisk   int
	Events   int
	Survival float64
}

// KaplanMeier returns the Kaplan–Meier (1958) estimate of the survival curve of durations,
// where ended[i] says whether duration i ended (an event) or is censored (still ongoing):
//
//	S(t) = Π_{t_i ≤ t} (1 − d_i / n_i)
//
// over the distinct event times t_i with d_i events among n_i at risk. Censored durations
// count as at risk up to and including their time (R's survival convention: an event and a
// censoring at the same time, the censored one is still at risk). Negative or non-finite
// durations are an error.
func KaplanMeier(durations []float64, ended []bool) (KMCurve, error) {
	if len(durations) != len(ended) {
		return KMCurve{}, fmt.Errorf("kaplan-meier: %d durations, %d event flags", len(durations), len(ended))
	}
	type obs struct {
		t float64
		e bool
	}
	os := make([]obs, len(durations))
	for i, t := range durations {
		if !(t >= 0) || math.IsInf(t, 0) {
			return KMCurve{}, fmt.Errorf("duration %d: %v: %w", i, t, ErrNotFinite)
		}
		os[i] = obs{t, ended[i]}
	}
	slices.SortFunc(os, func(a, b obs) int { return cmp.Compare(a.t, b.t) })
	var steps []KMStep
	s := 1.0
	atRisk := len(os)
	for i := 0; i < len(os); {
		j, d := i, 0
		for j < len(os) && os[j].t == os[i].t {
			if os[j].e {
				d++
			}
			j++
		}
		if d > 0 {
			s *= 1 - float64(d)/float64(atRisk)
			steps = append(steps, KMStep{Time: os[i].t, AtRisk: atRisk, Events: d, Survival: s})
		}
		atRisk -= j - i
		i = j
	}
	c := KMCurve{Steps: steps}
	if len(os) > 0 {
		c.Last = os[len(os)-1].t
	}
	return c, nil
}

// KMQuantile returns the p-quantile (0 < p < 1) of the time to the event from a Kaplan–Meier
// curve, as R's quantile.survfit (survival 3.5): the first event time at which
// S(t) ≤ 1 − p; when S(t) equals 1 − p (within √ε) over a flat, the midpoint of the flat,
// which ends at the next event time or, for the last flat, at the curve's Last time. It
// returns NaN when the curve never falls that low: with ongoing measures censored, a median
// that has not been reached is reported as not reached, never guessed.
func KMQuantile(c KMCurve, p float64) float64 {
	return kmQuantile(c, p, func(i int) float64 { return c.Steps[i].Survival })
}

// KMQuantileCI returns the confidence limits of the p-quantile of the time to the event, as
// R's quantile.survfit with survfit's default conf.type = "log" (Brookmeyer & Crowley 1982):
// the p-quantiles of the lower and the upper pointwise limits
//
//	S(t)·exp(∓z·σ(t)),  σ²(t) = Σ_{t_i ≤ t} d_i / (n_i (n_i − d_i))  (Greenwood),
//
// with z the normal quantile of (1 + confidence)/2 and the upper limit capped at 1; where
// S(t) = 0 both limits are undefined (R's NA). A limit is NaN when its curve never falls to
// 1 − p: an upper limit not reached says the data cannot bound the quantile from above.
//
// The upper limit need not fall monotonically. R reads each curve by linear-interpolation
// lookup of the sorted distinct values of 1 − curve: the quantile is at the time of the
// smallest value of 1 − curve that is at least p (within √ε), which on a rising curve is the
// first crossing but on a non-monotone one can be later. This follows R, so that the limits
// equal survival's.
func KMQuantileCI(c KMCurve, p, confidence float64) (lower, upper float64) {
	z := distuv.UnitNormal.Quantile((1 + confidence) / 2)
	lo, hi := make([]float64, len(c.Steps)), make([]float64, len(c.Steps))
	var v float64
	for i, st := range c.Steps {
		n, d := float64(st.AtRisk), float64(st.Events)
		v += d / (n * (n - d))
		if st.Survival == 0 {
			lo[i], hi[i] = math.NaN(), math.NaN()
			continue
		}
		se := math.Sqrt(v)
		lo[i], hi[i] = st.Survival*math.Exp(-z*se), math.Min(1, st.Survival*math.Exp(z*se))
	}
	return kmQuantile(c, p, func(i int) float64 { return lo[i] }), kmQuantile(c, p, func(i int) float64 { return hi[i] })
}

// kmQuantile finds the p-quantile of the curve whose value at step i is curve(i) (NaN where
// undefined) as survival's findq: on the points (0, 0), (t_i, 1 − curve(i)), keeping the
// first of equal values and dropping NaN, the quantile is the mean of the times of the
// smallest value ≥ p − √ε and the smallest value ≥ p + √ε; when the last point lies within
// √ε of p, the mean of the first of those times and Last.
func kmQuantile(c KMCurve, p float64, curve func(i int) float64) float64 {
	const tol = 1.4901161193847656e-08 // √ε, as R's survival
	type pt struct{ t, y float64 }
	pts := make([]pt, 1, len(c.Steps)+1) // (0, 0) first: the curve starts at 1
	seen := map[float64]bool{0: true}
	seenNaN, maxY := false, 0.0
	for i, st := range c.Steps {
		y := 1 - curve(i)
		if math.IsNaN(y) {
			if !seenNaN {
				seenNaN = true
				pts = append(pts, pt{st.Time, y})
			}
			continue
		}
		if !seen[y] {
			seen[y] = true
			pts = append(pts, pt{st.Time, y})
			maxY = max(maxY, y)
		}
	}
	if maxY < p {
		return math.NaN()
	}
	// at returns the time of the smallest y + shift ≥ p, or the position −1 when none is.
	at := func(shift float64) int {
		best := -1
		for i, q := range pts {
			if !math.IsNaN(q.y) && q.y+shift >= p && (best < 0 || q.y < pts[best].y) {
				best = i
			}
		}
		return best
	}
	i1, i2 := at(tol), at(-tol)
	last := pts[len(pts)-1]
	if !math.IsNaN(last.y) && math.Abs(p-last.y) < tol {
		if i1 < 0 {
			return math.NaN()
		}
		return (pts[i1].t + c.Last) / 2
	}
	if i1 < 0 || i2 < 0 {
		return math.NaN()
	}
	return (pts[i1].t + pts[i2].t) / 2
}
