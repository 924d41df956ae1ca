package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// counterclaimProbe is one line of testdata/probes/counterclaims.tsv: a text and,
// for a counter-claim, the disputer and the claim it disputes (substrings).
type counterclaimProbe struct {
	text, disputer, claim string
}

// counterclaimProbesFound is how many positive probes this version finds (the floor of
// TestCounterclaimProbes).
const counterclaimProbesFound = 23

func readProbeRows(t *testing.T, name string) [][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "probes", name))
	require.NoError(t, err)
	return lexicon.Parse(string(b))
}

// probeFound reports whether text gives a dispute by an entity whose name holds
// disputer of a claim whose text holds claim, and how many disputes it gives.
func probeFound(text, disputer, claim string) (bool, int) {
	d := Extract(text)
	names := map[string]string{}
	for _, e := range d.Entities {
		names[e.ID] = strings.ToLower(e.Name)
	}
	for _, x := range d.Disputes {
		if x.Claim == nil {
			continue
		}
		if strings.Contains(names[x.Disputer], strings.ToLower(disputer)) &&
			strings.Contains(strings.ToLower(claimText(d, x.Claim)), strings.ToLower(claim)) {
			return true, len(d.Disputes)
		}
	}
	return false, len(d.Disputes)
}

// The transfer probes: invented counter-claims of domains no rule was written on are
// found at least as often as in this version, their look-alikes give no dispute, and
// renaming every name gives the same result line by line.
func TestCounterclaimProbes(t *testing.T) {
	var probes []counterclaimProbe
	for _, r := range readProbeRows(t, "counterclaims.tsv") {
		p := counterclaimProbe{text: r[0]}
		if len(r) >= 3 {
			p.disputer, p.claim = r[1], r[2]
		}
		probes = append(probes, p)
	}
	renames := readProbeRows(t, "renames.tsv")
	rename := func(s string) string {
		for _, r := range renames {
			s = strings.ReplaceAll(s, r[0], r[1])
		}
		return s
	}
	found, positives := 0, 0
	for _, p := range probes {
		if p.disputer == "" {
			_, n := probeFound(p.text, "", "")
			assert.Zero(t, n, "%q: want no dispute", p.text)
			_, n = probeFound(rename(p.text), "", "")
			assert.Zero(t, n, "%q renamed: want no dispute", p.text)
			continue
		}
		positives++
		ok, _ := probeFound(p.text, p.disputer, p.claim)
		okRenamed, _ := probeFound(rename(p.text), rename(p.disputer), rename(p.claim))
		assert.Equal(t, ok, okRenamed, "%q: found %v, renamed %v", p.text, ok, okRenamed)
		if ok {
			found++
		}
	}
	t.Logf("counter-claim probes found: %d of %d", found, positives)
	assert.GreaterOrEqual(t, found, counterclaimProbesFound, "fewer transfer probes found than this version")
}
