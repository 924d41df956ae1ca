#!/usr/bin/env python3
"""Builds the dispute annotation files from the hand-written specs.

Usage (from the repository root):

    python3 extract/eval/testdata/disputes/build.py ../shared/polnear

Reads spec/*.jsonl in this directory. A spec line names the document, the shape, the
disputer form and the texts of the disputer, cue, claim (and other claim) exactly as they
are written in the article; it carries no offsets. This script finds each text in the
article and writes the offsets, so no offset is ever typed by hand:

  - the cue is looked for inside "at" (a string that occurs exactly once in the
    article; the cue itself when "at" is absent);
  - the disputer, claim and other claim are looked for inside "disputer_at",
    "claim_at", "other_at" when given (each must occur once), else the occurrence
    nearest to the cue is taken;
  - "ref" (with "ref_at") is the name a pronoun or nominal disputer refers to
    ("he" -> "Mr. Hannity"), written as disputer_ref and disputer_ref_span;
  - a claim of null means the claim is not in the text (claim_text then says what it
    is) and claim_span is null.

Articles are read as Python's text mode does (universal newlines), offsets are in code
points, end exclusive. Output: disputes_tune.jsonl (PolNeAR train articles),
disputes_report.jsonl (dev articles), disputes_check.jsonl (train articles not in
tune), negatives_SPLIT.jsonl (shape "none"); the split is the spec file's name
(spec/tune.jsonl, spec/report.jsonl, spec/check.jsonl). Every span is checked against
the text before writing; a review line per case goes to stderr.
"""
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHAPES = {"inline", "anaphoric", "relative", "rebuttal", "accusation", "counterclaim", "figures", "none"}
FORMS = {"name", "nominal", "pronoun", "metonym", "group"}


