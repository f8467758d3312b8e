package extract

import (
	"iter"

	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"github.com/opfolgning/opfolgning/problem"
	"io"
	"strings"
	"time"
)

// CSVOptions configures the CSV readers. The zero value detects the separator from the
// header line.
type CSVOptions struct {
	// Comma is the field separator; 0 detects ';' or ',' from the header line (the one
	// that occurs more often outside quotes wins, comma on a tie).
	Comma rune
}

// Sentinel errors wrapped by the problems the readers report.
var (
	ErrNoHeader      = errors.New("no header line")
	ErrMissingColumn = errors.New("required column missing")
	ErrBadDate       = errors.New("not a date (want yyyy-mm-dd, dd-mm-yyyy or dd.mm.yyyy)")
	ErrBadNumber     = errors.New("not a number")
)

// csvReader wraps encoding/csv with BOM removal, separator detection and row numbers.
// csvReader is the row source of every reader: a CSV file, or a sheet of an XLSX workbook
// (see newXLSXReader), with its header and the row number of the last row read.
type csvReader struct {
	r      *csv.Reader
	header []string
	row    int // file row of the last record read; the header is row 1
	// xlsx, when set, reads the rows of a sheet instead of r.
	xlsx func() ([]string, int, error)
}

func newCSVReader(r io.Reader, opts CSVOptions) (*csvReader, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	comma := opts.Comma
	if comma == 0 {
		comma = ','
		br.Peek(1) // fill the buffer
		line, _ := br.Peek(br.Buffered())
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		if countOutsideQuotes(line, ';') > countOutsideQuotes(line, ',') {
			comma = ';'
		}
	}
	cr := csv.NewReader(br)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, ErrNoHeader
		}
		return nil, fmt.Errorf("row 1: %w", err)
	}
	h := make([]string, len(header))
	for i, s := range header {
		h[i] = strings.TrimSpace(s)
	}
	return &csvReader{r: cr, header: h, row: 1}, nil
}

func countOutsideQuotes(line []byte, c byte) int {
	n, quoted := 0, false
	for _, b := range line {
		switch {
		case b == '"':
			quoted = !quoted
		case b == c && !quoted:
			n++
		}
	}
	return n
}

// next returns the next record; its slice is reused by the following call.
func (c *csvReader) next() ([]string, error) {
	if c.xlsx != nil {
		rec, row, err := c.xlsx()
		if err == nil {
			c.row = row
		}
		return rec, err
	}
	rec, err := c.r.Read()
	if err == nil {
		c.row, _ = c.r.FieldPos(0)
		return rec, nil
	}
	// The error target is declared here, not above: it escapes to the heap, and a read
	// without error must not pay for it.
	var perr *csv.ParseError
	switch {
	case errors.As(err, &perr):
		c.row = perr.StartLine
		err = perr.Err // the row is reported by the caller
	case err != io.EOF:
		c.row++
	}
	return rec, err
}

// column finds the header matching the first of the names that any header matches (names
// in order of preference), ignoring case, spaces, underscores and hyphens; -1 when none does.
func (c *csvReader) column(names ...string) int {
	for _, n := range names {
		nn := normalise(n)
		for i, h := range c.header {
			if normalise(h) == nn {
				return i
			}
		}
	}
	return -1
}

func normalise(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer(" ", "", "_", "", "-", "").Replace(s)
}

// ParseDate reads a calendar date as yyyy-mm-dd, dd-mm-yyyy or dd.mm.yyyy (also with one-digit
// day and month in the Danish forms) and returns midnight UTC of that date.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "02-01-2006", "2-1-2006", "02.01.2006", "2.1.2006", "02/01/2006", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q: %w", clip(s), ErrBadDate)
}

// clip shortens a cell for an error message; callers never pass identifiers.
func clip(s string) string {
	if len(s) > 20 {
		return s[:20] + "…"
	}
	return s
}

// records yields the well-formed records of the source in order, adding a problem (by row)
// for each record that cannot be read or has the wrong number of fields; the caller keeps
// every problem, so no row is dropped silently.
func (c *csvReader) records(probs *problem.List) iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		for {
			rec, err := c.next()
			if err == io.EOF {
				return
			}
			if err != nil {
				probs.Add(c.row, "", "%v", err)
				continue
			}
			if len(rec) != len(c.header) {
				probs.Add(c.row, "", "%d fields where the header has %d", len(rec), len(c.header))
				continue
			}
			if !yield(rec) {
				return
			}
		}
	}
}

// date reads the date in column i of the current record: the zero time for an empty cell
// (a problem when required), and a problem for a cell that is not a date.
func (c *csvReader) date(probs *problem.List, rec []string, i int, required bool) time.Time {
	s := cell(rec, i)
	if s == "" {
		if required {
			probs.Add(c.row, c.header[i], "no date")
		}
		return time.Time{}
	}
	d, err := ParseDate(s)
	if err != nil {
		probs.Add(c.row, c.header[i], "%w", err)
	}
	return d
}
