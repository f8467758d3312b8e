package supervision

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/opfolgning/opfolgning/problem"
)

// AnswerValue is the answer to a checklist item.
type AnswerValue uint8

const (
	Yes           AnswerValue = iota + 1 // ja
	No                                   // nej
	NotApplicable                        // ikke relevant
	NotAssessed                          // ikke vurderet
)

var answerCodes = map[AnswerValue]string{Yes: "yes", No: "no", NotApplicable: "not-applicable", NotAssessed: "not-assessed"}

// String returns the answer's text code.
func (a AnswerValue) String() string { return codeOr(answerCodes, a) }

// MarshalText implements encoding.TextMarshaler.
func (a AnswerValue) MarshalText() ([]byte, error) { return marshalCode(answerCodes, a) }

// UnmarshalText implements encoding.TextUnmarshaler; it also reads ja, nej, ikke relevant
// and ikke vurderet.
func (a *AnswerValue) UnmarshalText(b []byte) error {
	switch string(b) {
	case "ja":
		*a = Yes
	case "nej":
		*a = No
	case "ikke relevant":
		*a = NotApplicable
	case "ikke vurderet":
		*a = NotAssessed
	default:
		return unmarshalCode(answerCodes, a, b, "answer")
	}
	return nil
}

// Action is a corrective action for a finding (opfølgende handling).
type Action struct {
	Text  string    `json:"text"`
	Owner string    `json:"owner"` // a role or a person's initials, never a citizen
	Due   time.Time `json:"due"`
	// Closed is the date the action was completed; zero while open.
	Closed time.Time `json:"closed,omitzero"`
}

// Answer is the answer to one checklist item in a review.
type Answer struct {
	Item  string      `json:"item"`
	Value AnswerValue `json:"value"`
	Note  string      `json:"note,omitempty"`
	// Action is the corrective action of a "no" on a formal requirement.
	Action *Action `json:"action,omitempty"`
}

// Selection says how a reviewed case was chosen.
type Selection uint8

const (
	Drawn  Selection = iota + 1 // udtrukket ved lodtrækning (see package sampling)
	Chosen                      // valgt (handpicked, and marked so)
)

var selectionCodes = map[Selection]string{Drawn: "drawn", Chosen: "chosen"}

// MarshalText implements encoding.TextMarshaler.
func (s Selection) MarshalText() ([]byte, error) { return marshalCode(selectionCodes, s) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Selection) UnmarshalText(b []byte) error {
	return unmarshalCode(selectionCodes, s, b, "selection")
}

// Review is the supervision of one case (gennemgang): who reviewed whose case when, with
// which checklist and version, the answers, and for a themed supervision the themed answers.
type Review struct {
	ID        string    `json:"id"`
	Case      string    `json:"case"` // the case's pseudonymous ID
	Selection Selection `json:"selection"`
	// Draw names the sampling draw the case came from (its period label) when drawn.
	Draw       string    `json:"draw,omitempty"`
	Reviewer   string    `json:"reviewer"`
	Caseworker string    `json:"caseworker"`
	Team       string    `json:"team"`
	Date       time.Time `json:"date"`
	Template   string    `json:"template"`
	Version    int       `json:"version"`
	Facts      Facts     `json:"facts"`
	Answers    []Answer  `json:"answers"`
	// Themed and ThemedTemplate hold a themed supervision's answers and its template ID.
	ThemedTemplate string         `json:"themed_template,omitempty"`
	Themed         []ThemedAnswer `json:"themed,omitempty"`
	// LearningPoints lists the IDs of the learning points raised in the review.
	LearningPoints []string `json:"learning_points,omitempty"`
}

// Sentinel errors of review validation.
var (
	ErrUnknownTemplate = errors.New("unknown template or version")
	ErrUnknownItem     = errors.New("unknown item")
	ErrUnanswered      = errors.New("applicable item not answered (answer it or mark it not assessed)")
	ErrNotApplicable   = errors.New("item does not apply to this case")
)

