package main

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/extract/eval"
	"github.com/claimgraph/claimgraph/extract/internal/attribml"
)

// sumFile is the file of the model directory that records what the models were trained
// on: a digest of every training example's features and gold tags and of the trainer's
// settings. The features depend on code outside the trainer (the sentence splitter, the
// tokenizer, the feature functions), so a change there makes a retrain give other
// models; TestTrainingExamplesUnchanged recomputes the digest in seconds, without
// training, and fails at the commit that makes such a change.
const sumFile = "training.sum"

// examples are the training examples of the three models built from a corpus.
type examples struct {
	cues, roles []attribml.Seq
	ranks       []attribml.RankExample
	stats       alignStats
}

// trainingExamples builds the training examples of the cue and role taggers and of the
// boundary ranker from docs, with the features of o's vocabularies, in the order of
// docs.
func trainingExamples(docs []eval.Doc, o options) examples {
	var ex examples
	for _, g := range docs {
		d := extract.NewDocument(string(g.Text))
		toks, sents := extract.AttributionView(d, o.vocabulary)
		cs, rs := trainingSequences(d, toks, sents, g.Attrs, &ex.stats)
		ex.cues = append(ex.cues, cs...)
		ex.roles = append(ex.roles, rs...)
		if !o.boundaryVocabulary.Equal(o.vocabulary) {
			toks, _ = extract.AttributionView(d, o.boundaryVocabulary)
		}
		ex.ranks = append(ex.ranks, boundaryExamples(d, toks, g.Attrs, &ex.stats)...)
	}
	return ex
}

// sum is the content of training.sum for these examples trained with settings o: a
// header saying what it is, the settings, the example counts and the SHA-256 of the
// examples (features, allowed tags and gold tags, in order).
func (ex examples) sum(o options) []byte {
	h := sha256.New()
	hashSeqs(h, ex.cues)
	hashSeqs(h, ex.roles)
	word(h, uint32(len(ex.ranks)))
	for _, r := range ex.ranks {
		word(h, uint32(r.Gold))
		word(h, uint32(len(r.Cands)))
		for _, c := range r.Cands {
			words(h, c)
		}
	}
	return []byte(fmt.Sprintf("# What the models in this directory were trained on, written by extract/internal/train\n"+
		"# with them: the trainer's settings, the number of training examples and the SHA-256 of\n"+
		"# the examples' features and gold tags. TestTrainingExamplesUnchanged recomputes it from\n"+
		"# ../shared/polnear/train: a change of the sentence splitter, the tokenizer or the\n"+
		"# features makes it fail until the models are retrained (go run ./extract/internal/train).\n"+
		"settings cue-epochs=%d role-epochs=%d boundary-epochs=%d bags=%d\n"+
		"examples cue=%d role=%d boundary=%d\n"+
		"sha256 %x\n", o.cueEpochs, o.roleEpochs, o.boundaryEpochs, o.bags,
		len(ex.cues), len(ex.roles), len(ex.ranks), h.Sum(nil)))
}

// hashSeqs writes tagger sequences into h, each with its length so that no two
// different lists of sequences write the same bytes.
func hashSeqs(h hash.Hash, seqs []attribml.Seq) {
	word(h, uint32(len(seqs)))
	for _, s := range seqs {
		word(h, uint32(len(s.Feats)))
		for _, f := range s.Feats {
			words(h, f)
		}
		word(h, uint32(len(s.Allowed)))
		for _, a := range s.Allowed {
			word(h, uint32(a))
		}
		word(h, uint32(len(s.Gold)))
		for _, g := range s.Gold {
			word(h, uint32(g))
		}
	}
}

// words writes a length-prefixed list of feature ids into h.
func words(h hash.Hash, ws []uint32) {
	word(h, uint32(len(ws)))
	for _, w := range ws {
		word(h, w)
	}
}

// word writes one little-endian 32-bit word into h.
func word(h hash.Hash, w uint32) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], w)
	h.Write(b[:])
}
