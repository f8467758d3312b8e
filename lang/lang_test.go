package lang_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opfolgning/opfolgning/lang"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want lang.Language
	}{
		{"da", lang.Danish}, {"Dansk", lang.Danish}, {" danish ", lang.Danish},
		{"EN", lang.English}, {"engelsk", lang.English}, {"English", lang.English},
	} {
		got, err := lang.Parse(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
		b, err := got.MarshalText()
		require.NoError(t, err)
		var back lang.Language
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, got, back)
	}
	_, err := lang.Parse("sv")
	assert.Error(t, err)
}

func TestTextIn(t *testing.T) {
	assert.Equal(t, "en", lang.Text{Da: "da", En: "en"}.In(lang.English))
	assert.Equal(t, "da", lang.Text{Da: "da", En: "en"}.In(lang.Danish))
	assert.Equal(t, "da", lang.Text{Da: "da"}.In(lang.English), "falls back to Danish")
	assert.Equal(t, "en", lang.Text{En: "en"}.In(lang.Danish), "falls back to English")
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"da", "en", "Dansk", "", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := lang.Parse(s)
		if err == nil {
			again, err := lang.Parse(l.String())
			if err != nil || again != l {
				t.Fatalf("round trip of %q failed", s)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		_, _ = lang.Parse("English")
	}
}

func ExampleText_In() {
	t := lang.Text{Da: "Familieforhold", En: "Family relations"}
	fmt.Println(t.In(lang.Danish))
	fmt.Println(t.In(lang.English))
	// Output:
	// Familieforhold
	// Family relations
}
