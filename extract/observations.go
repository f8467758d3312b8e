package extract

import (
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/opfolgning/opfolgning/goals"
	"github.com/opfolgning/opfolgning/problem"
)

// IndicatorObservation is one row of an indicator extract: the indicator's ID and an
// observation.
type IndicatorObservation struct {
	Indicator   string
	Observation goals.Observation
}

// ParseNumber reads a decimal number written with a decimal point or a Danish decimal comma,
// with an optional thousands separator of the other kind ("1.234,5" or "1,234.5"), and
// rejects NaN and ±Inf spelled out. An empty cell is not a number.
func ParseNumber(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, ErrBadNumber
	}
	c, d := strings.LastIndexByte(s, ','), strings.LastIndexByte(s, '.')
	switch {
	case c > d: // comma is the decimal mark
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	case d > c && c >= 0: // point is the decimal mark, commas group thousands
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, ErrBadNumber
	}
	return v, nil
}

// ReadObservations reads an indicator extract: one row per observation with the columns
// indicator (indikator), date (dato), and value (værdi) or numerator and denominator
// (tæller, nævner) or both. An empty value with no counts is a missing measurement (NaN),
// kept and counted, not dropped. Every bad row is reported by row and column.
func ReadObservations(r io.Reader, opts CSVOptions) ([]IndicatorObservation, error) {
	c, err := newCSVReader(r, opts)
	if err != nil {
		return nil, err
	}
	return readObservations(c)
}

func readObservations(c *csvReader) ([]IndicatorObservation, error) {
	ind, date := c.column("indicator", "indikator"), c.column(dateColumns...)
	val, num, den := c.column("value", "værdi", "vaerdi"), c.column("numerator", "tæller", "taeller"), c.column("denominator", "nævner", "naevner")
	head := problem.List{Unit: "row"}
	if ind < 0 {
		head.Add(1, "indicator", "%w (indikator/indicator)", ErrMissingColumn)
	}
	if date < 0 {
		head.Add(1, "date", "%w (dato/date)", ErrMissingColumn)
	}
	if val < 0 && (num < 0 || den < 0) {
		head.Add(1, "value", "%w (værdi, or tæller and nævner)", ErrMissingColumn)
	}
	if err := head.Err("extract: observations header"); err != nil {
		return nil, err
	}
	var out []IndicatorObservation
	probs := problem.List{Unit: "row"}
	for rec := range c.records(&probs) {
		o := IndicatorObservation{Indicator: cell(rec, ind)}
		if o.Indicator == "" {
			probs.Add(c.row, c.header[ind], "no indicator")
		}
		o.Observation.Date = c.date(&probs, rec, date, true)
		counts := 0
		for _, f := range []struct {
			col int
			dst *int
		}{{num, &o.Observation.Numerator}, {den, &o.Observation.Denominator}} {
			if s := cell(rec, f.col); s != "" {
				n, err := strconv.Atoi(s)
				if err != nil || n < 0 {
					probs.Add(c.row, c.header[f.col], "%q is not a whole number ≥ 0: %w", clip(s), ErrBadNumber)
				}
				*f.dst = n
				counts++
			}
		}
		if s := cell(rec, val); s != "" {
			v, err := ParseNumber(s)
			if err != nil {
				probs.Add(c.row, c.header[val], "%q: %w", clip(s), err)
			}
			o.Observation.Value = v
		} else if counts == 0 {
			o.Observation.Value = math.NaN()
		}
		out = append(out, o)
	}
	if err := probs.Err("extract: observations"); err != nil {
		return nil, err
	}
	return out, nil
}
