// Package lang holds the two languages every label in opfolgning exists in, Danish and
// English, and the bilingual text value that carries both.
//
// Danish is the zero value and the default: the users of the library speak it, and the
// reports for a municipality's committee are written in it.
package lang

import (
	"fmt"
	"strings"
)

// Language is the language of a label or a report (sprog).
type Language uint8

const (
	Danish  Language = iota // dansk, code "da"
	English                 // engelsk, code "en"
)

// String returns the language's ISO 639-1 code: "da" or "en".
func (l Language) String() string {
	if l == English {
		return "en"
	}
	return "da"
}

// Parse reads a language from its code or its name in either language, ignoring case:
// "da", "dansk", "danish", "en", "engelsk", "english".
func Parse(s string) (Language, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "da", "dansk", "danish":
		return Danish, nil
	case "en", "engelsk", "english":
		return English, nil
	}
	return Danish, fmt.Errorf("lang: unknown language %q (want da or en)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (l Language) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (l *Language) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// Text is a label in Danish and English.
type Text struct {
	Da string `json:"da"`
	En string `json:"en"`
}

// In returns the text in language l, falling back to the other language when it is empty.
func (t Text) In(l Language) string {
	if l == English && t.En != "" || t.Da == "" {
		return t.En
	}
	return t.Da
}
