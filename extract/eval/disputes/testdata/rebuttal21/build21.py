#!/usr/bin/env python3
"""Builds the rebuttal21 annotation files from spec/tune.jsonl and spec/unseen.jsonl.

Usage (from the repository root):

    python3 extract/eval/disputes/testdata/rebuttal21/build21.py ../shared/polnear

The specs follow the format of ../build.py (which does the work); both halves are
PolNeAR train articles. Output: disputes_tune.jsonl, disputes_unseen.jsonl,
negatives_tune.jsonl, negatives_unseen.jsonl, documents_tune.txt, documents_unseen.txt.
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("build", os.path.join(HERE, "..", "build.py"))
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)
build.HERE = HERE
build.SPLIT_PART = {"tune": "train", "unseen": "train"}

if __name__ == "__main__":
    build.main()
