package plan

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opfolgning/opfolgning/lang"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func wheel() *Wheel {
	t := func(da, en string) lang.Text { return lang.Text{Da: da, En: en} }
	return &Wheel{Year: 2026, Activities: []Activity{
		{ID: "tilsyn", Name: t("Løbende ledelsestilsyn", "Ongoing supervision"), Kind: Supervision, Purposes: []Purpose{QualityAssurance},
			Performer: "teamleder", Recipients: []Recipient{DepartmentManagement, Caseworkers}, Cadence: Cadence{Frequency: Quarterly}, Hours: 12},
		{ID: "tema", Name: t("Tematiseret tilsyn", "Themed supervision"), Kind: ThemedSupervision, Purposes: []Purpose{ProfessionalDevelopment},
			Performer: "teamleder", Recipients: []Recipient{DepartmentManagement}, Cadence: Cadence{Frequency: GivenMonths, Months: []time.Month{time.March, time.April, time.May}},
			Focus: []Focus{{Month: time.March, Text: t("Inddragelse af netværk", "Involvement of the network")}}, Hours: 10},
		{ID: "mål", Name: t("Målopfølgning med udvalget", "Goal follow-up with the committee"), Kind: GoalFollowUp, Purposes: []Purpose{Implementation},
			Performer: "afdelingschef", Recipients: []Recipient{PoliticalLevel}, Cadence: Cadence{Frequency: Yearly, First: time.March}, Hours: 20,
			Links: []Link{{Department: "Skole", Activity: "kvalitetsrapport"}}},
		{ID: "ledelsesinfo", Name: t("Ledelsesinformation", "Management information"), Kind: Results, Purposes: []Purpose{QualityAssurance},
			Performer: "analytiker", Recipients: []Recipient{AdministrationManagement}, Cadence: Cadence{Frequency: HalfYearly, First: time.June}, Hours: 16},
		{ID: "budget", Name: t("Budgetopfølgning", "Budget follow-up"), Kind: Economy, Purposes: []Purpose{QualityAssurance},
			Performer: "økonom", Recipients: []Recipient{AdministrationManagement, PoliticalLevel}, Cadence: Cadence{Frequency: GivenWeeks, Weeks: []int{10, 23, 36, 48}}, Hours: 8},
	}}
}

func TestOccurrencesAndLoad(t *testing.T) {
	w := wheel()
	require.NoError(t, w.Validate())
	occ := w.Occurrences()
	assert.Len(t, occ, 4+3+1+2+4)
	assert.Equal(t, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), occ[0].Date)
	var tema []string
	for _, o := range occ {
		if o.Activity.ID == "tema" {
			tema = append(tema, o.Date.Format("01")+":"+o.Focus.Da)
		}
		if o.Activity.ID == "budget" {
			assert.Equal(t, time.Monday, o.Date.Weekday())
		}
	}
	assert.Equal(t, []string{"03:Inddragelse af netværk", "04:", "05:"}, tema)
	// ISO week 10 of 2026 starts on Monday 2 March.
	assert.Equal(t, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), isoWeekMonday(2026, 10))
	var march []Load
	for _, l := range w.Load() {
		if l.Month == time.March {
			march = append(march, l)
		}
	}
	assert.Equal(t, []Load{{Month: time.March, Performer: "afdelingschef", Occurrences: 1, Hours: 20},
		{Month: time.March, Performer: "teamleder", Occurrences: 1, Hours: 10}, {Month: time.March, Performer: "økonom", Occurrences: 1, Hours: 8}}, march)
	over := w.Overloaded(20)
	assert.Equal(t, []Load{{Month: time.April, Performer: "teamleder", Occurrences: 2, Hours: 22}}, over,
		"April: the quarterly supervision and the themed one")
	bad := &Wheel{Year: 26, Activities: []Activity{{ID: "x"}, {ID: "x", Kind: 9, Cadence: Cadence{Frequency: GivenWeeks, Weeks: []int{60}}}}}
	err := bad.Validate()
	assert.True(t, errors.Is(err, ErrInvalid))
	assert.Contains(t, err.Error(), "week 60")
}

// unfold reverses RFC 5545 line folding.
func unfold(b []byte) []string {
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		s := strings.TrimSuffix(sc.Text(), "\r")
		if strings.HasPrefix(s, " ") && len(lines) > 0 {
			lines[len(lines)-1] += s[1:]
			continue
		}
		lines = append(lines, s)
	}
	return lines
}

