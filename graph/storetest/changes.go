package storetest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// testChanges checks graph.ChangeCounter, for backends that implement it: every
// write grows the count once it has ended (so that a cache stamped with the count
// before a read is found stale after a write), reads leave it alone, and a batch
// counts when it ends, not while its writes are uncommitted.
func testChanges(t *testing.T, open Opener) {
	s := open(t)
	cc, ok := s.(graph.ChangeCounter)
	if !ok {
		t.Skip("the store does not implement graph.ChangeCounter")
	}
	before := cc.Changes()
	put(t, s, Gaza1())
	afterPut := cc.Changes()
	assert.Greater(t, afterPut, before, "PutArticle counts")

	_, err := s.Provenance(ctx(t), ClaimToll68800)
	require.NoError(t, err)
	_, err = s.SearchClaims(ctx(t), graph.ClaimQuery{Text: "gaza"})
	require.NoError(t, err)
	assert.Equal(t, afterPut, cc.Changes(), "reads do not count")

	title := "A corrected title"
	_, err = s.PatchArticle(ctx(t), Article1, graph.ArticlePatch{Title: &title})
	require.NoError(t, err)
	afterPatch := cc.Changes()
	assert.Greater(t, afterPatch, afterPut, "PatchArticle counts")

	b, ok := s.(graph.Batcher)
	if !ok {
		return
	}
	var during uint64
	require.NoError(t, b.Batch(ctx(t), func(ctx context.Context, tx graph.Store) error {
		if _, err := tx.PutArticle(ctx, Gaza2()); err != nil {
			return err
		}
		during = cc.Changes()
		return nil
	}))
	assert.Equal(t, afterPatch, during, "a batch's writes are not counted before it commits")
	afterBatch := cc.Changes()
	assert.Greater(t, afterBatch, afterPatch, "a batch counts when it ends")

	// A delete changes what cached answers (widget cards) show, like any write.
	require.NoError(t, s.DeleteArticle(ctx(t), Article1, nil))
	assert.Greater(t, cc.Changes(), afterBatch, "DeleteArticle counts")
}
