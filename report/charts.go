package report

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

var (
	blue  = color.RGBA{R: 0x1b, G: 0x6c, B: 0xa8, A: 0xff}
	green = color.RGBA{R: 0x2a, G: 0x9d, B: 0x3a, A: 0xff}
	grey  = color.RGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xff}
	red   = color.RGBA{R: 0xc0, G: 0x39, B: 0x2b, A: 0xff}
)

// render draws the plot as SVG and PNG at 16 × 9 cm.
func render(p *plot.Plot, name, title string) (Chart, error) {
	c := Chart{Name: name, Title: title}
	for _, f := range []string{"svg", "png"} {
		wt, err := p.WriterTo(16*vg.Centimeter, 9*vg.Centimeter, f)
		if err != nil {
			return c, fmt.Errorf("report: chart %s: %w", name, err)
		}
		var b bytes.Buffer
		if _, err := wt.WriteTo(&b); err != nil {
			return c, fmt.Errorf("report: chart %s: %w", name, err)
		}
		if f == "svg" {
			c.SVG = b.Bytes()
		} else {
			c.PNG = b.Bytes()
		}
	}
	return c, nil
}

// DistributionChart draws the share of children on each step of a scale at baseline and at
// latest, side by side (outcome distributions).
func DistributionChart(name, title string, steps []string, baseline, latest []float64, labels [2]string) (Chart, error) {
	p := plot.New()
	p.Title.Text = title
	p.Y.Label.Text = "%"
	w := vg.Points(14)
	for i, d := range []struct {
		v []float64
		c color.Color
	}{{baseline, grey}, {latest, blue}} {
		vals := make(plotter.Values, len(d.v))
		for k, x := range d.v {
			vals[k] = 100 * x
			if math.IsNaN(x) {
				vals[k] = 0
			}
		}
		bars, err := plotter.NewBarChart(vals, w)
		if err != nil {
			return Chart{}, err
		}
		bars.Color = d.c
		bars.LineStyle.Width = 0
		bars.Offset = w * vg.Length(float64(i)-0.5)
		p.Add(bars)
		p.Legend.Add(labels[i], bars)
	}
	p.Legend.Top = true
	p.NominalX(steps...)
	p.Y.Max *= 1.15 // room for the legend above the tallest bar
	return render(p, name, title)
}

// SeriesChart draws an indicator's observations over time, with its target as a dashed line
// when target is not NaN, and the verdict in the title.
func SeriesChart(name, title string, dates []time.Time, values []float64, target float64, verdict string) (Chart, error) {
	p := plot.New()
	p.Title.Text = title
	if verdict != "" {
		p.Title.Text += " (" + verdict + ")"
	}
	p.X.Tick.Marker = plot.TimeTicks{Format: "2006"}
	xy := make(plotter.XYs, 0, len(values))
	for i, v := range values {
		if !math.IsNaN(v) {
			xy = append(xy, plotter.XY{X: float64(dates[i].Unix()), Y: v})
		}
	}
	if len(xy) == 0 {
		return render(p, name, title)
	}
	line, points, err := plotter.NewLinePoints(xy)
	if err != nil {
		return Chart{}, err
	}
	line.Color, points.Color = blue, blue
	p.Add(line, points)
	if !math.IsNaN(target) {
		t, err := plotter.NewLine(plotter.XYs{{X: xy[0].X, Y: target}, {X: xy[len(xy)-1].X, Y: target}})
		if err != nil {
			return Chart{}, err
		}
		t.Color = green
		t.Dashes = []vg.Length{vg.Points(6), vg.Points(4)}
		p.Add(t)
		p.Legend.Add("mål / target", t)
	}
	return render(p, name, title)
}

// RunChart draws a run chart: the values in order and the centre line (the median of the
// baseline), dashed in red when the runs analysis signals.
func RunChart(name, title string, labels []string, values []float64, centre float64, signal bool) (Chart, error) {
	p := plot.New()
	p.Title.Text = title
	xy := make(plotter.XYs, 0, len(values))
	for i, v := range values {
		if !math.IsNaN(v) {
			xy = append(xy, plotter.XY{X: float64(i), Y: v})
		}
	}
	if len(xy) > 0 {
		line, points, err := plotter.NewLinePoints(xy)
		if err != nil {
			return Chart{}, err
		}
		line.Color, points.Color = blue, blue
		p.Add(line, points)
		c, err := plotter.NewLine(plotter.XYs{{X: 0, Y: centre}, {X: float64(len(values) - 1), Y: centre}})
		if err != nil {
			return Chart{}, err
		}
		c.Color = grey
		if signal {
			c.Color = red
			c.Dashes = []vg.Length{vg.Points(6), vg.Points(4)}
		}
		p.Add(c)
	}
	p.NominalX(labels...)
	p.X.Min, p.X.Max = -0.5, float64(len(labels))-0.5
	return render(p, name, title)
}

// ComplianceChart draws compliance rates over periods with their confidence intervals as
// error bars.
func ComplianceChart(name, title string, periods []string, rate, lower, upper []float64) (Chart, error) {
	p := plot.New()
	p.Title.Text = title
	p.Y.Label.Text = "%"
	p.Y.Min, p.Y.Max = 0, 100
	var pts plotter.XYs
	var errs plotter.YErrors
	for i, r := range rate {
		if math.IsNaN(r) {
			continue
		}
		pts = append(pts, plotter.XY{X: float64(i), Y: 100 * r})
		errs = append(errs, struct{ Low, High float64 }{100 * (r - lower[i]), 100 * (upper[i] - r)})
	}
	if len(pts) > 0 {
		data := struct {
			plotter.XYs
			plotter.YErrors
		}{pts, errs}
		bars, err := plotter.NewYErrorBars(data)
		if err != nil {
			return Chart{}, err
		}
		bars.Color = grey
		line, points, err := plotter.NewLinePoints(pts)
		if err != nil {
			return Chart{}, err
		}
		line.Color, points.Color = blue, blue
		p.Add(bars, line, points)
	}
	p.NominalX(periods...)
	p.X.Min, p.X.Max = -0.5, float64(len(periods))-0.5 // every period shows, data or not
	return render(p, name, title)
}
