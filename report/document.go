package report

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"html"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/opfolgning/opfolgning/lang"
)

// Cell is one cell of a table: a text, or a number with its decimals, or a suppressed value.
type Cell struct {
	Text       string
	Num        float64
	IsNum      bool
	Decimals   int
	Suppressed bool
}

// Txt is a text cell.
func Txt(s string) Cell { return Cell{Text: s} }

// Num is a number cell with dec decimals.
func Num(x float64, dec int) Cell { return Cell{Num: x, IsNum: true, Decimals: dec} }

// Int is a whole-number cell.
func Int(n int) Cell { return Cell{Num: float64(n), IsNum: true} }

// SuppressedMark is what a suppressed cell shows.
const SuppressedMark = "–"

// format renders the cell in language l: a decimal comma in Danish; NaN as "–".
func (c Cell) format(l lang.Language, decimalComma bool) string {
	switch {
	case c.Suppressed:
		return SuppressedMark
	case !c.IsNum:
		return c.Text
	case math.IsNaN(c.Num):
		return "–"
	}
	s := strconv.FormatFloat(c.Num, 'f', c.Decimals, 64)
	if decimalComma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Table is a table of a report.
type Table struct {
	Name    string // file name of its CSV, without extension
	Caption string
	Header  []string
	Rows    [][]Cell
	Note    string
}

// Chart is a chart of a report, rendered as SVG and PNG.
type Chart struct {
	Name  string // file name without extension
	Title string
	SVG   []byte
	PNG   []byte
}

// Section is a part of a report.
type Section struct {
	Heading    string
	Paragraphs []string
	Tables     []Table
	Charts     []Chart
}

// Document is a report for one recipient, in one language.
type Document struct {
	Title     string
	Recipient string
	Lang      lang.Language
	Sections  []Section
}

// WriteMarkdown writes the document as Markdown; charts are referenced as name.svg beside it.
func (d Document) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n_%s_\n", d.Title, d.Recipient)
	dec := d.Lang == lang.Danish
	for _, s := range d.Sections {
		fmt.Fprintf(bw, "\n## %s\n", s.Heading)
		for _, p := range s.Paragraphs {
			fmt.Fprintf(bw, "\n%s\n", p)
		}
		for _, t := range s.Tables {
			if t.Caption != "" {
				fmt.Fprintf(bw, "\n**%s**\n", t.Caption)
			}
			fmt.Fprintf(bw, "\n| %s |\n|", strings.Join(escapeMD(t.Header), " | "))
			for range t.Header {
				bw.WriteString("---|")
			}
			bw.WriteString("\n")
			for _, row := range t.Rows {
				cells := make([]string, len(row))
				for i, c := range row {
					cells[i] = c.format(d.Lang, dec)
				}
				fmt.Fprintf(bw, "| %s |\n", strings.Join(escapeMD(cells), " | "))
			}
			if t.Note != "" {
				fmt.Fprintf(bw, "\n_%s_\n", t.Note)
			}
		}
		for _, c := range s.Charts {
			fmt.Fprintf(bw, "\n![%s](%s.svg)\n", c.Title, c.Name)
		}
	}
	return bw.Flush()
}

func escapeMD(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ReplaceAll(s, "|", `\|`)
	}
	return out
}

// css is the whole style of the HTML reports: inline, no external assets.
const css = `body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
h1{border-bottom:2px solid #1b6ca8}h2{margin-top:2em;color:#1b6ca8}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#eef3f8}
.note{font-size:.9em;color:#555}figure{margin:1em 0}figcaption{font-size:.9em;color:#555}`

