package supervision

import (
	"time"

	"github.com/opfolgning/opfolgning/lang"
)

// FindingStatus is where a finding stands at a date.
type FindingStatus uint8

const (
	Open    FindingStatus = iota + 1 // åben
	Overdue                          // overskredet: open after its action's due date
	Closed                           // lukket
)

// String returns the status's text code.
func (s FindingStatus) String() string {
	return [...]string{"", "open", "overdue", "closed"}[min(int(s), 3)]
}

// Label returns the status for readers in language l.
func (s FindingStatus) Label(l lang.Language) string {
	return [...]lang.Text{{}, {Da: "åben", En: "open"}, {Da: "overskredet", En: "overdue"}, {Da: "lukket", En: "closed"}}[min(int(s), 3)].In(l)
}

// Finding is a "no" on a formal requirement (fejl eller mangel), with its severity, its
// refund significance and its corrective action.
type Finding struct {
	Review     string // the review's ID
	Case       string // the case's pseudonymous ID, for the caseworker's follow-up only
	Caseworker string
	Team       string
	Date       time.Time
	Item       Item
	// Action is the corrective action; nil when the review recorded none, which leaves
	// the finding open with no due date (it is never overdue, and it is reported).
	Action *Action
}

// Status returns the finding's status at date at: Closed when its action was closed on or
// before at, Overdue when it is open after the due date, else Open.
func (f Finding) Status(at time.Time) FindingStatus {
	switch {
	case f.Action != nil && !f.Action.Closed.IsZero() && !f.Action.Closed.After(at):
		return Closed
	case f.Action != nil && !f.Action.Due.IsZero() && f.Action.Due.Before(at):
		return Overdue
	}
	return Open
}

// Findings returns the findings of the reviews: every "no" on a formal-requirement item of
// the review's checklist, in review order. The reviews must be valid (ValidateReviews).
func Findings(reviews []Review, c Catalog) []Finding {
	var out []Finding
	for _, r := range reviews {
		t, ok := c.checklist(r.Template, r.Version)
		if !ok {
			continue
		}
		for _, a := range r.Answers {
			it, ok := t.Item(a.Item)
			if !ok || a.Value != No || it.Category != FormalRequirement {
				continue
			}
			out = append(out, Finding{Review: r.ID, Case: r.Case, Caseworker: r.Caseworker, Team: r.Team, Date: r.Date, Item: it, Action: a.Action})
		}
	}
	return out
}

// FindingCounts is the state of the findings at a date.
type FindingCounts struct {
	At                    time.Time
	Open, Overdue, Closed int
	// NoAction counts open findings without a corrective action.
	NoAction int
	// Refund counts the findings with refund significance made so far.
	Refund int
}

// CountFindings returns the counts of findings made on or before each date, by status at
// that date: the development of open and overdue findings over time.
func CountFindings(fs []Finding, dates []time.Time) []FindingCounts {
	out := make([]FindingCounts, len(dates))
	for i, d := range dates {
		c := FindingCounts{At: d}
		for _, f := range fs {
			if f.Date.After(d) {
				continue
			}
			switch f.Status(d) {
			case Open:
				c.Open++
				if f.Action == nil {
					c.NoAction++
				}
			case Overdue:
				c.Overdue++
			case Closed:
				c.Closed++
			}
			if f.Item.Refund {
				c.Refund++
			}
		}
		out[i] = c
	}
	return out
}
