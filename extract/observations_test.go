package extract

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opfolgning/opfolgning/problem"
)

func TestParseNumber(t *testing.T) {
	for s, want := range map[string]float64{"3": 3, "3,5": 3.5, "3.5": 3.5, "1.234,5": 1234.5, "1,234.5": 1234.5, "-0,25": -0.25} {
		got, err := ParseNumber(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got, s)
	}
	for _, s := range []string{"", "NaN", "Inf", "x", "1,2,3,4.5.6"} {
		_, err := ParseNumber(s)
		assert.True(t, errors.Is(err, ErrBadNumber), s)
	}
}

func TestReadObservations(t *testing.T) {
	in := "indikator;dato;værdi;tæller;nævner\n" +
		"foster-share;30-06-2024;;70;130\n" +
		"breakdowns;30-06-2024;12;;\n" +
		"wellbeing;31-12-2024;3,4;;\n" +
		"wellbeing;30-06-2025;;;\n"
	got, err := ReadObservations(strings.NewReader(in), CSVOptions{})
	require.NoError(t, err)
	require.Len(t, got, 4)
	assert.Equal(t, 70, got[0].Observation.Numerator)
	assert.Equal(t, 3.4, got[2].Observation.Value)
	assert.True(t, math.IsNaN(got[3].Observation.Value), "an empty value is a missing measurement, kept")

	bad := "indicator,date,value\n,2024-01-01,1\nx,2024-13-01,NaN\n"
	_, err = ReadObservations(strings.NewReader(bad), CSVOptions{})
	var perr *problem.Error
	require.True(t, errors.As(err, &perr))
	assert.Len(t, perr.Problems, 3)
	_, err = ReadObservations(strings.NewReader("indicator,date\n"), CSVOptions{})
	assert.True(t, errors.Is(err, ErrMissingColumn))
}

func FuzzReadObservations(f *testing.F) {
	f.Add([]byte("indicator,date,value,numerator,denominator\na,2024-01-01,1,,\nb,01-02-2024,,3,4\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		obs, err := ReadObservations(bytes.NewReader(b), CSVOptions{})
		if err != nil {
			return
		}
		for _, o := range obs {
			if o.Indicator == "" || o.Observation.Date.IsZero() {
				t.Fatal("a bad row passed")
			}
		}
	})
}