// WriteHTML writes the document as one self-contained HTML file: the style inline, the charts
// inline as SVG, no scripts and nothing fetched from the network.
func (d Document) WriteHTML(w io.Writer) error {
	bw := bufio.NewWriter(w)
	e := html.EscapeString
	fmt.Fprintf(bw, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", d.Lang, e(d.Title), css)
	fmt.Fprintf(bw, "<h1>%s</h1>\n<p class=\"note\">%s</p>\n", e(d.Title), e(d.Recipient))
	dec := d.Lang == lang.Danish
	for _, s := range d.Sections {
		fmt.Fprintf(bw, "<h2>%s</h2>\n", e(s.Heading))
		for _, p := range s.Paragraphs {
			fmt.Fprintf(bw, "<p>%s</p>\n", e(p))
		}
		for _, t := range s.Tables {
			bw.WriteString("<table>\n")
			if t.Caption != "" {
				fmt.Fprintf(bw, "<caption>%s</caption>\n", e(t.Caption))
			}
			bw.WriteString("<tr>")
			for _, h := range t.Header {
				fmt.Fprintf(bw, "<th>%s</th>", e(h))
			}
			bw.WriteString("</tr>\n")
			for _, row := range t.Rows {
				bw.WriteString("<tr>")
				for _, c := range row {
					class := ""
					if c.IsNum || c.Suppressed {
						class = ` class="n"`
					}
					fmt.Fprintf(bw, "<td%s>%s</td>", class, e(c.format(d.Lang, dec)))
				}
				bw.WriteString("</tr>\n")
			}
			bw.WriteString("</table>\n")
			if t.Note != "" {
				fmt.Fprintf(bw, "<p class=\"note\">%s</p>\n", e(t.Note))
			}
		}
		for _, c := range s.Charts {
			svg := c.SVG
			if i := bytes.Index(svg, []byte("<svg")); i > 0 {
				svg = svg[i:] // drop the XML declaration: the SVG is inline
			}
			fmt.Fprintf(bw, "<figure>\n%s\n<figcaption>%s</figcaption>\n</figure>\n", svg, e(c.Title))
		}
	}
	bw.WriteString("</body>\n</html>\n")
	return bw.Flush()
}

// CSVOptions configures WriteCSV. The zero value writes commas and decimal points; Danish
// Excel wants Semicolon and DecimalComma.
type CSVOptions struct {
	Semicolon    bool
	DecimalComma bool
	// BOM writes a UTF-8 byte-order mark first, so that Excel reads æ, ø and å.
	BOM bool
}

// DanishExcel are the CSV options Danish Excel opens directly.
var DanishExcel = CSVOptions{Semicolon: true, DecimalComma: true, BOM: true}

// WriteCSV writes a table as CSV.
func WriteCSV(w io.Writer, t Table, l lang.Language, opts CSVOptions) error {
	if opts.BOM {
		if _, err := w.Write([]byte("\xEF\xBB\xBF")); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	if opts.Semicolon {
		cw.Comma = ';'
	}
	if err := cw.Write(t.Header); err != nil {
		return err
	}
	for _, row := range t.Rows {
		rec := make([]string, len(row))
		for i, c := range row {
			rec[i] = c.format(l, opts.DecimalComma)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ProtectedTable turns a protected count table into a report table with its totals, the
// suppressed cells shown as "–" and a note saying why.
func ProtectedTable(p Protected, name, caption, corner string, d Disclosure, l lang.Language) Table {
	if d.Threshold == 0 {
		d.Threshold = 3
	}
	t := Table{Name: name, Caption: caption, Header: append(append([]string{corner}, p.Cols...), lang.Text{Da: "I alt", En: "Total"}.In(l))}
	for r, label := range p.Rows {
		row := []Cell{Txt(label)}
		for c := range p.Cols {
			cell := Int(p.Counts[r][c])
			cell.Suppressed = p.Suppressed[r][c]
			row = append(row, cell)
		}
		t.Rows = append(t.Rows, append(row, Int(p.RowTotal(r))))
	}
	total := []Cell{Txt(lang.Text{Da: "I alt", En: "Total"}.In(l))}
	for c := range p.Cols {
		total = append(total, Int(p.ColTotal(c)))
	}
	t.Rows = append(t.Rows, append(total, Int(p.GrandTotal())))
	t.Note = fmt.Sprintf(lang.Text{
		Da: "– = diskretioneret: færre end %d børn (%d celler), eller skjult for at de ikke kan regnes ud af summerne (%d celler).",
		En: "– = suppressed: fewer than %d children (%d cells), or hidden so that they cannot be derived from the totals (%d cells).",
	}.In(l), d.Threshold, p.Primary, p.Secondary)
	return t
}
