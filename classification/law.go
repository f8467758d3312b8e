package classification

import (
	"fmt"
	"strings"

	"github.com/opfolgning/opfolgning/lang"
)

// Law is the act a provision belongs to.
type Law uint8

const (
	BarnetsLov   Law = iota + 1 // Barnets Lov, in force from 1 January 2024
	Serviceloven                // lov om social service, for children until 31 December 2023
)

// ProvisionKind groups provisions as the interventions overview does.
type ProvisionKind uint8

const (
	Supportive ProvisionKind = iota + 1 // støttende indsats (forebyggende foranstaltning)
	Placement                           // anbringelse
	AfterCare                           // ungestøtte / efterværn, 18–22 years
)

// String returns the kind's text code.
func (k ProvisionKind) String() string {
	return [...]string{"", "supportive", "placement", "after-care"}[min(int(k), 3)]
}

// Label returns the kind for readers in language l.
func (k ProvisionKind) Label(l lang.Language) string {
	return [...]lang.Text{{}, {Da: "Støttende indsats", En: "Supportive measure"}, {Da: "Anbringelse", En: "Placement"}, {Da: "Ungestøtte / efterværn", En: "After-care"}}[min(int(k), 3)].In(l)
}

// Provision is one entry of the catalogue of law provisions (lovhjemmel): its code as
// extracts write it (e.g. "BL § 32, stk. 1, nr. 5"), its law, title and kind, the source it
// was checked against, and, for a former provision, the codes that replaced it.
type Provision struct {
	Code       string
	Law        Law
	Title      lang.Text
	Kind       ProvisionKind
	Source     string
	Verified   bool
	Successors []string
}

// Catalogue is a catalogue of provisions; callers extend it with Add.
type Catalogue struct {
	Provisions []Provision
}

// normaliseCode folds spacing and case so that "BL §32 stk.1 nr.5" finds "BL § 32, stk. 1, nr. 5".
func normaliseCode(s string) string {
	s = strings.ToLower(s)
	return strings.NewReplacer(" ", "", ",", "", ".", "").Replace(s)
}

// Lookup returns the provision with the given code, ignoring spacing, commas, points and case.
func (c Catalogue) Lookup(code string) (Provision, bool) {
	n := normaliseCode(code)
	for _, p := range c.Provisions {
		if normaliseCode(p.Code) == n {
			return p, true
		}
	}
	return Provision{}, false
}

// Add returns a catalogue with p added; a provision with the same code is an error.
func (c Catalogue) Add(p Provision) (Catalogue, error) {
	if p.Code == "" || p.Law == 0 || p.Kind == 0 {
		return c, fmt.Errorf("classification: a provision needs a code, a law and a kind")
	}
	if _, dup := c.Lookup(p.Code); dup {
		return c, fmt.Errorf("classification: provision %q: %w", p.Code, ErrDuplicateCode)
	}
	out := Catalogue{Provisions: append(append([]Provision(nil), c.Provisions...), p)}
	return out, nil
}

// Current returns the provision that continues code in force now: the provision itself for
// Barnets Lov, its first successor for a former one (so that time series can cross 1 January
// 2024), and false for an unknown code or one without a successor.
func (c Catalogue) Current(code string) (Provision, bool) {
	p, ok := c.Lookup(code)
	if !ok {
		return Provision{}, false
	}
	if p.Law == BarnetsLov {
		return p, true
	}
	if len(p.Successors) == 0 {
		return Provision{}, false
	}
	return c.Lookup(p.Successors[0])
}

const (
	srcBL  = "Barnets Lov, LBK nr. 282 af 17/03/2025 (lovguiden.dk, checked 2026-11-22)"
	srcSEL = "Serviceloven § 76 as in force until 2023 (danskelove.dk, checked 2026-11-22)"
	srcAST = "Ankestyrelsen: ungestøtte is Barnets Lov §§ 113-116, formerly Serviceloven § 76 (checked 2026-11-22)"
)

