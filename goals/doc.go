// Package goals follows up on political goals (politiske mål) through indicators
// (indikatorer) and theories of change (forandringsteorier), and gives each goal the
// verdict the committee must be given: a positive, no, or a negative development, or
// insufficient data to say. It never calls noise a trend.
//
// The main types and functions:
//
//   - Indicator: a count, a rate, a mean score, a survey share or a qualitative measure,
//     with a Polarity, a baseline (udgangspunkt), targets (målsætninger) and observations.
//   - Assess: the Verdict on an indicator by Mann–Kendall with Sen's slope, runs analysis
//     against a baseline period, or the change against a minimal important difference;
//     every verdict carries its Evidence and a one-sentence explanation in Danish and
//     English.
//   - Indicator.Progress: met, on track or off track for each target, the percent of the
//     way, and the projection at the target date.
//   - MannKendall, SenSlope and Runs: the trend tests themselves, tested against R's trend
//     package, SciPy and qicharts2.
//   - TheoryOfChange: activities → outputs → outcomes → goals, with rationale and
//     assumptions on each link; Validate, Upstream, Contributors, and Status, the goal's
//     status rolled up from its indicators with the upstream implementation and results.
//   - Responses and CompareTopTwo: survey answers on the scale i høj grad / i nogen grad /
//     i mindre grad / slet ikke / ved ikke, the top-two share with its Wilson interval,
//     and the comparison of two groups.
//   - QualitativeEvidence: cases and narratives carried into a goal's status, never into
//     a computed verdict.
//   - Cadence: when a goal was last evaluated and when it is next due.
//
// Every other package of opfolgning calls a development what this package calls one: a
// compliance rate in supervision or the share of a target group in classification is an
// Indicator with a Verdict.
package goals
