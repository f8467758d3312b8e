package supervision

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/opfolgning/opfolgning/goals"
	"github.com/opfolgning/opfolgning/internal/stat"
	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/sampling"
)

// Interval is a confidence interval [Lower, Upper].
type Interval = stat.Interval

// Rate is a compliance rate (efterlevelse): the share of yes among yes and no answers, with
// its n and its Wilson interval. Not applicable and not assessed answers are outside the
// denominator and counted.
type Rate struct {
	Yes, No                    int
	N                          int // Yes + No
	Rate                       float64
	Interval                   Interval // NaN when N = 0
	NotApplicable, NotAssessed int
}

func newRate(c [4]int, confidence float64) Rate {
	r := Rate{Yes: c[0], No: c[1], N: c[0] + c[1], NotApplicable: c[2], NotAssessed: c[3], Rate: math.NaN(),
		Interval: Interval{Lower: math.NaN(), Upper: math.NaN()}}
	if r.N > 0 {
		r.Rate = float64(r.Yes) / float64(r.N)
		r.Interval, _ = stat.Wilson(r.Yes, r.N, confidence)
	}
	return r
}

// Series is a compliance rate over the report's periods, in total, and its development.
type Series struct {
	Key     string // an item's ID, a team, a caseworker, or "item|team"
	Label   lang.Text
	Periods []Rate
	Total   Rate
	// Verdict is the development of the rate over the periods, from goals.Assess on a Rate
	// indicator (in percent, higher is better) with one observation per period with answers.
	Verdict goals.Verdict
}

// ThemedSummary summarises a themed supervision's answers to question 1 at one focus point.
type ThemedSummary struct {
	Template  string
	Focus     FocusPoint
	Responses goals.Responses
	// TopTwo is the share assessed "to a high or some degree" with its Wilson interval
	// ("don't know" outside the denominator); zero when there are no answers.
	TopTwo goals.Share
	Notes  int // free-text answers to questions 2 and 3 at this focus point
}

// ComplianceOptions configures Compliance.
type ComplianceOptions struct {
	// Periods are the report's periods, in order; a review belongs to the period that
	// holds its date. Reviews outside every period are counted in Unplaced.
	Periods []sampling.Period
	// Confidence of the Wilson intervals; 0 means 0.95.
	Confidence float64
	// MID is the minimal important difference in percentage points for the verdicts on
	// series of two to four periods; 0 leaves such series with insufficient data.
	MID float64
}

// ComplianceReport is the compliance of a set of reviews with one checklist.
type ComplianceReport struct {
	Template Template
	Periods  []sampling.Period
	// Reviews counts the reviews with the template placed in a period; Unplaced those
	// outside every period and OtherTemplate those with another checklist or version.
	Reviews, Unplaced, OtherTemplate int
	// SkippedAnswers counts the answers of placed reviews left out: to an item the checklist
	// does not have, or with no valid answer value (ValidateReviews reports both).
	SkippedAnswers int
	// Items is per item (every item, formal and quality); Teams and Caseworkers pool the
	// formal requirements; ItemTeams is per item and team ("item|team").
	Items, Teams, Caseworkers, ItemTeams []Series
	// RefundErrors counts, per period, the "no" answers on items with refund significance.
	RefundErrors []int
	Themed       []ThemedSummary
}

