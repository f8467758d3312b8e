package outcome

import (
	"fmt"
	"time"

	"github.com/opfolgning/opfolgning/internal/civil"
	"github.com/opfolgning/opfolgning/problem"
)

// Trajectory is one child's assessments in time order (forløb): the unit in which progression
// is measured. Use Trajectories to build them from a flat list.
type Trajectory struct {
	Child       string
	Assessments []Assessment
}

// Trajectories validates the assessments (see ValidateAssessments) and returns one
// trajectory per child, children in order of first appearance, each in date order. The
// assessments are copied; as is not modified.
func Trajectories(as []Assessment, s Scale) ([]Trajectory, error) {
	idx, err := index(as, s)
	if err != nil {
		return nil, err
	}
	out := make([]Trajectory, idx.children())
	for c := range out {
		pos := idx.child(c)
		t := Trajectory{Child: as[pos[0]].Child, Assessments: make([]Assessment, len(pos))}
		for j, p := range pos {
			t.Assessments[j] = as[p]
		}
		out[c] = t
	}
	return out, nil
}

// Validate checks that the trajectory's assessments are of one child, on distinct dates in
// increasing order, and on the scale; problems name assessments by position.
func (t Trajectory) Validate(s Scale) error {
	if err := s.Validate(); err != nil {
		return err
	}
	var l problem.List
	for i := range t.Assessments {
		a := &t.Assessments[i]
		validateRecord(&l, i, a, s)
		if a.Child != t.Child {
			l.Add(i, "child", "assessment of another child than the trajectory's")
		}
		if i > 0 {
			prev, cur := civil.DayNumber(t.Assessments[i-1].Date), civil.DayNumber(a.Date)
			switch {
			case cur == prev:
				l.Add(i, "date", "same date as assessment %d: %w", i-1, ErrDuplicate)
			case cur < prev:
				l.Add(i, "date", "before assessment %d: %w", i-1, ErrOrder)
			}
		}
	}
	return l.Err("outcome: trajectory")
}

// Mode says which scores of a trajectory are baseline and latest.
type Mode uint8

const (
	// CompleteCase uses the first and the last assessment; a theme not assessed at either
	// excludes the child from that theme (reason MissingAtBaseline or MissingAtLatest).
	CompleteCase Mode = iota
	// AllAvailable uses the first and the last assessment at which the theme was scored, so
	// a child who missed a wave still counts; a theme scored at fewer than two dates
	// excludes the child from it (reason ScoredOnce).
	AllAvailable
)

// String returns the mode's text code.
func (m Mode) String() string {
	if m == AllAvailable {
		return "all-available"
	}
	return "complete-case"
}

// Exclusion is the reason a child is left out of a change (årsag til udeladelse).
type Exclusion uint8

const (
	Included          Exclusion = iota // not excluded
	SingleAssessment                   // the child has one assessment only
	MissingAtBaseline                  // CompleteCase: the theme was not assessed at the first assessment
	MissingAtLatest                    // CompleteCase: the theme was not assessed at the last assessment
	ScoredOnce                         // AllAvailable: the theme was scored at fewer than two dates
	numExclusions
)

var exclusionText = [numExclusions][3]string{
	{"included", "medtaget", "included"},
	{"single-assessment", "kun én vurdering", "single assessment"},
	{"missing-at-baseline", "tema mangler ved første vurdering", "theme missing at baseline"},
	{"missing-at-latest", "tema mangler ved seneste vurdering", "theme missing at latest"},
	{"scored-once", "tema kun scoret én gang", "theme scored once"},
}

// String returns the reason's text code.
func (e Exclusion) String() string {
	if e >= numExclusions {
		return fmt.Sprintf("Exclusion(%d)", uint8(e))
	}
	return exclusionText[e][0]
}

// Exclusions counts excluded children by reason; index it with an Exclusion.
type Exclusions [numExclusions]int

// Total returns the number of excluded children.
func (x Exclusions) Total() int {
	n := 0
	for _, v := range x[1:] {
		n += v
	}
	return n
}

// Change is a child's change in one theme between two assessments.
type Change struct {
	Theme            Theme
	From, To         time.Time
	Baseline, Latest int
	// Delta is Latest − Baseline in scale steps, before polarity: see Direction for
	// better or worse.
	Delta int
	// Years is the time between the two dates in years of 365.25 days; PerYear is
	// Delta / Years, the rate that makes uneven intervals comparable.
	Years, PerYear float64
}

func newChange(th Theme, a, b *Assessment, from, to int) Change {
	years := float64(civil.DayNumber(b.Date)-civil.DayNumber(a.Date)) / 365.25
	d := to - from
	return Change{Theme: th, From: a.Date, To: b.Date, Baseline: from, Latest: to, Delta: d, Years: years, PerYear: float64(d) / years}
}

// endpointsAt returns the positions (0..n−1) of the baseline and latest assessments of a
// theme under mode m, given whether the theme was scored at each, or the exclusion reason.
func endpointsAt(n int, scored func(i int) bool, m Mode) (first, last int, why Exclusion) {
	if n < 2 {
		return 0, 0, SingleAssessment
	}
	if m == CompleteCase {
		switch {
		case !scored(0):
			return 0, 0, MissingAtBaseline
		case !scored(n - 1):
			return 0, 0, MissingAtLatest
		}
		return 0, n - 1, Included
	}
	first, last = -1, -1
	for i := range n {
		if scored(i) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 || first == last {
		return 0, 0, ScoredOnce
	}
	return first, last, Included
}

// Change returns the change in theme th from baseline to latest under mode m, or the reason
// the child is excluded. The trajectory must be valid (see Validate).
func (t Trajectory) Change(th Theme, m Mode) (Change, Exclusion) {
	if !th.Valid() {
		return Change{}, ScoredOnce
	}
	k := th.index()
	i, j, why := endpointsAt(len(t.Assessments), func(i int) bool { return t.Assessments[i].Scores[k].assessed }, m)
	if why != Included {
		return Change{}, why
	}
	a, b := &t.Assessments[i], &t.Assessments[j]
	return newChange(th, a, b, a.Scores[k].value, b.Scores[k].value), Included
}

// Steps returns the changes in theme th between consecutive assessments at which it was
// scored, in time order; assessments where it was not scored are skipped.
func (t Trajectory) Steps(th Theme) []Change {
	if !th.Valid() {
		return nil
	}
	k := th.index()
	var out []Change
	prev := -1
	for i := range t.Assessments {
		if !t.Assessments[i].Scores[k].assessed {
			continue
		}
		if prev >= 0 {
			a, b := &t.Assessments[prev], &t.Assessments[i]
			out = append(out, newChange(th, a, b, a.Scores[k].value, b.Scores[k].value))
		}
		prev = i
	}
	return out
}
