package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract/eval"
)

func TestHeldOutIsAFixedShare(t *testing.T) {
	n, held := 2000, 0
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("outlet_2016-01-%02d_article-%d", i%28+1, i)
		if heldOut(name, 15, 0) {
			held++
		}
		require.Equal(t, heldOut(name, 15, 0), heldOut(name, 15, 0), "the choice must not change between calls")
		require.False(t, heldOut(name, 0, 0), "nothing is held out at 0%%")
		require.True(t, heldOut(name, 100, 0), "everything is held out at 100%%")
		require.False(t, heldOut(name, 15, 0) && heldOut(name, 15, 15), "the analysis part [15, 30) is disjoint from the report part [0, 15)")
	}
	require.InDelta(t, 0.15, float64(held)/float64(n), 0.03)
}

func TestSplitDocsAndWriteHeldOut(t *testing.T) {
	data := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(data, "text"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(data, "attributions"), 0o755))
	var docs []eval.Doc
	for i := 0; i < 40; i++ {
		name := fmt.Sprintf("doc%02d", i)
		require.NoError(t, os.WriteFile(filepath.Join(data, "text", name+".txt"), []byte("He said so."), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(data, "attributions", name+"_a.ann"), []byte(""), 0o644))
		docs = append(docs, eval.Doc{Name: name, AnnFile: name + "_a.ann"})
	}
	train, held := splitDocs(docs, 25, 0)
	require.Len(t, append(train, held...), len(docs))
	require.NotEmpty(t, held)
	require.NotEmpty(t, train)
	for _, d := range held {
		require.True(t, heldOut(d.Name, 25, 0))
	}
	out := filepath.Join(t.TempDir(), "held")
	require.NoError(t, writeHeldOut(data, out, held))
	got, err := eval.LoadGold(out)
	require.NoError(t, err)
	require.Len(t, got, len(held))
	require.NoError(t, writeHeldOut(data, out, held), "writing the split again replaces the links")
}
