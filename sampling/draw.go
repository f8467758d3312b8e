package sampling

import (
	"cmp"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Algorithm and AlgorithmVersion name the draw in every audit record. The version changes
// only if a draw's result for the same seed and population would change; golden files in
// the tests guard it.
const (
	Algorithm        = "opfolgning/sampling consistent ticket sampling"
	AlgorithmVersion = 1
)

// Selection is one drawn case.
type Selection struct {
	CaseID  string
	Stratum []string // the case's values of Rule.StratifyBy
	Ticket  string   // hexadecimal
	Rank    int      // 1 for the smallest ticket of its stratum
}

// StratumAudit is the accounting of one stratum in a draw.
type StratumAudit struct {
	Key        []string
	Population int // cases in the stratum
	Eligible   int
	Excluded   Exclusions
	Requested  int // what the rule asked for
	Drawn      int
	Shortfall  int // Requested − Drawn when the stratum had too few eligible cases
}

// Record is a draw and its audit record (revisionsspor): everything a third party needs to
// verify it, with the population itself.
type Record struct {
	Algorithm string
	Version   int
	Seed      string
	Period    Period
	Rule      Rule
	// PopulationSize and Fingerprint (the hex SHA-256 of the sorted case IDs, each followed
	// by a newline) identify the population drawn from.
	PopulationSize int
	Fingerprint    string
	Strata         []StratumAudit // in key order
	Selected       []Selection    // stratum by stratum in key order, by rank
}

// keySep joins attribute values into a stratum key.
const keySep = "\x1f"

// Draw draws cases from pop for period under rule with seed: in each stratum, the eligible
// cases with the smallest tickets (see TicketOf), as many as the rule allocates; a stratum
// with too few gives all it has and reports the shortfall. Excluded cases are counted by
// reason per stratum. The result does not depend on the order of pop, and adding or
// removing other cases never changes the relative order of two cases.
//
// Use PeriodSeed to derive the seed of each period from one seed for the year.
func Draw(pop []Case, rule Rule, period Period, seed string) (Record, error) {
	if err := rule.validate(period, seed); err != nil {
		return Record{}, err
	}
	if len(pop) == 0 {
		return Record{}, fmt.Errorf("sampling: %w", ErrEmptyPopulation)
	}
	// The population's check, sort and fingerprint run beside the rest: nothing below
	// depends on the order of the cases (strata are put in key order, counts are sums, and
	// the smallest tickets are the same set whichever order they arrive in).
	type checked struct {
		fp  string
		err error
	}
	check := make(chan checked, 1)
	go func() {
		_, fp, err := sortedIDs(pop)
		check <- checked{fp, err}
	}()
	drawn := make(map[string]bool, len(rule.AlreadyDrawn))
	for _, id := range rule.AlreadyDrawn {
		drawn[id] = true
	}

	// Strata and eligibility.
	strata := map[string]int{}
	var keys []string
	stratumOf := make([]int32, len(pop))
	eligible := make([]bool, len(pop))
	var audits []StratumAudit
	var kb []byte
	attrs := make([]func(*Case) string, len(rule.StratifyBy))
	for j, a := range rule.StratifyBy {
		attrs[j] = attribute(a)
	}
	for i := range pop {
		c := &pop[i]
		var k string
		if len(attrs) == 1 {
			k = attrs[0](c)
		} else {
			kb = kb[:0]
			for j, a := range attrs {
				if j > 0 {
					kb = append(kb, keySep...)
				}
				kb = append(kb, a(c)...)
			}
			k = string(kb)
		}
		s, ok := strata[k]
		if !ok {
			s = len(keys)
			keys = append(keys, k)
			strata[k] = s
			audits = append(audits, StratumAudit{Key: splitKey(k, len(rule.StratifyBy))})
		}
		stratumOf[i] = int32(s)
		audits[s].Population++
		if why := rule.eligibility(c, period, drawn); why != Eligible {
			audits[s].Excluded.add(why)
			continue
		}
		eligible[i] = true
		audits[s].Eligible++
	}
	counts := make([]int, len(audits))
	for s := range audits {
		counts[s] = audits[s].Eligible
	}
	want := rule.allocate(counts)

	tickets := computeTickets(pop, eligible, seed)
	// Keep the want[s] smallest tickets of each stratum in a bounded max-heap.
	heaps := make([]ticketHeap, len(audits))
	for i := range pop {
		if eligible[i] {
			s := stratumOf[i]
			heaps[s].push(int32(i), &tickets[i], want[s])
		}
	}
	ck := <-check
	if ck.err != nil {
		return Record{}, ck.err
	}
	rec := Record{Algorithm: Algorithm, Version: AlgorithmVersion, Seed: seed, Period: period, Rule: cloneRule(rule),
		PopulationSize: len(pop), Fingerprint: ck.fp}
	perm := make([]int, len(audits))
	for i := range perm {
		perm[i] = i
	}
	slices.SortFunc(perm, func(a, b int) int { return cmp.Compare(keys[a], keys[b]) })
	for _, s := range perm {
		a := audits[s]
		a.Requested = want[s]
		chosen := heaps[s].items
		slices.SortFunc(chosen, func(x, y int32) int { return tickets[x].Compare(tickets[y]) })
		a.Drawn = len(chosen)
		a.Shortfall = a.Requested - a.Drawn
		for r, i := range chosen {
			rec.Selected = append(rec.Selected, Selection{CaseID: pop[i].ID, Stratum: a.Key, Ticket: tickets[i].String(), Rank: r + 1})
		}
		rec.Strata = append(rec.Strata, a)
	}
	return rec, nil
}

func splitKey(k string, n int) []string {
	if n == 0 {
		return []string{}
	}
	return strings.Split(k, keySep)
}

func cloneRule(r Rule) Rule {
	r.StratifyBy = slices.Clone(r.StratifyBy)
	r.AlreadyDrawn = slices.Clone(r.AlreadyDrawn)
	return r
}

// computeTickets hashes the eligible cases' IDs in parallel; each ticket depends on its
// case alone, so the work split never matters.
func computeTickets(pop []Case, eligible []bool, seed string) []Ticket {
	tickets := make([]Ticket, len(pop))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(pop)/8192))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, 0, 128)
			for i := w * len(pop) / workers; i < (w+1)*len(pop)/workers; i++ {
				if eligible[i] {
					tickets[i] = ticketWith(buf, seed, pop[i].ID)
				}
			}
		}()
	}
	wg.Wait()
	return tickets
}

