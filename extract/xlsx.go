package extract

import (
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/opfolgning/opfolgning/interventions"
	"github.com/opfolgning/opfolgning/outcome"
	"github.com/opfolgning/opfolgning/sampling"
)

// XLSXOptions configures the XLSX readers.
type XLSXOptions struct {
	// Sheet is the sheet to read; empty means the first.
	Sheet string
}

// newXLSXReader opens a workbook and returns a row source over one sheet, streaming its rows
// (excelize's row iterator), with the first row as the header. Cells are read as their raw
// values; dates stored as numbers are turned into dd-mm-yyyy from the 1900 date system,
// in the columns whose header names a date.
func newXLSXReader(r io.Reader, opts XLSXOptions) (*csvReader, func() error, error) {
	f, err := excelize.OpenReader(r, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, nil, fmt.Errorf("extract: xlsx: %w", err)
	}
	sheet := opts.Sheet
	if sheet == "" {
		if list := f.GetSheetList(); len(list) > 0 {
			sheet = list[0]
		}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("extract: xlsx: sheet %q: %w", sheet, err)
	}
	closeAll := func() error { rows.Close(); return f.Close() }
	row := 0
	read := func() ([]string, int, error) {
		if !rows.Next() {
			if err := rows.Error(); err != nil {
				return nil, row, err
			}
			return nil, row, io.EOF
		}
		row++
		cols, err := rows.Columns()
		return cols, row, err
	}
	header, _, err := read()
	if err != nil {
		closeAll()
		if err == io.EOF {
			return nil, nil, ErrNoHeader
		}
		return nil, nil, fmt.Errorf("extract: xlsx: %w", err)
	}
	c := &csvReader{row: 1}
	for _, h := range header {
		c.header = append(c.header, strings.TrimSpace(h))
	}
	dateCol := make([]bool, len(c.header))
	for i, h := range c.header {
		n := normalise(h)
		dateCol[i] = strings.Contains(n, "dato") || strings.Contains(n, "date") || n == "start" || n == "slut" || n == "end" ||
			n == "oprettet" || n == "lukket" || n == "opened" || n == "closed" || strings.Contains(n, "tilsyn") || strings.Contains(n, "reviewed")
	}
	c.xlsx = func() ([]string, int, error) {
		rec, row, err := read()
		if err != nil {
			return rec, row, err
		}
		for i := range rec {
			if i < len(dateCol) && dateCol[i] {
				rec[i] = excelDate(rec[i])
			}
		}
		for len(rec) < len(c.header) { // excelize leaves trailing empty cells out
			rec = append(rec, "")
		}
		return rec, row, nil
	}
	return c, closeAll, nil
}

// excelDate turns an Excel serial date (days since 1899-12-30 in the 1900 system) into
// dd-mm-yyyy; any other text is returned as it is.
func excelDate(s string) string {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || v < 1 || v > 2958465 {
		return s
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(v)).Format("02-01-2006")
}

// AssessmentsXLSX streams the assessments of a sheet as Assessments does for CSV.
func AssessmentsXLSX(r io.Reader, opts XLSXOptions) iter.Seq2[outcome.Assessment, error] {
	return func(yield func(outcome.Assessment, error) bool) {
		c, closeAll, err := newXLSXReader(r, opts)
		if err != nil {
			yield(outcome.Assessment{}, err)
			return
		}
		defer closeAll()
		for a, err := range assessments(c) {
			if !yield(a, err) {
				return
			}
		}
	}
}

// ReadAssessmentsXLSX reads the assessments of a sheet; see ReadAssessments.
func ReadAssessmentsXLSX(r io.Reader, opts XLSXOptions) ([]outcome.Assessment, error) {
	return collectAssessments(AssessmentsXLSX(r, opts))
}

// ReadCasesXLSX reads a case sheet; see ReadCases.
func ReadCasesXLSX(r io.Reader, opts XLSXOptions) ([]sampling.Case, error) {
	c, closeAll, err := newXLSXReader(r, opts)
	if err != nil {
		return nil, err
	}
	defer closeAll()
	return readCases(c)
}

// ReadInterventionsXLSX reads a sheet of measures; see ReadInterventions.
func ReadInterventionsXLSX(r io.Reader, opts XLSXOptions) ([]interventions.Intervention, error) {
	c, closeAll, err := newXLSXReader(r, opts)
	if err != nil {
		return nil, err
	}
	defer closeAll()
	return readInterventions(c)
}

// ReadObservationsXLSX reads a sheet of indicator observations; see ReadObservations.
func ReadObservationsXLSX(r io.Reader, opts XLSXOptions) ([]IndicatorObservation, error) {
	c, closeAll, err := newXLSXReader(r, opts)
	if err != nil {
		return nil, err
	}
	defer closeAll()
	return readObservations(c)
}
