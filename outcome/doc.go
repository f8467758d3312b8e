// Package outcome measures the progression of children scored on an ordinal scale in the
// five life themes (livstemaer), as the result tools of Danish municipalities do: an
// assessment (vurdering) scores a child on a 5-point scale in development and behaviour,
// family relations, daycare/school/employment, health, and leisure and friendships; scoring
// is repeated, at uneven intervals, to show results (resultatdokumentation).
//
// The main types:
//
//   - Theme: the five life themes, with stable codes and Danish and English labels.
//   - Scale and Score: a bounded scale with an explicit Polarity (the caller says whether
//     higher is better), step labels, and the SD and reliability for reliable change; a
//     Score is a value or NotAssessed (ikke vurderet).
//   - Assessment: one child, one date, a Score per theme, free grouping attributes.
//   - Trajectory: a child's assessments in time order (forløb), with Change from baseline
//     to latest (per year too) and Steps between consecutive assessments.
//   - ChangeRule: improved / unchanged / deteriorated by a threshold in steps or by the
//     Jacobson–Truax ReliableChangeIndex.
//   - Summarize: per group (by any attributes) and theme, the children included and
//     excluded by reason, distributions at baseline and latest, the mean change with a
//     seeded bootstrap interval, the shares by direction, the effect size d_z with Hedges'
//     correction, and the WilcoxonSignedRank test.
//
// Children are never dropped silently: every child left out of a theme's change is counted
// by its Exclusion reason. Bad input gives a *problem.Error listing every invalid record by
// position; child IDs never appear in errors or summaries.
//
// # How small changes are on a 5-point scale
//
// A change of one step is within measurement error on a typical 5-point scale: with SD 1 and
// reliability 0.8 the reliable change index needs more than 1.24 steps (see
// ReliableChangeIndex). Report shares improved by the rule you chose, and say which.
package outcome
