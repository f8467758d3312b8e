package stat

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// SenSlopeResult is the result of SenSlope.
type SenSlopeResult struct {
	Slope     float64 // median of the pairwise slopes, per unit of time
	Intercept float64 // median(values) − Slope·median(times)
	// Lower and Upper bound the confidence interval of the slope; NaN when the series is
	// too short for the ranks the interval needs.
	Lower, Upper float64
	Pairs        int64 // pairs with distinct times, whose slopes were ranked
}

// SenSlope returns Sen's (1968) estimator of the slope of values over real times: the median
// of the slopes (x_j − x_i)/(t_j − t_i) over all pairs with t_i ≠ t_j (pairs with equal
// times are skipped), with Intercept = median(values) − Slope·median(times), and the
// confidence interval as R's trend::sens.slope computes it:
//
//	C = z_{1−α/2} · √VarS   (VarS of the Mann–Kendall test, tie-corrected)
//	Lower = the round((N − C)/2)-th,  Upper = the round((N + C)/2 + 1)-th of the N sorted slopes
//
// with R's round (half to even). Medians are of type 7 (the mean of the middle two).
//
// The N = n(n−1)/2 slopes are never stored: each order statistic is found by slope
// selection (counting the slopes below a trial slope as inversions of x − s·t, Knight's
// merge sort, and narrowing the bracket) and finished exactly from the few slopes left in
// the bracket, so the result equals the median of all pairwise slopes, in O(n log n) time
// per narrowing step and O(n) memory.
//
// NaN in values marks a missing point and drops it with its time; a NaN or infinite time,
// or an infinite value, is an error wrapping ErrNotFinite; fewer than two distinct times is
// an error wrapping ErrInsufficientData.
func SenSlope(times, values []float64, confidence float64) (SenSlopeResult, error) {
	if len(times) != len(values) {
		return SenSlopeResult{}, fmt.Errorf("slope estimate: %d times for %d values", len(times), len(values))
	}
	if !(confidence > 0 && confidence < 1) {
		return SenSlopeResult{}, fmt.Errorf("slope estimate: confidence %v is outside (0, 1)", confidence)
	}
	pts := make([]point, 0, len(values))
	for i := range values {
		t, x := times[i], values[i]
		if math.IsNaN(x) {
			continue
		}
		if math.IsNaN(t) || math.IsInf(t, 0) || math.IsInf(x, 0) {
			return SenSlopeResult{}, fmt.Errorf("point %d: %w", i, ErrNotFinite)
		}
		pts = append(pts, point{t: t, x: x})
	}
	slices.SortStableFunc(pts, func(a, b point) int { return cmp.Compare(a.t, b.t) })
	sel := newSlopeSelector(pts)
	defer sel.release()
	if sel.pairs == 0 {
		return SenSlopeResult{}, fmt.Errorf("slope estimate: fewer than two distinct times: %w", ErrInsufficientData)
	}
	res := SenSlopeResult{Pairs: sel.pairs, Lower: math.NaN(), Upper: math.NaN()}
	N := sel.pairs
	tp, xp := getFloats(len(pts)), getFloats(len(pts))
	defer putFloats(tp)
	defer putFloats(xp)
	ts, xs := *tp, *xp
	for i, p := range pts {
		ts[i], xs[i] = p.t, p.x
	}
	slices.Sort(xs) // ts is sorted already
	varS := mkVariance(xs)
	c := distuv.UnitNormal.Quantile(1-(1-confidence)/2) * math.Sqrt(varS)
	lo := int64(math.RoundToEven((float64(N) - c) / 2))
	up := int64(math.RoundToEven((float64(N)+c)/2 + 1))
	// The interval's ranks first: the median then lies between positions already fixed.
	if lo >= 1 && lo <= N {
		res.Lower = sel.kth(lo)
	}
	if up >= 1 && up <= N {
		res.Upper = sel.kth(up)
	}
	if N%2 == 1 {
		res.Slope = sel.kth((N + 1) / 2)
	} else {
		a, b := sel.kthPair(N/2, N/2+1)
		res.Slope = (a + b) / 2
	}
	res.Intercept = Median(xs) - res.Slope*Median(ts)
	return res, nil
}

