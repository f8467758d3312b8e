// Package stat holds the statistics that gonum lacks and that more than one package of
// opfolgning needs: the type-7 quantile, the Wilcoxon signed-rank test, the Mann–Kendall
// trend test and Sen's slope, the Anhøj runs rules, and exact binomial intervals.
//
// Each function states its formula and its reference in its doc comment and is tested
// against values published by, or computed with, the reference tool named there. The
// packages outcome, goals and sampling export the user-facing forms.
package stat

import "errors"

// ErrInsufficientData is returned when there are too few usable values for a result.
var ErrInsufficientData = errors.New("insufficient data")

// ErrNotFinite is returned for NaN or ±Inf where a finite number is required.
var ErrNotFinite = errors.New("value is not finite")
