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
// shuffles with a fixed seed. The features read names and words of reporting by the
// vocabulary the committed models were trained with (extract/models/vocabulary.txt),
// not by the current lexicons (extract/models/boundary.vocabulary.txt for the boundary
// ranker), so the command above gives the committed models byte for byte as long as
// the training examples are those recorded in extract/models/training.sum (make
// retrain-check: TestTrainingExamplesUnchanged and TestRetrainGivesCommittedModels,
// with CG_RETRAIN_CHECK=1). To let lexicon
// changes reach the models, retrain with -vocabulary lexicons, which writes the new
// vocabulary beside them, and keep the result only if it scores as well.
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
	"bytes"
	"flag"
	"fmt"
	"io"
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
	o := defaultOptions()
	flag.IntVar(&o.cueEpochs, "cue-epochs", o.cueEpochs, "perceptron epochs of the cue tagger")
	flag.IntVar(&o.roleEpochs, "role-epochs", o.roleEpochs, "perceptron epochs of the role tagger")
	stats := flag.Bool("stats", false, "print alignment statistics only")
	flag.IntVar(&o.boundaryEpochs, "boundary-epochs", o.boundaryEpochs, "perceptron epochs of the content boundary ranker")
	flag.IntVar(&o.bags, "bags", o.bags, "models per tagger trained on different shuffles and averaged")
	holdPct := flag.Int("holdout-percent", 0, "per cent of the documents (chosen by a hash of their names) kept out of training")
	holdFrom := flag.Int("holdout-from", 0, "first hash bucket (0-99) of the held-out part: 0 is the report part; 15 a disjoint part for error analysis")
	holdDir := flag.String("holdout-dir", "", "write the held-out documents here as a PolNeAR-format directory of links")
	vocab := flag.String("vocabulary", "models", "vocabulary of the features: \"models\" (extract/models/vocabulary.txt and boundary.vocabulary.txt, the ones the committed models were trained with: a retrain gives them byte for byte) or \"lexicons\" (rebuilt from the current lexicons, to let their changes reach the models)")
	verbClasses := flag.Bool("verb-classes", false, "replace the vocabulary's verb classes with those of the current lexicon/verb_classes.txt, keeping its other words (with -vocabulary models: let new verb classes reach the cue tagger without the other lexicon changes)")
	flag.Parse()
	switch *vocab {
	case "models":
		o.vocabulary, o.boundaryVocabulary = extract.ModelVocabulary(), extract.BoundaryVocabulary()
	case "lexicons":
		o.vocabulary = attribml.LexiconVocabulary()
		o.boundaryVocabulary = o.vocabulary
	default:
		log.Fatalf("-vocabulary %q: want models or lexicons", *vocab)
	}
	if *verbClasses {
		o.vocabulary = o.vocabulary.WithLexiconVerbClasses()
	}
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
	o.statsOnly = *stats
	o.progress = os.Stderr
	files, err := trainModels(docs, o)
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(*out, f.name), f.data, 0o644); err != nil {
			log.Fatalf("write %s (is -out %s a writable directory?): %v", f.name, *out, err)
		}
	}
}

// options are the trainer's settings.
type options struct {
	cueEpochs, roleEpochs, boundaryEpochs, bags int
	vocabulary                                  *attribml.Vocabulary // of the cue and role taggers
	boundaryVocabulary                          *attribml.Vocabulary // of the boundary ranker
	statsOnly                                   bool
	progress                                    io.Writer // where training progress goes; nil for none
}

// defaultOptions are the settings the committed models are trained with.
func defaultOptions() options {
	return options{cueEpochs: 8, roleEpochs: 8, boundaryEpochs: 10, bags: 5}
}

// modelFile is one file of the model directory.
type modelFile struct {
	name string
	data []byte
}

// trainModels trains the cue and role taggers and the boundary ranker on docs with the
// features of vocabularies o.vocabulary (taggers) and o.boundaryVocabulary (ranker)
// and returns the files of the model directory: the three models and the two
// vocabularies, and the digest of what they were trained on (training.sum), in a
// fixed order. The same documents and options
// give the same bytes (TestTrainingIsDeterministic). With o.statsOnly it returns no
// files after printing the alignment statistics.
func trainModels(docs []eval.Doc, o options) ([]modelFile, error) {
	logf := func(format string, args ...any) {
		if o.progress != nil {
			fmt.Fprintf(o.progress, format, args...)
		}
	}
	ex := trainingExamples(docs, o)
	logf("%+v\n", ex.stats)
	if o.statsOnly {
		return nil, nil
	}
	cueSeqs, roleSeqs, ranks := ex.cues, ex.roles, ex.ranks
	logf("cue sequences %d, role sequences %d\n", len(cueSeqs), len(roleSeqs))
	prog := func(name string) func(int, int) {
		return func(ep, n int) { logf("%s epoch %d: %d sequences wrong\n", name, ep, n) }
	}
	var cues, roles []*attribml.Model
	for k := 0; k < o.bags; k++ {
		seed := uint64(88172645463325252) + uint64(k)*0x9E3779B97F4A7C15
		cues = append(cues, attribml.TrainSeed(attribml.CueNT, extract.CueBits, cueSeqs, o.cueEpochs, seed, attribml.CueForbid, prog("cue")))
		roles = append(roles, attribml.TrainSeed(attribml.RoleNT, extract.RoleBits, roleSeqs, o.roleEpochs, seed, nil, prog("role")))
	}
	cue, role := attribml.Average(cues...), attribml.Average(roles...)
	boundary := attribml.TrainRanker(attribml.BoundaryBits, ranks, o.boundaryEpochs, 88172645463325252, prog("boundary"))
	var files []modelFile
	for _, m := range []struct {
		name  string
		model *attribml.Model
	}{{"cue.model.gz", cue}, {"role.model.gz", role}, {"boundary.model.gz", boundary}} {
		var b bytes.Buffer
		if err := m.model.Write(&b); err != nil {
			return nil, fmt.Errorf("encode %s: %w", m.name, err)
		}
		files = append(files, modelFile{m.name, b.Bytes()})
	}
	for _, v := range []struct {
		name  string
		vocab *attribml.Vocabulary
	}{{"vocabulary.txt", o.vocabulary}, {"boundary.vocabulary.txt", o.boundaryVocabulary}} {
		var b bytes.Buffer
		if err := v.vocab.Write(&b); err != nil {
			return nil, fmt.Errorf("encode %s: %w", v.name, err)
		}
		files = append(files, modelFile{v.name, b.Bytes()})
	}
	files = append(files, modelFile{sumFile, ex.sum(o)})
	return files, nil
}