// DefaultCatalogue returns the provisions for supportive measures, placements and after-care
// in Barnets Lov and the former Serviceloven, each with the source it was checked against.
//
// Verified against the law text: Barnets Lov § 32, stk. 1, nr. 1–8 (the eight supportive
// measures), § 46 (placement with consent) and § 47 (placement without consent); Serviceloven
// § 76 (after-care) and its reference to § 52, stk. 3, nr. 6 (a permanent contact person);
// Barnets Lov §§ 113–116 (ungestøtte) through Ankestyrelsen's statement that they replace
// § 76. Not verified here, and marked so: the rest of Serviceloven § 52, stk. 3 (listed as
// one entry, without a successor, since its numbers map to different provisions) and § 58
// (placement without consent, mapped to § 47).
func DefaultCatalogue() Catalogue {
	bl := func(code, da, en string, kind ProvisionKind) Provision {
		return Provision{Code: code, Law: BarnetsLov, Title: lang.Text{Da: da, En: en}, Kind: kind, Source: srcBL, Verified: true}
	}
	return Catalogue{Provisions: []Provision{
		bl("BL § 32, stk. 1, nr. 1", "Ophold i dagtilbud, fritidshjem, ungdomsklub, uddannelsessted el.lign.", "Stay in daycare, after-school club, youth club, place of education or the like", Supportive),
		bl("BL § 32, stk. 1, nr. 2", "Praktisk, pædagogisk eller anden støtte i hjemmet", "Practical, educational or other support in the home", Supportive),
		bl("BL § 32, stk. 1, nr. 3", "Fast kontaktperson for barnet, den unge eller familien", "Permanent contact person for the child, the young person or the family", Supportive),
		bl("BL § 32, stk. 1, nr. 4", "Formidling af praktiktilbud", "Arranging a work placement", Supportive),
		bl("BL § 32, stk. 1, nr. 5", "Familiebehandling eller behandling af barnet eller den unge", "Family treatment or treatment of the child or young person", Supportive),
		bl("BL § 32, stk. 1, nr. 6", "Familieanbringelse (døgnophold for hele familien)", "Family placement (residential stay for the whole family)", Supportive),
		bl("BL § 32, stk. 1, nr. 7", "Støtteophold i plejefamilie eller på børne- og ungehjem", "Support stay in a foster family or a children's home", Supportive),
		bl("BL § 32, stk. 1, nr. 8", "Anden hjælp (rådgivning, behandling, praktisk og pædagogisk støtte)", "Other help (advice, treatment, practical and educational support)", Supportive),
		bl("BL § 46", "Anbringelse uden for hjemmet med samtykke", "Placement outside the home with consent", Placement),
		bl("BL § 47", "Anbringelse uden for hjemmet uden samtykke", "Placement outside the home without consent", Placement),
		{Code: "BL §§ 113-116", Law: BarnetsLov, Title: lang.Text{Da: "Ungestøtte (18-22 år)", En: "Support for young people (18-22 years)"}, Kind: AfterCare, Source: srcAST, Verified: true},
		{Code: "SEL § 52, stk. 3, nr. 6", Law: Serviceloven, Title: lang.Text{Da: "Fast kontaktperson", En: "Permanent contact person"}, Kind: Supportive,
			Source: srcSEL + ": § 76, stk. 2 names the contact person of § 52, stk. 3, nr. 6", Verified: true, Successors: []string{"BL § 32, stk. 1, nr. 3"}},
		{Code: "SEL § 52, stk. 3", Law: Serviceloven, Title: lang.Text{Da: "Foranstaltninger (øvrige numre)", En: "Measures (other numbers)"}, Kind: Supportive,
			Source: "Not verified against the law text here; no successor: its numbers map to different provisions (supportive measures to § 32, placement to § 46), so map them number by number with Add", Verified: false},
		{Code: "SEL § 58", Law: Serviceloven, Title: lang.Text{Da: "Anbringelse uden samtykke", En: "Placement without consent"}, Kind: Placement,
			Source: "Not verified against the law text here", Verified: false, Successors: []string{"BL § 47"}},
		{Code: "SEL § 76", Law: Serviceloven, Title: lang.Text{Da: "Efterværn (18-22 år)", En: "After-care (18-22 years)"}, Kind: AfterCare, Source: srcSEL + "; " + srcAST, Verified: true, Successors: []string{"BL §§ 113-116"}},
	}}
}
