package extract

import (
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/opfolgning/opfolgning/outcome"
	"github.com/opfolgning/opfolgning/problem"
)

// Column names the readers recognise for an assessment, Danish or English (case, spaces,
// underscores and hyphens ignored). A theme's column is named by its code or its Danish or
// English label (see outcome.ParseTheme) or by the short Danish names below. Every other
// column becomes an attribute (Assessment.Attrs) under its header.
var (
	childColumns = []string{"child", "child_id", "barn", "barn_id", "pseudonym"}
	dateColumns  = []string{"date", "dato", "assessment_date", "vurderingsdato"}
	themeShort   = map[string]outcome.Theme{"udvikling": outcome.Development, "familie": outcome.Family,
		"skole": outcome.School, "sundhed": outcome.Health, "fritid": outcome.Leisure}
)

type assessmentLayout struct {
	child, date int
	themes      [outcome.NumThemes]int
	attrs       []int
}

func assessmentColumns(c *csvReader) (assessmentLayout, error) {
	l := assessmentLayout{child: c.column(childColumns...), date: c.column(dateColumns...)}
	for k := range l.themes {
		l.themes[k] = -1
	}
	missing := problem.List{Unit: "row"}
	if l.child < 0 {
		missing.Add(1, "child", "%w (barn/child)", ErrMissingColumn)
	}
	if l.date < 0 {
		missing.Add(1, "date", "%w (dato/date)", ErrMissingColumn)
	}
	for i, h := range c.header {
		if i == l.child || i == l.date {
			continue
		}
		th, err := outcome.ParseTheme(h)
		if err != nil {
			t, ok := themeShort[normalise(h)]
			if !ok {
				l.attrs = append(l.attrs, i)
				continue
			}
			th = t
		}
		l.themes[th-1] = i
	}
	for k, i := range l.themes {
		if i < 0 {
			missing.Add(1, outcome.Theme(k+1).String(), "%w", ErrMissingColumn)
		}
	}
	return l, missing.Err("extract: assessments header")
}

// Assessments streams the assessments of a CSV extract, one per data row, with the row's
// problems as a *problem.Error (Record is the file row) in place of the record; a header
// problem ends the stream after one error. Empty score cells are outcome.NotAssessed;
// anything else must be a whole number (the scale is checked by the outcome package).
// Rows that repeat the previous row's attributes share its Attrs map.
func Assessments(r io.Reader, opts CSVOptions) iter.Seq2[outcome.Assessment, error] {
	return func(yield func(outcome.Assessment, error) bool) {
		c, err := newCSVReader(r, opts)
		if err != nil {
			yield(outcome.Assessment{}, fmt.Errorf("extract: assessments: %w", err))
			return
		}
		for a, err := range assessments(c) {
			if !yield(a, err) {
				return
			}
		}
	}
}

// assessments streams the assessments of a row source.
func assessments(c *csvReader) iter.Seq2[outcome.Assessment, error] {
	return func(yield func(outcome.Assessment, error) bool) {
		l, err := assessmentColumns(c)
		if err != nil {
			yield(outcome.Assessment{}, err)
			return
		}
		var prevAttrs map[string]string
		var prevVals, vals []string
		for {
			rec, err := c.next()
			if err == io.EOF {
				return
			}
			probs := problem.List{Unit: "row"}
			if err != nil {
				probs.Add(c.row, "", "%v", err)
				if !yield(outcome.Assessment{}, probs.Err("extract: assessments")) {
					return
				}
				continue
			}
			a, _ := parseAssessment(&probs, c, rec, l)
			vals = attrValues(vals, rec, l)
			if err := probs.Err("extract: assessments"); err != nil {
				if !yield(outcome.Assessment{}, err) {
					return
				}
				continue
			}
			if prevAttrs == nil || !slices.Equal(vals, prevVals) {
				prevAttrs = make(map[string]string, len(l.attrs))
				for j, i := range l.attrs {
					prevAttrs[c.header[i]] = vals[j]
				}
				prevVals = slices.Clone(vals)
			}
			a.Attrs = prevAttrs
			if !yield(a, nil) {
				return
			}
		}
	}
}

func cell(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// parseAssessment parses one row (its attributes are read by attrValues).
func parseAssessment(p *problem.List, c *csvReader, rec []string, l assessmentLayout) (outcome.Assessment, []string) {
	var a outcome.Assessment
	if len(rec) != len(c.header) {
		p.Add(c.row, "", "%d fields where the header has %d", len(rec), len(c.header))
	}
	// encoding/csv backs each record's fields with a fresh string, so keeping a
	// substring of it is safe without a copy.
	if a.Child = cell(rec, l.child); a.Child == "" {
		p.Add(c.row, c.header[l.child], "%w", outcome.ErrNoChild)
	}
	if s := cell(rec, l.date); s == "" {
		p.Add(c.row, c.header[l.date], "%w", outcome.ErrNoDate)
	} else if d, err := ParseDate(s); err != nil {
		p.Add(c.row, c.header[l.date], "%w", err)
	} else {
		a.Date = d
	}
	for k, i := range l.themes {
		s := cell(rec, i)
		if s == "" {
			continue
		}
		v, err := strconv.Atoi(s)
		if err != nil {
			p.Add(c.row, c.header[i], "%q is not a whole number: %w", clip(s), ErrBadNumber)
			continue
		}
		a.Scores.Set(outcome.Theme(k+1), v)
	}
	return a, nil
}

// attrValues appends the row's attribute values to buf[:0].
func attrValues(buf []string, rec []string, l assessmentLayout) []string {
	buf = buf[:0]
	for _, i := range l.attrs {
		buf = append(buf, cell(rec, i))
	}
	return buf
}

// ReadAssessments reads a whole CSV extract of assessments (see Assessments) and returns
// them in file order, or one *problem.Error listing every bad row.
func ReadAssessments(r io.Reader, opts CSVOptions) ([]outcome.Assessment, error) {
	return collectAssessments(Assessments(r, opts))
}

// collectAssessments gathers a stream into a slice, or one error listing every bad row.
func collectAssessments(seq iter.Seq2[outcome.Assessment, error]) ([]outcome.Assessment, error) {
	var out []outcome.Assessment
	all := problem.List{Unit: "row"}
	for a, err := range seq {
		if err != nil {
			var perr *problem.Error
			if !asProblem(err, &perr) {
				return nil, err
			}
			if perr.What == "extract: assessments header" {
				return nil, err
			}
			for _, pr := range perr.Problems {
				all.Add(pr.Record, pr.Field, "%w", pr.Err)
			}
			continue
		}
		out = append(out, a)
	}
	if err := all.Err("extract: assessments"); err != nil {
		return nil, err
	}
	return out, nil
}
