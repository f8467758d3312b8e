package sampling

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Period is the period a draw is for (periode), [Start, End), with a label such as
// "2026-K1" from which the period's seed is derived (see PeriodSeed).
type Period struct {
	Label      string
	Start, End time.Time
}

// Quarters returns the four quarters of year, labelled "2026-K1" .. "2026-K4" (kvartal).
func Quarters(year int) []Period {
	out := make([]Period, 4)
	for q := range out {
		out[q] = Period{Label: fmt.Sprintf("%d-K%d", year, q+1),
			Start: time.Date(year, time.Month(3*q+1), 1, 0, 0, 0, 0, time.UTC),
			End:   time.Date(year, time.Month(3*q+4), 1, 0, 0, 0, 0, time.UTC)}
	}
	return out
}

// Months returns the twelve months of year, labelled "2026-01" .. "2026-12".
func Months(year int) []Period {
	out := make([]Period, 12)
	for m := range out {
		out[m] = Period{Label: fmt.Sprintf("%d-%02d", year, m+1),
			Start: time.Date(year, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC),
			End:   time.Date(year, time.Month(m+2), 1, 0, 0, 0, 0, time.UTC)}
	}
	return out
}

// Spread spreads a yearly number over periods as evenly as possible, the remainder to the
// earliest periods: Spread(10, 4) is [3 3 2 2].
func Spread(yearly, periods int) []int {
	if periods <= 0 || yearly < 0 {
		return nil
	}
	out := make([]int, periods)
	for i := range out {
		out[i] = yearly / periods
		if i < yearly%periods {
			out[i]++
		}
	}
	return out
}

// Rule is a selection rule (udvælgelsesregel): how many cases to draw from which strata,
// and which cases are eligible.
type Rule struct {
	Name string // e.g. "2 sager pr. rådgiver pr. kvartal"
	// StratifyBy names the attributes that define strata (see Case.Attribute), e.g.
	// {"caseworker"} or {"paragraph"}; none draws from the population as one stratum.
	StratifyBy []string
	// PerStratum draws k cases from every stratum (equal allocation).
	PerStratum int
	// Total, when positive, draws this many cases in all, allocated to strata in
	// proportion to their eligible cases by the largest remainder method, after giving each
	// stratum Minimum (or all it has, if fewer). PerStratum must then be 0.
	Total, Minimum int
	// ReviewedWithinMonths excludes cases reviewed in the months before the period starts;
	// 0 excludes none for this reason.
	ReviewedWithinMonths int
	// AlreadyDrawn lists the IDs of cases drawn earlier this year; they are excluded.
	AlreadyDrawn []string
}

// ErrInvalidRule is wrapped by the errors of Draw for an impossible rule or period.
var ErrInvalidRule = errors.New("invalid rule")

func (r Rule) validate(p Period, seed string) error {
	var errs []error
	add := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("sampling: %w: "+format, append([]any{ErrInvalidRule}, args...)...))
	}
	if r.PerStratum < 0 || r.Total < 0 || r.Minimum < 0 || r.ReviewedWithinMonths < 0 {
		add("negative count (PerStratum %d, Total %d, Minimum %d, ReviewedWithinMonths %d)", r.PerStratum, r.Total, r.Minimum, r.ReviewedWithinMonths)
	}
	if r.PerStratum > 0 && r.Total > 0 {
		add("PerStratum and Total are both set")
	}
	if r.Minimum > 0 && r.Total == 0 {
		add("Minimum needs Total")
	}
	seen := map[string]bool{}
	for _, s := range r.StratifyBy {
		if s == "" || seen[s] {
			add("stratification attribute %q empty or repeated", s)
		}
		seen[s] = true
	}
	if p.Start.IsZero() || !p.End.After(p.Start) {
		add("period must have Start before End")
	}
	if seed == "" {
		add("no seed")
	}
	return errors.Join(errs...)
}

// Exclusion is the reason an otherwise drawable case is not eligible.
type Exclusion uint8

const (
	Eligible         Exclusion = iota
	ClosedBefore               // closed before the period starts
	OpenedAfter                // opened on or after the period ends
	ReviewedRecently           // reviewed within Rule.ReviewedWithinMonths before the period
	AlreadyDrawnCase           // drawn earlier this year
)

// String returns the reason's text code.
func (e Exclusion) String() string {
	return [...]string{"eligible", "closed-before", "opened-after", "reviewed-recently", "already-drawn"}[min(int(e), 4)]
}

// Exclusions counts excluded cases by reason.
type Exclusions struct {
	ClosedBefore, OpenedAfter, ReviewedRecently, AlreadyDrawn int
}

// Total returns the number of excluded cases.
func (x Exclusions) Total() int {
	return x.ClosedBefore + x.OpenedAfter + x.ReviewedRecently + x.AlreadyDrawn
}

func (x *Exclusions) add(e Exclusion) {
	switch e {
	case ClosedBefore:
		x.ClosedBefore++
	case OpenedAfter:
		x.OpenedAfter++
	case ReviewedRecently:
		x.ReviewedRecently++
	case AlreadyDrawnCase:
		x.AlreadyDrawn++
	}
}

// eligibility returns why c is excluded from a draw for p under r, or Eligible. The reasons
// are checked in the order of the constants; a case is counted under the first that holds.
func (r Rule) eligibility(c *Case, p Period, drawn map[string]bool) Exclusion {
	switch {
	case !c.Closed.IsZero() && c.Closed.Before(p.Start):
		return ClosedBefore
	case !c.Opened.IsZero() && !c.Opened.Before(p.End):
		return OpenedAfter
	case r.ReviewedWithinMonths > 0 && !c.LastReviewed.IsZero() && !c.LastReviewed.Before(p.Start.AddDate(0, -r.ReviewedWithinMonths, 0)):
		return ReviewedRecently
	case len(drawn) > 0 && drawn[c.ID]:
		return AlreadyDrawnCase
	}
	return Eligible
}

// allocate returns how many to draw from each stratum with the given eligible counts.
func (r Rule) allocate(eligible []int) []int {
	want := make([]int, len(eligible))
	if r.Total == 0 {
		for i := range want {
			want[i] = r.PerStratum
		}
		return want
	}
	left := r.Total
	total := 0
	for i, e := range eligible {
		want[i] = min(r.Minimum, e)
		left -= want[i]
		total += e - want[i]
	}
	if left <= 0 || total == 0 {
		return want
	}
	// Largest remainder over the eligible cases not yet allocated: floors first, then one
	// more to the largest remainders (ties to the earlier stratum in key order).
	type rem struct {
		i    int
		frac float64
	}
	var rems []rem
	given := 0
	for i, e := range eligible {
		q := float64(left) * float64(e-want[i]) / float64(total)
		f := int(q)
		want[i] += f
		given += f
		rems = append(rems, rem{i, q - float64(f)})
	}
	slices.SortStableFunc(rems, func(a, b rem) int { return cmp.Compare(b.frac, a.frac) })
	for k := 0; k < left-given && k < len(rems); k++ {
		want[rems[k].i]++
	}
	return want
}
