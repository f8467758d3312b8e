package outcome

import "math"

// EffectSize is the standardised mean change of paired scores (Lakens, 2013, Front. Psychol.
// 4:863):
//
//	d_z = mean(d) / sd(d)        (sd with n − 1)
//	g_z = J · d_z,  J = 1 − 3 / (4·(n − 1) − 1)
//
// where d are the children's changes and J is Hedges' small-sample correction with df = n − 1
// (Hedges & Olkin, 1985, the approximation Lakens uses). Both are NaN when n < 2 or the
// changes do not vary.
type EffectSize struct {
	DZ       float64 // Cohen's d_z
	HedgesGZ float64 // d_z with Hedges' correction
}

// pairedEffect returns the effect size from the sums of the changes.
func pairedEffect(n int, mean, sd float64) EffectSize {
	if n < 2 || !(sd > 0) {
		return EffectSize{DZ: math.NaN(), HedgesGZ: math.NaN()}
	}
	dz := mean / sd
	j := 1 - 3/(4*float64(n-1)-1)
	return EffectSize{DZ: dz, HedgesGZ: j * dz}
}
