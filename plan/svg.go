package plan

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"math"
	"time"

	"github.com/opfolgning/opfolgning/lang"
)

// WriteSVG draws the annual wheel as a standalone SVG: the twelve months as a circle,
// January at the top and the year running clockwise, one ring per kind of activity (in the
// order of the Kind constants, the innermost first), a dot per occurrence on its ring and
// month, and a legend. The output depends only on the wheel and the language: the same
// wheel gives the same bytes.
func WriteSVG(w io.Writer, wh *Wheel, l lang.Language) error {
	if err := wh.Validate(); err != nil {
		return err
	}
	const (
		size   = 640.0
		cx, cy = 320.0, 320.0
		inner  = 70.0
		ringW  = 34.0
	)
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p(`<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="sans-serif">`+"\n", size+260, size, size+260, size)
	title := lang.Text{Da: fmt.Sprintf("Årshjul %d", wh.Year), En: fmt.Sprintf("Annual wheel %d", wh.Year)}.In(l)
	p(`<title>%s</title>`+"\n", html.EscapeString(title))
	p(`<rect width="100%%" height="100%%" fill="white"/>` + "\n")
	// Which kinds are used, in order: one ring each.
	var kinds []Kind
	used := map[Kind]bool{}
	for _, a := range wh.Activities {
		used[a.Kind] = true
	}
	for k := Kind(1); k < numKinds; k++ {
		if used[k] {
			kinds = append(kinds, k)
		}
	}
	ring := map[Kind]int{}
	for i, k := range kinds {
		ring[k] = i
	}
	outer := inner + ringW*float64(len(kinds))
	// Rings, from the outside in so that each inner ring is drawn on top.
	for i := len(kinds) - 1; i >= 0; i-- {
		r := inner + ringW*float64(i+1)
		fill := "#f7f7f7"
		if i%2 == 1 {
			fill = "#ececec"
		}
		p(`<circle cx="%.2f" cy="%.2f" r="%.2f" fill="%s" stroke="#bbbbbb"/>`+"\n", cx, cy, r, fill)
	}
	p(`<circle cx="%.2f" cy="%.2f" r="%.2f" fill="white" stroke="#bbbbbb"/>`+"\n", cx, cy, inner)
	p(`<text x="%.2f" y="%.2f" text-anchor="middle" font-size="20" font-weight="bold">%d</text>`+"\n", cx, cy+7, wh.Year)
	monthNames := [2][12]string{
		{"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"},
		{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	}
	angle := func(month time.Month, frac float64) float64 { // radians, 0 at the top, clockwise
		return (float64(month-1) + frac) / 12 * 2 * math.Pi
	}
	at := func(a, r float64) (float64, float64) { return cx + r*math.Sin(a), cy - r*math.Cos(a) }
	for m := time.January; m <= time.December; m++ {
		x1, y1 := at(angle(m, 0), inner)
		x2, y2 := at(angle(m, 0), outer+8)
		p(`<line x1="%.2f" y1="%.2f" x2="%.2f" y2="%.2f" stroke="#999999"/>`+"\n", x1, y1, x2, y2)
		tx, ty := at(angle(m, 0.5), outer+24)
		p(`<text x="%.2f" y="%.2f" text-anchor="middle" dominant-baseline="middle" font-size="15">%s</text>`+"\n", tx, ty, monthNames[int(l)&1][m-1])
	}
	// Occurrences: a dot on the activity's ring, spread within the month when several share it.
	type slot struct {
		k Kind
		m time.Month
	}
	count := map[slot]int{}
	occ := wh.Occurrences()
	for _, o := range occ {
		count[slot{o.Activity.Kind, o.Date.Month()}]++
	}
	seen := map[slot]int{}
	for _, o := range occ {
		s := slot{o.Activity.Kind, o.Date.Month()}
		n := count[s]
		seen[s]++
		frac := float64(seen[s]) / float64(n+1)
		if o.Activity.Cadence.Frequency == GivenWeeks { // place weekly dates by their day
			frac = math.Min(0.95, float64(o.Date.Day()-1)/31+0.05)
		}
		r := inner + ringW*(float64(ring[o.Activity.Kind])+0.5)
		x, y := at(angle(s.m, frac), r)
		label := o.Activity.Name.In(l)
		if f := o.Focus.In(l); f != "" {
			label += ": " + f
		}
		p(`<circle cx="%.2f" cy="%.2f" r="7" fill="%s"><title>%s %s</title></circle>`+"\n", x, y, kindText[o.Activity.Kind].color,
			o.Date.Format("2006-01-02"), html.EscapeString(label))
	}
	// Legend.
	for i, k := range kinds {
		y := 40.0 + 28*float64(i)
		p(`<circle cx="%.2f" cy="%.2f" r="8" fill="%s"/>`+"\n", size+20, y, kindText[k].color)
		p(`<text x="%.2f" y="%.2f" font-size="15" dominant-baseline="middle">%s</text>`+"\n", size+36, y, html.EscapeString(k.Label(l)))
	}
	p("</svg>\n")
	return bw.Flush()
}
