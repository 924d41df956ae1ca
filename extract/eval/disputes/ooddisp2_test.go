package disputes

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oodDispute2Dir is the second out-of-domain dispute set: a tune half open to
// developers and an unseen half scored only (see its README.md).
const oodDispute2Dir = "../testdata/ooddisp2"

// TestOODDispute2SetAligns checks the second out-of-domain dispute set as
// TestOODDisputeSetAligns checks the first, and that its two halves split it by text:
// every case of disputes.jsonl is in exactly one of disputes_tune.jsonl and
// disputes_unseen.jsonl, and no text has cases in both.
func TestOODDispute2SetAligns(t *testing.T) {
	checkDisputeSetAligns(t, oodDispute2Dir, "disputes.jsonl", 12, 40)
	all, err := ReadCases(filepath.Join(oodDispute2Dir, "disputes.jsonl"))
	require.NoError(t, err)
	half := map[string]string{}
	n := 0
	for _, h := range []string{"tune", "unseen"} {
		cases, err := ReadCases(filepath.Join(oodDispute2Dir, "disputes_"+h+".jsonl"))
		require.NoError(t, err)
		require.NotEmpty(t, cases, h)
		for _, c := range cases {
			if prev, ok := half[c.Doc]; ok {
				assert.Equal(t, prev, h, "%s has cases in both halves", c.Doc)
			}
			half[c.Doc] = h
		}
		n += len(cases)
	}
	assert.Equal(t, len(all), n, "the halves together hold every case")
	for _, c := range all {
		assert.Contains(t, half, c.Doc, "%s/%s is in no half", c.Doc, c.ID)
	}
}
