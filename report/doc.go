// Package report turns the results of the other packages into management information
// (ledelsesinformation) for each recipient, and protects what leaves for the political level.
//
// The main types and functions:
//
//   - Protect: disclosure control (diskretionering) of a count table published with its
//     totals: cells resting on fewer than 3 children (or a threshold of your choice) are
//     suppressed, and further cells until no suppressed cell can be worked out from the row,
//     column or grand totals.
//   - Document, Section, Table, Chart: a report in one language, written as Markdown, as one
//     self-contained HTML file (style and charts inline, no scripts, nothing from the
//     network) or, table by table, as CSV (WriteCSV; DanishExcel for semicolons, decimal
//     commas and a byte-order mark).
//   - DistributionChart, SeriesChart, RunChart, ComplianceChart: charts through
//     gonum.org/v1/plot, as SVG and PNG.
//   - Political, Management, TeamLeader, Caseworker: the report for each recipient. The
//     political level gets goals, verdicts and explanations and protected aggregates;
//     management the trends, the interventions overview and supervision; a team leader
//     compliance per caseworker and the learning points; a caseworker their own cases only.
package report
