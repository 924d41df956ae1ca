package disputes

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOODDisputeHalvesAlign checks each out-of-domain dispute set kept in two halves
// (a tune half open to developers, an unseen half scored only; see each set's
// README.md) as TestOODDisputeSetAligns checks the first (spans, vocabulary, front
// matter, no held-out outlet), and that its halves split it by text: every case of
// disputes.jsonl is in exactly one of disputes_tune.jsonl and disputes_unseen.jsonl,
// and no text has cases in both.
func TestOODDisputeHalvesAlign(t *testing.T) {
	for _, tc := range []struct {
		dir             string
		texts, minCases int
	}{
		{"../testdata/ooddisp2", 12, 40},
		{"../testdata/ooddisp3", 10, 40},
		{"../testdata/ooddisp4", 10, 35},
	} {
		t.Run(filepath.Base(tc.dir), func(t *testing.T) {
			checkDisputeSetAligns(t, tc.dir, "disputes.jsonl", tc.texts, tc.minCases)
			all, err := ReadCases(filepath.Join(tc.dir, "disputes.jsonl"))
			require.NoError(t, err)
			half := map[string]string{}
			n := 0
			for _, h := range []string{"tune", "unseen"} {
				cases, err := ReadCases(filepath.Join(tc.dir, "disputes_"+h+".jsonl"))
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
		})
	}
}
