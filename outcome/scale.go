package outcome

import (
	"errors"
	"fmt"
	"math"

	"github.com/opfolgning/opfolgning/goals"
	"github.com/opfolgning/opfolgning/lang"
)

// Polarity says which end of a scale is the good one (skalaens retning); it is
// goals.Polarity, shared by every indicator of the library. The zero value is unspecified,
// which Scale.Validate rejects: the library never assumes a direction.
type Polarity = goals.Polarity

// The polarities, as in package goals.
const (
	PolarityUnspecified = goals.PolarityUnspecified
	HigherIsBetter      = goals.HigherIsBetter
	LowerIsBetter       = goals.LowerIsBetter
)

// ParsePolarity reads a polarity; see goals.ParsePolarity.
func ParsePolarity(s string) (Polarity, error) { return goals.ParsePolarity(s) }

// Score is one theme's score in an assessment, or NotAssessed (ikke vurderet), which is
// distinct from every value of every scale. The zero Score is NotAssessed, so a theme left
// out of an assessment is never mistaken for a score.
type Score struct {
	value    int
	assessed bool
}

// NotAssessed is the Score of a theme that was not assessed.
var NotAssessed = Score{}

// Scored returns the Score with value v.
func Scored(v int) Score { return Score{value: v, assessed: true} }

// Value returns the score's value and whether the theme was assessed at all.
func (s Score) Value() (v int, ok bool) { return s.value, s.assessed }

// Assessed reports whether s is a score rather than NotAssessed.
func (s Score) Assessed() bool { return s.assessed }

// String returns the value, or "–" when not assessed.
func (s Score) String() string {
	if !s.assessed {
		return "–"
	}
	return fmt.Sprint(s.value)
}

// Scale is a bounded ordinal scale (skala) of whole steps from Min to Max, with an explicit
// polarity, an optional label per step, and the reference values that the reliable change
// index needs.
//
// FivePoint gives the 1–5 scale of the result tools; its polarity is the caller's to state,
// because tools differ: in some, 1 is "very good", in others 5 is.
type Scale struct {
	Min, Max int
	Polarity Polarity
	// Labels names each step, Labels[0] for Min; empty, or exactly Max−Min+1 long.
	Labels []lang.Text
	// SD is the scale's standard deviation in a reference group and Reliability its
	// reliability (test–retest or Cronbach's α), for the reliable change index. Zero means
	// unknown; ChangeRule.Method ReliableChange then fails.
	SD, Reliability float64
}

// ErrInvalidScale is wrapped by the errors of Scale.Validate.
var ErrInvalidScale = errors.New("invalid scale")

// FivePoint returns the 1–5 scale with the given polarity, SD 1 and reliability 0.8, and the
// step labels of a scale where 5 is the best (or, for LowerIsBetter, where 1 is). The SD
// and reliability are illustrative defaults; set those of your own tool.
func FivePoint(p Polarity) Scale {
	labels := []lang.Text{
		{Da: "Meget bekymrende", En: "Very concerning"},
		{Da: "Bekymrende", En: "Concerning"},
		{Da: "Hverken eller", En: "Neither"},
		{Da: "God", En: "Good"},
		{Da: "Meget god", En: "Very good"},
	}
	if p == LowerIsBetter {
		for i, j := 0, len(labels)-1; i < j; i, j = i+1, j-1 {
			labels[i], labels[j] = labels[j], labels[i]
		}
	}
	return Scale{Min: 1, Max: 5, Polarity: p, Labels: labels, SD: 1, Reliability: 0.8}
}

// maxSteps bounds a scale's size; ordinal scales in follow-up have a handful of steps.
const maxSteps = 101

// Steps returns the number of steps, Max − Min + 1.
func (s Scale) Steps() int { return s.Max - s.Min + 1 }

// Contains reports whether v is a step of the scale.
func (s Scale) Contains(v int) bool { return v >= s.Min && v <= s.Max }

// Label returns the label of step v in language l, or the number when the scale has no
// labels or v is off the scale.
func (s Scale) Label(v int, l lang.Language) string {
	if !s.Contains(v) || len(s.Labels) == 0 {
		return fmt.Sprint(v)
	}
	return s.Labels[v-s.Min].In(l)
}

// Validate checks the scale: Min < Max, at most 101 steps, a polarity, labels for every
// step or none, SD ≥ 0 and Reliability in [0, 1).
func (s Scale) Validate() error {
	var errs []error
	if s.Min >= s.Max {
		errs = append(errs, fmt.Errorf("%w: Min %d is not below Max %d", ErrInvalidScale, s.Min, s.Max))
	} else if s.Max-s.Min+1 > maxSteps || s.Max-s.Min < 0 {
		errs = append(errs, fmt.Errorf("%w: more than %d steps", ErrInvalidScale, maxSteps))
	}
	if s.Polarity != HigherIsBetter && s.Polarity != LowerIsBetter {
		errs = append(errs, fmt.Errorf("%w: polarity must be HigherIsBetter or LowerIsBetter", ErrInvalidScale))
	}
	if len(s.Labels) != 0 && s.Min < s.Max && len(s.Labels) != s.Max-s.Min+1 {
		errs = append(errs, fmt.Errorf("%w: %d labels for %d steps", ErrInvalidScale, len(s.Labels), s.Max-s.Min+1))
	}
	if !(s.SD >= 0) || math.IsInf(s.SD, 0) {
		errs = append(errs, fmt.Errorf("%w: SD %v is not a finite non-negative number", ErrInvalidScale, s.SD))
	}
	if !(s.Reliability >= 0 && s.Reliability < 1) {
		errs = append(errs, fmt.Errorf("%w: reliability %v is outside [0, 1)", ErrInvalidScale, s.Reliability))
	}
	return errors.Join(errs...)
}
