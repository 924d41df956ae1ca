package main

import (
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"

	"github.com/claimgraph/claimgraph/extract/eval"
)

// heldOut reports whether the document named name belongs to the part of the
// training directory kept out of training when percent per cent are held out,
// starting at hash bucket from (0 for the report part; another offset gives a disjoint
// analysis part, so that errors can be studied without reading the report part). The
// choice hashes the name (FNV-1a) into 100 buckets, so it is fixed across runs and
// machines and does not depend on which other documents the directory holds.
func heldOut(name string, percent, from int) bool {
	if percent <= 0 {
		return false
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return (int(h.Sum32()%100)-from+100)%100 < percent
}

// splitDocs separates docs into those trained on and those held out.
func splitDocs(docs []eval.Doc, percent, from int) (train, held []eval.Doc) {
	for _, d := range docs {
		if heldOut(d.Name, percent, from) {
			held = append(held, d)
		} else {
			train = append(train, d)
		}
	}
	return train, held
}

// writeHeldOut makes dir a PolNeAR-format directory of the held-out documents of the
// directory data, as symbolic links to their text and first annotation file, so that
// `claimgraph eval polnear dir` scores a model trained without them.
func writeHeldOut(data, dir string, held []eval.Doc) error {
	absData, err := filepath.Abs(data)
	if err != nil {
		return fmt.Errorf("held-out split: resolve %s: %w", data, err)
	}
	for _, sub := range []string{"text", "attributions"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return fmt.Errorf("held-out split: create %s (choose a writable -holdout-dir): %w", dir, err)
		}
	}
	for _, d := range held {
		ann := d.AnnFile
		links := [][2]string{
			{filepath.Join(absData, "text", d.Name+".txt"), filepath.Join(dir, "text", d.Name+".txt")},
			{filepath.Join(absData, "attributions", ann), filepath.Join(dir, "attributions", ann)},
		}
		for _, l := range links {
			if err := os.Remove(l[1]); err != nil && !os.IsNotExist(err) {
				return fmt.Errorf("held-out split: replace %s: %w", l[1], err)
			}
			if err := os.Symlink(l[0], l[1]); err != nil {
				return fmt.Errorf("held-out split: link %s: %w", l[1], err)
			}
		}
	}
	return nil
}
