package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opfolgning/opfolgning/outcome"
	"github.com/opfolgning/opfolgning/problem"
)

func TestReadAssessmentsDanishExcel(t *testing.T) {
	// What Danish Excel saves: a BOM, semicolons, Danish headers and dates.
	in := "\xEF\xBB\xBFBarn;Dato;Udvikling og adfærd;Familieforhold;Skole;Sundhed;Fritid;Indsats\n" +
		"0101011234;01-03-2024;2;3;;4;3;familiebehandling\n" +
		"0101011234;1.9.2024;3;3;4;4;3;familiebehandling\n"
	got, err := ReadAssessments(strings.NewReader(in), CSVOptions{})
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, "0101011234", got[0].Child)
	assert.Equal(t, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), got[0].Date)
	assert.Equal(t, time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC), got[1].Date)
	assert.False(t, got[0].Scores.Get(outcome.School).Assessed())
	v, _ := got[1].Scores.Get(outcome.School).Value()
	assert.Equal(t, 4, v)
	if d := cmp.Diff(map[string]string{"Indsats": "familiebehandling"}, got[0].Attrs); d != "" {
		t.Error(d)
	}
}

func TestReadAssessmentsReportsEveryBadRow(t *testing.T) {
	const cpr = "0101011234"
	in := "child,date,development,family,school,health,leisure,team\n" +
		cpr + ",2024-13-01,2,3,3,3,3,A\n" + // row 2: bad date
		cpr + ",2024-06-01,2,x,3,3.5,3,A\n" + // row 3: two bad scores
		",2024-07-01,2,3,3,3,3,A\n" + // row 4: no child
		cpr + ",2024-08-01,2,3\n" + // row 5: too few fields
		cpr + ",2024-09-01,NaN,3,3,3,3,A\n" // row 6: NaN
	_, err := ReadAssessments(strings.NewReader(in), CSVOptions{})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), cpr)
	got := problem.Locations(err)
	want := []problem.Location{{Record: 2, Field: "date"}, {Record: 3, Field: "family"}, {Record: 3, Field: "health"}, {Record: 4, Field: "child"}, {Record: 5}, {Record: 6, Field: "development"}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	assert.True(t, errors.Is(err, ErrBadDate))
	assert.True(t, errors.Is(err, ErrBadNumber))
	assert.True(t, errors.Is(err, outcome.ErrNoChild))
}

func TestReadAssessmentsHeader(t *testing.T) {
	_, err := ReadAssessments(strings.NewReader(""), CSVOptions{})
	assert.True(t, errors.Is(err, ErrNoHeader))
	_, err = ReadAssessments(strings.NewReader("barn,dato,familie\n"), CSVOptions{})
	assert.True(t, errors.Is(err, ErrMissingColumn))
	var perr *problem.Error
	require.True(t, errors.As(err, &perr))
	assert.Len(t, perr.Problems, 4, "the four missing theme columns, all listed")
}

func TestParseDate(t *testing.T) {
	for _, s := range []string{"2024-03-05", "05-03-2024", "5-3-2024", "05.03.2024", "5.3.2024", "05/03/2024"} {
		d, err := ParseDate(s)
		require.NoError(t, err, s)
		assert.Equal(t, time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), d, s)
	}
	for _, s := range []string{"", "2024-02-30", "yesterday", "2024/03/05"} {
		_, err := ParseDate(s)
		assert.True(t, errors.Is(err, ErrBadDate), s)
	}
}

func FuzzReadAssessments(f *testing.F) {
	f.Add([]byte("child,date,development,family,school,health,leisure\na,2024-01-01,1,2,3,4,5\n"))
	f.Add([]byte("\xEF\xBB\xBFbarn;dato;udvikling;familie;skole;sundhed;fritid;x\nb;01-02-2024;;;;;;y\n"))
	f.Add([]byte("\"a\nb\",\"\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		as, err := ReadAssessments(bytes.NewReader(b), CSVOptions{})
		if err != nil {
			return
		}
		for _, a := range as {
			if a.Child == "" || a.Date.IsZero() {
				t.Fatal("a record without child or date passed")
			}
		}
	})
}

func syntheticCSV(rows int) []byte {
	var b bytes.Buffer
	b.WriteString("child,date,development,family,school,health,leisure,intervention,provider,team\n")
	for i := range rows {
		fmt.Fprintf(&b, "B%07d,2024-%02d-%02d,%d,%d,%d,,%d,familiebehandling,Familiecentret,7-14 år\n",
			i/10, 1+i%12, 1+i%28, 1+i%5, 1+(i/3)%5, 1+(i/7)%5, 1+(i/11)%5)
	}
	return b.Bytes()
}

// BenchmarkAssessmentsStream: streaming 1,000,000 assessment rows (≈ 75 MB) from CSV.
// Target (issue 7): ≥ 100 MB/s, memory not growing with the file.
func BenchmarkAssessmentsStream(b *testing.B) {
	data := syntheticCSV(1_000_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range Assessments(bytes.NewReader(data), CSVOptions{}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 1_000_000 {
			b.Fatal(n)
		}
	}
}
