package supervision

import (
	"bytes"
	_ "embed"
)

//go:embed templates/formal-requirements.json
var formalRequirementsJSON []byte

// FormalRequirements returns the shipped checklist of formal requirements (formelle krav),
// the points of DOMAIN.md §5: eligible group (personkreds), grant and decision, journal and
// documentation, booking on the right account (kontering), child-professional examination,
// deadlines, child involved, child conversation held (where relevant), consents obtained
// (where required), and sufficient professional basis (a professional-quality item: a "no"
// there is a learning point, not a finding). Its JSON is templates/formal-requirements.json,
// compiled into the package; severities and refund significance are defaults to adjust.
func FormalRequirements() Template {
	t, err := ParseTemplate(bytes.NewReader(formalRequirementsJSON))
	if err != nil {
		// The file is part of the package and tested; this cannot happen in a release.
		return Template{ID: "formal-requirements", Name: Template{}.Name}
	}
	return t
}
