package sampling

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/opfolgning/opfolgning/problem"
)

// Case is one case of the population a draw is made from (sag). The library never writes
// a case's ID into an error or a log: IDs may be CPR numbers.
type Case struct {
	ID         string // pseudonymous or case-system ID
	Caseworker string // rådgiver (a pseudonym or an initial)
	Team       string
	Paragraph  string // law paragraph, e.g. "BL § 32" (see package classification)
	Kind       string // kind of intervention, e.g. "familiebehandling"
	// Opened and Closed delimit the case; a zero Closed means it is open.
	Opened, Closed time.Time
	// LastReviewed is the date of the case's latest supervision review; zero if never.
	LastReviewed time.Time
	// Amount is the case's yearly expense in øre, for sampling proportional to size.
	Amount int64
	// Attrs holds further attributes to stratify by.
	Attrs map[string]string
}

// Attribute returns the case's value of a stratification attribute: "caseworker", "team",
// "paragraph" and "kind" name the fields, anything else is looked up in Attrs.
func (c *Case) Attribute(name string) string { return attribute(name)(c) }

// attribute returns the accessor of a stratification attribute, resolved once per draw.
func attribute(name string) func(*Case) string {
	switch name {
	case "caseworker":
		return func(c *Case) string { return c.Caseworker }
	case "team":
		return func(c *Case) string { return c.Team }
	case "paragraph":
		return func(c *Case) string { return c.Paragraph }
	case "kind":
		return func(c *Case) string { return c.Kind }
	}
	return func(c *Case) string { return c.Attrs[name] }
}

// Sentinel errors wrapped by the problems of ValidatePopulation.
var (
	ErrEmptyPopulation = errors.New("empty population")
	ErrNoID            = errors.New("no case ID")
	ErrDuplicateID     = errors.New("duplicate case ID")
	ErrClosedBefore    = errors.New("closed before opened")
	ErrNegativeAmount  = errors.New("negative amount")
)

// ValidatePopulation checks a population and reports every problem by the case's position:
// an empty population, a missing or duplicate ID (the second occurrence names the first by
// position, never by ID), a case closed before it opened, a negative amount.
func ValidatePopulation(pop []Case) error {
	_, _, err := sortedIDs(pop)
	return err
}

// sortedIDs validates pop and returns the positions of its cases sorted by ID, and the
// population's fingerprint: the hex SHA-256 of the sorted IDs, each followed by "\n".
func sortedIDs(pop []Case) ([]int32, string, error) {
	var l problem.List
	if len(pop) == 0 {
		return nil, "", fmt.Errorf("sampling: %w", ErrEmptyPopulation)
	}
	order := make([]int32, len(pop))
	for i := range pop {
		c := &pop[i]
		order[i] = int32(i)
		if c.ID == "" {
			l.Add(i, "id", "%w", ErrNoID)
		}
		if !c.Closed.IsZero() && !c.Opened.IsZero() && c.Closed.Before(c.Opened) {
			l.Add(i, "closed", "%w", ErrClosedBefore)
		}
		if c.Amount < 0 {
			l.Add(i, "amount", "%w", ErrNegativeAmount)
		}
	}
	sortByID(pop, order)
	h := sha256.New()
	buf := make([]byte, 0, 1<<16)
	for j, i := range order {
		if j > 0 && pop[i].ID == pop[order[j-1]].ID && pop[i].ID != "" {
			l.Add(int(i), "id", "same ID as case %d: %w", order[j-1], ErrDuplicateID)
		}
		if len(buf)+len(pop[i].ID)+1 > cap(buf) {
			h.Write(buf)
			buf = buf[:0]
		}
		buf = append(append(buf, pop[i].ID...), '\n')
	}
	h.Write(buf)
	if err := l.Err("sampling: population"); err != nil {
		return nil, "", err
	}
	return order, hex.EncodeToString(h.Sum(nil)), nil
}

// sortByID sorts the positions in order by the IDs of their cases in byte order, ties (equal
// IDs) by position. It sorts 16-byte big-endian prefixes of the IDs first, which settles
// almost every comparison without touching the strings (IDs such as CPR numbers are
// shorter), breaks equal prefixes by the full IDs, and sorts the two halves on two
// goroutines before merging them; the result is the same as one sequential sort.
func sortByID(pop []Case, order []int32) {
	keys := make([]idKey, len(order))
	for j, i := range order {
		id := pop[i].ID
		var hi, lo uint64
		for k := 0; k < 16; k++ {
			var c uint64
			if k < len(id) {
				c = uint64(id[k])
			}
			if k < 8 {
				hi = hi<<8 | c
			} else {
				lo = lo<<8 | c
			}
		}
		keys[j] = idKey{hi, lo, i}
	}
	less := func(a, b idKey) int {
		if a.hi != b.hi {
			return cmp.Compare(a.hi, b.hi)
		}
		if a.lo != b.lo {
			return cmp.Compare(a.lo, b.lo)
		}
		if c := strings.Compare(pop[a.i].ID, pop[b.i].ID); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	}
	mid := len(keys) / 2
	if len(keys) < 1<<14 {
		slices.SortFunc(keys, less)
	} else {
		done := make(chan struct{})
		go func() {
			slices.SortFunc(keys[:mid], less)
			close(done)
		}()
		slices.SortFunc(keys[mid:], less)
		<-done
		merged := make([]idKey, 0, len(keys))
		a, b := keys[:mid], keys[mid:]
		for len(a) > 0 && len(b) > 0 {
			if less(b[0], a[0]) < 0 {
				merged, b = append(merged, b[0]), b[1:]
			} else {
				merged, a = append(merged, a[0]), a[1:]
			}
		}
		keys = append(append(merged, a...), b...)
	}
	for j, k := range keys {
		order[j] = k.i
	}
}

type idKey struct {
	hi, lo uint64
	i      int32
}
