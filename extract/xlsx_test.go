package extract

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/opfolgning/opfolgning/interventions"
	"github.com/opfolgning/opfolgning/outcome"
	"github.com/opfolgning/opfolgning/problem"
)

// workbook writes rows into a new workbook's first sheet and returns its bytes.
func workbook(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		for c, v := range row {
			cell, err := excelize.CoordinatesToCellName(c+1, r+1)
			require.NoError(t, err)
			require.NoError(t, f.SetCellValue("Sheet1", cell, v))
		}
	}
	var b bytes.Buffer
	require.NoError(t, f.Write(&b))
	return b.Bytes()
}

func TestReadAssessmentsXLSX(t *testing.T) {
	b := workbook(t, [][]any{
		{"Barn", "Dato", "Udvikling", "Familie", "Skole", "Sundhed", "Fritid", "Indsats"},
		{"B1", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), 2, 3, nil, 4, 3, "familiebehandling"},
		{"B1", "01-09-2024", 3, 3, 4, 4, 3, "familiebehandling"},
	})
	as, err := ReadAssessmentsXLSX(bytes.NewReader(b), XLSXOptions{})
	require.NoError(t, err)
	require.Len(t, as, 2)
	assert.Equal(t, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), as[0].Date, "an Excel date cell")
	assert.Equal(t, time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC), as[1].Date, "a date written as text")
	assert.False(t, as[0].Scores.Get(outcome.School).Assessed())
	assert.Equal(t, "familiebehandling", as[1].Attrs["Indsats"])

	bad := workbook(t, [][]any{
		{"Barn", "Dato", "Udvikling", "Familie", "Skole", "Sundhed", "Fritid"},
		{"0101011234", "2024-13-01", "x", 3, 3, 3, 3},
	})
	_, err = ReadAssessmentsXLSX(bytes.NewReader(bad), XLSXOptions{})
	var perr *problem.Error
	require.True(t, errors.As(err, &perr))
	assert.Len(t, perr.Problems, 2)
	assert.Equal(t, 2, perr.Problems[0].Record, "row 2 of the sheet")
	assert.NotContains(t, err.Error(), "0101011234")
	_, err = ReadAssessmentsXLSX(bytes.NewReader(b), XLSXOptions{Sheet: "Nope"})
	assert.Error(t, err)
}

func TestReadInterventionsXLSX(t *testing.T) {
	b := workbook(t, [][]any{
		{"id", "barn", "paragraf", "foranstaltning", "leverandør", "start", "slut", "timer_pr_uge", "takst", "enhed"},
		{1, "B1", "BL § 46", "plejefamilie", "Familieplejen", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), nil, nil, "480.000,00", "år"},
	})
	rs, err := ReadInterventionsXLSX(bytes.NewReader(b), XLSXOptions{})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, interventions.Price{Amount: 480_000_00, Per: interventions.PerYear}, rs[0].Price)
	assert.True(t, rs[0].End.IsZero())
	assert.Equal(t, "B1", rs[0].Child)
}

func FuzzReadXLSX(f *testing.F) {
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = ReadAssessmentsXLSX(bytes.NewReader(b), XLSXOptions{})
		_, _ = ReadCasesXLSX(bytes.NewReader(b), XLSXOptions{})
	})
}
