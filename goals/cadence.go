package goals

import (
	"fmt"
	"strings"
	"time"
)

// Frequency is how often something is followed up (kadence).
type Frequency uint8

const (
	NoFrequency Frequency = iota
	Monthly               // månedligt
	Quarterly             // kvartalsvis
	HalfYearly            // halvårligt
	Yearly                // årligt
)

var frequencyCodes = [...]string{"none", "monthly", "quarterly", "half-yearly", "yearly"}

// String returns the frequency's text code.
func (f Frequency) String() string { return frequencyCodes[min(int(f), len(frequencyCodes)-1)] }

// Months returns the number of months between evaluations; 0 for NoFrequency.
func (f Frequency) Months() int { return [...]int{0, 1, 3, 6, 12}[min(int(f), 4)] }

// ParseFrequency reads a frequency from its code or its Danish name (månedligt,
// kvartalsvis, halvårligt, årligt).
func ParseFrequency(s string) (Frequency, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "monthly", "månedligt", "månedlig":
		return Monthly, nil
	case "quarterly", "kvartalsvis", "kvartalsvist":
		return Quarterly, nil
	case "half-yearly", "halvårligt", "halvårlig":
		return HalfYearly, nil
	case "yearly", "årligt", "årlig":
		return Yearly, nil
	}
	return NoFrequency, fmt.Errorf("goals: unknown frequency %q", s)
}

// MarshalText implements encoding.TextMarshaler.
func (f Frequency) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseFrequency.
func (f *Frequency) UnmarshalText(b []byte) error {
	v, err := ParseFrequency(string(b))
	if err == nil {
		*f = v
	}
	return err
}

// Cadence is when a goal is evaluated, e.g. yearly with the committee (fagudvalget).
type Cadence struct {
	Frequency Frequency
	// LastEvaluated is the date of the latest evaluation; zero when never evaluated.
	LastEvaluated time.Time
}

// NextDue returns the date the next evaluation is due: LastEvaluated plus the frequency's
// months (the last day of the month when the day does not exist, so 31 January plus a month
// is 28 or 29 February). It returns the zero time for NoFrequency or no evaluation yet.
func (c Cadence) NextDue() time.Time {
	m := c.Frequency.Months()
	if m == 0 || c.LastEvaluated.IsZero() {
		return time.Time{}
	}
	y, mo, d := c.LastEvaluated.Date()
	first := time.Date(y, mo+time.Month(m), 1, 0, 0, 0, 0, c.LastEvaluated.Location())
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, c.LastEvaluated.Location())
}

// Overdue reports whether an evaluation is due on or before at: never evaluated under a
// frequency, or NextDue has come.
func (c Cadence) Overdue(at time.Time) bool {
	if c.Frequency == NoFrequency {
		return false
	}
	if c.LastEvaluated.IsZero() {
		return true
	}
	return !c.NextDue().After(at)
}
