package stat

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// RunsResult is the runs analysis of one phase of a run chart; see Runs.
type RunsResult struct {
	Start, End int     // the phase's points are values[Start:End]
	N          int     // non-missing points in the phase
	Centre     float64 // the centre line: the median of the baseline points
	Useful     int     // points not on the centre line
	// LongestRun is the longest run of useful points on one side of the centre;
	// LongestRunLimit = round(log₂(Useful)) + 3 is the longest expected by chance.
	LongestRun, LongestRunLimit int
	// LongestRunSide is +1 when the longest run lies above the centre, −1 below (the
	// later run on a tie).
	LongestRunSide int
	// Crossings counts crossings of the centre by the useful points; CrossingsLimit =
	// qbinom(0.05, Useful − 1, 0.5) is the fewest expected by chance.
	Crossings, CrossingsLimit int
	// Shift: LongestRun > LongestRunLimit. FewCrossings: Crossings < CrossingsLimit.
	// Signal: either, i.e. non-random variation.
	Shift, FewCrossings, Signal bool
	// Above and Below count the useful points after the baseline above and below the
	// centre: the direction of a signal against a frozen baseline.
	Above, Below int
}

// Runs analyses values as a run chart with the Anhøj rules (Anhøj & Olesen, 2014, PLoS ONE
// 9(11): e113825), as qicharts2's qic() does:
//
//   - the centre is the median of the phase's points, or of its first freeze points when
//     0 < freeze < the phase's length (a baseline period: qic(freeze = ...));
//   - points exactly on the centre are dropped; NaN marks a missing point and is dropped
//     too, so a gap is a gap, not a value;
//   - a shift is a run of useful points on one side longer than round(log₂(Useful)) + 3;
//   - too few crossings is fewer than qbinom(0.05, Useful − 1, 0.5), the smallest c with
//     P(X ≤ c) ≥ 0.05 for X ~ Binomial(Useful − 1, ½).
//
// phases lists the indices at which a new phase starts (qic(part = ...)): a new centre after
// a change of practice; each phase is analysed on its own, with the same freeze.
// ±Inf is an error wrapping ErrNotFinite; a phase with fewer than 2 useful points gives an
// error wrapping ErrInsufficientData.
func Runs(values []float64, freeze int, phases []int) ([]RunsResult, error) {
	for i, v := range values {
		if math.IsInf(v, 0) {
			return nil, fmt.Errorf("value %d: %w", i, ErrNotFinite)
		}
	}
	if freeze < 0 {
		return nil, fmt.Errorf("runs: freeze %d is negative", freeze)
	}
	bounds := []int{0}
	for _, p := range phases {
		if p <= bounds[len(bounds)-1] || p >= len(values) {
			return nil, fmt.Errorf("runs: phase start %d is not increasing inside (0, %d)", p, len(values))
		}
		bounds = append(bounds, p)
	}
	bounds = append(bounds, len(values))
	out := make([]RunsResult, 0, len(bounds)-1)
	for b := 0; b+1 < len(bounds); b++ {
		r, err := runsPhase(values, bounds[b], bounds[b+1], freeze)
		if err != nil {
			return nil, fmt.Errorf("runs: phase %d: %w", b+1, err)
		}
		out = append(out, r)
	}
	return out, nil
}

func runsPhase(values []float64, start, end, freeze int) (RunsResult, error) {
	r := RunsResult{Start: start, End: end}
	var pts []float64
	for _, v := range values[start:end] {
		if !math.IsNaN(v) {
			pts = append(pts, v)
		}
	}
	r.N = len(pts)
	base := pts
	if freeze > 0 && freeze < len(pts) {
		base = pts[:freeze]
	}
	sorted := slices.Clone(base)
	slices.Sort(sorted)
	r.Centre = Median(sorted)
	run, side := 0, 0
	for i, v := range pts {
		s := 0
		switch {
		case v > r.Centre:
			s = 1
		case v < r.Centre:
			s = -1
		default:
			continue
		}
		r.Useful++
		if freeze > 0 && freeze < len(pts) && i >= freeze {
			if s > 0 {
				r.Above++
			} else {
				r.Below++
			}
		}
		if s == side {
			run++
		} else {
			if side != 0 {
				r.Crossings++
			}
			side, run = s, 1
		}
		if run >= r.LongestRun {
			r.LongestRun, r.LongestRunSide = run, side
		}
	}
	if r.Useful < 2 {
		return r, fmt.Errorf("%d useful points: %w", r.Useful, ErrInsufficientData)
	}
	r.LongestRunLimit = int(math.RoundToEven(math.Log2(float64(r.Useful)))) + 3
	r.CrossingsLimit = BinomialQuantile(0.05, r.Useful-1, 0.5)
	r.Shift = r.LongestRun > r.LongestRunLimit
	r.FewCrossings = r.Crossings < r.CrossingsLimit
	r.Signal = r.Shift || r.FewCrossings
	return r, nil
}

// BinomialQuantile returns R's qbinom(p, n, prob): the smallest c with P(X ≤ c) ≥ p for
// X ~ Binomial(n, prob), with R's tolerance of 64 machine epsilons on p. gonum's Binomial
// has no quantile.
func BinomialQuantile(p float64, n int, prob float64) int {
	if n <= 0 {
		return 0
	}
	target := p * (1 - 64*2.220446049250313e-16)
	if n <= 1000 && prob > 0 && prob < 1 {
		// Sum the pmf by its recurrence P(c+1) = P(c)·(n−c)/(c+1)·prob/(1−prob), from
		// P(0) = (1−prob)^n, which does not underflow for n ≤ 1000 and prob = ½.
		if pm := math.Pow(1-prob, float64(n)); pm > 1e-300 {
			odds, cum := prob/(1-prob), 0.0
			for c := 0; c < n; c++ {
				cum += pm
				if cum >= target {
					return c
				}
				pm *= float64(n-c) / float64(c+1) * odds
			}
			return n
		}
	}
	d := distuv.Binomial{N: float64(n), P: prob}
	mean, sd := float64(n)*prob, math.Sqrt(float64(n)*prob*(1-prob))
	c := max(0, int(mean-8*sd)-1)
	for c < n && d.CDF(float64(c)) < target {
		c++
	}
	return c
}