// mkVariance returns the tie-corrected variance of the Mann–Kendall S of sorted values.
func mkVariance(sorted []float64) float64 {
	n := float64(len(sorted))
	v := n * (n - 1) * (2*n + 5)
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j] == sorted[i] {
			j++
		}
		t := float64(j - i)
		v -= t * (t - 1) * (2*t + 5)
		i = j
	}
	return v / 18
}

type point struct{ t, x float64 }

// slopeSelector finds order statistics of the pairwise slopes of points sorted by time.
type slopeSelector struct {
	pts    []point
	groups []int // start of each run of equal times, and len(pts)
	pairs  int64 // pairs with distinct times
	keys   []float64
	buf    []float64
	lo, hi float64    // bounds of all slopes
	sample []float64  // sorted slopes of sampled pairs, drawn on first use
	all    []float64  // all slopes, when there are few enough to hold
	allBuf *[]float64 // the pooled buffer behind all, returned by release
	fixed  []int      // positions of all already in their sorted place, partitioning it
}

// selectAll returns the k-th smallest (0-based) of all, searching only between the nearest
// positions already fixed by earlier selections (everything left of a fixed position is ≤
// it, everything right ≥), so that the median, the interval's ranks and the middle pair
// cost little more than one selection.
func (s *slopeSelector) selectAll(k int) float64 {
	lo, hi := 0, len(s.all)
	at := 0
	for ; at < len(s.fixed); at++ {
		f := s.fixed[at]
		if f == k {
			return s.all[k]
		}
		if f > k {
			hi = f
			break
		}
		lo = f + 1
	}
	v := selectNoNaN(s.all[lo:hi], k-lo)
	s.fixed = slices.Insert(s.fixed, at, k)
	return v
}

func newSlopeSelector(pts []point) *slopeSelector {
	s := &slopeSelector{pts: pts, groups: make([]int, 0, len(pts)+1)}
	n := int64(len(pts))
	s.pairs = n * (n - 1) / 2
	minDt := math.Inf(1)
	for i := 0; i < len(pts); {
		s.groups = append(s.groups, i)
		j := i
		for j < len(pts) && pts[j].t == pts[i].t {
			j++
		}
		g := int64(j - i)
		s.pairs -= g * (g - 1) / 2
		if j < len(pts) {
			minDt = math.Min(minDt, pts[j].t-pts[i].t)
		}
		i = j
	}
	s.groups = append(s.groups, len(pts))
	if s.pairs > 0 {
		xmin, xmax := pts[0].x, pts[0].x
		for _, p := range pts {
			xmin, xmax = math.Min(xmin, p.x), math.Max(xmax, p.x)
		}
		r := (xmax - xmin) / minDt
		s.lo, s.hi = -r-1, r+1
	}
	return s
}

// nextAfter returns the (k+1)-th smallest (0-based) of all, just after the fixed position k:
// the minimum of the positions up to and including the next fixed one, since everything
// beyond that is no smaller.
func (s *slopeSelector) nextAfter(k int) float64 {
	end := len(s.all)
	for _, f := range s.fixed {
		if f > k {
			end = f + 1
			break
		}
	}
	m := s.all[k+1]
	for _, v := range s.all[k+2 : end] {
		m = min(m, v)
	}
	return m
}

// release returns the selector's pooled buffer.
func (s *slopeSelector) release() {
	if s.allBuf != nil {
		putFloats(s.allBuf)
		s.allBuf, s.all = nil, nil
	}
}

// below returns the number of slopes < v: pairs in time order whose keys x − v·t invert.
// Within a run of equal times the keys are sorted ascending first, so that pairs of equal
// time never count.
func (s *slopeSelector) below(v float64) int64 { return s.count(v, 1) }

// above returns the number of slopes > v.
func (s *slopeSelector) above(v float64) int64 { return s.count(v, -1) }