NORM = {0xA0: " ", 0x2009: " ", 0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"'}


def norm(s):
    """s with no-break spaces, curly quotes and apostrophes made plain, one code point
    for one, so offsets in norm(text) are offsets in text."""
    return s.translate(NORM)


def find_all(text, sub):
    text, sub = norm(text), norm(sub)
    out, i = [], text.find(sub)
    while i >= 0:
        out.append(i)
        i = text.find(sub, i + 1)
    return out


def unique(text, sub, what, doc):
    occ = find_all(text, sub)
    if len(occ) != 1:
        raise SystemExit(f"{doc}: {what} {sub!r} occurs {len(occ)} times")
    return occ[0]


def locate(text, sub, at, near, what, doc):
    """Span of sub: inside the unique occurrence of at, else nearest to near."""
    if at:
        base = unique(text, at, what + "_at", doc)
        k = norm(at).find(norm(sub))
        if k < 0:
            raise SystemExit(f"{doc}: {what} {sub!r} not inside {at!r}")
        return [base + k, base + k + len(sub)]
    occ = find_all(text, sub)
    if not occ:
        raise SystemExit(f"{doc}: {what} {sub!r} not found")
    best = min(occ, key=lambda s: (abs(s - near), s))
    return [best, best + len(sub)]


# The PolNeAR part each split's articles come from: the spec file spec/SPLIT.jsonl
# gives the split. tune and check are both train articles (check: documents not in
# tune, a check set measured once and never tuned on); report is dev.
SPLIT_PART = {"tune": "train", "check": "train", "report": "dev"}


def split_of(corpus, doc, split):
    """The article's path, checked to be in the PolNeAR part of split."""
    part = SPLIT_PART.get(split)
    if part is None:
        raise SystemExit(f"spec/{split}.jsonl: unknown split (one of {sorted(SPLIT_PART)})")
    path = os.path.join(corpus, part, "text", doc + ".txt")
    if not os.path.exists(path):
        raise SystemExit(f"{doc}: article not found in PolNeAR {part} (split {split})")
    return split, path


def build(corpus, spec, split):
    doc = spec["doc"]
    split, path = split_of(corpus, doc, split)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    shape = spec["shape"]
    if shape not in SHAPES:
        raise SystemExit(f"{doc}: bad shape {shape}")
    cs = spec["cue"]
    cue = locate(text, cs, spec.get("at") or (cs if "at" not in spec else None), 0, "cue", doc)
    out = {"doc": doc, "id": "", "shape": shape}
    dis = spec.get("disputer")
    if not dis and not spec.get("note", "").startswith("the article"):
        raise SystemExit(f"{doc}: a case without a disputer needs a note saying the article disputes")
    if dis:
        if spec["form"] not in FORMS:
            raise SystemExit(f"{doc}: bad form {spec['form']}")
        sp = locate(text, dis, spec.get("disputer_at"), cue[0], "disputer", doc)
        out["disputer"] = text[sp[0]:sp[1]]
        out["disputer_span"] = sp
        out["disputer_form"] = spec["form"]
        if spec.get("ref"):
            sp = locate(text, spec["ref"], spec.get("ref_at"), cue[0], "ref", doc)
            out["disputer_ref"] = text[sp[0]:sp[1]]
            out["disputer_ref_span"] = sp
    out["cue"] = text[cue[0]:cue[1]]
    out["cue_span"] = cue
    claim = spec.get("claim")
    if claim:
        sp = locate(text, claim, spec.get("claim_at"), cue[0], "claim", doc)
        out["claim"] = text[sp[0]:sp[1]]
        out["claim_span"] = sp
    else:
        out["claim"] = spec["claim_text"]
        out["claim_span"] = None
    if spec.get("other"):
        sp = locate(text, spec["other"], spec.get("other_at"), cue[0], "other", doc)
        out["other_claim"] = text[sp[0]:sp[1]]
        out["other_claim_span"] = sp
    if spec.get("note"):
        out["note"] = spec["note"]
    for k in ("disputer", "disputer_ref", "cue", "claim", "other_claim"):
        sp = out.get(k + "_span")
        if sp is not None and text[sp[0]:sp[1]] != out[k]:
            raise SystemExit(f"{doc}: {k} span mismatch")
    return split, out


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "../shared/polnear"
    files, docs, owner = {}, {}, {}
    for fn in sorted(glob.glob(os.path.join(HERE, "spec", "*.jsonl"))):
        split = os.path.splitext(os.path.basename(fn))[0]
        with open(fn, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                try:
                    spec = json.loads(line)
                except json.JSONDecodeError as e:
                    raise SystemExit(f"{fn}:{n}: {e}")
                if owner.setdefault(spec["doc"], split) != split:
                    raise SystemExit(f"{fn}:{n}: {spec['doc']} is already in split {owner[spec['doc']]}")
                if set(spec) == {"doc"}:
                    docs.setdefault(split_of(corpus, spec["doc"], split)[0], set()).add(spec["doc"])
                    continue
                _, case = build(corpus, spec, split)
                docs.setdefault(split, set()).add(case["doc"])
                kind = "negatives" if case["shape"] == "none" else "disputes"
                files.setdefault(f"{kind}_{split}.jsonl", []).append(case)
    for name, cases in sorted(files.items()):
        cases.sort(key=lambda c: (c["doc"], c["cue_span"][0], c.get("disputer_span", [0])[0]))
        per = {}
        for c in cases:
            per[c["doc"]] = per.get(c["doc"], 0) + 1
            c["id"] = ("n" if c["shape"] == "none" else "d") + str(per[c["doc"]])
            cl = (c["claim"] or "")[:60]
            print(f"{name} {c['doc'][:40]} {c['id']} {c['shape']}: [{c.get('disputer')}] <{c['cue']}> {cl!r}", file=sys.stderr)
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            for c in cases:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
        print(f"{name}: {len(cases)} cases, {len(per)} documents", file=sys.stderr)
    for split, names in sorted(docs.items()):
        with open(os.path.join(HERE, f"documents_{split}.txt"), "w", encoding="utf-8") as f:
            f.write("# Articles annotated exhaustively for disputes (PolNeAR file stems); built by build.py.\n")
            for n in sorted(names):
                f.write(n + "\n")
        print(f"documents_{split}.txt: {len(names)} documents", file=sys.stderr)


if __name__ == "__main__":
    main()
