package supervision

import (
	"errors"
	"fmt"
	"time"

	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/problem"
)

// Scope says who a learning point is for.
type Scope uint8

const (
	General    Scope = iota + 1 // generelt: for the team meeting
	Individual                  // individuelt: for one caseworker's next supervision
)

// LearningPoint is something to learn from supervision (læringspunkt): a general one for the
// team meeting, or an individual one for a caseworker, carried forward until resolved.
type LearningPoint struct {
	ID         string
	Scope      Scope
	Team       string // the team of a general point
	Caseworker string // the caseworker of an individual point
	Theme      string // e.g. the themed template's ID, or an item's ID
	Text       lang.Text
	Raised     time.Time
	// Resolved is the date the point was agreed to be learnt; zero while active.
	Resolved time.Time
}

// Active reports whether the point is raised and not resolved at date at.
func (p LearningPoint) Active(at time.Time) bool {
	return !p.Raised.After(at) && (p.Resolved.IsZero() || p.Resolved.After(at))
}

// ErrNoScope is wrapped by ValidateLearningPoints for a point that is neither general nor
// individual, or lacks its team or caseworker.
var ErrNoScope = errors.New("a general point needs a team, an individual point a caseworker")

// ValidateLearningPoints checks the points and reports every problem by position.
func ValidateLearningPoints(ps []LearningPoint) error {
	var l problem.List
	seen := map[string]int{}
	for i, p := range ps {
		if p.ID == "" {
			l.Add(i, "id", "%w", ErrNoID)
		} else if j, dup := seen[p.ID]; dup {
			l.Add(i, "id", "same ID as point %d: %w", j, ErrDuplicateID)
		}
		seen[p.ID] = i
		if (p.Scope == General && p.Team == "") || (p.Scope == Individual && p.Caseworker == "") || (p.Scope != General && p.Scope != Individual) {
			l.Add(i, "scope", "%w", ErrNoScope)
		}
		if p.Raised.IsZero() {
			l.Add(i, "raised", "no date")
		}
		if !p.Resolved.IsZero() && p.Resolved.Before(p.Raised) {
			l.Add(i, "resolved", "resolved before raised")
		}
		if p.Text.Da == "" && p.Text.En == "" {
			l.Add(i, "text", "%w", ErrNoText)
		}
	}
	return l.Err("supervision: learning points")
}

// CarryForward returns the learning points to show at a caseworker's review on date at: the
// active general points of the caseworker's team, then the caseworker's own active points,
// each in the order given.
func CarryForward(ps []LearningPoint, team, caseworker string, at time.Time) []LearningPoint {
	var general, own []LearningPoint
	for _, p := range ps {
		if !p.Active(at) {
			continue
		}
		switch {
		case p.Scope == General && p.Team == team:
			general = append(general, p)
		case p.Scope == Individual && p.Caseworker == caseworker:
			own = append(own, p)
		}
	}
	return append(general, own...)
}

// String returns the scope's text code.
func (s Scope) String() string {
	switch s {
	case General:
		return "general"
	case Individual:
		return "individual"
	}
	return fmt.Sprintf("Scope(%d)", uint8(s))
}
