package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opfolgning/opfolgning/lang"
)

// TestRun runs the main job on the shipped data in both languages: it must succeed, be
// deterministic, and never print a child's ID.
func TestRun(t *testing.T) {
	for _, l := range []lang.Language{lang.Danish, lang.English} {
		var a, b bytes.Buffer
		require.NoError(t, run(&a, l))
		require.NoError(t, run(&b, l))
		assert.Equal(t, a.String(), b.String(), "same input, same output")
		assert.NotRegexp(t, `B\d{4}`, a.String(), "no child ID in the output")
		assert.True(t, strings.Contains(a.String(), "familiebehandling"))
	}
}
