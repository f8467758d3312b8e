package report

import (
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recoverable is the attacker: it solves the linear system of the published totals (row,
// column and grand totals) in exact rational arithmetic and returns the suppressed cells
// whose value it determines uniquely. A cell is determined when its unit vector lies in the
// row space of the constraints on the unknowns: Gaussian elimination, then checking that
// the column of the unknown is a pivot column whose pivot row has no other nonzero entry
// among the free columns.
func recoverable(p Protected) [][2]int {
	R, C := len(p.Rows), len(p.Cols)
	var unknowns [][2]int
	index := map[[2]int]int{}
	for r := range R {
		for c := range C {
			if p.Suppressed[r][c] {
				index[[2]int{r, c}] = len(unknowns)
				unknowns = append(unknowns, [2]int{r, c})
			}
		}
	}
	n := len(unknowns)
	if n == 0 {
		return nil
	}
	var rows [][]*big.Rat
	addLine := func(cells [][2]int) {
		row := make([]*big.Rat, n)
		for j := range row {
			row[j] = new(big.Rat)
		}
		any := false
		for _, rc := range cells {
			if j, ok := index[rc]; ok {
				row[j].SetInt64(1)
				any = true
			}
		}
		if any {
			rows = append(rows, row)
		}
	}
	if C > 1 {
		for r := range R {
			var cells [][2]int
			for c := range C {
				cells = append(cells, [2]int{r, c})
			}
			addLine(cells)
		}
	}
	if R > 1 {
		for c := range C {
			var cells [][2]int
			for r := range R {
				cells = append(cells, [2]int{r, c})
			}
			addLine(cells)
		}
	}
	var all [][2]int
	for r := range R {
		for c := range C {
			all = append(all, [2]int{r, c})
		}
	}
	addLine(all) // the grand total
	// Reduced row echelon form.
	pivotOf := make([]int, n)
	for j := range pivotOf {
		pivotOf[j] = -1
	}
	row := 0
	for col := 0; col < n && row < len(rows); col++ {
		sel := -1
		for i := row; i < len(rows); i++ {
			if rows[i][col].Sign() != 0 {
				sel = i
				break
			}
		}
		if sel < 0 {
			continue
		}
		rows[row], rows[sel] = rows[sel], rows[row]
		inv := new(big.Rat).Inv(rows[row][col])
		for j := range rows[row] {
			rows[row][j].Mul(rows[row][j], inv)
		}
		for i := range rows {
			if i != row && rows[i][col].Sign() != 0 {
				f := new(big.Rat).Set(rows[i][col])
				for j := range rows[i] {
					rows[i][j].Sub(rows[i][j], new(big.Rat).Mul(f, rows[row][j]))
				}
			}
		}
		pivotOf[col] = row
		row++
	}
	var out [][2]int
	for j, pr := range pivotOf {
		if pr < 0 {
			continue
		}
		determined := true
		for k := range n {
			if k != j && pivotOf[k] < 0 && rows[pr][k].Sign() != 0 {
				determined = false
			}
		}
		if determined {
			out = append(out, unknowns[j])
		}
	}
	return out
}

func table(counts [][]int) CountTable {
	t := CountTable{Counts: counts}
	for r := range counts {
		t.Rows = append(t.Rows, fmt.Sprint("r", r))
	}
	for c := range counts[0] {
		t.Cols = append(t.Cols, fmt.Sprint("c", c))
	}
	return t
}

func TestProtect(t *testing.T) {
	// Children by target group (rows) and age band (columns).
	tb := table([][]int{
		{12, 2, 7, 9},
		{15, 11, 0, 8},
		{4, 6, 1, 13},
		{20, 14, 9, 30},
	})
	p, err := Protect(tb, Disclosure{})
	require.NoError(t, err)
	assert.Equal(t, 2, p.Primary, "the 2 and the 1; zero is not sensitive")
	assert.True(t, p.Suppressed[0][1])
	assert.True(t, p.Suppressed[2][2])
	assert.False(t, p.Suppressed[1][2], "a zero is published")
	assert.Greater(t, p.Secondary, 0)
	assert.Empty(t, recoverable(p), "no suppressed cell can be recovered from the totals")
	// The attacker does find the primary cells when only they are suppressed.
	naive := Protected{CountTable: tb, Suppressed: [][]bool{{false, true, false, false}, {false, false, false, false}, {false, false, true, false}, {false, false, false, false}}}
	assert.Equal(t, [][2]int{{0, 1}, {2, 2}}, recoverable(naive))
}

func TestProtectRandomTables(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	for k := range 300 {
		R, C := 1+r.IntN(6), 1+r.IntN(6)
		counts := make([][]int, R)
		for i := range counts {
			counts[i] = make([]int, C)
			for j := range counts[i] {
				counts[i][j] = r.IntN(12) * r.IntN(2)
			}
		}
		d := Disclosure{Threshold: 3 + 2*r.IntN(2), ZeroSensitive: r.IntN(4) == 0}
		p, err := Protect(table(counts), d)
		if errors.Is(err, ErrUnprotectable) {
			continue // e.g. a single row with one sensitive cell and nothing else to hide
		}
		require.NoError(t, err, "table %d", k)
		require.Empty(t, recoverable(p), "table %d: %v", k, counts)
		for i := range counts {
			for j := range counts[i] {
				v := counts[i][j]
				if v > 0 && v < d.Threshold || v == 0 && d.ZeroSensitive {
					require.True(t, p.Suppressed[i][j], "table %d: primary cell (%d,%d) published", k, i, j)
				}
			}
		}
	}
}

func TestProtectBridge(t *testing.T) {
	// Two 2×2 blocks of small counts joined only through row 1 and column 2: after the
	// line rule, a cell can still be a bridge; Protect must break it.
	tb := table([][]int{
		{1, 1, 50, 50, 50},
		{1, 1, 1, 50, 50},
		{50, 50, 1, 1, 50},
		{50, 50, 1, 1, 50},
		{50, 50, 50, 50, 50},
	})
	p, err := Protect(tb, Disclosure{})
	require.NoError(t, err)
	assert.Empty(t, recoverable(p))
}

func TestProtectErrors(t *testing.T) {
	_, err := Protect(CountTable{Rows: []string{"a"}, Cols: []string{"x", "y"}, Counts: [][]int{{1}}}, Disclosure{})
	assert.True(t, errors.Is(err, ErrShape))
	_, err = Protect(CountTable{Rows: []string{"a"}, Cols: []string{"x"}, Counts: [][]int{{-1}}}, Disclosure{})
	assert.True(t, errors.Is(err, ErrShape))
	_, err = Protect(table([][]int{{2, 9}}), Disclosure{})
	assert.NoError(t, err, "one row: the 9 is suppressed with the 2")
	_, err = Protect(table([][]int{{2}}), Disclosure{})
	assert.True(t, errors.Is(err, ErrUnprotectable), "a single sensitive cell is its own total")
}

func FuzzProtect(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9}, uint8(3))
	f.Fuzz(func(t *testing.T, b []byte, cols uint8) {
		C := 1 + int(cols%5)
		if len(b) < C {
			return
		}
		var counts [][]int
		for i := 0; i+C <= len(b) && len(counts) < 6; i += C {
			row := make([]int, C)
			for j := range row {
				row[j] = int(b[i+j] % 16)
			}
			counts = append(counts, row)
		}
		p, err := Protect(table(counts), Disclosure{})
		if err != nil {
			return
		}
		if rec := recoverable(p); len(rec) > 0 {
			t.Fatalf("recoverable %v in %v", rec, counts)
		}
	})
}
