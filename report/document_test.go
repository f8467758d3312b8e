package report

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opfolgning/opfolgning/lang"
)

func sampleDoc(t *testing.T) Document {
	p, err := Protect(table([][]int{{12, 2, 7}, {15, 11, 9}, {4, 6, 13}}), Disclosure{})
	require.NoError(t, err)
	dist, err := DistributionChart("fordeling", "Skole", []string{"1", "2", "3", "4", "5"}, []float64{.1, .3, .3, .2, .1}, []float64{.05, .15, .3, .3, .2}, [2]string{"første", "seneste"})
	require.NoError(t, err)
	comp, err := ComplianceChart("efterlevelse", "Børnesamtale", []string{"K1", "K2", "K3", "K4"}, []float64{.25, .5, .75, math.NaN()}, []float64{.1, .3, .55, 0}, []float64{.47, .7, .89, 0})
	require.NoError(t, err)
	return Document{Title: "Ledelsesinformation", Recipient: "Forvaltningsledelsen", Lang: lang.Danish, Sections: []Section{{
		Heading: "Målgrupper", Paragraphs: []string{"Børn med åben sag <31-12-2025>."},
		Tables: []Table{ProtectedTable(p, "maalgrupper", "Børn efter målgruppe og alder", "Målgruppe", Disclosure{}, lang.Danish), {Name: "tal", Header: []string{"a", "b|c"}, Rows: [][]Cell{{Txt("x"), Num(1.25, 2)}}}},
		Charts: []Chart{dist, comp},
	}}}
}

func TestDocumentFormats(t *testing.T) {
	d := sampleDoc(t)
	var md, h bytes.Buffer
	require.NoError(t, d.WriteMarkdown(&md))
	assert.Contains(t, md.String(), "| Målgruppe | c0 | c1 | c2 | I alt |")
	assert.Contains(t, md.String(), "| x | 1,25 |", "decimal comma in Danish")
	assert.Contains(t, md.String(), `b\|c`)
	assert.Contains(t, md.String(), "![Skole](fordeling.svg)")
	require.NoError(t, d.WriteHTML(&h))
	s := h.String()
	assert.True(t, strings.HasPrefix(s, "<!DOCTYPE html>"))
	assert.Contains(t, s, "&lt;31-12-2025&gt;", "text is escaped")
	assert.Contains(t, s, "<svg", "charts inline")
	assert.NotContains(t, s, "<script")
	assert.NotContains(t, s, "http://fonts", "no external assets")
	for _, bad := range []string{`src="http`, `href="http`, "@import"} {
		assert.NotContains(t, s, bad)
	}
	assert.Equal(t, 1, strings.Count(s, "<?xml")+1-strings.Count(s, "<?xml"), "inline SVG without XML declarations")
	assert.NotContains(t, s, "<?xml")
	assert.Contains(t, s, SuppressedMark)

	var c bytes.Buffer
	require.NoError(t, WriteCSV(&c, d.Sections[0].Tables[1], lang.Danish, DanishExcel))
	assert.Equal(t, "\xEF\xBB\xBFa;b|c\nx;1,25\n", c.String())
	c.Reset()
	require.NoError(t, WriteCSV(&c, d.Sections[0].Tables[1], lang.English, CSVOptions{}))
	assert.Equal(t, "a,b|c\nx,1.25\n", c.String())

	var again bytes.Buffer
	require.NoError(t, sampleDoc(t).WriteHTML(&again))
	assert.Equal(t, s, again.String(), "deterministic, charts included")
}

func TestCharts(t *testing.T) {
	dates := []time.Time{time.Date(2021, 6, 30, 0, 0, 0, 0, time.UTC), time.Date(2022, 6, 30, 0, 0, 0, 0, time.UTC), time.Date(2023, 6, 30, 0, 0, 0, 0, time.UTC)}
	c, err := SeriesChart("s", "Andel i plejefamilie", dates, []float64{52, math.NaN(), 58}, 70, "positiv udvikling")
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(c.PNG, []byte("\x89PNG")))
	assert.Contains(t, string(c.SVG), "<svg")
	r, err := RunChart("r", "Sammenbrud", []string{"a", "b", "c", "d"}, []float64{3, 4, 2, 5}, 3.5, true)
	require.NoError(t, err)
	assert.NotEmpty(t, r.SVG)
	_, err = SeriesChart("e", "tom", nil, nil, math.NaN(), "")
	require.NoError(t, err, "an empty series is an empty chart, not an error")
}
