package civil

import (
	"testing"
	"time"
)

func TestDayNumber(t *testing.T) {
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		cph = time.FixedZone("CET", 3600)
	}
	for _, tc := range []struct {
		t    time.Time
		want int64
	}{
		{time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), 0},
		{time.Date(1970, 1, 1, 23, 59, 59, 0, time.UTC), 0},
		{time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC), -1},
		{time.Date(1969, 12, 31, 23, 0, 0, 0, time.UTC), -1},
		{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), 20089},
		// Midnight in Copenhagen is still 31 December in UTC; the calendar date counts.
		{time.Date(2025, 1, 1, 0, 30, 0, 0, cph), 20089},
		{time.Date(2024, 2, 29, 12, 0, 0, 0, time.FixedZone("-11", -11*3600)), 19782},
	} {
		if got := DayNumber(tc.t); got != tc.want {
			t.Errorf("DayNumber(%v) = %d, want %d", tc.t, got, tc.want)
		}
	}
}
