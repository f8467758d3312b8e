package goals

import (
	"fmt"

	"github.com/opfolgning/opfolgning/internal/stat"
)

// ErrInsufficientData is wrapped by errors for too little data for a result.
var ErrInsufficientData = stat.ErrInsufficientData

// ErrNotFinite is wrapped by errors for ±Inf (or NaN where NaN cannot mean missing).
var ErrNotFinite = stat.ErrNotFinite

// Interval is a confidence interval [Lower, Upper].
type Interval = stat.Interval

// MannKendallResult is the result of MannKendall: N values used, Kendall's S, its
// tie-corrected variance VarS, the continuity-corrected Z, the two-sided P, Kendall's
// tau-b, and whether P is exact.
type MannKendallResult = stat.MannKendallResult

// MannKendall tests values, in time order, for a monotonic trend (Mann–Kendall):
//
//	S = Σ_{i<j} sign(x_j − x_i),  VarS = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)]/18,
//	Z = (S − sign S)/√VarS,  P = 2Φ(−|Z|),  τ_b = S/√(n₀(n₀ − n₁))
//
// P is exact (the permutation distribution of S) when N ≤ 10 and no values are tied. Tau is
// tau-b, as R's Kendall package reports; pyMannKendall reports tau-a (S/n₀) instead. NaN
// means missing and is dropped; ±Inf is an error; fewer than 3 values or a constant series
// is an error wrapping ErrInsufficientData (never a division by zero). S is counted in
// O(n log n) (Knight, 1966). Reference values: R's trend::mk.test and cor.test.
func MannKendall(values []float64) (MannKendallResult, error) { return stat.MannKendall(values) }

// SenSlopeResult is the result of SenSlope: the slope per unit of time, the intercept, the
// confidence interval of the slope, and the number of pairs ranked.
type SenSlopeResult = stat.SenSlopeResult

// SenSlope returns Sen's slope of values over real times: the median of the pairwise slopes
// (x_j − x_i)/(t_j − t_i) over pairs with distinct times, Intercept = median(values) −
// Slope·median(times), and the interval of R's trend::sens.slope (C = z·√VarS; the slopes
// of ranks round((N−C)/2) and round((N+C)/2 + 1) of the N sorted slopes, R's rounding).
// The slopes are never stored: exact slope selection finds the order statistics in
// O(n log n) time and O(n) memory, and the result equals the median of all pairwise slopes.
// NaN values are missing and dropped with their times.
func SenSlope(times, values []float64, confidence float64) (SenSlopeResult, error) {
	return stat.SenSlope(times, values, confidence)
}

// RunsOptions configures Runs.
type RunsOptions struct {
	// Freeze, when positive, takes the centre of each phase from its first Freeze points:
	// a baseline period (qicharts2's freeze).
	Freeze int
	// Phases lists the indices at which a new phase, with its own centre, starts: a change
	// of practice (qicharts2's part).
	Phases []int
}

// RunsPhase is the runs analysis of one phase.
type RunsPhase = stat.RunsResult

// RunsResult is the runs analysis of a run chart: its fields are those of the last phase
// (the current practice), and Phases holds every phase in order.
type RunsResult struct {
	RunsPhase
	Phases []RunsPhase
}

// Runs analyses a series as a run chart by the Anhøj rules, as qicharts2 does: the centre
// is the median (of the first Freeze points when Freeze > 0); points on the centre are
// dropped, and so are NaN (missing) points; LongestRunLimit = round(log₂(Useful)) + 3;
// CrossingsLimit = qbinom(0.05, Useful − 1, 0.5); Signal when the longest run exceeds its
// limit or the crossings fall below theirs.
func Runs(values []float64, opts RunsOptions) (RunsResult, error) {
	phases, err := stat.Runs(values, opts.Freeze, opts.Phases)
	if err != nil {
		return RunsResult{}, fmt.Errorf("goals: %w", err)
	}
	return RunsResult{RunsPhase: phases[len(phases)-1], Phases: phases}, nil
}
