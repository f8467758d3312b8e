package outcome

import (
	"errors"
	"fmt"
	"time"

	"github.com/opfolgning/opfolgning/internal/civil"
	"github.com/opfolgning/opfolgning/problem"
)

// Scores holds a score per theme; the zero value has every theme NotAssessed.
type Scores [NumThemes]Score

// Get returns the score of theme t, NotAssessed for an invalid theme.
func (s Scores) Get(t Theme) Score {
	if !t.Valid() {
		return NotAssessed
	}
	return s[t.index()]
}

// Set sets the score of theme t to v; it does nothing for an invalid theme.
func (s *Scores) Set(t Theme, v int) {
	if t.Valid() {
		s[t.index()] = Scored(v)
	}
}

// Assessment is one scoring of a child on the five themes on one date (vurdering, as
// documented in the municipality's result tool). Any theme may be NotAssessed.
type Assessment struct {
	// Child identifies the child: a pseudonym, or the case system's ID. The library never
	// writes it into an error, a log or a summary.
	Child string
	// Date is the day of the assessment; only the calendar date in Date's location counts.
	Date   time.Time
	Scores Scores
	// Attrs holds the grouping attributes the caller needs, by name: intervention,
	// provider, team, age band, target group, ... Several assessments may share one map;
	// the library never modifies it.
	Attrs map[string]string
}

// Sentinel errors wrapped by the problems of ValidateAssessments, for errors.Is.
var (
	ErrOutOfRange = errors.New("score outside the scale")
	ErrNoChild    = errors.New("no child identifier")
	ErrNoDate     = errors.New("no date")
	ErrDuplicate  = errors.New("duplicate child and date")
	ErrOrder      = errors.New("dates out of order")
	ErrEmpty      = errors.New("no assessments")
)

// validateRecord adds the problems of one assessment, at position i, to l.
func validateRecord(l *problem.List, i int, a *Assessment, s Scale) {
	if a.Child == "" {
		l.Add(i, "child", "%w", ErrNoChild)
	}
	if a.Date.IsZero() {
		l.Add(i, "date", "%w", ErrNoDate)
	}
	for k, sc := range a.Scores {
		if v, ok := sc.Value(); ok && !s.Contains(v) {
			l.Add(i, "score["+Theme(k+1).String()+"]", "%d is outside %d–%d: %w", v, s.Min, s.Max, ErrOutOfRange)
		}
	}
}

// ValidateAssessments checks every assessment against the scale and reports every problem:
// a missing child or date, a score off the scale, and two assessments of the same child on
// the same date. Problems name records by their position in as; IDs never appear. The scale
// itself must be valid.
func ValidateAssessments(as []Assessment, s Scale) error {
	_, err := index(as, s)
	return err
}

// index validates the assessments and groups them by child and date: order lists the
// positions of as child by child (children in order of first appearance), each child's in
// date order, and starts[c]..starts[c+1] delimits child c.
func index(as []Assessment, s Scale) (idx childIndex, err error) {
	if err := s.Validate(); err != nil {
		return idx, err
	}
	var l problem.List
	if len(as) == 0 {
		return idx, fmt.Errorf("outcome: %w", ErrEmpty)
	}
	childOf := make([]int32, len(as))
	ids := make(map[string]int32, len(as)/4+1)
	var counts []int32
	for i := range as {
		a := &as[i]
		validateRecord(&l, i, a, s)
		c, ok := ids[a.Child]
		if !ok {
			c = int32(len(counts))
			ids[a.Child] = c
			counts = append(counts, 0)
		}
		childOf[i] = c
		counts[c]++
	}
	starts := make([]int32, len(counts)+1)
	for c, n := range counts {
		starts[c+1] = starts[c] + n
	}
	next := make([]int32, len(counts))
	copy(next, starts[:len(counts)])
	order := make([]int32, len(as))
	days := make([]int64, len(as))
	for i := range as {
		c := childOf[i]
		order[next[c]] = int32(i)
		next[c]++
		days[i] = civil.DayNumber(as[i].Date)
	}
	for c := range counts {
		seg := order[starts[c]:starts[c+1]]
		// Insertion sort: a child has a handful of assessments, and it is stable, so the
		// later of two duplicates keeps its place after the earlier.
		for j := 1; j < len(seg); j++ {
			for k := j; k > 0 && days[seg[k]] < days[seg[k-1]]; k-- {
				seg[k], seg[k-1] = seg[k-1], seg[k]
			}
		}
		for j := 1; j < len(seg); j++ {
			if days[seg[j]] == days[seg[j-1]] && !as[seg[j]].Date.IsZero() {
				first, second := seg[j-1], seg[j]
				if first > second {
					first, second = second, first
				}
				l.Add(int(second), "date", "same child and date as record %d: %w", first, ErrDuplicate)
			}
		}
	}
	if err := l.Err("outcome: assessments"); err != nil {
		return idx, err
	}
	return childIndex{order: order, starts: starts, days: days}, nil
}

type childIndex struct {
	order  []int32
	starts []int32
	days   []int64
}

func (x childIndex) children() int { return len(x.starts) - 1 }

func (x childIndex) child(c int) []int32 { return x.order[x.starts[c]:x.starts[c+1]] }
