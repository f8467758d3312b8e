package supervision

import (
	"fmt"
	"slices"
	"time"

	"github.com/opfolgning/opfolgning/goals"
	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/sampling"
)

// Procedure is a written supervision procedure (procedure for ledelsestilsyn), with the four
// parts the survey of seed 004 found municipalities write down: frequency, selection of
// cases, conduct and documentation, reporting and follow-up. The annual wheel places it on
// the year through Occurrences.
type Procedure struct {
	Name      lang.Text
	Frequency goals.Frequency // quarterly, half-yearly or yearly
	// Months are the months in which it takes place; empty means the first month of each
	// period of the frequency (January, April, July and October for quarterly).
	Months                                      []time.Month
	Selection                                   sampling.Rule
	Template                                    string // the checklist's ID
	Performer                                   string // the role that performs it, e.g. "teamleder"
	Conduct, Documentation, Reporting, FollowUp lang.Text
}

// Validate checks that the procedure can be placed on a year and can draw its cases.
func (p Procedure) Validate() error {
	switch p.Frequency {
	case goals.Quarterly, goals.HalfYearly, goals.Yearly, goals.Monthly:
	default:
		return fmt.Errorf("supervision: procedure: frequency %q", p.Frequency)
	}
	for _, m := range p.Months {
		if m < time.January || m > time.December {
			return fmt.Errorf("supervision: procedure: month %d", m)
		}
	}
	if p.Selection.PerStratum == 0 && p.Selection.Total == 0 {
		return fmt.Errorf("supervision: procedure: the selection draws no cases")
	}
	if p.Template == "" || p.Performer == "" {
		return fmt.Errorf("supervision: procedure: name its checklist and its performer")
	}
	return nil
}

// Occurrences returns the first day of each month of year in which the procedure takes place.
func (p Procedure) Occurrences(year int) []time.Time {
	months := slices.Clone(p.Months)
	if len(months) == 0 {
		step := p.Frequency.Months()
		if step == 0 {
			return nil
		}
		for m := 1; m <= 12; m += step {
			months = append(months, time.Month(m))
		}
	}
	slices.Sort(months)
	out := make([]time.Time, 0, len(months))
	for _, m := range slices.Compact(months) {
		out = append(out, time.Date(year, m, 1, 0, 0, 0, 0, time.UTC))
	}
	return out
}
