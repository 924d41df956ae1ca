#!/usr/bin/env python3
"""Builds the explicit21 dispute files from spec.jsonl (spans found, never typed).

Usage (from the repository root):

    python3 extract/eval/disputes/testdata/explicit21/build.py ../shared/polnear

Each spec line is a line of the parent directory's spec format (see ../build.py) with a
"half" field (tune or unseen). Writes disputes_tune.jsonl and disputes_unseen.jsonl;
cases of shape "none" are written into the same files (the file scorer counts them as
annotated non-disputes, not gold).
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import build as parent  # noqa: E402


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "../shared/polnear"
    out = {"tune": [], "unseen": []}
    with open(os.path.join(HERE, "spec.jsonl"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            spec = json.loads(line)
            half = spec.pop("half")
            _, case = parent.build(corpus, spec, "tune")  # train articles
            out[half].append(case)
    for half, cases in out.items():
        n = {}
        for c in cases:
            n[c["doc"]] = n.get(c["doc"], 0) + 1
            c["id"] = ("n" if c["shape"] == "none" else "d") + str(n[c["doc"]])
        with open(os.path.join(HERE, f"disputes_{half}.jsonl"), "w", encoding="utf-8") as f:
            for c in cases:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
        print(half, len(cases), "cases", file=sys.stderr)


if __name__ == "__main__":
    main()
