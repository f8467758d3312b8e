package outcome

import (
	"errors"
	"fmt"
	"math"

	"github.com/opfolgning/opfolgning/lang"
)

// Label returns the exclusion reason for readers in language l.
func (e Exclusion) Label(l lang.Language) string {
	if e >= numExclusions {
		return e.String()
	}
	return exclusionText[e][1+int(l&1)]
}

// Direction classifies a change as improved, unchanged or deteriorated (forbedret, uændret,
// forværret), after the scale's polarity.
type Direction int8

const (
	Deteriorated Direction = -1
	Unchanged    Direction = 0
	Improved     Direction = 1
)

// String returns the direction's text code.
func (d Direction) String() string {
	switch d {
	case Improved:
		return "improved"
	case Deteriorated:
		return "deteriorated"
	}
	return "unchanged"
}

// Label returns the direction for readers in language l.
func (d Direction) Label(l lang.Language) string {
	switch d {
	case Improved:
		return lang.Text{Da: "forbedret", En: "improved"}.In(l)
	case Deteriorated:
		return lang.Text{Da: "forværret", En: "deteriorated"}.In(l)
	}
	return lang.Text{Da: "uændret", En: "unchanged"}.In(l)
}

// Method is how a ChangeRule decides that a change is real.
type Method uint8

const (
	// ByThreshold: a change of at least Threshold steps in either direction counts.
	ByThreshold Method = iota
	// ByReliableChange: the Jacobson–Truax reliable change index, |RCI| > 1.96.
	ByReliableChange
)

// ChangeRule classifies a change per child and theme. The zero value classifies by a
// threshold of one step.
type ChangeRule struct {
	Method Method
	// Threshold is the smallest change in steps that counts under ByThreshold; zero means 1.
	Threshold float64
}

// ErrNoReliability is returned by ByReliableChange rules on a scale without SD and
// reliability.
var ErrNoReliability = errors.New("scale has no SD and reliability for the reliable change index")

// ReliableChangeIndex returns the Jacobson–Truax (1991) reliable change index of a change
// from x1 to x2 on a measure with standard deviation sd (in a reference group) and
// reliability r:
//
//	SE = SD·√(1 − r),  S_diff = √(2·SE²) = SD·√2·√(1 − r),  RCI = (x₂ − x₁) / S_diff
//
// |RCI| > 1.96 is a reliable change at the 5% level. The sign is that of x₂ − x₁, before
// any polarity. It returns NaN when sd ≤ 0 or r is outside [0, 1).
//
// On the 5-point scale with SD = 1 and r = 0.8, S_diff = 0.632 and a reliable change needs
// more than 1.96 × 0.632 = 1.24 steps: a change of one step (RCI 1.58) is never reliable,
// two steps (RCI 3.16) always are.
func ReliableChangeIndex(x1, x2, sd, r float64) float64 {
	if !(sd > 0) || !(r >= 0 && r < 1) {
		return math.NaN()
	}
	return (x2 - x1) / (sd * math.Sqrt2 * math.Sqrt(1-r))
}

// reliableZ is the two-sided 5% critical value of the reliable change index.
const reliableZ = 1.959963984540054

// classifier is a ChangeRule bound to a scale: a change d (raw steps) is real when
// |d| ≥ min (ByThreshold) or |d| > min (ByReliableChange).
type classifier struct {
	min    float64
	strict bool
	sign   int
}

func (r ChangeRule) bind(s Scale) (classifier, error) {
	c := classifier{sign: s.Polarity.Sign()}
	switch r.Method {
	case ByThreshold:
		c.min = r.Threshold
		if c.min == 0 {
			c.min = 1
		}
		if !(c.min > 0) || math.IsInf(c.min, 0) {
			return c, fmt.Errorf("outcome: threshold %v is not a positive number", r.Threshold)
		}
	case ByReliableChange:
		if !(s.SD > 0) || !(s.Reliability > 0) {
			return c, fmt.Errorf("outcome: %w", ErrNoReliability)
		}
		c.min = reliableZ * s.SD * math.Sqrt2 * math.Sqrt(1-s.Reliability)
		c.strict = true
	default:
		return c, fmt.Errorf("outcome: unknown change method %d", r.Method)
	}
	return c, nil
}

func (c classifier) direction(delta int) Direction {
	d := float64(delta)
	if math.Abs(d) < c.min || c.strict && math.Abs(d) == c.min {
		return Unchanged
	}
	if delta*c.sign > 0 {
		return Improved
	}
	return Deteriorated
}

// Classify returns the direction of a change of delta steps on scale s under rule r. The
// scale's polarity turns up and down into better and worse.
func (r ChangeRule) Classify(delta int, s Scale) (Direction, error) {
	if err := s.Validate(); err != nil {
		return Unchanged, err
	}
	c, err := r.bind(s)
	if err != nil {
		return Unchanged, err
	}
	return c.direction(delta), nil
}

// MinimumChange returns the smallest change in steps that rule r counts as real on scale s
// (for ByReliableChange the critical value, which the change must exceed).
func (r ChangeRule) MinimumChange(s Scale) (float64, error) {
	c, err := r.bind(s)
	return c.min, err
}
