package classification

import (
	"fmt"
	"strings"

	"github.com/opfolgning/opfolgning/lang"
)

// CoarseLevel is one level of a coarse scale.
type CoarseLevel struct {
	Code  string    `json:"code"`
	Label lang.Text `json:"label"`
}

// CoarseScale is an ordered coarse classification of a child's situation (grovsortering):
// the five categories of Børnelinealen, a green / yellow / red wellbeing assessment, or one
// of the caller's. Levels go from the least to the most concerning.
type CoarseScale struct {
	ID     string        `json:"id"`
	Name   lang.Text     `json:"name"`
	Source string        `json:"source,omitempty"`
	Levels []CoarseLevel `json:"levels"`
}

// Validate checks that the scale has levels with unique codes and labels.
func (s CoarseScale) Validate() error {
	if s.ID == "" || len(s.Levels) < 2 {
		return fmt.Errorf("classification: coarse scale needs an ID and at least two levels")
	}
	seen := map[string]bool{}
	for i, l := range s.Levels {
		if l.Code == "" || seen[strings.ToLower(l.Code)] || (l.Label.Da == "" && l.Label.En == "") {
			return fmt.Errorf("classification: coarse scale %s: level %d: code missing, repeated or unlabelled", s.ID, i)
		}
		seen[strings.ToLower(l.Code)] = true
	}
	return nil
}

// Parse returns the position of the level with code or label s (case ignored), 0 for the
// least concerning.
func (s CoarseScale) Parse(v string) (int, error) {
	v = strings.TrimSpace(v)
	for i, l := range s.Levels {
		if strings.EqualFold(v, l.Code) || strings.EqualFold(v, l.Label.Da) || strings.EqualFold(v, l.Label.En) {
			return i, nil
		}
	}
	return -1, fmt.Errorf("classification: %q is not a level of %s: %w", v, s.ID, ErrUnknownCode)
}

// Borneline returns the five categories of Børnelinealen, 1, 2, 3, 4a and 4b (the codes as
// shared/REFERENCES.md gives them). The labels are this library's short descriptions, not
// Børnelinealen's own wording, which we could not check: replace them with your tool's.
func Borneline() CoarseScale {
	return CoarseScale{ID: "borneline", Name: lang.Text{Da: "Børnelinealen", En: "Børnelinealen (the children's ruler)"},
		Source: "Codes 1, 2, 3, 4a, 4b; labels unverified, this library's wording.",
		Levels: []CoarseLevel{
			{"1", lang.Text{Da: "Ingen bekymring", En: "No concern"}},
			{"2", lang.Text{Da: "Let bekymring", En: "Slight concern"}},
			{"3", lang.Text{Da: "Bekymring", En: "Concern"}},
			{"4a", lang.Text{Da: "Alvorlig bekymring", En: "Serious concern"}},
			{"4b", lang.Text{Da: "Alvorlig bekymring, akut", En: "Serious concern, acute"}},
		}}
}

// TrafficLight returns the green / yellow / red wellbeing assessment of the early-detection
// models (trivselsvurdering).
func TrafficLight() CoarseScale {
	return CoarseScale{ID: "traffic-light", Name: lang.Text{Da: "Trivselsvurdering", En: "Wellbeing assessment"},
		Levels: []CoarseLevel{
			{"green", lang.Text{Da: "Grøn", En: "Green"}},
			{"yellow", lang.Text{Da: "Gul", En: "Yellow"}},
			{"red", lang.Text{Da: "Rød", En: "Red"}},
		}}
}
