package stat

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBinomialIntervals(t *testing.T) {
	// Reference: R 4.2.2, binom.test(k, n, conf.level)$conf.int (Clopper–Pearson),
	// prop.test(k, n, correct = FALSE, conf.level)$conf.int (Wilson) and
	// qbeta(conf, 1 + k, n - k) (one-sided upper bound, as jfa's binomial evaluation).
	for i, tc := range []struct {
		k, n                 int
		conf                 float64
		cpLo, cpUp, wLo, wUp float64
		upper                float64
	}{
		{0, 10, 0.95, 0, 0.308497107818761, 0, 0.277532799862889, 0.258865550893052},
		{3, 10, 0.95, 0.0667395111777345, 0.652452850059997, 0.107791267406301, 0.603221852538855, 0.606624216105413},
		{7, 20, 0.9, 0.177310917574449, 0.558034511315489, 0.202260040056761, 0.533487311151528, 0.518030757318205},
		{20, 20, 0.95, 0.831566529016915, 1, 0.838874841947181, 1, 1},
		{1, 59, 0.95, 0.000429023332723595, 0.0908559328866493, 0.00299823391835564, 0.089957259641423, 0.0778979215188182},
		{412, 459, 0.95, 0.866165878826956, 0.923788572150986, 0.866487476307018, 0.922119492761848, 0.920007534925541},
		{0, 2, 0.95, 0, 0.841886116991581, 0, 0.657619772493347, 0.776393202250021},
	} {
		cp, err := ClopperPearson(tc.k, tc.n, tc.conf)
		require.NoError(t, err)
		assert.InDelta(t, tc.cpLo, cp.Lower, 1e-9, "case %d: CP lower", i)
		assert.InDelta(t, tc.cpUp, cp.Upper, 1e-9, "case %d: CP upper", i)
		w, err := Wilson(tc.k, tc.n, tc.conf)
		require.NoError(t, err)
		assert.InDelta(t, tc.wLo, w.Lower, 1e-12, "case %d: Wilson lower", i)
		assert.InDelta(t, tc.wUp, w.Upper, 1e-12, "case %d: Wilson upper", i)
		u, err := ClopperPearsonUpper(tc.k, tc.n, tc.conf)
		require.NoError(t, err)
		assert.InDelta(t, tc.upper, u, 1e-9, "case %d: one-sided upper", i)
	}
	_, err := Wilson(1, 0, 0.95)
	assert.True(t, errors.Is(err, ErrInsufficientData))
	_, err = ClopperPearson(5, 4, 0.95)
	assert.Error(t, err)
	_, err = ClopperPearson(1, 4, 1)
	assert.Error(t, err)
}

func TestTwoProportions(t *testing.T) {
	// Reference: R 4.2.2, prop.test(c(k1, k2), c(n1, n2), correct = FALSE)$p.value.
	d, p, err := TwoProportions(94, 104, 412, 459)
	require.NoError(t, err)
	assert.InDelta(t, 0.00624266800737394, d, 1e-15)
	assert.InDelta(t, 0.848869293390155, p, 1e-12)
	d, p, err = TwoProportions(60, 100, 300, 400)
	require.NoError(t, err)
	assert.InDelta(t, -0.15, d, 1e-15)
	assert.InDelta(t, 0.00280743846200202, p, 1e-12)
	_, p, err = TwoProportions(0, 5, 0, 7)
	require.NoError(t, err)
	assert.Equal(t, 1.0, p)
}

func FuzzBinomial(f *testing.F) {
	f.Add(3, 10, 0.95)
	f.Fuzz(func(t *testing.T, k, n int, conf float64) {
		if n > 1e6 {
			return
		}
		for _, fn := range []func(int, int, float64) (Interval, error){ClopperPearson, Wilson} {
			iv, err := fn(k, n, conf)
			if err != nil {
				continue
			}
			p := float64(k) / float64(n)
			if !(iv.Lower <= p+1e-12 && p <= iv.Upper+1e-12 && iv.Lower >= 0 && iv.Upper <= 1) {
				t.Fatalf("interval %+v does not hold %d/%d", iv, k, n)
			}
		}
	})
}
