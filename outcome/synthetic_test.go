package outcome

import (
	"fmt"
	"math/rand/v2"
)

// synthetic returns children × waves assessments over groups interventions, with a drift
// toward better scores that differs by intervention and some themes not assessed. It is
// deterministic (PCG seeded 2026).
func synthetic(children, waves, groups int) []Assessment {
	r := rand.New(rand.NewPCG(2026, 1))
	attrs := make([]map[string]string, groups)
	for g := range attrs {
		attrs[g] = map[string]string{"intervention": fmt.Sprintf("I%02d", g)}
	}
	as := make([]Assessment, 0, children*waves)
	start := day(2022, 1, 1)
	for c := range children {
		id := fmt.Sprintf("child-%07d", c)
		g := c % groups
		var level [NumThemes]float64
		for k := range level {
			level[k] = 1 + 3*r.Float64()
		}
		d := start.AddDate(0, 0, r.IntN(365))
		for range waves {
			a := Assessment{Child: id, Date: d, Attrs: attrs[g]}
			for k := range level {
				if r.IntN(20) == 0 {
					continue
				}
				v := int(level[k] + r.NormFloat64()*0.6 + 0.5)
				a.Scores.Set(Theme(k+1), min(5, max(1, v)))
				level[k] += 0.05 * float64(g%3) * r.Float64()
			}
			as = append(as, a)
			d = d.AddDate(0, 0, 120+r.IntN(120))
		}
	}
	return as
}
