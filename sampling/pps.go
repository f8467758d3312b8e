package sampling

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// PPSAlgorithm names priority sampling in its records.
const PPSAlgorithm = "opfolgning/sampling priority sampling"

// PPSSelection is one case drawn with probability proportional to its amount.
type PPSSelection struct {
	CaseID   string
	Amount   int64 // øre
	Ticket   string
	Priority float64 // Amount / u, u the ticket read as a number in (0, 1]
}

// PPSRecord is a draw proportional to size and its audit record.
type PPSRecord struct {
	Algorithm      string
	Version        int
	Seed           string
	K              int
	PopulationSize int
	Fingerprint    string
	// ZeroAmount counts the cases with amount 0, which priority sampling never draws.
	ZeroAmount int
	// Threshold is τ, the (K+1)-th largest priority; 0 when every case with an amount
	// was drawn.
	Threshold float64
	Selected  []PPSSelection // by priority, largest first
}

// DrawPPS draws k cases with probability proportional to their amounts, without
// replacement, by priority sampling (Duffield, Lund & Thorup, 2007, J. ACM 54(6)): each case
// with amount a > 0 gets the priority a/u, where u ∈ (0, 1] is its ticket under seed read as
// a number (Ticket.Uniform), and the k largest priorities are drawn. The tickets are those of
// Draw, so the draw is consistent in the same sense: input order and other cases never
// change the relative order of two cases. Use it for checks of payments and refunds, where
// large amounts matter most.
func DrawPPS(pop []Case, k int, seed string) (PPSRecord, error) {
	if k < 0 {
		return PPSRecord{}, fmt.Errorf("sampling: %w: k = %d", ErrInvalidRule, k)
	}
	if seed == "" {
		return PPSRecord{}, fmt.Errorf("sampling: %w: no seed", ErrInvalidRule)
	}
	order, fp, err := sortedIDs(pop)
	if err != nil {
		return PPSRecord{}, err
	}
	rec := PPSRecord{Algorithm: PPSAlgorithm, Version: AlgorithmVersion, Seed: seed, K: k, PopulationSize: len(pop), Fingerprint: fp}
	type cand struct {
		i        int32
		t        Ticket
		priority float64
	}
	cands := make([]cand, 0, len(pop))
	for _, i := range order {
		c := &pop[i]
		if c.Amount == 0 {
			rec.ZeroAmount++
			continue
		}
		t := TicketOf(seed, c.ID)
		cands = append(cands, cand{i: i, t: t, priority: float64(c.Amount) / t.Uniform()})
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if c := cmp.Compare(b.priority, a.priority); c != 0 {
			return c
		}
		return a.t.Compare(b.t)
	})
	if len(cands) > k {
		rec.Threshold = cands[k].priority
		cands = cands[:k]
	}
	for _, c := range cands {
		rec.Selected = append(rec.Selected, PPSSelection{CaseID: pop[c.i].ID, Amount: pop[c.i].Amount, Ticket: c.t.String(), Priority: c.priority})
	}
	return rec, nil
}

// ErrorEstimate is the estimated total error amount in the population from a PPS sample.
type ErrorEstimate struct {
	N     int     // cases in the sample
	Total float64 // estimated total error, øre
	SE    float64 // its estimated standard error, øre
	Upper float64 // one-sided upper bound at the confidence given, øre
}

// ErrUnknownCase is returned when errors are reported for a case that was not drawn.
var ErrUnknownCase = errors.New("error reported for a case that was not drawn")

// EstimateError estimates the total error amount from the errors found in the drawn cases
// (errs by case ID, in øre; cases without an entry had none), with priority sampling's
// unbiased estimator and its variance estimator (Duffield, Lund & Thorup, 2007, Theorems 1
// and 3):
//
//	Total = Σ_{i∈S} e_i · max(a_i, τ) / a_i
//	V     = Σ_{i∈S} (e_i / a_i)² · τ · max(0, τ − a_i)
//
// and Upper = Total + z_conf·√V, a normal approximation that is only as good as the sample
// is large; with few errors, treat it as indicative. When every case with an amount was
// drawn (τ = 0), Total is the exact sum and V is 0.
func (r PPSRecord) EstimateError(errs map[string]int64, confidence float64) (ErrorEstimate, error) {
	if !(confidence > 0 && confidence < 1) {
		return ErrorEstimate{}, fmt.Errorf("sampling: confidence %v is outside (0, 1)", confidence)
	}
	drawn := make(map[string]int, len(r.Selected))
	for i, s := range r.Selected {
		drawn[s.CaseID] = i
	}
	unknown := 0
	for id := range errs {
		if _, ok := drawn[id]; !ok {
			unknown++
		}
	}
	if unknown > 0 {
		return ErrorEstimate{}, fmt.Errorf("sampling: %d case(s): %w", unknown, ErrUnknownCase)
	}
	est := ErrorEstimate{N: len(r.Selected)}
	var v float64
	tau := r.Threshold
	for _, s := range r.Selected {
		e := float64(errs[s.CaseID])
		a := float64(s.Amount)
		est.Total += e * math.Max(a, tau) / a
		if tau > a {
			v += (e / a) * (e / a) * tau * (tau - a)
		}
	}
	est.SE = math.Sqrt(v)
	est.Upper = est.Total + distuv.UnitNormal.Quantile(confidence)*est.SE
	return est, nil
}
