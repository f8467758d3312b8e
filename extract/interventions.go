package extract

import (
	"io"
	"strconv"
	"strings"

	"github.com/opfolgning/opfolgning/interventions"
	"github.com/opfolgning/opfolgning/problem"
)

// ReadInterventions reads an extract of measures (foranstaltninger). Columns, Danish or
// English: id, child/barn, paragraph/paragraf, measure/foranstaltning (or indsats),
// supplier/leverandør, start, end/slut (empty while ongoing), hours_per_week/timer_pr_uge and
// days_per_month/døgn_pr_måned (empty or a number with decimal comma or point), price/takst
// (kroner, read exactly into øre) and unit/enhed (døgn, uge, måned, år, time). Every bad row is reported by row and
// column. The records are not yet checked against each other or the law catalogue: call
// interventions.ValidateInterventions.
func ReadInterventions(r io.Reader, opts CSVOptions) ([]interventions.Intervention, error) {
	c, err := newCSVReader(r, opts)
	if err != nil {
		return nil, err
	}
	return readInterventions(c)
}

func readInterventions(c *csvReader) ([]interventions.Intervention, error) {
	col := struct{ id, child, par, measure, supplier, start, end, hours, days, price, unit int }{
		c.column("id", "løbenummer"), c.column(childColumns...), c.column("paragraph", "paragraf"),
		c.column("measure", "foranstaltning", "indsats", "kind"), c.column("supplier", "leverandør", "leverandoer"),
		c.column("start", "startdato", "start_date"), c.column("end", "slut", "slutdato", "end_date"),
		c.column("hours_per_week", "timer_pr_uge", "timer"), c.column("days_per_month", "døgn_pr_måned", "dage_pr_måned", "doegn_pr_maaned"),
		c.column("price", "takst", "pris"), c.column("unit", "enhed"),
	}
	head := problem.List{Unit: "row"}
	for name, i := range map[string]int{"child": col.child, "paragraph": col.par, "measure": col.measure, "start": col.start, "price": col.price, "unit": col.unit} {
		if i < 0 {
			head.Add(1, name, "%w", ErrMissingColumn)
		}
	}
	if err := head.Err("extract: interventions header"); err != nil {
		return nil, err
	}
	var out []interventions.Intervention
	probs := problem.List{Unit: "row"}
	for rec := range c.records(&probs) {
		iv := interventions.Intervention{ID: cell(rec, col.id), Child: cell(rec, col.child), Paragraph: cell(rec, col.par),
			Measure: cell(rec, col.measure), Supplier: cell(rec, col.supplier)}
		iv.Start = c.date(&probs, rec, col.start, true)
		if col.end >= 0 {
			iv.End = c.date(&probs, rec, col.end, false)
		}
		for _, f := range []struct {
			col int
			dst *float64
		}{{col.hours, &iv.HoursPerWeek}, {col.days, &iv.DaysPerMonth}} {
			if s := cell(rec, f.col); s != "" {
				v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
				if err != nil || v < 0 {
					probs.Add(c.row, c.header[f.col], "%q: %w", clip(s), ErrBadNumber)
				}
				*f.dst = v
			}
		}
		if p, err := ParseKroner(cell(rec, col.price)); err != nil {
			probs.Add(c.row, c.header[col.price], "%q: %w", clip(cell(rec, col.price)), err)
		} else {
			iv.Price.Amount = interventions.Ore(p)
		}
		if u, err := interventions.ParsePriceUnit(cell(rec, col.unit)); err != nil {
			probs.Add(c.row, c.header[col.unit], "%v", err)
		} else {
			iv.Price.Per = u
		}
		out = append(out, iv)
	}
	if err := probs.Err("extract: interventions"); err != nil {
		return nil, err
	}
	return out, nil
}
