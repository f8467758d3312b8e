// Package civil counts calendar days the same way in every package of opfolgning.
package civil

import "time"

// DayNumber returns the days since 1970-01-01 of t's calendar date in t's location: the
// date a caseworker wrote, whatever time of day and zone it carries. Dates before 1970
// give negative numbers (floor division, so 1969-12-31 is −1).
func DayNumber(t time.Time) int64 {
	_, offset := t.Zone()
	s := t.Unix() + int64(offset)
	d := s / 86400
	if s%86400 < 0 {
		d--
	}
	return d
}
