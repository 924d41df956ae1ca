package disputes

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oodDispute3Dir is the third out-of-domain dispute set: a tune half open to
// developers and an unseen half scored only, its halves fixed before annotation
// (see its README.md).
const oodDispute3Dir = "../testdata/ooddisp3"

// TestOODDispute3SetAligns checks the third out-of-domain dispute set as
// TestOODDisputeSetAligns checks the first (spans, vocabulary, front matter, no
// held-out outlet), and that its two halves split it by text.
func TestOODDispute3SetAligns(t *testing.T) {
	checkDisputeSetAligns(t, oodDispute3Dir, "disputes.jsonl", 10, 40)
	all, err := ReadCases(filepath.Join(oodDispute3Dir, "disputes.jsonl"))
	require.NoError(t, err)
	half := map[string]string{}
	n := 0
	for _, h := range []string{"tune", "unseen"} {
		cases, err := ReadCases(filepath.Join(oodDispute3Dir, "disputes_"+h+".jsonl"))
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
