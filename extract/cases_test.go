package extract

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseKroner(t *testing.T) {
	for s, want := range map[string]int64{"12.345,50": 1234550, "12,345.50": 1234550, "100": 10000, "0,5": 50,
		"1.500.000 kr.": 150000000, "-25,00": -2500, "7,05": 705, "300000": 30000000, "1,234": 123400, "1.500": 150000, "2,5": 250} {
		got, err := ParseKroner(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got, s)
	}
	for _, s := range []string{"", "-", "12,3,4.5", "1.23.456", "1,2345", "abc", "1,", "NaN", "1e5", "99999999999999999999"} {
		_, err := ParseKroner(s)
		assert.Error(t, err, s)
	}
	assert.Equal(t, "12.345,50", FormatKroner(1234550))
	assert.Equal(t, "-0,05", FormatKroner(-5))
	assert.Equal(t, "1.000.000,00", FormatKroner(100000000))
}

func TestReadCases(t *testing.T) {
	in := "sag;rådgiver;team;paragraf;indsats;oprettet;lukket;seneste_tilsyn;beløb;distrikt\n" +
		"S-1;R01;0-6 år;BL § 32;familiebehandling;01-02-2024;;15-11-2025;185.000,00;Nord\n" +
		"S-2;R02;7-14 år;BL § 46;plejefamilie;2023-05-01;2025-06-30;;450000;Syd\n"
	got, err := ReadCases(strings.NewReader(in), CSVOptions{})
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, int64(18500000), got[0].Amount)
	assert.Equal(t, time.Date(2025, 11, 15, 0, 0, 0, 0, time.UTC), got[0].LastReviewed)
	assert.True(t, got[0].Closed.IsZero())
	assert.Equal(t, "Syd", got[1].Attrs["distrikt"])
	_, err = ReadCases(strings.NewReader("sag,beløb\n0101011234,12,5\n"), CSVOptions{})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "0101011234")
	_, err = ReadCases(strings.NewReader("x\n"), CSVOptions{})
	assert.True(t, errors.Is(err, ErrMissingColumn))
}

func FuzzReadCases(f *testing.F) {
	f.Add([]byte("sag,beløb,oprettet\nS-1,\"1.234,50\",01-01-2024\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		cs, err := ReadCases(bytes.NewReader(b), CSVOptions{})
		if err != nil {
			return
		}
		for _, c := range cs {
			if c.ID == "" {
				t.Fatal("a case without ID passed")
			}
		}
	})
}

func FuzzParseKroner(f *testing.F) {
	for _, s := range []string{"12.345,50", "1,5", "-3", "kr."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseKroner(s)
		if err != nil {
			return
		}
		back, err := ParseKroner(FormatKroner(v))
		if err != nil || back != v {
			t.Fatalf("%q → %d → %q → %d", s, v, FormatKroner(v), back)
		}
	})
}
