package overview

import "math"

// Charts are drawn by the templates as SVG from the geometry computed here,
// in the units of the chart's viewBox; the colours are classes of
// static/overview.css (the CSP forbids style attributes), so a chart is
// markup and numbers only.

// Part is one quantity drawn: Class colours it, Key names it for the
// tooltip (a state, a kind, a language pair).
type Part struct {
	Key, Class string
	Count      int
}

// Rect is one drawn rectangle.
type Rect struct {
	X, Y, W, H float64
	Part
}

// Chart is an SVG's viewBox size and its rectangles.
type Chart struct {
	Width, Height float64
	Rects         []Rect
}

// Empty reports whether the chart draws nothing.
func (c Chart) Empty() bool { return len(c.Rects) == 0 }

// chartWidth is every chart's viewBox width; the CSS scales it to the page.
const chartWidth = 1000

// round keeps the markup short; a tenth of a unit is below a pixel.
func round(f float64) float64 { return math.Round(f*10) / 10 }

// stackRow lays parts side by side from x on, each as wide as its count
// takes of scale units of width.
func stackRow(parts []Part, x, y, width, height float64, scale int) []Rect {
	var out []Rect
	if scale <= 0 {
		return nil
	}
	for _, p := range parts {
		if p.Count <= 0 {
			continue
		}
		// Both edges from the running sum, so that neighbours meet exactly.
		end := x + width*float64(p.Count)/float64(scale)
		out = append(out, Rect{X: round(x), Y: round(y), W: round(round(end) - round(x)), H: round(height), Part: p})
		x = end
	}
	return out
}

func sum(parts []Part) int {
	n := 0
	for _, p := range parts {
		n += p.Count
	}
	return n
}

// StackedBar is one bar across the chart, its parts in proportion.
func StackedBar(parts []Part, height float64) Chart {
	return Chart{Width: chartWidth, Height: height, Rects: stackRow(parts, 0, 0, chartWidth, height, sum(parts))}
}

// RowBar is one row of a table of bars sharing a scale: the parts stack
// from the left, as long as their total takes of scale (the longest row's
// total), so that rows compare.
func RowBar(parts []Part, scale int, height float64) Chart {
	return Chart{Width: chartWidth, Height: height, Rects: stackRow(parts, 0, 0, chartWidth, height, scale)}
}

// Columns draws one stacked column per entry of cols, left to right,
// each as tall as its total takes of the tallest column's; the parts
// stack from the bottom up.
func Columns(cols [][]Part, height float64) Chart {
	tallest := 0
	for _, col := range cols {
		tallest = max(tallest, sum(col))
	}
	c := Chart{Width: chartWidth, Height: height}
	if len(cols) == 0 || tallest == 0 {
		return c
	}
	step := float64(chartWidth) / float64(len(cols))
	w := step * 0.8
	for i, col := range cols {
		y := height
		for _, p := range col {
			if p.Count <= 0 {
				continue
			}
			h := height * float64(p.Count) / float64(tallest)
			y -= h
			c.Rects = append(c.Rects, Rect{X: round(float64(i)*step + (step-w)/2), Y: round(y), W: round(w), H: round(h), Part: p})
		}
	}
	return c
}
