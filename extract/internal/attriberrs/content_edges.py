#!/usr/bin/env python3
"""Count where predicted content spans depart from gold ones, by the words between.

usage: content_edges.py GOLD_DIR PRED_JSONL [N [CLASS ...]]
  GOLD_DIR and PRED_JSONL as for shared/tools/score_attrib.py (write the predictions
  with `claimgraph eval polnear -json-out PRED_JSONL GOLD_DIR`).

Contents are compared as the reference scorer compares them (edges trimmed of spaces,
quotation marks and . , : ;, regardless of relations). Each predicted content that
matches no gold content is paired with the unmatched gold content it overlaps most and
counted under the side where it departs and the first two words between the two
boundaries: "START+ to" (the prediction starts earlier, with "to"), "END- , which …"
(it stops before ", which …"), or "fragments" (same outer ends, other pieces). It
prints the N commonest classes of each side, and for each CLASS named, its examples.
A development tool (content21): it ranks the boundary conventions worth a rule; a
class is only worth one if the gold contents of train follow it in one direction.
"""
import glob, json, os, sys
from collections import Counter, defaultdict

TRIM = ' \t\n\r"“”‘’\'.,:;'


def key(text, frags):
    out = []
    for s, e in frags:
        while s < e and text[s] in TRIM:
            s += 1
        while e > s and text[e - 1] in TRIM:
            e -= 1
        if s < e:
            out.append((s, e))
    return tuple(out)


def load_gold(d):
    """Map document name to (text, set of content keys)."""
    gold = {}
    for ann in sorted(glob.glob(os.path.join(d, "attributions", "*.ann"))):
        name = os.path.basename(ann).rsplit("_", 1)[0]
        text = open(os.path.join(d, "text", name + ".txt"), encoding="utf-8").read()
        spans, rels = {}, []
        for line in open(ann, encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith("T"):
                p = line.split("\t")
                h = p[1].split(" ", 1) if len(p) > 1 else []
                if len(h) == 2:
                    spans[p[0]] = [tuple(map(int, f.split())) for f in h[1].split(";")]
            elif line.startswith("E"):
                rels.append(dict(x.split(":", 1) for x in line.split("\t")[1].split()[1:]))
        keys = gold.setdefault(name, (text, set()))[1]
        for r in rels:
            if "Cue" in r and r.get("Content") in spans:
                keys.add(key(text, spans[r["Content"]]))
    return gold


def words(s):
    w = s.replace("\n", "¶").split()
    return " ".join(w[:2]) + (" …" if len(w) > 2 else "")


def main():
    gold = load_gold(sys.argv[1])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    starts, ends, ex = Counter(), Counter(), defaultdict(list)
    tp = npred = 0
    for line in open(sys.argv[2]):
        o = json.loads(line)
        name = os.path.basename(o["path"])[:-4]
        if name not in gold:
            continue
        text, gs = gold[name]
        ps = set()
        for a in o["attributions"]:
            c = a["content"]
            ps.add(key(text, [tuple(f) for f in (c.get("fragments") or [[c["start"], c["end"]]])]))
        ps.discard(())
        tp += len(ps & gs)
        npred += len(ps)
        for p in ps - gs:
            best, bo = None, 0
            for g in gs - ps:
                ov = min(p[-1][1], g[-1][1]) - max(p[0][0], g[0][0])
                if g and ov > bo:
                    best, bo = g, ov
            if not best:
                continue
            g = best
            if p[0][0] == g[0][0] and p[-1][1] == g[-1][1]:
                ends["fragments"] += 1
                continue
            if p[0][0] != g[0][0]:
                lo, hi = sorted((p[0][0], g[0][0]))
                k = ("START+ " if p[0][0] < g[0][0] else "START- ") + words(text[lo:hi])
                starts[k] += 1
                ex[k].append(text[max(0, lo - 40):hi + 40])
            if p[-1][1] != g[-1][1]:
                lo, hi = sorted((p[-1][1], g[-1][1]))
                k = ("END+ " if p[-1][1] > g[-1][1] else "END- ") + words(text[lo:hi])
                ends[k] += 1
                ex[k].append(text[max(0, lo - 50):hi + 30])
    ngold = sum(len(gs) for _, gs in gold.values())
    print("exact %d of %d predicted, %d gold: F1 %.3f" % (tp, npred, ngold, 2 * tp / max(1, npred + ngold)))
    for c in (starts, ends):
        for k, v in c.most_common(n):
            print(v, k)
    for k in sys.argv[4:]:
        print("==", k)
        for e in ex[k][:25]:
            print("   ", e.replace("\n", "¶"))


if __name__ == "__main__":
    main()
