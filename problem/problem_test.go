package problem_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opfolgning/opfolgning/problem"
)

var errBad = errors.New("bad value")

func TestList(t *testing.T) {
	var l problem.List
	require.NoError(t, l.Err("x"))
	l.Add(0, "date", "missing")
	l.Add(4, "score", "7 is too high: %w", errBad)
	err := l.Err("assessments")
	require.Error(t, err)
	assert.Equal(t, "assessments: 2 problems; record 0, field date: missing; record 4, field score: 7 is too high: bad value", err.Error())
	assert.True(t, errors.Is(err, errBad))
	var perr *problem.Error
	require.True(t, errors.As(err, &perr))
	assert.Len(t, perr.Problems, 2)
	assert.Equal(t, 4, perr.Problems[1].Record)
}

func TestLocations(t *testing.T) {
	var l problem.List
	l.Add(2, "date", "missing")
	l.Add(5, "", "too few fields")
	want := []problem.Location{{Record: 2, Field: "date"}, {Record: 5}}
	assert.Equal(t, want, problem.Locations(fmt.Errorf("reading: %w", l.Err("rows"))))
	assert.Nil(t, problem.Locations(errBad))
	assert.Nil(t, problem.Locations(nil))
}

func TestErrorTruncates(t *testing.T) {
	var l problem.List
	for i := range 25 {
		l.Add(i, "", "bad")
	}
	msg := l.Err("rows").Error()
	assert.True(t, strings.HasSuffix(msg, "; and 5 more"), msg)
	assert.True(t, strings.HasPrefix(msg, "rows: 25 problems; record 0: bad"), msg)
}

func FuzzList(f *testing.F) {
	f.Add(3, "field", "reason")
	f.Fuzz(func(t *testing.T, rec int, field, reason string) {
		var l problem.List
		l.Add(rec, field, "%s", reason)
		if l.Err("x") == nil || l.Len() != 1 {
			t.Fatal("problem lost")
		}
	})
}

func BenchmarkList(b *testing.B) {
	for b.Loop() {
		var l problem.List
		for i := range 100 {
			l.Add(i, "score", "out of range: %w", errBad)
		}
		_ = l.Err("assessments").Error()
	}
}

func ExampleList() {
	var problems problem.List
	problems.Add(2, "date", "after the reference date")
	problems.Add(5, "score[health]", "7 is outside 1–5: %w", errBad)
	err := problems.Err("assessments")
	fmt.Println(err)
	fmt.Println(errors.Is(err, errBad))
	// Output:
	// assessments: 2 problems; record 2, field date: after the reference date; record 5, field score[health]: 7 is outside 1–5: bad value
	// true
}

func ExampleLocations() {
	var problems problem.List
	problems.Add(2, "date", "after the reference date")
	problems.Add(5, "score[health]", "7 is outside 1–5")
	for _, loc := range problem.Locations(problems.Err("assessments")) {
		fmt.Printf("record %d, field %s\n", loc.Record, loc.Field)
	}
	// Output:
	// record 2, field date
	// record 5, field score[health]
}
