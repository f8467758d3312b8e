package extract

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opfolgning/opfolgning/interventions"
	"github.com/opfolgning/opfolgning/problem"
)

func TestReadInterventions(t *testing.T) {
	in := "id;barn;paragraf;foranstaltning;leverandør;start;slut;timer_pr_uge;døgn_pr_måned;takst;enhed\n" +
		"1;B1;BL § 32, stk. 1, nr. 5;familiebehandling;Familiecentret;06-01-2025;30-06-2025;;;650,00;døgn\n" +
		"2;B2;BL § 32, stk. 1, nr. 3;kontaktperson;UngeKontakt ApS;01-02-2025;;7,5;;425,50;time\n" +
		"3;B3;BL § 32, stk. 1, nr. 7;aflastning;Aflastningshuset;01-03-2025;;;8;1.450,00;døgn\n"
	got, err := ReadInterventions(strings.NewReader(in), CSVOptions{})
	require.NoError(t, err)
	require.Len(t, got, 3)
	assert.Equal(t, 8.0, got[2].DaysPerMonth)
	assert.Equal(t, interventions.Price{Amount: 65000, Per: interventions.PerDay}, got[0].Price)
	assert.Equal(t, time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC), got[0].End)
	assert.True(t, got[1].End.IsZero())
	assert.Equal(t, 7.5, got[1].HoursPerWeek)
	assert.Equal(t, "B2", got[1].Child, "the id column is the record's, not the child's")
	assert.Equal(t, "2", got[1].ID)

	bad := "barn,paragraf,foranstaltning,start,takst,enhed\nB1,BL § 46,x,,12.34.5,fortnight\n"
	_, err = ReadInterventions(strings.NewReader(bad), CSVOptions{})
	var perr *problem.Error
	require.True(t, errors.As(err, &perr))
	assert.Len(t, perr.Problems, 3, "start, price and unit, all reported")
	_, err = ReadInterventions(strings.NewReader("barn\n"), CSVOptions{})
	assert.True(t, errors.Is(err, ErrMissingColumn))
}

func FuzzReadInterventions(f *testing.F) {
	f.Add([]byte("barn;paragraf;foranstaltning;start;slut;takst;enhed;timer\nB;BL § 46;x;01-01-2025;;100;døgn;\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, err := ReadInterventions(bytes.NewReader(b), CSVOptions{})
		if err != nil {
			return
		}
		for _, r := range rs {
			if r.Start.IsZero() || r.Price.Per == 0 {
				t.Fatal("a bad row passed")
			}
		}
	})
}
