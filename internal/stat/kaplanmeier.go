package stat

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

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
func KaplanMeier(durations []float64, ended []bool) ([]KMStep, error) {
	if len(durations) != len(ended) {
		return nil, fmt.Errorf("kaplan-meier: %d durations, %d event flags", len(durations), len(ended))
	}
	type obs struct {
		t float64
		e bool
	}
	os := make([]obs, len(durations))
	for i, t := range durations {
		if !(t >= 0) || math.IsInf(t, 0) {
			return nil, fmt.Errorf("duration %d: %v: %w", i, t, ErrNotFinite)
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
	return steps, nil
}

// KMQuantile returns the p-quantile of the time to the event from a Kaplan–Meier curve, as
// R's quantile.survfit: the first event time at which S(t) ≤ 1 − p, or, when S(t) equals
// 1 − p (within √ε) over an interval, the midpoint of that interval (from the event time to
// the next event time). It returns NaN when the curve never falls that low: with ongoing
// measures censored, a median that has not been reached is reported as not reached, never
// guessed.
func KMQuantile(steps []KMStep, p float64) float64 {
	target := 1 - p
	const tol = 1.4901161193847656e-08 // √ε, as R's survival
	for i, st := range steps {
		if math.Abs(st.Survival-target) < tol {
			if i+1 < len(steps) {
				return (st.Time + steps[i+1].Time) / 2
			}
			return st.Time
		}
		if st.Survival < target {
			return st.Time
		}
	}
	return math.NaN()
}
