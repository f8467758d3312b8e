package sampling

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/opfolgning/opfolgning/internal/stat"
)

// Likelihood is the distribution of the number of errors in a sample.
type Likelihood uint8

const (
	// Binomial: cases drawn with replacement, or from a large population; the bound is
	// the one-sided Clopper–Pearson limit qbeta(conf, 1 + k, n − k). The default.
	Binomial Likelihood = iota
	// Poisson: the bound is qgamma(conf, 1 + k, n) (errors as a rate per case).
	Poisson
	// Hypergeometric: cases drawn without replacement from a population of Population;
	// the bound is the largest number of erroneous cases K in the population with
	// P(X ≤ k | K) > 1 − conf, divided by the population.
	Hypergeometric
)

// String returns the likelihood's text code.
func (l Likelihood) String() string {
	return [...]string{"binomial", "poisson", "hypergeometric", "unknown"}[min(int(l), 3)]
}

// Plan is an attribute-sampling plan (stikprøveplan), with the conventions of the R package
// jfa (Derks et al.): find the smallest sample whose one-sided upper bound on the error rate
// stays below Materiality at Confidence, allowing Expected errors in the sample.
type Plan struct {
	Likelihood Likelihood
	// Materiality is the tolerable error rate (væsentlighed), in (0, 1).
	Materiality float64
	// Confidence is the confidence level, in (0, 1), e.g. 0.95.
	Confidence float64
	// Expected is the errors allowed in the sample: a value below 1 is a rate of n
	// (rounded up for Binomial and Hypergeometric, as jfa does), 1 or more a count (a whole
	// number for Binomial and Hypergeometric).
	Expected float64
	// Population is the number of cases, needed for Hypergeometric.
	Population int
}

// ErrImpossiblePlan is wrapped by SampleSize's errors for a plan no sample can meet.
var ErrImpossiblePlan = errors.New("no sample size meets the plan")

// MaxSampleSize bounds the search of SampleSize for Binomial and Poisson plans.
const MaxSampleSize = 100_000

// SampleSize returns the smallest sample size n whose one-sided upper bound on the error rate,
// with the expected errors of the plan, is below Materiality (jfa's planning()). With the
// defaults of jfa's tests (materiality 0.05, confidence 0.95): Binomial with no errors
// needs 59 cases, with two errors 124; Poisson needs 60; Hypergeometric with a population
// of 1,000 needs 57.
//
// It is an error (wrapping ErrImpossiblePlan) when Expected is not below Materiality, or no
// n up to MaxSampleSize (or the population) meets the plan.
func SampleSize(p Plan) (int, error) {
	if err := p.validate(); err != nil {
		return 0, err
	}
	maxN := MaxSampleSize
	if p.Likelihood == Hypergeometric {
		maxN = p.Population
	}
	// first returns the smallest n in [lo, hi] that meets the plan, or 0; the bound falls
	// as n grows while the number of errors allowed stays the same, so bisection finds it.
	first := func(lo, hi int) int {
		if lo > hi || !p.boundBelow(hi) {
			return 0
		}
		for lo < hi {
			if mid := lo + (hi-lo)/2; p.boundBelow(mid) {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		return lo
	}
	rate := p.Expected > 0 && p.Expected < 1
	if !rate || p.Likelihood == Poisson {
		// A count of errors, or Poisson's continuous Expected·n (its bound still falls
		// with n): one bisection.
		if n := first(1, maxN); n > 0 {
			return n, nil
		}
	} else {
		// A rate rounded up: the allowed errors step up with n; within each run of n with
		// the same ⌈Expected·n⌉ the bound falls. Try the runs in order, as jfa's scan does.
		for n := 1; n <= maxN; {
			x := p.errorsIn(n)
			end := min(maxN, max(n, int(math.Floor(float64(x)/p.Expected+1e-9))))
			for end < maxN && p.errorsIn(end+1) == x {
				end++
			}
			for end > n && p.errorsIn(end) != x {
				end--
			}
			if m := first(n, end); m > 0 {
				return m, nil
			}
			n = end + 1
		}
	}
	return 0, fmt.Errorf("sampling: %w up to %d cases", ErrImpossiblePlan, maxN)
}

func (p Plan) validate() error {
	var errs []error
	if !(p.Materiality > 0 && p.Materiality < 1) {
		errs = append(errs, fmt.Errorf("sampling: materiality %v is outside (0, 1)", p.Materiality))
	}
	if !(p.Confidence > 0 && p.Confidence < 1) {
		errs = append(errs, fmt.Errorf("sampling: confidence %v is outside (0, 1)", p.Confidence))
	}
	if !(p.Expected >= 0) || math.IsInf(p.Expected, 0) {
		errs = append(errs, fmt.Errorf("sampling: expected errors %v is not a non-negative number", p.Expected))
	}
	if p.Expected >= 1 && p.Likelihood != Poisson && p.Expected != math.Trunc(p.Expected) {
		errs = append(errs, fmt.Errorf("sampling: expected errors %v must be a whole number for %s", p.Expected, p.Likelihood))
	}
	if p.Expected > 0 && p.Expected < 1 && p.Expected >= p.Materiality {
		errs = append(errs, fmt.Errorf("sampling: expected error rate %v is not below materiality %v: %w", p.Expected, p.Materiality, ErrImpossiblePlan))
	}
	switch p.Likelihood {
	case Binomial, Poisson:
	case Hypergeometric:
		if p.Population < 1 {
			errs = append(errs, fmt.Errorf("sampling: hypergeometric plan needs the population size"))
		} else if p.Expected >= 1 && p.Expected >= math.Ceil(p.Materiality*float64(p.Population)) {
			errs = append(errs, fmt.Errorf("sampling: expected errors %v / population %d is not below materiality: %w", p.Expected, p.Population, ErrImpossiblePlan))
		}
	default:
		errs = append(errs, fmt.Errorf("sampling: unknown likelihood %d", p.Likelihood))
	}
	return errors.Join(errs...)
}

// errorsIn returns the expected errors in a sample of n: a count, or the rate times n
// (rounded up except for Poisson).
func (p Plan) errorsIn(n int) int {
	if p.Expected >= 1 || p.Expected == 0 {
		return int(p.Expected)
	}
	return int(math.Ceil(p.Expected * float64(n)))
}

// boundBelow reports whether the upper bound with the expected errors in n is below
// materiality, by the CDF (cheaper than the quantile and equivalent).
func (p Plan) boundBelow(n int) bool {
	switch p.Likelihood {
	case Poisson:
		x := p.Expected
		if x < 1 {
			x = p.Expected * float64(n)
		}
		// qgamma(conf, 1 + x, n) < m  ⟺  P(Gamma(1 + x, rate n) ≤ m) > conf
		return distuv.Gamma{Alpha: 1 + x, Beta: float64(n)}.CDF(p.Materiality) > p.Confidence
	case Hypergeometric:
		x := p.errorsIn(n)
		if x >= n {
			return false
		}
		k := int(math.Ceil(p.Materiality * float64(p.Population)))
		// the largest K with P(X ≤ x | K) > α is below materiality·N ⟺ P(X ≤ x | ⌈m·N⌉) ≤ α
		return stat.HypergeometricCDF(x, k, p.Population, n) <= 1-p.Confidence
	}
	x := p.errorsIn(n)
	if x >= n {
		return false
	}
	// qbeta(conf, 1 + x, n − x) < m  ⟺  P(Beta(1 + x, n − x) ≤ m) > conf
	return distuv.Beta{Alpha: float64(1 + x), Beta: float64(n - x)}.CDF(p.Materiality) > p.Confidence
}
