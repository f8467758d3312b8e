package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// TestShippedDataAreReproducible regenerates the data of Eksempel Kommune
// and compares them with the files shipped in examples/followup/data, so the
// shipped data never drift from the generator (seed 2026).
func TestShippedDataAreReproducible(t *testing.T) {
	dir := t.TempDir()
	if err := generate(dir); err != nil {
		t.Fatal(err)
	}
	shipped := filepath.Join("..", "followup", "data")
	for _, name := range []string{"assessments.csv", "indicators.csv", "cases.csv", "reviews.json"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(shipped, name))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s differs from the shipped file; run go run ./examples/gendata", name)
		}
	}
	// An XLSX file carries zip metadata, so its cells are compared instead.
	got, want := xlsxRows(t, filepath.Join(dir, "interventions.xlsx")), xlsxRows(t, filepath.Join(shipped, "interventions.xlsx"))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("interventions.xlsx differs from the shipped file (-shipped +generated):\n%s", diff)
	}
}

func xlsxRows(t *testing.T, path string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := make(map[string][][]string)
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		sheets[name] = rows
	}
	return sheets
}
