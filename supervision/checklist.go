package supervision

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/problem"
)

// Category is the kind of a checklist item.
type Category uint8

const (
	FormalRequirement   Category = iota + 1 // formelt krav: a "no" is a finding
	ProfessionalQuality                     // faglig kvalitet: a "no" is a learning point
)

var categoryCodes = map[Category]string{FormalRequirement: "formal", ProfessionalQuality: "quality"}

// String returns the category's text code.
func (c Category) String() string { return codeOr(categoryCodes, c) }

// MarshalText implements encoding.TextMarshaler.
func (c Category) MarshalText() ([]byte, error) { return marshalCode(categoryCodes, c) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Category) UnmarshalText(b []byte) error {
	return unmarshalCode(categoryCodes, c, b, "category")
}

// Severity is how serious a "no" on an item is (alvorlighed).
type Severity uint8

const (
	Low    Severity = iota + 1 // lav
	Medium                     // middel
	High                       // høj
)

var severityCodes = map[Severity]string{Low: "low", Medium: "medium", High: "high"}

// String returns the severity's text code.
func (s Severity) String() string { return codeOr(severityCodes, s) }

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return marshalCode(severityCodes, s) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	return unmarshalCode(severityCodes, s, b, "severity")
}

// Condition says which cases an item applies to (anvendelse).
type Condition uint8

const (
	Always                    Condition = iota + 1 // every case
	Placements                                     // only placements (anbringelser)
	ChildConversationRelevant                      // only where a child conversation is relevant
	ConsentRequired                                // only where consent is to be obtained
)

var conditionCodes = map[Condition]string{Always: "always", Placements: "placement",
	ChildConversationRelevant: "child-conversation-relevant", ConsentRequired: "consent-required"}

// String returns the condition's text code.
func (c Condition) String() string { return codeOr(conditionCodes, c) }

// MarshalText implements encoding.TextMarshaler.
func (c Condition) MarshalText() ([]byte, error) { return marshalCode(conditionCodes, c) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Condition) UnmarshalText(b []byte) error {
	return unmarshalCode(conditionCodes, c, b, "condition")
}

// Facts are what a review records about the case that decides which items apply.
type Facts struct {
	Placement                 bool `json:"placement"`
	ChildConversationRelevant bool `json:"child_conversation_relevant"`
	ConsentRequired           bool `json:"consent_required"`
}

// Holds reports whether the condition holds for a case with these facts.
func (c Condition) Holds(f Facts) bool {
	switch c {
	case Placements:
		return f.Placement
	case ChildConversationRelevant:
		return f.ChildConversationRelevant
	case ConsentRequired:
		return f.ConsentRequired
	}
	return true
}

// Item is one point of a checklist (tjekpunkt).
type Item struct {
	ID        string    `json:"id"`
	Text      lang.Text `json:"text"`
	Category  Category  `json:"category"`
	AppliesTo Condition `json:"applies_to"`
	Severity  Severity  `json:"severity"`
	// Refund marks an item whose error affects state refunds (refusionsmæssig betydning).
	Refund bool `json:"refund"`
}

// Template is a versioned checklist (tjekliste). A review names the template and the version
// it used; a new version is a new template value with the same ID.
type Template struct {
	ID      string    `json:"id"`
	Version int       `json:"version"`
	Name    lang.Text `json:"name"`
	Source  string    `json:"source,omitempty"`
	Items   []Item    `json:"items"`
}

// Item returns the item with the given ID.
func (t Template) Item(id string) (Item, bool) {
	for _, it := range t.Items {
		if it.ID == id {
			return it, true
		}
	}
	return Item{}, false
}

// Sentinel errors wrapped by the template and review problems.
var (
	ErrNoID        = errors.New("no ID")
	ErrDuplicateID = errors.New("duplicate ID")
	ErrNoText      = errors.New("no text in Danish and English")
	ErrUnknownCode = errors.New("unknown code")
)

// Validate checks the template and reports every problem, naming items by position.
func (t Template) Validate() error {
	var l problem.List
	if t.ID == "" {
		l.Add(0, "id", "%w", ErrNoID)
	}
	if t.Version < 1 {
		l.Add(0, "version", "version %d is not ≥ 1", t.Version)
	}
	if len(t.Items) == 0 {
		l.Add(0, "items", "no items")
	}
	seen := map[string]int{}
	for i, it := range t.Items {
		f := fmt.Sprintf("items[%d]", i)
		if it.ID == "" {
			l.Add(0, f+".id", "%w", ErrNoID)
		} else if j, dup := seen[it.ID]; dup {
			l.Add(0, f+".id", "same ID as items[%d]: %w", j, ErrDuplicateID)
		}
		seen[it.ID] = i
		if it.Text.Da == "" || it.Text.En == "" {
			l.Add(0, f+".text", "%w", ErrNoText)
		}
		if _, ok := categoryCodes[it.Category]; !ok {
			l.Add(0, f+".category", "%w", ErrUnknownCode)
		}
		if _, ok := conditionCodes[it.AppliesTo]; !ok {
			l.Add(0, f+".applies_to", "%w", ErrUnknownCode)
		}
		if _, ok := severityCodes[it.Severity]; !ok {
			l.Add(0, f+".severity", "%w", ErrUnknownCode)
		}
	}
	return l.Err("supervision: template")
}

// ParseTemplate reads a checklist template from JSON (the form MarshalJSON of Template
// writes; see templates/formal-requirements.json) and validates it. Unknown fields are
// errors: a misspelt field must not pass silently.
func ParseTemplate(r io.Reader) (Template, error) {
	var t Template
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return Template{}, fmt.Errorf("supervision: template: %w", err)
	}
	if err := t.Validate(); err != nil {
		return Template{}, err
	}
	return t, nil
}

func codeOr[K ~uint8](m map[K]string, k K) string {
	if c, ok := m[k]; ok {
		return c
	}
	return fmt.Sprintf("code(%d)", uint8(k))
}

func marshalCode[K ~uint8](m map[K]string, k K) ([]byte, error) {
	c, ok := m[k]
	if !ok {
		return nil, fmt.Errorf("supervision: code(%d): %w", uint8(k), ErrUnknownCode)
	}
	return []byte(c), nil
}

func unmarshalCode[K ~uint8](m map[K]string, k *K, b []byte, what string) error {
	s := strings.TrimSpace(string(b))
	for key, c := range m {
		if strings.EqualFold(c, s) {
			*k = key
			return nil
		}
	}
	return fmt.Errorf("supervision: %s %q: %w", what, s, ErrUnknownCode)
}