// ticketHeap keeps the k cases with the smallest tickets seen: a max-heap by ticket.
type ticketHeap struct {
	items []int32
	t     []*Ticket
}

func (h *ticketHeap) push(i int32, t *Ticket, k int) {
	if k <= 0 {
		return
	}
	if len(h.items) < k {
		h.items = append(h.items, i)
		h.t = append(h.t, t)
		for c := len(h.items) - 1; c > 0; {
			p := (c - 1) / 2
			if h.t[p].Compare(*h.t[c]) >= 0 {
				break
			}
			h.swap(p, c)
			c = p
		}
		return
	}
	if t.Compare(*h.t[0]) >= 0 {
		return
	}
	h.items[0], h.t[0] = i, t
	for p := 0; ; {
		l, r, m := 2*p+1, 2*p+2, p
		if l < len(h.items) && h.t[l].Compare(*h.t[m]) > 0 {
			m = l
		}
		if r < len(h.items) && h.t[r].Compare(*h.t[m]) > 0 {
			m = r
		}
		if m == p {
			return
		}
		h.swap(p, m)
		p = m
	}
}

func (h *ticketHeap) swap(a, b int) {
	h.items[a], h.items[b] = h.items[b], h.items[a]
	h.t[a], h.t[b] = h.t[b], h.t[a]
}

// ErrMismatch is returned by Verify when a record does not match its recomputation.
var ErrMismatch = errors.New("draw does not match its audit record")

// Verify recomputes a draw from its record's seed, period and rule and the population, and
// returns nil when the population's fingerprint, the strata's accounting and the selection
// all match the record, or an error wrapping ErrMismatch that says what differs (by
// position, never by case ID).
func Verify(rec Record, pop []Case) error {
	if rec.Algorithm != Algorithm || rec.Version != AlgorithmVersion {
		return fmt.Errorf("sampling: record made by %q version %d, this is %q version %d: %w", rec.Algorithm, rec.Version, Algorithm, AlgorithmVersion, ErrMismatch)
	}
	again, err := Draw(pop, rec.Rule, rec.Period, rec.Seed)
	if err != nil {
		return err
	}
	if again.Fingerprint != rec.Fingerprint || again.PopulationSize != rec.PopulationSize {
		return fmt.Errorf("sampling: the population differs from the one drawn from (%d cases now, %d then): %w", again.PopulationSize, rec.PopulationSize, ErrMismatch)
	}
	if len(again.Strata) != len(rec.Strata) {
		return fmt.Errorf("sampling: %d strata now, %d in the record: %w", len(again.Strata), len(rec.Strata), ErrMismatch)
	}
	for i := range again.Strata {
		a, b := again.Strata[i], rec.Strata[i]
		if !slices.Equal(a.Key, b.Key) || a.Population != b.Population || a.Eligible != b.Eligible || a.Excluded != b.Excluded || a.Requested != b.Requested || a.Drawn != b.Drawn {
			return fmt.Errorf("sampling: stratum %d's accounting differs: %w", i, ErrMismatch)
		}
	}
	if len(again.Selected) != len(rec.Selected) {
		return fmt.Errorf("sampling: %d cases drawn now, %d in the record: %w", len(again.Selected), len(rec.Selected), ErrMismatch)
	}
	for i := range again.Selected {
		a, b := again.Selected[i], rec.Selected[i]
		if a.CaseID != b.CaseID || a.Ticket != b.Ticket || a.Rank != b.Rank || !slices.Equal(a.Stratum, b.Stratum) {
			return fmt.Errorf("sampling: selection %d differs: %w", i, ErrMismatch)
		}
	}
	return nil
}
