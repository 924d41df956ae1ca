package disputes

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oodDispute4Dir is the fourth out-of-domain dispute set: a tune half open to
// developers and an unseen half scored only, its halves fixed before annotation
// (see its README.md).
const oodDispute4Dir = "../testdata/ooddisp4"

// TestOODDispute4SetAligns checks the fourth out-of-domain dispute set as
// TestOODDisputeSetAligns checks the first (spans, vocabulary, front matter, no
// held-out outlet), and that its two halves split it by text.
func TestOODDispute4SetAligns(t *testing.T) {
	checkDisputeSetAligns(t, oodDispute4Dir, "disputes.jsonl", 10, 35)
	all, err := ReadCases(filepath.Join(oodDispute4Dir, "disputes.jsonl"))
	require.NoError(t, err)
	half := map[string]string{}
	n := 0
	for _, h := range []string{"tune", "unseen"} {
		cases, err := ReadCases(filepath.Join(oodDispute4Dir, "disputes_"+h+".jsonl"))
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
