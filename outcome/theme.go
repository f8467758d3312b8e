package outcome

import (
	"errors"
	"fmt"
	"strings"

	"github.com/opfolgning/opfolgning/lang"
)

// Theme is one of the five life themes (livstemaer) in which result tools score a child,
// the five areas of the child-professional examination that KL's Trivselslinealen also uses.
// Its text code is stable and is what MarshalText writes.
type Theme uint8

// The five themes, in the order of the survey report (seed 004). The zero Theme is invalid.
const (
	Development Theme = iota + 1 // udvikling og adfærd, code "development"
	Family                       // familieforhold, code "family"
	School                       // daginstitution, skole eller beskæftigelse, code "school"
	Health                       // sundhedsforhold, code "health"
	Leisure                      // fritidsforhold og venskaber, code "leisure"
)

// NumThemes is the number of themes.
const NumThemes = 5

// ErrUnknownTheme is wrapped by the errors of ParseTheme and UnmarshalText.
var ErrUnknownTheme = errors.New("unknown theme")

// Themes returns the five themes in their order.
func Themes() [NumThemes]Theme { return [NumThemes]Theme{Development, Family, School, Health, Leisure} }

var themeInfo = [NumThemes + 1]struct {
	code  string
	label lang.Text
}{
	{},
	{"development", lang.Text{Da: "Udvikling og adfærd", En: "Development and behaviour"}},
	{"family", lang.Text{Da: "Familieforhold", En: "Family relations"}},
	{"school", lang.Text{Da: "Daginstitution, skole eller beskæftigelse", En: "Daycare, school or employment"}},
	{"health", lang.Text{Da: "Sundhedsforhold", En: "Health"}},
	{"leisure", lang.Text{Da: "Fritidsforhold og venskaber", En: "Leisure and friendships"}},
}

// Valid reports whether t is one of the five themes.
func (t Theme) Valid() bool { return t >= Development && t <= Leisure }

// index returns t's position 0..4 in arrays indexed by theme.
func (t Theme) index() int { return int(t) - 1 }

// String returns the theme's text code, e.g. "family", or "Theme(9)" for an invalid theme.
func (t Theme) String() string {
	if !t.Valid() {
		return fmt.Sprintf("Theme(%d)", uint8(t))
	}
	return themeInfo[t].code
}

// Label returns the theme's name for readers in language l.
func (t Theme) Label(l lang.Language) string {
	if !t.Valid() {
		return t.String()
	}
	return themeInfo[t].label.In(l)
}

// ParseTheme reads a theme from its text code or its Danish or English label, ignoring case
// and surrounding space, e.g. "school", "Familieforhold", "Leisure and friendships".
func ParseTheme(s string) (Theme, error) {
	s = strings.TrimSpace(s)
	for t := Development; t <= Leisure; t++ {
		info := themeInfo[t]
		if strings.EqualFold(s, info.code) || strings.EqualFold(s, info.label.Da) || strings.EqualFold(s, info.label.En) {
			return t, nil
		}
	}
	return 0, fmt.Errorf("%q: %w", s, ErrUnknownTheme)
}

// MarshalText implements encoding.TextMarshaler; an invalid theme is an error.
func (t Theme) MarshalText() ([]byte, error) {
	if !t.Valid() {
		return nil, fmt.Errorf("%s: %w", t, ErrUnknownTheme)
	}
	return []byte(t.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseTheme.
func (t *Theme) UnmarshalText(b []byte) error {
	v, err := ParseTheme(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}
