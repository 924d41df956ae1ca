// Command train learns the attribution models of package extract from PolNeAR train
// and writes them under extract/models/ (embedded by package extract): the cue and
// role taggers, and the content boundary ranker (attribml/boundary.go), which learns
// from the gold contents alone.
//
// Reproduce from the repository root:
//
//	go run ./extract/internal/train -data ../shared/polnear/train -out extract/models
//
// Training is deterministic: documents are read in sorted order and the perceptron
// shuffles with a fixed seed.
//
// For an honest figure while features and rules change, keep a fixed part of train
// out of training and score on it (dev stays for tuning):
//
//	go run ./extract/internal/train -holdout-percent 15 -holdout-dir /tmp/heldout
//	go build -o /tmp/cg ./cmd/claimgraph && /tmp/cg eval polnear /tmp/heldout
//
// To study errors without reading that part, hold out a disjoint part instead
// (-holdout-percent 15 -holdout-from 15) and run extract/internal/attriberrs on it.
//
// The committed models are trained on all of train (-holdout-percent 0).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/extract/eval"
	"github.com/claimgraph/claimgraph/extract/internal/attribml"
)

func main() {
	data := flag.String("data", "../shared/polnear/train", "PolNeAR-format training directory")
	out := flag.String("out", "extract/models", "output directory for the model files")
	cueEpochs := flag.Int("cue-epochs", 8, "perceptron epochs of the cue tagger")
	roleEpochs := flag.Int("role-epochs", 8, "perceptron epochs of the role tagger")
	stats := flag.Bool("stats", false, "print alignment statistics only")
	boundaryEpochs := flag.Int("boundary-epochs", 10, "perceptron epochs of the content boundary ranker")
	bags := flag.Int("bags", 5, "models per tagger trained on different shuffles and averaged")
	holdPct := flag.Int("holdout-percent", 0, "per cent of the documents (chosen by a hash of their names) kept out of training")
	holdFrom := flag.Int("holdout-from", 0, "first hash bucket (0-99) of the held-out part: 0 is the report part; 15 a disjoint part for error analysis")
	holdDir := flag.String("holdout-dir", "", "write the held-out documents here as a PolNeAR-format directory of links")
	flag.Parse()
	docs, err := eval.LoadGold(*data)
	if err != nil {
		log.Fatal(err)
	}
	docs, held := splitDocs(docs, *holdPct, *holdFrom)
	fmt.Fprintf(os.Stderr, "training on %d documents, %d held out\n", len(docs), len(held))
	if *holdDir != "" {
		if err := writeHeldOut(*data, *holdDir, held); err != nil {
			log.Fatal(err)
		}
	}
	var cueSeqs, roleSeqs []attribml.Seq
	var ranks []attribml.RankExample
	var st alignStats
	for _, g := range docs {
		d := extract.NewDocument(string(g.Text))
		cs, rs := trainingSequences(d, g.Attrs, &st)
		cueSeqs = append(cueSeqs, cs...)
		roleSeqs = append(roleSeqs, rs...)
		toks, _ := extract.AttributionView(d)
		ranks = append(ranks, boundaryExamples(d, toks, g.Attrs, &st)...)
	}
	fmt.Fprintf(os.Stderr, "%+v\n", st)
	if *stats {
		return
	}
	fmt.Fprintf(os.Stderr, "cue sequences %d, role sequences %d\n", len(cueSeqs), len(roleSeqs))
	prog := func(name string) func(int, int) {
		return func(ep, n int) { fmt.Fprintf(os.Stderr, "%s epoch %d: %d sequences wrong\n", name, ep, n) }
	}
	var cues, roles []*attribml.Model
	for k := 0; k < *bags; k++ {
		seed := uint64(88172645463325252) + uint64(k)*0x9E3779B97F4A7C15
		cues = append(cues, attribml.TrainSeed(attribml.CueNT, extract.CueBits, cueSeqs, *cueEpochs, seed, attribml.CueForbid, prog("cue")))
		roles = append(roles, attribml.TrainSeed(attribml.RoleNT, extract.RoleBits, roleSeqs, *roleEpochs, seed, nil, prog("role")))
	}
	cue, role := attribml.Average(cues...), attribml.Average(roles...)
	boundary := attribml.TrainRanker(attribml.BoundaryBits, ranks, *boundaryEpochs, 88172645463325252, prog("boundary"))
	for name, m := range map[string]*attribml.Model{"cue.model.gz": cue, "role.model.gz": role, "boundary.model.gz": boundary} {
		f, err := os.Create(filepath.Join(*out, name))
		if err != nil {
			log.Fatal(err)
		}
		if err := m.Write(f); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
	}
}
