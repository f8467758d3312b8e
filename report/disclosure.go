package report

import (
	"errors"
	"fmt"
)

// CountTable is a two-way table of counts of children (or cases) with its row and column
// labels. Published with its row totals, column totals and grand total.
type CountTable struct {
	Rows, Cols []string
	Counts     [][]int // Counts[r][c]
}

// Disclosure configures disclosure control (diskretionering).
type Disclosure struct {
	// Threshold is the fewest individuals a published cell may rest on; 0 means 3, the
	// rule of Danmarks Statistik (many Danish publishers use 5).
	Threshold int
	// ZeroSensitive treats zero cells as sensitive too; by default a zero is published.
	ZeroSensitive bool
}

// Protected is a count table after disclosure control: which cells are suppressed, and
// why. Totals are always published.
type Protected struct {
	CountTable
	Suppressed [][]bool
	// Primary counts the cells below the threshold; Secondary those suppressed so that
	// the primary ones cannot be recovered from the totals.
	Primary, Secondary int
}

// ErrShape is returned for a table whose rows do not all have one count per column, or
// with a negative count.
var ErrShape = errors.New("malformed count table")

// Protect applies disclosure control to a table published with its totals:
//
//  1. Primary suppression: every cell with 0 < count < Threshold (and, if ZeroSensitive,
//     every zero).
//  2. Secondary suppression: as long as some row or column (the totals row and column
//     included, whose total is the grand total) holds exactly one suppressed cell, or a
//     suppressed cell is otherwise determined by the totals, suppress one more cell there:
//     preferably one whose crossing line also needs a second suppressed cell (closing a
//     rectangle with few cells), then the smallest count, then the earliest.
//
// A suppressed cell is determined by the published totals exactly when it is a bridge of the
// graph whose nodes are the lines and whose edges are the suppressed cells (a cell that lies
// on no cycle of suppressed cells can be solved for); step 2 adds cells until there is no
// bridge. So no suppressed cell can be recovered from the row, column or grand totals. The
// interval in which a suppressed value must lie may still be narrow: this is the protection
// of sdcTable's simple heuristics without their protection intervals.
//
// Totals are never suppressed: a total below the threshold is published, as the sum of its
// line. Suppress a whole row or column before calling Protect if its total is sensitive.
func Protect(t CountTable, d Disclosure) (Protected, error) {
	if d.Threshold == 0 {
		d.Threshold = 3
	}
	R, C := len(t.Rows), len(t.Cols)
	if len(t.Counts) != R || R == 0 || C == 0 {
		return Protected{}, fmt.Errorf("report: %w: %d rows of counts for %d row labels", ErrShape, len(t.Counts), R)
	}
	for r, row := range t.Counts {
		if len(row) != C {
			return Protected{}, fmt.Errorf("report: %w: row %d has %d counts for %d columns", ErrShape, r, len(row), C)
		}
		for _, v := range row {
			if v < 0 {
				return Protected{}, fmt.Errorf("report: %w: negative count in row %d", ErrShape, r)
			}
		}
	}
	p := Protected{CountTable: t, Suppressed: make([][]bool, R)}
	for r := range R {
		p.Suppressed[r] = make([]bool, C)
		for c := range C {
			v := t.Counts[r][c]
			if v > 0 && v < d.Threshold || v == 0 && d.ZeroSensitive {
				p.Suppressed[r][c] = true
				p.Primary++
			}
		}
	}
	// The published totals make each row and each column a line whose suppressed cells
	// sum to a known number (the grand total adds nothing the lines do not already give).
	for {
		r, c, ok, err := p.weakLine()
		if err != nil {
			return p, err
		}
		if !ok {
			break
		}
		p.Suppressed[r][c] = true
		p.Secondary++
	}
	return p, nil
}

// ErrUnprotectable is returned when no further cell can be suppressed to protect a cell.
var ErrUnprotectable = errors.New("table cannot be protected by suppressing cells")

