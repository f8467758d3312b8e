package interventions

import (
	"cmp"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"time"

	"github.com/opfolgning/opfolgning/classification"
	"github.com/opfolgning/opfolgning/internal/civil"
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
	// HoursPerWeek is the scope of hour-based measures (omfang), for PerHour prices.
	HoursPerWeek float64
	// DaysPerMonth is the scope of measures given some days a month at a day rate, such as
	// respite care 8 days a month (aflastning 8 døgn om måneden); 0 means every day.
	DaysPerMonth float64
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
		if !(r.DaysPerMonth >= 0) || r.DaysPerMonth > 31 {
			l.Add(i, "days_per_month", "%v: %w", r.DaysPerMonth, ErrNegative)
		} else if r.DaysPerMonth > 0 && r.Price.Per != PerDay {
			l.Add(i, "days_per_month", "days a month go with a price per day")
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

var hashSeed = maphash.MakeSeed()

// recordKey orders records by a 64-bit hash of child, provision, measure and supplier, then
// by start: records of one measure of one child lie together, in time order.
type recordKey struct {
	h     uint64
	start int64 // the start's unixDay
	i     int32
}

// sortedKeys returns the keys of the records with a start date, sorted; a million records
// cost one sort and no string keys. Equal hashes must still be compared field by field.
//
// Up to 2^24 records, the keys are packed into one uint64 each (20 bits of hash, 20 bits of
// start day, 24 bits of position) and sorted as integers, several times faster than
// sorting structs; the fewer hash bits only make the groups compared exactly a little larger.
func sortedKeys(rs []Intervention) []recordKey {
	type key = recordKey
	// The hash only groups records for exact comparison; its values never reach a result,
	// so the per-process seed of maphash is harmless.
	seed := hashSeed
	hash := func(r *Intervention) uint64 {
		h := maphash.String(seed, r.Child)
		h = h*31 + maphash.String(seed, r.Paragraph)
		h = h*31 + maphash.String(seed, r.Measure)
		return h*31 + maphash.String(seed, r.Supplier)
	}
	const dayBias = 1 << 19 // days from 1970 ± 1435 years fit in 20 bits
	packable := len(rs) < 1<<24
	packed := make([]uint64, 0, len(rs))
	for i := range rs {
		r := &rs[i]
		if r.Start.IsZero() {
			continue
		}
		day := unixDay(r.Start) + dayBias
		if day < 0 || day >= 1<<20 {
			packable = false
			break
		}
		packed = append(packed, hash(r)>>44<<44|uint64(day)<<24|uint64(i))
	}
	if packable {
		slices.Sort(packed)
		keys := make([]key, len(packed))
		for j, p := range packed {
			keys[j] = key{h: p >> 44, start: int64(p>>24&(1<<20-1)) - dayBias, i: int32(p & (1<<24 - 1))}
		}
		return keys
	}
	keys := make([]key, 0, len(rs))
	for i := range rs {
		r := &rs[i]
		if r.Start.IsZero() {
			continue
		}
		keys = append(keys, key{hash(r), unixDay(r.Start), int32(i)})
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
	return keys
}

// unixDay returns the whole days since 1970-01-01 UTC before t (floor division). Unlike
// civil.DayNumber it never decreases as the instant increases, whatever the zones, so the
// overlap scan may stop at the first record whose start day lies after an end's day.
func unixDay(t time.Time) int64 {
	s := t.Unix()
	d := s / 86400
	if s%86400 < 0 {
		d--
	}
	return d
}

func same(a, b *Intervention) bool {
	return a.Child == b.Child && a.Paragraph == b.Paragraph && a.Measure == b.Measure && a.Supplier == b.Supplier
}

// overlaps adds a problem for each record that overlaps an earlier-starting one with the same
// child, provision, measure and supplier.
func overlaps(rs []Intervention, l *problem.List) {
	keys := sortedKeys(rs)
	var found []problem.Problem
	for j := 0; j < len(keys); {
		k := j
		for k < len(keys) && keys[k].h == keys[j].h {
			k++
		}
		// Within the hash run, compare each record with the ones sorted after it until one
		// starts on a later day than it ends. Records starting on the same day are in input
		// order, so the intervals themselves are compared.
		for a := j; a < k; a++ {
			ra := &rs[keys[a].i]
			endDay := unixDay(ra.End)
			for b := a + 1; b < k; b++ {
				if !ra.End.IsZero() && keys[b].start > endDay {
					break // sorted by start day: the rest start later still
				}
				rb := &rs[keys[b].i]
				if same(ra, rb) && periodsMeet(ra, rb) {
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

// periodsMeet reports whether the periods of a and b share an instant; a zero End is ongoing.
func periodsMeet(a, b *Intervention) bool {
	return (a.End.IsZero() || !b.Start.After(a.End)) && (b.End.IsZero() || !a.Start.After(b.End))
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
	return civil.DayNumber(e) - civil.DayNumber(s) + 1
}

// Cost returns the cost of the intervention over the days of [from, to] it covers.
func (r *Intervention) Cost(from, to time.Time) Ore {
	return r.Price.cost(r.days(from, to), r.scope())
}

// YearlyPrice returns the price of a whole year (365 days) of the intervention at its scope:
// the yardstick that makes prices per day, hour, month and year comparable.
func (r *Intervention) YearlyPrice() Ore {
	return r.Price.cost(365, r.scope())
}

// scope returns the scope in hundredths of the price unit's scale: hours a week for hourly
// prices, days a month for day prices with DaysPerMonth (0: every day).
func (r *Intervention) scope() int64 {
	if r.Price.Per == PerDay && r.DaysPerMonth > 0 {
		return int64(math.Round(r.DaysPerMonth * 100))
	}
	return int64(math.Round(r.HoursPerWeek * 100))
}

// Episode is one measure as the child lives it: consecutive records of the same child,
// provision, measure and supplier, each starting the day after the one before ends, as case
// systems write a measure whose price is renewed each year (takstperioder).
type Episode struct {
	Records    []int // positions in the input, in time order
	Start, End time.Time
}

// Episodes chains the records into episodes, in order of their first record's position. A
// record that starts more than a day after the previous one of the same measure ends starts
// a new episode.
func Episodes(rs []Intervention) []Episode {
	spans, next := episodeSpans(rs, true)
	eps := make([]Episode, len(spans))
	for k, sp := range spans {
		e := Episode{Start: rs[sp.first].Start, End: rs[sp.last].End}
		for i := sp.first; i >= 0; i = next[i] {
			e.Records = append(e.Records, int(i))
		}
		eps[k] = e
	}
	slices.SortFunc(eps, func(a, b Episode) int { return cmp.Compare(a.Records[0], b.Records[0]) })
	return eps
}

// ongoing is the end day number of an episode still running.
const ongoing = math.MaxInt64

// span is one episode: its first and last record, its first and last day (ongoing while
// running) and its measure.
type span struct {
	first, last int32
	start, end  int64
	measure     string // the records' measure, read here while the record is in cache
}

// episodeSpans finds the episodes with no allocation per episode; with chain, next[i] is the
// record that follows record i in its episode, or −1.
func episodeSpans(rs []Intervention, chain bool) ([]span, []int32) {
	keys := sortedKeys(rs)
	spans := make([]span, 0, len(keys))
	var next []int32
	if chain {
		next = make([]int32, len(rs))
		for i := range next {
			next[i] = -1
		}
	}
	var open []int
	for j := 0; j < len(keys); {
		k := j
		for k < len(keys) && keys[k].h == keys[j].h {
			k++
		}
		open = open[:0] // the episodes being built in this run of one hash
		for _, key := range keys[j:k] {
			r := &rs[key.i]
			sDay, eDay := civil.DayNumber(r.Start), int64(ongoing)
			if !r.End.IsZero() {
				eDay = civil.DayNumber(r.End)
			}
			joined := false
			for _, e := range open {
				sp := &spans[e]
				if sp.end != ongoing && sDay == sp.end+1 && same(&rs[sp.last], r) {
					if chain {
						next[sp.last] = key.i
					}
					sp.last, sp.end = key.i, eDay
					joined = true
					break
				}
			}
			if !joined {
				spans = append(spans, span{first: key.i, last: key.i, start: sDay, end: eDay, measure: r.Measure})
				open = append(open, len(spans)-1)
			}
		}
		j = k
	}
	return spans, next
}
