// Package extract reads the data extracts municipalities have (udtræk fra fagsystemet, e.g.
// DUBU, or a spreadsheet) into the records of the other packages.
//
// CSV files may use comma or semicolon, UTF-8 with or without a byte-order mark, dates as
// ISO (2024-03-01) or Danish (01-03-2024, 01.03.2024), and Danish or English headers. Every
// bad row is reported by its row number in the file (the header is row 1, as a spreadsheet
// shows it) and its column, with the reason; none is dropped silently. Identifiers are
// never quoted in errors.
//
// Readers come in two forms: ReadAssessments returns all records or an error listing every
// problem; Assessments streams them as an iter.Seq2 for large files, in memory that does
// not grow with the file.
package extract