func (s *slopeSelector) count(v, sign float64) int64 {
	if s.keys == nil {
		s.keys, s.buf = make([]float64, len(s.pts)), make([]float64, len(s.pts))
	}
	for i, p := range s.pts {
		s.keys[i] = sign * (p.x - v*p.t)
	}
	for g := 0; g+1 < len(s.groups); g++ {
		if s.groups[g+1]-s.groups[g] > 1 {
			slices.Sort(s.keys[s.groups[g]:s.groups[g+1]])
		}
	}
	return countInversions(s.keys, s.buf)
}

// kth returns the k-th smallest slope (1 ≤ k ≤ pairs).
func (s *slopeSelector) kth(k int64) float64 {
	v, _ := s.kthPair(k, k)
	return v
}

// kthPair returns the k1-th and k2-th smallest slopes (k1 ≤ k2, close together, such as
// the two middle ones of an even count) from one bracket.
func (s *slopeSelector) kthPair(k1, k2 int64) (float64, float64) {
	n := int64(len(s.pts))
	limit := 4*n + 4096
	if s.pairs <= limit {
		// Few enough pairs to hold: keep them all and select each order statistic.
		if s.all == nil {
			ap := getFloats(int(s.pairs))
			s.allBuf = ap
			s.all = (*ap)[:0]
			for i, a := range s.pts {
				for _, b := range s.pts[i+1:] {
					if b.t != a.t {
						s.all = append(s.all, (b.x-a.x)/(b.t-a.t))
					}
				}
			}
		}
		a := s.selectAll(int(k1 - 1))
		switch k2 {
		case k1:
			return a, a
		case k1 + 1:
			return a, s.nextAfter(int(k1 - 1))
		}
		return a, s.selectAll(int(k2 - 1))
	}
	lo, hi := s.lo, s.hi
	var atOrBelowLo int64 // slopes ≤ lo
	belowHi := s.pairs    // slopes < hi
	// Trial slopes: first two from a deterministic sample of pairs, then two interpolated
	// from the counts at the bracket's ends, then the midpoint; the result does not depend
	// on them, only the number of counting passes does.
	guesses := s.sampleGuesses(k1, k2)
	for iter := 0; belowHi-atOrBelowLo > limit && iter < 300; iter++ {
		if len(guesses) == 0 {
			span, width := hi-lo, float64(belowHi-atOrBelowLo)
			d := float64(limit) / 4
			if iter%3 != 2 {
				guesses = append(guesses,
					lo+span*(float64(k1-atOrBelowLo)-d)/width,
					lo+span*(float64(k2-atOrBelowLo)+d)/width)
			} else {
				guesses = append(guesses, lo+span/2)
			}
		}
		v := guesses[0]
		guesses = guesses[1:]
		if !(v > lo && v < hi) {
			if v = lo + (hi-lo)/2; !(v > lo && v < hi) {
				break // the bracket cannot be split further in float64
			}
		}
		b := s.below(v)
		if k2 <= b {
			hi, belowHi = v, b
			continue
		}
		atOrBelow := s.pairs - s.above(v)
		switch {
		case k1 > atOrBelow:
			lo, atOrBelowLo = v, atOrBelow
		case b < k1 && k2 <= atOrBelow:
			return v, v // both slopes equal v
		default: // v separates k1 from k2
			return s.kth(k1), s.kth(k2)
		}
	}
	return s.finish(k1, k2, lo, hi, atOrBelowLo)
}

// sampleGuesses returns two trial slopes around ranks k1..k2 from a sample of 4n pairs
// drawn once by a fixed PCG stream.
func (s *slopeSelector) sampleGuesses(k1, k2 int64) []float64 {
	n := len(s.pts)
	m := 4 * n
	if int64(m) >= s.pairs || n < 64 {
		return nil
	}
	if s.sample == nil {
		r := rand.New(rand.NewPCG(1968, 1))
		s.sample = make([]float64, 0, m)
		for len(s.sample) < m {
			i, j := r.IntN(n), r.IntN(n)
			if s.pts[i].t == s.pts[j].t {
				continue
			}
			s.sample = append(s.sample, (s.pts[j].x-s.pts[i].x)/(s.pts[j].t-s.pts[i].t))
		}
		slices.Sort(s.sample)
	}
	q1, q2 := float64(k1)/float64(s.pairs), float64(k2)/float64(s.pairs)
	margin := 4*math.Sqrt(float64(m)*q1*(1-q1)) + 2
	at := func(r float64) int { return min(m-1, max(0, int(r))) }
	return []float64{s.sample[at(q1*float64(m)-margin)], s.sample[at(q2*float64(m)+margin)]}
}

