package outcome

import (
	"testing"
)

var national []Assessment

func nationalData(b *testing.B) []Assessment {
	b.Helper()
	if national == nil {
		national = synthetic(100_000, 10, 12)
	}
	return national
}

// BenchmarkSummaryNational: 100,000 children × 10 assessments × 5 themes, grouped by
// intervention (12) × theme, 1,000 bootstrap resamples. Target: < 0.5 s on 2 cores.
func BenchmarkSummaryNational(b *testing.B) {
	data := nationalData(b)
	s := FivePoint(HigherIsBetter)
	opts := Options{GroupBy: []string{"intervention"}, Seed: 1}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Summarize(data, s, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTrajectoriesNational: grouping and sorting 1,000,000 assessments by child.
func BenchmarkTrajectoriesNational(b *testing.B) {
	data := nationalData(b)
	s := FivePoint(HigherIsBetter)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Trajectories(data, s); err != nil {
			b.Fatal(err)
		}
	}
}
