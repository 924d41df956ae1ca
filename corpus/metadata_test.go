package corpus

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestApplyMetadataFile(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, tsv string
		dated     int
		wantErr   string
	}{
		{"dates and outlets by file name", "compartment\tfilename\tpublisher\tpublication_date\ndev\ta\tledger\t2016-09-12\ndev\tz\tcourier\t2016-09-13\n", 1, ""},
		{"a column missing", "filename\tpublisher\na\tledger\n", 0, "publication_date"},
		{"a date that is none", "filename\tpublisher\tpublication_date\na\tledger\tsoon\n", 0, "soon"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, string(rune('a'+i))+".tsv")
			require.NoError(t, os.WriteFile(p, []byte(tt.tsv), 0o644))
			arts := []Article{{Path: "text/a.txt", Text: "x"}, {Path: "text/b.txt", Text: "y"}}
			n, err := ApplyMetadataFile(p, arts)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.dated, n)
			assert.Equal(t, "ledger", arts[0].Outlet)
			assert.Equal(t, "2016-09-12", arts[0].Published.Value)
			assert.Empty(t, arts[1].Outlet)
		})
	}
}
