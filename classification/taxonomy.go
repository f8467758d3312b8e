package classification

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/problem"
)

// Group is one target group of a taxonomy (målgruppe): a code, its parent's code ("" at the
// top), names in Danish and English, and whether the entry was verified against its source.
type Group struct {
	Code     string    `json:"code"`
	Parent   string    `json:"parent"`
	Name     lang.Text `json:"name"`
	Verified bool      `json:"verified"`
}

// Taxonomy is a hierarchical target-group classification (målgruppeklassifikation).
type Taxonomy struct {
	ID      string  `json:"id"`
	Version string  `json:"version"`
	Source  string  `json:"source"`
	Groups  []Group `json:"groups"`

	index map[string]int
}

// Sentinel errors of taxonomies and memberships.
var (
	ErrDuplicateCode = errors.New("duplicate code")
	ErrUnknownCode   = errors.New("unknown code")
	ErrCycle         = errors.New("the parents form a cycle")
)

// Validate checks the taxonomy: codes present and unique, parents that exist, no cycles,
// names in Danish and English. It reports every problem by the group's position. A valid
// taxonomy keeps an index for fast look-ups; validate it before sharing it between
// goroutines (the loaders and DefaultTaxonomy do).
func (t *Taxonomy) Validate() error {
	var l problem.List
	idx := map[string]int{}
	for i, g := range t.Groups {
		switch _, dup := idx[g.Code]; {
		case g.Code == "":
			l.Add(i, "code", "no code")
		case dup:
			l.Add(i, "code", "%w", ErrDuplicateCode)
		default:
			idx[g.Code] = i
		}
		if g.Name.Da == "" || g.Name.En == "" {
			l.Add(i, "name", "a name in Danish and in English")
		}
	}
	for i, g := range t.Groups {
		if g.Parent == "" {
			continue
		}
		if _, ok := idx[g.Parent]; !ok {
			l.Add(i, "parent", "%q: %w", g.Parent, ErrUnknownCode)
			continue
		}
		seen := map[string]bool{g.Code: true}
		for p := g.Parent; p != ""; {
			if seen[p] {
				l.Add(i, "parent", "%w", ErrCycle)
				break
			}
			seen[p] = true
			j, ok := idx[p]
			if !ok {
				break
			}
			p = t.Groups[j].Parent
		}
	}
	if err := l.Err("classification: taxonomy"); err != nil {
		return err
	}
	t.index = idx
	return nil
}

// Group returns the group with the given code.
func (t *Taxonomy) Group(code string) (Group, bool) {
	if t.index == nil { // not validated: scan, never build state behind a reader's back
		for _, g := range t.Groups {
			if g.Code == code {
				return g, true
			}
		}
		return Group{}, false
	}
	i, ok := t.index[code]
	if !ok {
		return Group{}, false
	}
	return t.Groups[i], true
}

// Depth returns the level of a code: 1 at the top.
func (t *Taxonomy) Depth(code string) int {
	d := 0
	for c := code; c != ""; d++ {
		g, ok := t.Group(c)
		if !ok {
			return 0
		}
		c = g.Parent
	}
	return d
}

// RollUp returns the ancestor of code at the given level (1 = the top), or code itself when
// it lies at or above that level. An unknown code is an error.
func (t *Taxonomy) RollUp(code string, level int) (string, error) {
	if _, ok := t.Group(code); !ok {
		return "", fmt.Errorf("classification: %q: %w", code, ErrUnknownCode)
	}
	for d := t.Depth(code); d > level; d-- {
		g, _ := t.Group(code)
		code = g.Parent
	}
	return code, nil
}

// ParseTaxonomyJSON reads a taxonomy from JSON ({"id", "version", "source", "groups": [...]})
// and validates it.
func ParseTaxonomyJSON(r io.Reader) (*Taxonomy, error) {
	var t Taxonomy
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("classification: taxonomy: %w", err)
	}
	if err := t.Validate(); err != nil {
		return nil, err
	}
	return &t, nil
}

// ParseTaxonomyCSV reads the groups of a taxonomy from CSV with the header code, parent,
// name_da, name_en and optionally verified (true/false, ja/nej), comma or semicolon.
func ParseTaxonomyCSV(r io.Reader, id, version, source string) (*Taxonomy, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	cr := csv.NewReader(bytes.NewReader(b))
	first, _, _ := bytes.Cut(b, []byte("\n"))
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("classification: taxonomy CSV: %w", err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("classification: taxonomy CSV: no header")
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	var l problem.List
	l.Unit = "row"
	for _, need := range []string{"code", "parent", "name_da", "name_en"} {
		if _, ok := col[need]; !ok {
			l.Add(1, need, "column missing")
		}
	}
	if err := l.Err("classification: taxonomy CSV"); err != nil {
		return nil, err
	}
	t := &Taxonomy{ID: id, Version: version, Source: source}
	get := func(row []string, name string) string {
		i, ok := col[name]
		if !ok || i >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[i])
	}
	for _, row := range rows[1:] {
		v := strings.ToLower(get(row, "verified"))
		t.Groups = append(t.Groups, Group{Code: get(row, "code"), Parent: get(row, "parent"),
			Name: lang.Text{Da: get(row, "name_da"), En: get(row, "name_en")}, Verified: v == "true" || v == "ja" || v == "yes"})
	}
	if err := t.Validate(); err != nil {
		return nil, err
	}
	return t, nil
}

//go:embed data/target-groups.json
var defaultTaxonomyJSON []byte

// DefaultTaxonomy returns the shipped target-group taxonomy. Its top level is the three
// groups of Barnets Lov § 1, stk. 1, nr. 2 (LBK nr. 282 af 17/03/2025): reduced physical
// function (nedsat fysisk funktionsevne), reduced mental function (nedsat psykisk
// funktionsevne) and special social problems (særlige sociale problemer), verified against
// the law text. The groups below them (ADHD, autism, anxiety and depression, intellectual
// disability, neglect, ...) are this library's own, marked unverified: they follow the
// public structure but not a published code list (Danmarks Statistik's MAALGRUPPE and
// Tilbudsportalen's terms could not be checked here). Load your own with ParseTaxonomyJSON
// or ParseTaxonomyCSV.
func DefaultTaxonomy() *Taxonomy {
	t, err := ParseTaxonomyJSON(bytes.NewReader(defaultTaxonomyJSON))
	if err != nil {
		return &Taxonomy{ID: "invalid"}
	}
	return t
}

// Membership is a child's target groups, one of them primary.
type Membership struct {
	Child   string
	Groups  []string
	Primary string
}

// ValidateMemberships checks that every code is in the taxonomy and that each primary group
// is among the child's groups; problems name memberships by position.
func ValidateMemberships(ms []Membership, t *Taxonomy) error {
	var l problem.List
	for i, m := range ms {
		if m.Child == "" {
			l.Add(i, "child", "no child")
		}
		found := false
		for j, g := range m.Groups {
			if _, ok := t.Group(g); !ok {
				l.Add(i, fmt.Sprintf("groups[%d]", j), "%q: %w", g, ErrUnknownCode)
			}
			found = found || g == m.Primary
		}
		if !found {
			l.Add(i, "primary", "the primary group must be one of the child's groups")
		}
	}
	return l.Err("classification: memberships")
}