// finish enumerates the slopes strictly inside (lo, hi), sorts them, and returns those of
// ranks k1 − atOrBelowLo and k2 − atOrBelowLo. The pairs inside are the pairs whose order by x − lo·t differs from
// their order by x − hi·t: inversions found by merge sort in O(n log n + K).
func (s *slopeSelector) finish(k1, k2 int64, lo, hi float64, atOrBelowLo int64) (float64, float64) {
	n := len(s.pts)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	ylo := func(i int) float64 { return s.pts[i].x - lo*s.pts[i].t }
	yhi := func(i int) float64 { return s.pts[i].x - hi*s.pts[i].t }
	// Order by key at lo, ties by time descending (a tied pair is not above lo).
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(ylo(a), ylo(b)); c != 0 {
			return c
		}
		return cmp.Compare(s.pts[b].t, s.pts[a].t)
	})
	var slopes []float64
	tmp := make([]int, n)
	for width := 1; width < n; width *= 2 {
		for l := 0; l < n; l += 2 * width {
			mid := min(l+width, n)
			h := min(l+2*width, n)
			i, j, o := l, mid, l
			for i < mid && j < h {
				if yhi(idx[j]) < yhi(idx[i]) {
					q := idx[j]
					for _, p := range idx[i:mid] {
						a, b := s.pts[p], s.pts[q]
						if a.t < b.t && ylo(p) < ylo(q) {
							slopes = append(slopes, (b.x-a.x)/(b.t-a.t))
						}
					}
					tmp[o] = q
					j++
				} else {
					tmp[o] = idx[i]
					i++
				}
				o++
			}
			o += copy(tmp[o:], idx[i:mid])
			copy(tmp[o:], idx[j:h])
		}
		idx, tmp = tmp, idx
	}
	slices.Sort(slopes)
	pick := func(k int64) float64 {
		r := k - atOrBelowLo - 1
		if r < 0 || r >= int64(len(slopes)) {
			// Only reachable through rounding at the bracket's ends; the nearest slope is
			// the best exact answer available.
			if len(slopes) == 0 {
				return lo + (hi-lo)/2
			}
			r = min(max(r, 0), int64(len(slopes)-1))
		}
		return slopes[r]
	}
	return pick(k1), pick(k2)
}

// selectNoNaN returns the k-th smallest (0-based) of x, which holds no NaN, reordering x
// (Hoare's quickselect with median-of-three pivots).
func selectNoNaN(x []float64, k int) float64 {
	lo, hi := 0, len(x)-1
	for hi-lo > 12 {
		m := lo + (hi-lo)/2
		if x[m] < x[lo] {
			x[lo], x[m] = x[m], x[lo]
		}
		if x[hi] < x[lo] {
			x[lo], x[hi] = x[hi], x[lo]
		}
		if x[hi] < x[m] {
			x[m], x[hi] = x[hi], x[m]
		}
		p := x[m]
		i, j := lo, hi
		for i <= j {
			for x[i] < p {
				i++
			}
			for p < x[j] {
				j--
			}
			if i <= j {
				x[i], x[j] = x[j], x[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return x[k] // j < k < i: x[k] equals the pivot
		}
	}
	// At most 13 values are left: an insertion sort places the k-th.
	for i := lo + 1; i <= hi; i++ {
		for m := i; m > lo && x[m] < x[m-1]; m-- {
			x[m], x[m-1] = x[m-1], x[m]
		}
	}
	return x[k]
}
