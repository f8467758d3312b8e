package outcome

import "github.com/opfolgning/opfolgning/internal/stat"

// WilcoxonResult is the result of WilcoxonSignedRank: N non-zero differences, V the sum of
// the ranks of the positive ones (as R reports it; SciPy reports min(W+, W−)), P two-sided,
// and Exact whether P comes from the exact distribution.
type WilcoxonResult = stat.SignedRankResult

// WilcoxonSignedRank tests paired differences (latest − baseline) against no change with the
// Wilcoxon signed-rank test, following R's wilcox.test(diffs, correct = TRUE): zeros are
// dropped; the exact distribution is used when N < 50 and there are no ties and no zeros;
// otherwise the normal approximation with tie-corrected variance
//
//	σ² = N(N+1)(2N+1)/24 − Σ(t³ − t)/48
//
// and continuity correction, z = (V − N(N+1)/4 ∓ ½)/σ, P = 2Φ(−|z|).
//
// NaN or ±Inf is an error; so are no non-zero differences (R answers NA): errors.Is(err,
// ErrInsufficientData) then holds.
func WilcoxonSignedRank(diffs []float64) (WilcoxonResult, error) { return stat.SignedRank(diffs) }

// ErrInsufficientData is wrapped by errors for too little data to compute a result.
var ErrInsufficientData = stat.ErrInsufficientData
