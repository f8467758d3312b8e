package extract

import (
	"io"
	"time"

	"github.com/opfolgning/opfolgning/problem"
	"github.com/opfolgning/opfolgning/sampling"
)

// ReadCases reads a case extract into a sampling population. Columns (Danish or English):
// case/sag (required), caseworker/rådgiver, team, paragraph/paragraf, kind/indsats, opened/
// oprettet, closed/lukket, last_reviewed/seneste_tilsyn (dates; empty for none) and
// amount/beløb (kroner, read exactly into øre). Other columns become Attrs. Every bad row is
// reported by row and column; IDs never appear in errors.
func ReadCases(r io.Reader, opts CSVOptions) ([]sampling.Case, error) {
	c, err := newCSVReader(r, opts)
	if err != nil {
		return nil, err
	}
	return readCases(c)
}

func readCases(c *csvReader) ([]sampling.Case, error) {
	col := struct{ id, cw, team, par, kind, opened, closed, reviewed, amount int }{
		c.column("case", "case_id", "sag", "sags_id", "sagsnummer"), c.column("caseworker", "rådgiver", "raadgiver", "sagsbehandler"),
		c.column("team"), c.column("paragraph", "paragraf"), c.column("kind", "indsats", "foranstaltning"),
		c.column("opened", "oprettet", "start"), c.column("closed", "lukket", "slut"),
		c.column("last_reviewed", "seneste_tilsyn", "senest_gennemgået"), c.column("amount", "beløb", "beloeb"),
	}
	if col.id < 0 {
		head := problem.List{Unit: "row"}
		head.Add(1, "case", "%w (sag/case)", ErrMissingColumn)
		return nil, head.Err("extract: cases header")
	}
	known := map[int]bool{}
	for _, i := range []int{col.id, col.cw, col.team, col.par, col.kind, col.opened, col.closed, col.reviewed, col.amount} {
		known[i] = true
	}
	var out []sampling.Case
	probs := problem.List{Unit: "row"}
	date := func(rec []string, i int) time.Time { return c.date(&probs, rec, i, false) }
	for rec := range c.records(&probs) {
		k := sampling.Case{ID: cell(rec, col.id), Caseworker: cell(rec, col.cw), Team: cell(rec, col.team),
			Paragraph: cell(rec, col.par), Kind: cell(rec, col.kind),
			Opened: date(rec, col.opened), Closed: date(rec, col.closed), LastReviewed: date(rec, col.reviewed)}
		if k.ID == "" {
			probs.Add(c.row, c.header[col.id], "%w", sampling.ErrNoID)
		}
		if s := cell(rec, col.amount); s != "" {
			v, err := ParseKroner(s)
			if err != nil {
				probs.Add(c.row, c.header[col.amount], "%q: %w", clip(s), err)
			}
			k.Amount = v
		}
		for i, h := range c.header {
			if !known[i] {
				if k.Attrs == nil {
					k.Attrs = map[string]string{}
				}
				k.Attrs[h] = cell(rec, i)
			}
		}
		out = append(out, k)
	}
	if err := probs.Err("extract: cases"); err != nil {
		return nil, err
	}
	return out, nil
}
