package stat

import "sync"

// scratch pools float64 buffers for the scratch space of the trend tests, so that a verdict
// on each of thousands of short series does not feed the garbage collector. A buffer never
// escapes the function that took it.
var scratch = sync.Pool{New: func() any { s := make([]float64, 0, 64); return &s }}

// getFloats returns a pooled buffer of length n.
func getFloats(n int) *[]float64 {
	p := scratch.Get().(*[]float64)
	if cap(*p) < n {
		*p = make([]float64, n)
	}
	*p = (*p)[:n]
	return p
}

func putFloats(p *[]float64) { scratch.Put(p) }