// Compliance computes the compliance report of reviews with template t over the periods. The
// reviews should be valid (ValidateReviews); answers to unknown items are skipped and counted. The work
// is one pass over the answers into count arrays, then a rate and a verdict per series.
func Compliance(reviews []Review, t Template, c Catalog, opts ComplianceOptions) (ComplianceReport, error) {
	if err := t.Validate(); err != nil {
		return ComplianceReport{}, err
	}
	if len(opts.Periods) == 0 {
		return ComplianceReport{}, fmt.Errorf("supervision: no periods")
	}
	for i, p := range opts.Periods {
		if !p.End.After(p.Start) || (i > 0 && p.Start.Before(opts.Periods[i-1].End)) {
			return ComplianceReport{}, fmt.Errorf("supervision: period %d is empty or overlaps the one before", i)
		}
	}
	if opts.Confidence == 0 {
		opts.Confidence = 0.95
	}
	np := len(opts.Periods)
	items := map[string]int{}
	for i, it := range t.Items {
		items[it.ID] = i
	}
	type counts = [][4]int // [period][yes, no, n/a, not assessed]
	newCounts := func() counts { return make(counts, np) }
	itemC := make([]counts, len(t.Items))
	for i := range itemC {
		itemC[i] = newCounts()
	}
	keyed := func() (map[string]int, []string, []counts) { return map[string]int{}, nil, nil }
	teamIdx, teamKeys, teamC := keyed()
	cwIdx, cwKeys, cwC := keyed()
	itIdx, itKeys, itC := keyed()
	index := func(m map[string]int, keys *[]string, cs *[]counts, k string) int {
		i, ok := m[k]
		if !ok {
			i = len(*keys)
			m[k] = i
			*keys = append(*keys, k)
			*cs = append(*cs, newCounts())
		}
		return i
	}
	itPair := map[[2]int]int{} // (item, team) → index in itKeys, without building the key
	rep := ComplianceReport{Template: t, Periods: slices.Clone(opts.Periods), RefundErrors: make([]int, np)}
	themed := map[string]*ThemedSummary{}
	var themedOrder []string
	for ri := range reviews {
		r := &reviews[ri]
		if r.Template != t.ID || r.Version != t.Version {
			rep.OtherTemplate++
			continue
		}
		p, ok := slices.BinarySearchFunc(opts.Periods, r.Date, func(p sampling.Period, d time.Time) int {
			switch {
			case !d.Before(p.End):
				return -1
			case d.Before(p.Start):
				return 1
			}
			return 0
		})
		if !ok {
			rep.Unplaced++
			continue
		}
		rep.Reviews++
		ti := index(teamIdx, &teamKeys, &teamC, r.Team)
		ci := index(cwIdx, &cwKeys, &cwC, r.Caseworker)
		for _, a := range r.Answers {
			ii, ok := items[a.Item]
			if !ok || a.Value < Yes || a.Value > NotAssessed {
				rep.SkippedAnswers++
				continue
			}
			v := int(a.Value) - 1
			itemC[ii][p][v]++
			it := &t.Items[ii]
			if it.Category == FormalRequirement {
				teamC[ti][p][v]++
				cwC[ci][p][v]++
			}
			if a.Value == No && it.Refund {
				rep.RefundErrors[p]++
			}
			pair := [2]int{ii, ti}
			k, ok := itPair[pair]
			if !ok {
				k = index(itIdx, &itKeys, &itC, it.ID+"|"+r.Team)
				itPair[pair] = k
			}
			itC[k][p][v]++
		}
		if tt, ok := c.theme(r.ThemedTemplate); ok {
			for _, a := range r.Themed {
				key := tt.ID + "|" + a.Focus
				s := themed[key]
				if s == nil {
					for _, fp := range tt.FocusPoints {
						if fp.Letter == a.Focus {
							s = &ThemedSummary{Template: tt.ID, Focus: fp, Responses: goals.Responses{Group: key}}
						}
					}
					if s == nil {
						continue
					}
					themed[key] = s
					themedOrder = append(themedOrder, key)
				}
				switch {
				case a.Question == 1 && a.Assessment != nil && *a.Assessment <= goals.DontKnow:
					s.Responses.Counts[*a.Assessment]++
				case a.Question > 1 && a.Note != "":
					s.Notes++
				}
			}
		}
	}
	series := func(key string, label lang.Text, cs counts) Series {
		s := Series{Key: key, Label: label, Periods: make([]Rate, np)}
		var total [4]int
		ind := goals.Indicator{ID: key, Type: goals.Rate, Polarity: goals.HigherIsBetter, MID: opts.MID}
		for p, c := range cs {
			s.Periods[p] = newRate(c, opts.Confidence)
			for k := range total {
				total[k] += c[k]
			}
			if s.Periods[p].N > 0 {
				ind.Observations = append(ind.Observations, goals.Observation{Date: opts.Periods[p].End.AddDate(0, 0, -1),
					Numerator: s.Periods[p].Yes, Denominator: s.Periods[p].N})
			}
		}
		s.Total = newRate(total, opts.Confidence)
		s.Verdict, _ = goals.Assess(ind, goals.VerdictOptions{})
		return s
	}
	for i, it := range t.Items {
		rep.Items = append(rep.Items, series(it.ID, it.Text, itemC[i]))
	}
	for _, group := range []struct {
		keys []string
		cs   []counts
		dst  *[]Series
	}{{teamKeys, teamC, &rep.Teams}, {cwKeys, cwC, &rep.Caseworkers}, {itKeys, itC, &rep.ItemTeams}} {
		order := make([]int, len(group.keys))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(a, b int) int { return cmp.Compare(group.keys[a], group.keys[b]) })
		for _, i := range order {
			*group.dst = append(*group.dst, series(group.keys[i], lang.Text{Da: group.keys[i], En: group.keys[i]}, group.cs[i]))
		}
	}
	slices.Sort(themedOrder) // template, then focus letter
	for _, k := range themedOrder {
		s := themed[k]
		if tt, err := s.Responses.TopTwo(goals.SurveyOptions{Confidence: opts.Confidence}); err == nil {
			s.TopTwo = tt
		}
		rep.Themed = append(rep.Themed, *s)
	}
	return rep, nil
}
