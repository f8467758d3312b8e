package report

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opfolgning/opfolgning/lang"
	"github.com/opfolgning/opfolgning/supervision"
)

func TestTeamLeaderAndCaseworkerSeeOnlyTheirs(t *testing.T) {
	at := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	item := supervision.FormalRequirements().Items[0]
	findings := []supervision.Finding{
		{Case: "S-1", Caseworker: "R01", Team: "A", Date: at.AddDate(0, -2, 0), Item: item, Action: &supervision.Action{Text: "ret", Due: at.AddDate(0, -1, 0)}},
		{Case: "S-2", Caseworker: "R02", Team: "A", Date: at.AddDate(0, -2, 0), Item: item},
		{Case: "S-3", Caseworker: "R09", Team: "B", Date: at.AddDate(0, -2, 0), Item: item},
	}
	points := []supervision.LearningPoint{{ID: "g", Scope: supervision.General, Team: "A", Raised: at.AddDate(0, -6, 0), Text: lang.Text{Da: "Inddrag netværket"}}}
	cw := Caseworker("R01", "A", findings, points, []string{"S-7"}, at, lang.Danish)
	var b bytes.Buffer
	require.NoError(t, cw.WriteHTML(&b))
	assert.Contains(t, b.String(), "S-1")
	assert.NotContains(t, b.String(), "S-2", "another caseworker's case")
	assert.NotContains(t, b.String(), "S-3")
	assert.Contains(t, b.String(), "overskredet")
	assert.Contains(t, b.String(), "Inddrag netværket")

	tl := TeamLeader("A", supervision.ComplianceReport{}, findings, points, at, lang.Danish)
	b.Reset()
	require.NoError(t, tl.WriteMarkdown(&b))
	assert.NotContains(t, b.String(), "S-1", "the team leader's report names caseworkers, not cases")
	assert.Contains(t, b.String(), "R02")
	assert.NotContains(t, b.String(), "R09", "another team's caseworker")
}

func BenchmarkProtect(b *testing.B) {
	counts := make([][]int, 12)
	for r := range counts {
		counts[r] = make([]int, 6)
		for c := range counts[r] {
			counts[r][c] = (r*7 + c*3) % 15
		}
	}
	tb := table(counts)
	for b.Loop() {
		_, _ = Protect(tb, Disclosure{})
	}
}
