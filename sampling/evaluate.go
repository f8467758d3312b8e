package sampling

import (
	"fmt"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/opfolgning/opfolgning/internal/stat"
)

// Interval is a confidence interval [Lower, Upper].
type Interval = stat.Interval

// ClopperPearson returns the two-sided exact interval for an error rate with k errors in n
// cases (R's binom.test): Lower = B(α/2; k, n − k + 1), Upper = B(1 − α/2; k + 1, n − k).
func ClopperPearson(k, n int, confidence float64) (Interval, error) {
	iv, err := stat.ClopperPearson(k, n, confidence)
	if err != nil {
		return iv, fmt.Errorf("sampling: %w", err)
	}
	return iv, nil
}

// Wilson returns the two-sided Wilson score interval for k errors in n cases (R's
// prop.test(k, n, correct = FALSE)).
func Wilson(k, n int, confidence float64) (Interval, error) {
	iv, err := stat.Wilson(k, n, confidence)
	if err != nil {
		return iv, fmt.Errorf("sampling: %w", err)
	}
	return iv, nil
}

// UpperBound returns the one-sided upper confidence bound on the error rate after k errors
// in n cases, by likelihood as in jfa's evaluation(): Binomial qbeta(conf, 1 + k, n − k);
// Poisson qgamma(conf, 1 + k, n); Hypergeometric the largest number of erroneous cases K
// with P(X ≤ k | K) > 1 − conf in a population of population, divided by it.
//
// With no errors in 10 cases the Binomial bound is 25.9%: ten cases can rule out little.
func UpperBound(l Likelihood, k, n, population int, confidence float64) (float64, error) {
	switch l {
	case Binomial:
		u, err := stat.ClopperPearsonUpper(k, n, confidence)
		if err != nil {
			return 0, fmt.Errorf("sampling: %w", err)
		}
		return u, nil
	case Poisson:
		if n < 1 || k < 0 || !(confidence > 0 && confidence < 1) {
			return 0, fmt.Errorf("sampling: %d errors in %d cases at confidence %v: %w", k, n, confidence, stat.ErrInsufficientData)
		}
		return distuv.Gamma{Alpha: float64(1 + k), Beta: float64(n)}.Quantile(confidence), nil
	case Hypergeometric:
		K, err := stat.HypergeometricUpper(k, n, population, confidence)
		if err != nil {
			return 0, fmt.Errorf("sampling: %w", err)
		}
		return float64(K) / float64(population), nil
	}
	return 0, fmt.Errorf("sampling: unknown likelihood %d", l)
}

// Tally is the errors found in a sample: K errors in N cases.
type Tally struct {
	K, N int
}

// Pool adds up tallies, e.g. the caseworkers' of a team or the quarters' of a year: more
// cases, a narrower interval. The pooled rate describes the whole when every stratum was
// sampled at the same fraction; with unequal fractions it weights strata by their samples,
// not their sizes.
func Pool(tallies ...Tally) Tally {
	var t Tally
	for _, x := range tallies {
		t.K += x.K
		t.N += x.N
	}
	return t
}

// Evaluation is an error rate with its n, its two-sided Clopper–Pearson interval and its
// one-sided Binomial upper bound.
type Evaluation struct {
	Tally
	Rate     float64
	Interval Interval
	Upper    float64
}

// Evaluate returns the tally's error rate with its exact interval and upper bound.
func (t Tally) Evaluate(confidence float64) (Evaluation, error) {
	iv, err := ClopperPearson(t.K, t.N, confidence)
	if err != nil {
		return Evaluation{}, err
	}
	u, err := UpperBound(Binomial, t.K, t.N, 0, confidence)
	if err != nil {
		return Evaluation{}, err
	}
	return Evaluation{Tally: t, Rate: float64(t.K) / float64(t.N), Interval: iv, Upper: u}, nil
}
