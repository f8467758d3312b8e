package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opfolgning/opfolgning/lang"
)

// TestRun runs the main job on the shipped data in both languages: it must succeed, write the
// same files with the same bytes twice, print no child's ID, keep every ID out of the
// political report, and give each caseworker their own cases only.
func TestRun(t *testing.T) {
	childID := regexp.MustCompile(`B\d{4}`)
	caseID := regexp.MustCompile(`S-\d{5}`)
	caseworker := regexp.MustCompile(`\bR\d{2}\b`)
	for _, l := range []lang.Language{lang.Danish, lang.English} {
		dirA, dirB := t.TempDir(), t.TempDir()
		var a, b bytes.Buffer
		require.NoError(t, run(&a, l, dirA))
		require.NoError(t, run(&b, l, dirB))
		assert.Equal(t, strings.ReplaceAll(a.String(), dirA, "DIR"), strings.ReplaceAll(b.String(), dirB, "DIR"), "same input, same output")
		assert.NotRegexp(t, childID, a.String(), "no child ID in the output")
		entries, err := os.ReadDir(dirA)
		require.NoError(t, err)
		require.NotEmpty(t, entries)
		for _, e := range entries {
			x, err := os.ReadFile(filepath.Join(dirA, e.Name()))
			require.NoError(t, err)
			y, err := os.ReadFile(filepath.Join(dirB, e.Name()))
			require.NoError(t, err)
			require.True(t, bytes.Equal(x, y), "%s differs between runs", e.Name())
			assert.NotRegexp(t, childID, string(x), "%s: no child ID in any report", e.Name())
		}
		political := map[lang.Language]string{lang.Danish: "politisk.html", lang.English: "political.html"}[l]
		p, err := os.ReadFile(filepath.Join(dirA, political))
		require.NoError(t, err)
		assert.NotRegexp(t, caseID, string(p), "no case in the committee's report")
		assert.NotRegexp(t, caseworker, string(p), "no caseworker in the committee's report")
		assert.NotContains(t, string(p), "<script")
		prefix := map[lang.Language]string{lang.Danish: "raadgiver-", lang.English: "caseworker-"}[l]
		own, err := os.ReadFile(filepath.Join(dirA, prefix+"r12.html"))
		require.NoError(t, err)
		for _, id := range caseID.FindAllString(string(own), -1) {
			assert.Contains(t, drawnOrFoundFor(t, "R12"), id, "R12's report holds only R12's cases")
		}
		for _, f := range []string{"aarshjul.svg", "aarshjul.ics", "lodtraekning-2026-k1.json"} {
			_, err := os.Stat(filepath.Join(dirA, f))
			assert.NoError(t, err, f)
		}
	}
}

// drawnOrFoundFor lists the case IDs that belong to a caseworker in the shipped case extract.
func drawnOrFoundFor(t *testing.T, cw string) string {
	b, err := data.ReadFile("data/cases.csv")
	require.NoError(t, err)
	var ids []string
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, ",")
		if len(f) > 2 && f[2] == cw {
			ids = append(ids, f[0])
		}
	}
	return strings.Join(ids, " ")
}
