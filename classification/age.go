package classification

import (
	"errors"
	"fmt"
	"time"

	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/problem"
)

// LeapBirthday says on which day a child born on 29 February turns a year older in a common
// year. Conventions differ between legal systems; say which one your reports follow.
type LeapBirthday uint8

const (
	// March1 counts the birthday on 1 March in common years, the day after 28 February
	// has passed without a 29th. The default.
	March1 LeapBirthday = iota
	// February28 counts it on 28 February.
	February28
)

// ErrFutureBirth is returned by Age when the birth date is after the reference date.
var ErrFutureBirth = errors.New("born after the reference date")

// Age returns the age in whole years on date at of a child born on birth (alder på
// opgørelsesdagen): the number of birthdays passed, the birthday counting on its own day.
// Only calendar dates count. A child born on 29 February has its birthday in common years
// on the day leap says.
func Age(birth, at time.Time, leap LeapBirthday) (int, error) {
	by, bm, bd := birth.Date()
	ay, am, ad := at.Date()
	if birth.IsZero() || at.IsZero() {
		return 0, fmt.Errorf("classification: no date")
	}
	if ay < by || ay == by && (am < bm || am == bm && ad < bd) {
		return 0, fmt.Errorf("classification: %w", ErrFutureBirth)
	}
	age := ay - by
	// This year's birthday.
	m, d := bm, bd
	if bm == time.February && bd == 29 && !isLeap(ay) {
		if leap == February28 {
			d = 28
		} else {
			m, d = time.March, 1
		}
	}
	if am < m || am == m && ad < d {
		age--
	}
	return age, nil
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// Band is an age band (aldersgruppe), From and To inclusive, in whole years.
type Band struct {
	Label    lang.Text
	From, To int
}

// Bands is a list of age bands in increasing order.
type Bands []Band

// ErrBands is wrapped by Bands.Validate's problems.
var ErrBands = errors.New("invalid age bands")

// Validate checks that the bands are in increasing order, do not overlap, have From ≤ To
// within 0–25 (children and young people up to 22, with after-care to 23), and labels.
// Gaps are allowed: an age outside every band is reported by Find, never put in a
// neighbour.
func (bs Bands) Validate() error {
	var l problem.List
	if len(bs) == 0 {
		l.Add(0, "", "%w: none", ErrBands)
	}
	for i, b := range bs {
		if b.From < 0 || b.To > 25 || b.From > b.To {
			l.Add(i, "from", "%w: %d–%d", ErrBands, b.From, b.To)
		}
		if i > 0 && b.From <= bs[i-1].To {
			l.Add(i, "from", "%w: overlaps band %d", ErrBands, i-1)
		}
		if b.Label.Da == "" && b.Label.En == "" {
			l.Add(i, "label", "%w: no label", ErrBands)
		}
	}
	return l.Err("classification: bands")
}

// Find returns the index of the band that holds age, or −1.
func (bs Bands) Find(age int) int {
	for i, b := range bs {
		if age >= b.From && age <= b.To {
			return i
		}
	}
	return -1
}

// UniformBands makes bands of the given boundaries: UniformBands(0, 6, 12, 18, 23) gives 0–5,
// 6–11, 12–17 and 18–22, labelled "0-5 år" / "0-5 years". No preset band list ships with
// the library: we could not verify a published one (see the package documentation).
func UniformBands(bounds ...int) Bands {
	var out Bands
	for i := 0; i+1 < len(bounds); i++ {
		f, t := bounds[i], bounds[i+1]-1
		out = append(out, Band{From: f, To: t, Label: lang.Text{Da: fmt.Sprintf("%d-%d år", f, t), En: fmt.Sprintf("%d-%d years", f, t)}})
	}
	return out
}
