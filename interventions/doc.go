// Package interventions gives the aggregated overview of the measures put in place for
// children and young people (de iværksatte foranstaltninger): by kind, age band, target group
// and supplier (leverandør); their starts, ends and duration (varighed); their price
// development; the spend per period and against the budget.
//
// The main types and functions:
//
//   - Intervention: one measure for a child, its provision (see classification's
//     catalogue), kind, supplier, dates, scope and price. Money is Ore, whole øre: never a
//     float.
//   - ValidateInterventions: every problem by record, overlapping duplicates included.
//   - Summarize: the Overview at a date and for periods. Durations are Kaplan–Meier
//     estimates with ongoing measures censored, never counted as if they ended today; a
//     median not yet reached is reported as not reached.
//
// Costs are pro rata by calendar day: a price per year is for 365 days, per month 1/12 of
// that, per week 7 days; an hourly price is multiplied by the hours a week. Every amount is
// rounded to the øre once, at the end.
package interventions