// weakLine finds a line that exposes a suppressed cell and returns the cell to suppress next,
// or false when the table is protected.
func (p *Protected) weakLine() (int, int, bool, error) {
	R, C := len(p.Rows), len(p.Cols)
	// In a one-column table the row totals are the cells themselves, so only the column
	// total constrains (and likewise for one row): rows publish no separate totals there.
	rowsConstrain, colsConstrain := C > 1, R > 1 || C == 1 // a 1×1 table: its grand total is the cell
	// A line (row r or column c) exposes a cell when it has exactly one suppressed cell,
	// or when one of its suppressed cells is a bridge.
	// count returns the suppressed cells of row r (isRow) or column r.
	count := func(isRow bool, i int) int {
		n := 0
		if isRow {
			for c := range C {
				if p.Suppressed[i][c] {
					n++
				}
			}
		} else {
			for r := range R {
				if p.Suppressed[r][i] {
					n++
				}
			}
		}
		return n
	}
	// pick chooses the cell to suppress in a line: first one whose crossing line also holds
	// exactly one suppressed cell (so that one suppression protects both and closes a
	// cycle), then the smallest count, then the earliest.
	pick := func(isRow bool, i int) (int, int, bool) {
		bestScore, bestV, br, bc := 2, -1, -1, -1
		n := C
		if !isRow {
			n = R
		}
		for j := range n {
			r, c := i, j
			if !isRow {
				r, c = j, i
			}
			if p.Suppressed[r][c] {
				continue
			}
			score := 1
			if (isRow && colsConstrain && count(false, c) == 1) || (!isRow && rowsConstrain && count(true, r) == 1) {
				score = 0
			}
			if v := p.Counts[r][c]; br < 0 || score < bestScore || score == bestScore && v < bestV {
				bestScore, bestV, br, bc = score, v, r, c
			}
		}
		return br, bc, br >= 0
	}
	exposed := func(isRow bool, i int) bool { return count(isRow, i) == 1 }
	for r := range R {
		if rowsConstrain && exposed(true, r) {
			if rr, cc, ok := pick(true, r); ok {
				return rr, cc, true, nil
			}
			return 0, 0, false, fmt.Errorf("report: row %d: %w", r, ErrUnprotectable)
		}
	}
	for c := range C {
		if colsConstrain && exposed(false, c) {
			if rr, cc, ok := pick(false, c); ok {
				return rr, cc, true, nil
			}
			return 0, 0, false, fmt.Errorf("report: column %d: %w", c, ErrUnprotectable)
		}
	}
	if !rowsConstrain || !colsConstrain {
		return 0, 0, false, nil // one line, with 0 or ≥ 2 suppressed cells: none is determined
	}
	// Every line now holds 0 or ≥ 2 suppressed cells; a bridge may remain (two cycles
	// joined by one cell). Break it by suppressing the smallest other cell in its row.
	if r, c, ok := p.bridge(); ok {
		if rr, cc, ok := pick(true, r); ok {
			return rr, cc, true, nil
		}
		if rr, cc, ok := pick(false, c); ok {
			return rr, cc, true, nil
		}
		return 0, 0, false, fmt.Errorf("report: cell (%d, %d): %w", r, c, ErrUnprotectable)
	}
	return 0, 0, false, nil
}

// bridge returns a suppressed cell that is a bridge of the bipartite graph of rows and
// columns joined by suppressed cells (Tarjan's bridge-finding by depth-first search).
func (p *Protected) bridge() (int, int, bool) {
	R, C := len(p.Rows), len(p.Cols)
	n := R + C // node r for row r, node R+c for column c
	type edge struct{ to, r, c int }
	adj := make([][]edge, n)
	for r := range R {
		for c := range C {
			if p.Suppressed[r][c] {
				adj[r] = append(adj[r], edge{R + c, r, c})
				adj[R+c] = append(adj[R+c], edge{r, r, c})
			}
		}
	}
	disc := make([]int, n)
	low := make([]int, n)
	for i := range disc {
		disc[i] = -1
	}
	timer := 0
	br, bc, found := 0, 0, false
	var dfs func(u, parentR, parentC int)
	dfs = func(u, parentR, parentC int) {
		disc[u], low[u] = timer, timer
		timer++
		for _, e := range adj[u] {
			if found {
				return
			}
			if e.r == parentR && e.c == parentC {
				continue // the edge we came by
			}
			if disc[e.to] < 0 {
				dfs(e.to, e.r, e.c)
				low[u] = min(low[u], low[e.to])
				if low[e.to] > disc[u] && !found {
					br, bc, found = e.r, e.c, true
				}
			} else {
				low[u] = min(low[u], disc[e.to])
			}
		}
	}
	for u := range n {
		if disc[u] < 0 && len(adj[u]) > 0 && !found {
			dfs(u, -1, -1)
		}
	}
	return br, bc, found
}

// RowTotal and ColTotal and GrandTotal are the published totals.
func (t CountTable) RowTotal(r int) int {
	s := 0
	for _, v := range t.Counts[r] {
		s += v
	}
	return s
}

// ColTotal returns the total of column c.
func (t CountTable) ColTotal(c int) int {
	s := 0
	for _, row := range t.Counts {
		s += row[c]
	}
	return s
}

// GrandTotal returns the sum of all counts.
func (t CountTable) GrandTotal() int {
	s := 0
	for r := range t.Counts {
		s += t.RowTotal(r)
	}
	return s
}
