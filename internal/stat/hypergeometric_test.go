package stat

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHypergeometric(t *testing.T) {
	// Reference: R 4.2.2, phyper(x, K, N - K, n), and jfa's .qhyper (the largest K with
	// phyper(x, K, N - K, n) > 1 - conf) computed in R.
	assert.InDelta(t, 0.049236839027351, HypergeometricCDF(0, 50, 1000, 57), 1e-12)
	assert.InDelta(t, 0.0492529666783509, HypergeometricCDF(2, 50, 1000, 119), 1e-12)
	assert.InDelta(t, 0.649848437723842, HypergeometricCDF(3, 20, 200, 30), 1e-12)
	assert.Equal(t, 1.0, HypergeometricCDF(5, 5, 10, 5))
	assert.Equal(t, 0.0, HypergeometricCDF(0, 8, 10, 5), "at least 3 marked must be drawn")
	for _, tc := range []struct {
		x, n, N int
		conf    float64
		want    int
	}{{0, 57, 1000, 0.95, 49}, {2, 119, 1000, 0.95, 49}, {3, 30, 200, 0.9, 40}, {0, 60, 60, 0.95, 0}} {
		got, err := HypergeometricUpper(tc.x, tc.n, tc.N, tc.conf)
		require.NoError(t, err)
		assert.Equal(t, tc.want, got, "%+v", tc)
	}
	_, err := HypergeometricUpper(0, 5, 4, 0.95)
	assert.Error(t, err)
}
