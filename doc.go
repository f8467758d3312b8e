// Package opfolgning is the map of a library for the follow-up (opfølgning) that Danish
// municipalities do on their services for children and young people with special needs
// (børn og unge med særlige behov). The root package holds no code; the work is done in
// its sub-packages, one per kind of follow-up:
//
//   - outcome: children scored on a 5-point scale in five life themes (livstemaer),
//     repeatedly; trajectories, change per child (threshold or reliable change index), and
//     group summaries with honest statistics (bootstrap interval, effect size, Wilcoxon).
//   - goals: indicators with baselines and targets, and trend verdicts (positive, no or
//     negative development) that never call noise a trend; theories of change.
//   - sampling: random, reproducible, verifiable selection of cases for management
//     supervision (ledelsestilsyn); sample sizes and error rates with exact intervals.
//   - supervision: checklists, themed supervision, reviews, findings and their follow-up,
//     learning points, compliance over time.
//   - classification: age bands, target groups, coarse scales, law paragraphs; the
//     composition of the children over time.
//   - interventions: the overview of measures by kind, age, target group and supplier;
//     duration, price and spend.
//   - plan: the annual wheel (årshjul): follow-up activities over the year, their load,
//     an iCalendar export and the wheel as SVG.
//   - report: management information (ledelsesinformation) for each recipient, with
//     disclosure control for the political level; Markdown, HTML, CSV, SVG and PNG.
//   - extract: readers for the CSV and XLSX extracts municipalities have (assessments,
//     indicator observations, cases, measures), into the records above, reporting every bad
//     row by row and column.
//   - problem: the error type every package returns for bad input: every problem, by
//     record and field, never with a child's or a case's ID.
//   - lang: Danish and English, the two languages of every label.
//
// # How data flows
//
// An extract (CSV) is read by extract into records (outcome.Assessment, ...). outcome
// summarises progression per group; goals turns a series of values into a verdict;
// sampling draws the cases that supervision reviews; supervision and classification turn
// their rates and shares into goals' indicators; interventions places measures by
// classification's age bands, target groups and law paragraphs. Dependencies point one way:
// the internal statistics at the bottom, goals above them, then outcome, classification and
// sampling, then interventions and supervision; plan stands alone; report renders all of
// them and extract reads into all of them, and nothing depends on those two.
//
// # Where to start
//
// Run the main job, go run ./examples/followup, and read its source: it does a year's
// follow-up for Eksempel Kommune, the fictional municipality whose data the repository
// ships. Then read the Example functions of the package you need.
//
// Every function is pure: dates, seeds, readers and writers are arguments, and the same
// input gives the same output on every machine, whatever the number of goroutines.
package opfolgning