// Catalog holds the templates reviews may name, by ID and version.
type Catalog struct {
	Checklists []Template
	Themes     []ThemedTemplate
}

func (c Catalog) checklist(id string, version int) (Template, bool) {
	for _, t := range c.Checklists {
		if t.ID == id && t.Version == version {
			return t, true
		}
	}
	return Template{}, false
}

func (c Catalog) theme(id string) (ThemedTemplate, bool) {
	for _, t := range c.Themes {
		if t.ID == id {
			return t, true
		}
	}
	return ThemedTemplate{}, false
}

// ValidateReviews checks reviews against the catalog and reports every problem, naming
// reviews by position: a missing ID, case, date or reviewer; a template or version not in
// the catalog; an answer to an unknown item or twice to one item; an applicable item left
// unanswered; a yes or no to an item that does not apply to the case's facts; a drawn case
// without its draw; themed answers outside their template. Case IDs never appear.
func ValidateReviews(reviews []Review, c Catalog) error {
	var l problem.List
	ids := map[string]int{}
	for r, rv := range reviews {
		if rv.ID == "" {
			l.Add(r, "id", "%w", ErrNoID)
		} else if j, dup := ids[rv.ID]; dup {
			l.Add(r, "id", "same ID as review %d: %w", j, ErrDuplicateID)
		}
		ids[rv.ID] = r
		if rv.Case == "" {
			l.Add(r, "case", "no case")
		}
		if rv.Date.IsZero() {
			l.Add(r, "date", "no date")
		}
		if rv.Reviewer == "" {
			l.Add(r, "reviewer", "no reviewer")
		}
		switch rv.Selection {
		case Drawn:
			if rv.Draw == "" {
				l.Add(r, "draw", "a drawn case names its draw")
			}
		case Chosen:
		default:
			l.Add(r, "selection", "say whether the case was drawn or chosen: %w", ErrUnknownCode)
		}
		t, ok := c.checklist(rv.Template, rv.Version)
		if !ok {
			l.Add(r, "template", "%q version %d: %w", rv.Template, rv.Version, ErrUnknownTemplate)
		} else {
			answered := map[string]int{}
			for i, a := range rv.Answers {
				f := fmt.Sprintf("answers[%d]", i)
				it, known := t.Item(a.Item)
				if !known {
					l.Add(r, f+".item", "%q: %w", a.Item, ErrUnknownItem)
					continue
				}
				if j, dup := answered[a.Item]; dup {
					l.Add(r, f+".item", "%q answered twice (also answers[%d])", a.Item, j)
				}
				answered[a.Item] = i
				if _, ok := answerCodes[a.Value]; !ok {
					l.Add(r, f+".value", "%w", ErrUnknownCode)
				}
				if (a.Value == Yes || a.Value == No) && !it.AppliesTo.Holds(rv.Facts) {
					l.Add(r, f+".value", "%q (%s): %w", a.Item, it.AppliesTo, ErrNotApplicable)
				}
			}
			for _, it := range t.Items {
				if _, ok := answered[it.ID]; !ok && it.AppliesTo.Holds(rv.Facts) {
					l.Add(r, "answers", "%q: %w", it.ID, ErrUnanswered)
				}
			}
		}
		if rv.ThemedTemplate != "" || len(rv.Themed) > 0 {
			tt, ok := c.theme(rv.ThemedTemplate)
			if !ok {
				l.Add(r, "themed_template", "%q: %w", rv.ThemedTemplate, ErrUnknownTemplate)
			} else {
				validateThemed(&l, r, tt, rv.Themed)
			}
		}
	}
	return l.Err("supervision: reviews")
}

// ParseReviews reads a JSON array of reviews, rejecting unknown fields, and validates them
// against the catalog.
func ParseReviews(r io.Reader, c Catalog) ([]Review, error) {
	var rs []Review
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rs); err != nil {
		return nil, fmt.Errorf("supervision: reviews: %w", err)
	}
	if err := ValidateReviews(rs, c); err != nil {
		return nil, err
	}
	return rs, nil
}
