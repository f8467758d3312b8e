package extract

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opfolgning/opfolgning/problem"
	"github.com/opfolgning/opfolgning/supervision"
)

func TestReadReviews(t *testing.T) {
	var b strings.Builder
	b.WriteString("gennemgang;sag;udvælgelse;lodtrækning;tilsynsførende;rådgiver;team;dato;tjekliste;version;anbringelse;børnesamtale_relevant;samtykke_påkrævet;tjekpunkt;svar;bemærkning;handling;ansvarlig;frist\n")
	for _, it := range supervision.FormalRequirements().Items {
		if it.ID == "consents" {
			continue
		}
		ans, action, owner, due := "ja", "", "", ""
		if it.ID == "child-conversation" {
			ans, action, owner, due = "nej", "Hold samtalen", "R07", "15-03-2026"
		}
		b.WriteString("G1;S-10007;udtrukket;2026-K1;TL-B;R07;7-14 år;10-02-2026;formal-requirements;1;nej;ja;nej;" + it.ID + ";" + ans + ";;" + action + ";" + owner + ";" + due + "\n")
	}
	rs, err := ReadReviews(strings.NewReader(b.String()), CSVOptions{})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Len(t, rs[0].Answers, 9)
	assert.True(t, rs[0].Facts.ChildConversationRelevant)
	cat := supervision.Catalog{Checklists: []supervision.Template{supervision.FormalRequirements()}}
	require.NoError(t, supervision.ValidateReviews(rs, cat))
	fs := supervision.Findings(rs, cat)
	require.Len(t, fs, 1)
	assert.Equal(t, "R07", fs[0].Action.Owner)

	bad := "review,case,date,template,version,item,answer,caseworker\n" +
		"G1,S-1,01-02-2026,formal-requirements,1,journal,yes,R01\n" +
		"G1,S-1,01-02-2026,formal-requirements,1,account,maybe,R02\n" +
		"G2,S-2,2026-02-31,formal-requirements,x,journal,no,R01\n"
	_, err = ReadReviews(strings.NewReader(bad), CSVOptions{})
	var perr *problem.Error
	require.True(t, errors.As(err, &perr))
	assert.Len(t, perr.Problems, 4, "answer, disagreement, date and version")
	_, err = ReadReviews(strings.NewReader("review,case\n"), CSVOptions{})
	assert.True(t, errors.Is(err, ErrMissingColumn))
}

func FuzzReadReviews(f *testing.F) {
	f.Add([]byte("review,case,date,template,version,item,answer\nG,S,01-01-2026,formal-requirements,1,journal,ja\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, err := ReadReviews(bytes.NewReader(b), CSVOptions{})
		if err != nil {
			return
		}
		cat := supervision.Catalog{Checklists: []supervision.Template{supervision.FormalRequirements()}}
		_ = supervision.ValidateReviews(rs, cat)
		_ = supervision.Findings(rs, cat)
	})
}
