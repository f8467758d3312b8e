package goals

import (
	"fmt"
	"time"

	"github.com/opfolgning/opfolgning/lang"
)

// EvidenceKind is the kind of qualitative evidence.
type EvidenceKind uint8

const (
	CaseStory EvidenceKind = iota + 1 // case (sagseksempel)
	Narrative                         // narrative, e.g. from a dialogue meeting (fortælling)
	Statement                         // a quote from a child, a parent or a professional (udsagn)
)

// String returns the kind's text code.
func (k EvidenceKind) String() string {
	switch k {
	case CaseStory:
		return "case"
	case Narrative:
		return "narrative"
	case Statement:
		return "statement"
	}
	return fmt.Sprintf("EvidenceKind(%d)", uint8(k))
}

// QualitativeEvidence is a case, a narrative or a statement attached to a node of a theory
// of change (kvalitativ dokumentation). It is carried into the goal's status as it is and
// never produces a computed verdict. Write it without names or CPR numbers: it may reach
// the committee.
type QualitativeEvidence struct {
	Kind   EvidenceKind
	Date   time.Time
	Title  lang.Text
	Text   lang.Text
	Source string // e.g. "dialogmøde med plejefamilier, marts"
}
