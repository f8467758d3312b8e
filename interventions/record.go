package interventions

import (
	"cmp"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"time"

	"github.com/opfolgning/opfolgning/classification"
	"github.com/opfolgning/opfolgning/problem"
)

// Intervention is one measure put in place for a child (foranstaltning / indsats).
type Intervention struct {
	ID        string // the record's ID in the case system; not personal data
	Child     string // the child's pseudonym
	Paragraph string // the provision, a code of the catalogue, e.g. "BL § 32, stk. 1, nr. 5"
	Measure   string // the kind of measure, e.g. "familiebehandling"
	Supplier  string // leverandør
	// Start is the first day; End the last day, zero while the measure is ongoing.
	Start, End time.Time
	// HoursPerWeek is the scope of hour-based measures (omfang); 0 for others.
	HoursPerWeek float64
	Price        Price
}

// Sentinel errors of ValidateInterventions.
var (
	ErrEndBeforeStart = errors.New("ends before it starts")
	ErrNegative       = errors.New("negative or invalid amount")
	ErrUnknownCode    = errors.New("unknown code")
	ErrOverlap        = errors.New("overlaps another record of the same child, provision, measure and supplier")
)

// ValidateInterventions checks the records and reports every problem by position: a missing
// child, measure or start; an end before the start; a negative price or scope, an hourly
// price without a scope; a provision not in the catalogue; a price unit unknown; and
// overlapping duplicates (the same child, provision, measure and supplier in overlapping
// periods), naming the other record by position. Child IDs never appear.
func ValidateInterventions(rs []Intervention, cat classification.Catalogue) error {
	var l problem.List
	known := map[string]bool{}
	for i := range rs {
		r := &rs[i]
		if r.Child == "" {
			l.Add(i, "child", "no child")
		}
		if r.Measure == "" {
			l.Add(i, "measure", "no measure")
		}
		if r.Start.IsZero() {
			l.Add(i, "start", "no start date")
		} else if !r.End.IsZero() && r.End.Before(r.Start) {
			l.Add(i, "end", "%w", ErrEndBeforeStart)
		}
		if r.Price.Amount < 0 {
			l.Add(i, "price", "%w", ErrNegative)
		}
		if _, ok := unitCodes[r.Price.Per]; !ok {
			l.Add(i, "price.per", "%w", ErrUnknownCode)
		}
		if !(r.HoursPerWeek >= 0) || r.HoursPerWeek > 168 {
			l.Add(i, "hours_per_week", "%v: %w", r.HoursPerWeek, ErrNegative)
		} else if r.Price.Per == PerHour && r.HoursPerWeek == 0 {
			l.Add(i, "hours_per_week", "an hourly price needs the hours a week")
		}
		ok, seen := known[r.Paragraph]
		if !seen {
			_, ok = cat.Lookup(r.Paragraph)
			known[r.Paragraph] = ok
		}
		if !ok {
			l.Add(i, "paragraph", "%q: %w", r.Paragraph, ErrUnknownCode)
		}
	}
	overlaps(rs, &l)
	return l.Err("interventions: records")
}

// overlaps adds a problem for each record that overlaps an earlier-starting one with the same
// child, provision, measure and supplier. Records are grouped by a 64-bit hash of those
// fields, sorted by hash and start, and compared exactly within a hash, so a million records
// cost one sort and no string keys.
func overlaps(rs []Intervention, l *problem.List) {
	type key struct {
		h     uint64
		start int64
		i     int32
	}
	keys := make([]key, 0, len(rs))
	h := fnv.New64a()
	for i := range rs {
		r := &rs[i]
		if r.Start.IsZero() {
			continue
		}
		h.Reset()
		for _, s := range []string{r.Child, r.Paragraph, r.Measure, r.Supplier} {
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
		keys = append(keys, key{h.Sum64(), r.Start.Unix(), int32(i)})
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp.Compare(a.h, b.h); c != 0 {
			return c
		}
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	same := func(a, b *Intervention) bool {
		return a.Child == b.Child && a.Paragraph == b.Paragraph && a.Measure == b.Measure && a.Supplier == b.Supplier
	}
	var found []problem.Problem
	for j := 0; j < len(keys); {
		k := j
		for k < len(keys) && keys[k].h == keys[j].h {
			k++
		}
		// Within the hash run, compare each record with the later-starting ones until one
		// starts after it ends.
		for a := j; a < k; a++ {
			ra := &rs[keys[a].i]
			for b := a + 1; b < k; b++ {
				rb := &rs[keys[b].i]
				if !ra.End.IsZero() && rb.Start.After(ra.End) {
					break // sorted by start: the rest start later still
				}
				if same(ra, rb) {
					found = append(found, problem.Problem{Record: int(keys[b].i), Field: "start", Err: fmt.Errorf("record %d: %w", keys[a].i, ErrOverlap)})
				}
			}
		}
		j = k
	}
	slices.SortFunc(found, func(a, b problem.Problem) int { return cmp.Compare(a.Record, b.Record) })
	for _, p := range found {
		l.Add(p.Record, p.Field, "%w", p.Err)
	}
}

// days returns the calendar days of [from, to] (inclusive) that the intervention covers, the
// end of an ongoing one taken as to.
func (r *Intervention) days(from, to time.Time) int64 {
	s, e := r.Start, r.End
	if e.IsZero() || e.After(to) {
		e = to
	}
	if s.Before(from) {
		s = from
	}
	if e.Before(s) {
		return 0
	}
	return dayNumber(e) - dayNumber(s) + 1
}

// Cost returns the cost of the intervention over the days of [from, to] it covers.
func (r *Intervention) Cost(from, to time.Time) Ore {
	return r.Price.cost(r.days(from, to), int64(math.Round(r.HoursPerWeek*100)))
}

// YearlyPrice returns the price of a whole year (365 days) of the intervention at its scope:
// the yardstick that makes prices per day, hour, month and year comparable.
func (r *Intervention) YearlyPrice() Ore {
	return r.Price.cost(365, int64(math.Round(r.HoursPerWeek*100)))
}

func dayNumber(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}