func TestWriteICS(t *testing.T) {
	var b bytes.Buffer
	stamp := time.Date(2025, 12, 1, 8, 0, 0, 0, time.UTC)
	require.NoError(t, WriteICS(&b, wheel(), lang.Danish, "eksempel.dk", stamp))
	raw := b.Bytes()
	for _, line := range strings.Split(string(raw), "\r\n") {
		assert.LessOrEqual(t, len(line), 75, "folded at 75 octets")
	}
	assert.NotContains(t, strings.ReplaceAll(string(raw), "\r\n", ""), "\n", "CRLF line endings only")
	// Parse it back: events with their properties.
	lines := unfold(raw)
	assert.Equal(t, "BEGIN:VCALENDAR", lines[0])
	assert.Equal(t, "END:VCALENDAR", lines[len(lines)-1])
	var events []map[string]string
	var cur map[string]string
	for _, l := range lines {
		switch {
		case l == "BEGIN:VEVENT":
			cur = map[string]string{}
		case l == "END:VEVENT":
			events = append(events, cur)
			cur = nil
		case cur != nil:
			k, v, ok := strings.Cut(l, ":")
			require.True(t, ok, l)
			cur[k] = v
		}
	}
	require.Len(t, events, 14)
	uids := map[string]bool{}
	for _, e := range events {
		assert.False(t, uids[e["UID"]], "UIDs are unique")
		uids[e["UID"]] = true
		assert.Equal(t, "20251201T080000Z", e["DTSTAMP"])
		start, err := time.Parse("20060102", e["DTSTART;VALUE=DATE"])
		require.NoError(t, err)
		end, err := time.Parse("20060102", e["DTEND;VALUE=DATE"])
		require.NoError(t, err)
		assert.Equal(t, start.AddDate(0, 0, 1), end)
	}
	var tema map[string]string
	for _, e := range events {
		if strings.HasPrefix(e["UID"], "tema-20260301") {
			tema = e
		}
	}
	require.NotNil(t, tema)
	assert.Equal(t, `Tematiseret tilsyn: Inddragelse af netværk`, tema["SUMMARY"])
	assert.Contains(t, tema["DESCRIPTION"], `Udføres af: teamleder\nFormål: faglig udvikling`)
	var again bytes.Buffer
	require.NoError(t, WriteICS(&again, wheel(), lang.Danish, "eksempel.dk", stamp))
	assert.Equal(t, b.String(), again.String(), "deterministic")
	assert.Equal(t, `a\, b\; c\\d\ne`, escapeText("a, b; c\\d\ne"))
}

func TestWriteSVGGolden(t *testing.T) {
	for _, l := range []lang.Language{lang.Danish, lang.English} {
		var b bytes.Buffer
		require.NoError(t, WriteSVG(&b, wheel(), l))
		path := filepath.Join("testdata", "wheel_"+l.String()+".golden.svg")
		if *update {
			require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.Equal(t, string(want), b.String())
		assert.Contains(t, b.String(), "<svg")
	}
}

func FuzzWheel(f *testing.F) {
	f.Add(uint8(2), uint8(3), int64(10), "x")
	f.Fuzz(func(t *testing.T, freq, first uint8, week int64, id string) {
		w := &Wheel{Year: 2026, Activities: []Activity{{ID: id, Name: lang.Text{Da: id}, Kind: Supervision, Performer: "p",
			Recipients: []Recipient{Caseworkers}, Cadence: Cadence{Frequency: Frequency(freq % 8), First: time.Month(first % 14), Months: []time.Month{time.Month(first % 14)}, Weeks: []int{int(week % 60)}}}}}
		if w.Validate() != nil {
			return
		}
		var b bytes.Buffer
		if err := WriteICS(&b, w, lang.English, "x", time.Unix(0, 0)); err != nil {
			t.Fatal(err)
		}
		if err := WriteSVG(&b, w, lang.Danish); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkWheel(b *testing.B) {
	w := wheel()
	for b.Loop() {
		var buf bytes.Buffer
		_ = WriteICS(&buf, w, lang.Danish, "x", time.Unix(0, 0))
		_ = WriteSVG(&buf, w, lang.Danish)
	}
}
