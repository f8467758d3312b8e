package goals

import (
	"fmt"
	"strings"
)

// Polarity says which direction of an indicator or a scale is the good one (retning: højere
// er bedre / lavere er bedre). The zero value is unspecified, which validation rejects:
// the library never assumes a direction.
type Polarity uint8

const (
	PolarityUnspecified Polarity = iota
	HigherIsBetter               // højere er bedre, code "higher-is-better"
	LowerIsBetter                // lavere er bedre, code "lower-is-better"
)

// String returns the polarity's text code.
func (p Polarity) String() string {
	switch p {
	case HigherIsBetter:
		return "higher-is-better"
	case LowerIsBetter:
		return "lower-is-better"
	}
	return "unspecified"
}

// ParsePolarity reads a polarity from its text code or its Danish name
// ("højere er bedre", "lavere er bedre"), ignoring case.
func ParsePolarity(s string) (Polarity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "higher-is-better", "higher is better", "højere er bedre":
		return HigherIsBetter, nil
	case "lower-is-better", "lower is better", "lavere er bedre":
		return LowerIsBetter, nil
	}
	return PolarityUnspecified, fmt.Errorf("unknown polarity %q", s)
}

// MarshalText implements encoding.TextMarshaler.
func (p Polarity) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParsePolarity.
func (p *Polarity) UnmarshalText(b []byte) error {
	v, err := ParsePolarity(string(b))
	if err == nil {
		*p = v
	}
	return err
}

// Sign returns +1 for HigherIsBetter, −1 for LowerIsBetter and 0 when unspecified: the
// factor that turns a raw change into a change for the better.
func (p Polarity) Sign() int {
	switch p {
	case HigherIsBetter:
		return 1
	case LowerIsBetter:
		return -1
	}
	return 0
}
