// Package problem reports invalid input the way every package of opfolgning does: all
// problems found in one call, each by the record's position and the field, with the reason,
// and never with the record's identifiers, since case and child IDs may be CPR numbers.
//
// Callers branch with errors.As(err, &perr) for a *problem.Error (or take Locations(err) to
// point at the cells to correct) and with errors.Is for the
// sentinel errors each package wraps inside the problems (outcome.ErrOutOfRange, ...).
package problem

import (
	"errors"
	"fmt"
	"strings"
)

// A Problem is one invalid field of one record. Record is the record's position in the
// input (0-based, or the data row of a file: see the reader's documentation); Field names
// the field; Err says why and may wrap a sentinel error.
//
// Unit names what Record counts in messages: "record" when empty, "row" for the file rows
// of the extract readers.
type Problem struct {
	Record int
	Field  string
	Err    error
	Unit   string
}

// Error returns "record 3, field date: <reason>" (or "row 3, ...").
func (p Problem) Error() string {
	unit := p.Unit
	if unit == "" {
		unit = "record"
	}
	if p.Field == "" {
		return fmt.Sprintf("%s %d: %v", unit, p.Record, p.Err)
	}
	return fmt.Sprintf("%s %d, field %s: %v", unit, p.Record, p.Field, p.Err)
}

// Unwrap returns the reason, so that errors.Is sees its sentinel.
func (p Problem) Unwrap() error { return p.Err }

// An Error reports every problem found in one call, in input order.
type Error struct {
	What     string // what was being read or checked, e.g. "assessments"
	Problems []Problem
}

// maxListed bounds the problems spelled out by Error; all are kept in Problems.
const maxListed = 20

// Error lists the problems, the first 20 in full.
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d problem", e.What, len(e.Problems))
	if len(e.Problems) != 1 {
		b.WriteByte('s')
	}
	for i, p := range e.Problems {
		if i == maxListed {
			fmt.Fprintf(&b, "; and %d more", len(e.Problems)-maxListed)
			break
		}
		b.WriteString("; ")
		b.WriteString(p.Error())
	}
	return b.String()
}

// Unwrap returns the problems, so that errors.Is and errors.As look into each of them.
func (e *Error) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		errs[i] = p
	}
	return errs
}

// A Location is where a problem was found: the record's position and the field, as in
// Problem. Callers use it to point at the cells to correct, e.g. in a case system's import.
type Location struct {
	Record int
	Field  string
}

// Locations returns where each problem in err was found, in order, or nil when err holds
// no *Error (errors.As decides).
func Locations(err error) []Location {
	var e *Error
	if !errors.As(err, &e) {
		return nil
	}
	locs := make([]Location, len(e.Problems))
	for i, p := range e.Problems {
		locs[i] = Location{Record: p.Record, Field: p.Field}
	}
	return locs
}

// A List collects problems; its zero value is ready to use. Unit, if set, is given to
// every problem added (see Problem).
type List struct {
	Unit     string
	problems []Problem
}

// Add records a problem with a formatted reason. Use %w in format to wrap a sentinel.
func (l *List) Add(record int, field, format string, args ...any) {
	l.problems = append(l.problems, Problem{Record: record, Field: field, Err: fmt.Errorf(format, args...), Unit: l.Unit})
}

// Len returns the number of problems collected.
func (l *List) Len() int { return len(l.problems) }

// Err returns nil when no problem was added, else an *Error describing what.
func (l *List) Err(what string) error {
	if len(l.problems) == 0 {
		return nil
	}
	return &Error{What: what, Problems: l.problems}
}
