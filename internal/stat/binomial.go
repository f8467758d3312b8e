package stat

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

func checkBinomial(k, n int, confidence float64) error {
	switch {
	case n < 1:
		return fmt.Errorf("n = %d: %w", n, ErrInsufficientData)
	case k < 0 || k > n:
		return fmt.Errorf("k = %d is outside 0..%d", k, n)
	case !(confidence > 0 && confidence < 1):
		return fmt.Errorf("confidence %v is outside (0, 1)", confidence)
	}
	return nil
}

// ClopperPearson returns the two-sided exact (Clopper & Pearson, 1934) interval for a
// binomial proportion with k successes in n trials, the interval of R's binom.test:
//
//	Lower = B(α/2; k, n − k + 1),  Upper = B(1 − α/2; k + 1, n − k)
//
// where B(q; a, b) is the q-quantile of the Beta(a, b) distribution (gonum's
// distuv.Beta), Lower = 0 when k = 0 and Upper = 1 when k = n.
func ClopperPearson(k, n int, confidence float64) (Interval, error) {
	if err := checkBinomial(k, n, confidence); err != nil {
		return Interval{}, err
	}
	alpha := 1 - confidence
	iv := Interval{Lower: 0, Upper: 1}
	if k > 0 {
		iv.Lower = distuv.Beta{Alpha: float64(k), Beta: float64(n - k + 1)}.Quantile(alpha / 2)
	}
	if k < n {
		iv.Upper = distuv.Beta{Alpha: float64(k + 1), Beta: float64(n - k)}.Quantile(1 - alpha/2)
	}
	return iv, nil
}

// ClopperPearsonUpper returns the one-sided exact upper bound B(confidence; k + 1, n − k)
// (1 when k = n), jfa's binomial bound (R: qbeta(conf, 1 + k, n − k)).
func ClopperPearsonUpper(k, n int, confidence float64) (float64, error) {
	if err := checkBinomial(k, n, confidence); err != nil {
		return 0, err
	}
	if k == n {
		return 1, nil
	}
	return distuv.Beta{Alpha: float64(k + 1), Beta: float64(n - k)}.Quantile(confidence), nil
}

// Wilson returns the two-sided Wilson (1927) score interval for k successes in n trials,
// the interval of R's prop.test(k, n, correct = FALSE):
//
//	centre = (p̂ + z²/2n) / (1 + z²/n),  half = z·√(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n)
//
// with z the 1 − α/2 normal quantile.
func Wilson(k, n int, confidence float64) (Interval, error) {
	if err := checkBinomial(k, n, confidence); err != nil {
		return Interval{}, err
	}
	z := distuv.UnitNormal.Quantile(1 - (1-confidence)/2)
	fn := float64(n)
	p := float64(k) / fn
	d := 1 + z*z/fn
	centre := (p + z*z/(2*fn)) / d
	half := z * math.Sqrt(p*(1-p)/fn+z*z/(4*fn*fn)) / d
	return Interval{Lower: math.Max(0, centre-half), Upper: math.Min(1, centre+half)}, nil
}

// TwoProportions tests p₁ = p₂ for k₁ of n₁ against k₂ of n₂ with Pearson's χ² test
// without continuity correction, R's prop.test(c(k1, k2), c(n1, n2), correct = FALSE):
//
//	p̄ = (k₁ + k₂)/(n₁ + n₂),  χ² = (p̂₁ − p̂₂)² / (p̄(1 − p̄)(1/n₁ + 1/n₂)),  P = P(χ²₁ > χ²)
//
// It returns the difference p̂₁ − p̂₂ and P; P is 1 when p̄ is 0 or 1.
func TwoProportions(k1, n1, k2, n2 int) (diff, p float64, err error) {
	if err := checkBinomial(k1, n1, 0.5); err != nil {
		return 0, 0, err
	}
	if err := checkBinomial(k2, n2, 0.5); err != nil {
		return 0, 0, err
	}
	p1, p2 := float64(k1)/float64(n1), float64(k2)/float64(n2)
	pool := float64(k1+k2) / float64(n1+n2)
	diff = p1 - p2
	v := pool * (1 - pool) * (1/float64(n1) + 1/float64(n2))
	if v == 0 {
		return diff, 1, nil
	}
	chi := diff * diff / v
	return diff, distuv.ChiSquared{K: 1}.Survival(chi), nil
}
