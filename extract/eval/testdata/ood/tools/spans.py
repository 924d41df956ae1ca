"""Span helpers shared by the annotation scripts of the out-of-domain sets (ood, oodtune,
oodtune2, oodtune3 and ooddisp): every span is found by searching an article body (code
point offsets, end exclusive), never typed by hand. Facts builds the facts.jsonl records
the fact sets share, so that each script holds only its annotations.
"""
import glob, json, os


def read_body(path):
    """The body of an article file: the text after the closing "---" of its front matter."""
    data = open(path, encoding="utf-8", newline="").read()
    assert data.startswith("---\n"), path
    end = data.index("\n---\n", 4)
    return data[end + len("\n---\n"):]


def read_bodies(directory):
    """The bodies of the *.md articles of directory (README.md aside), by article id."""
    return {os.path.basename(p)[:-3]: read_body(p)
            for p in sorted(glob.glob(os.path.join(directory, "*.md"))) if os.path.basename(p) != "README.md"}


def locate(bodies, doc, text, anchor=None):
    """The span of the one occurrence of text in doc's body (inside anchor, when given)."""
    b = bodies[doc]
    base = 0
    if anchor:
        assert b.count(anchor) == 1, (doc, "anchor", anchor, b.count(anchor))
        base = b.index(anchor)
        seg = anchor
    else:
        seg = b
    n = seg.count(text)
    assert n == 1, (doc, text, n)
    s = base + seg.index(text)
    return [s, s + len(text)]


def near(bodies, doc, text, span):
    """The occurrence of text in the same paragraph as span, nearest to it."""
    if text is None:
        return None
    b = bodies[doc]
    ps = b.rfind("\n", 0, span[0]) + 1
    pe = b.find("\n", span[1]);  pe = len(b) if pe < 0 else pe
    best = None
    i = b.find(text, ps)
    while 0 <= i and i + len(text) <= pe:
        d = abs(i - span[0])
        if best is None or d < best[0]:
            best = (d, i)
        i = b.find(text, i + 1)
    assert best, (doc, "not near", text, b[ps:pe][:80])
    return [best[1], best[1] + len(text)]


def after(bodies, doc, text, span):
    """The first occurrence of text after span in the same paragraph: for a speaker named
    after a quotation that also contains the name ("'So far, the SEC has ...,' the SEC said")."""
    b = bodies[doc]
    pe = b.find("\n", span[1]);  pe = len(b) if pe < 0 else pe
    i = b.find(text, span[1])
    assert 0 <= i and i + len(text) <= pe, (doc, "not after", text)
    return [i, i + len(text)]


def write_jsonl(path, records):
    """Writes records to path, one JSON object a line, UTF-8 unescaped."""
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


class Facts:
    """The must-find facts of one set, in the order its script declares them (format in
    ood/README.md). aliases maps a speaker to the other names it goes by; a fact keeps
    those its article uses."""

    def __init__(self, directory, aliases=None):
        self.directory = directory
        self.body = read_bodies(directory)
        self.aliases = aliases or {}
        self.records = []

    def locate(self, doc, text, anchor=None):
        return locate(self.body, doc, text, anchor)

    def near(self, doc, text, span):
        return near(self.body, doc, text, span)

    def F(self, doc, claim, speaker="", mention=None, cue=None, value=None, unit=None, qualifier=None,
          counted=None, anchor=None, mention_after=False):
        """Declares one fact: claim (searched in doc, inside anchor when given) said by
        speaker, named there as mention (the occurrence nearest the claim in its paragraph,
        or the first after it with mention_after) with cue, and its figure."""
        cs = self.locate(doc, claim, anchor)
        n = sum(1 for f in self.records if f["doc"] == doc) + 1
        ms = None if mention is None else (after(self.body, doc, mention, cs) if mention_after else self.near(doc, mention, cs))
        self.records.append({"doc": doc, "id": "f%d" % n, "speaker": speaker,
            "speaker_span": ms, "cue": cue or "", "cue_span": self.near(doc, cue, cs),
            "speaker_aliases": [a for a in self.aliases.get(speaker, []) if a in self.body[doc]],
            "claim": claim, "claim_span": cs, "value": value, "unit": unit, "qualifier": qualifier, "counted": counted})

    def write(self):
        """Writes facts.jsonl next to the articles and prints the count per article."""
        from collections import Counter
        write_jsonl(os.path.join(self.directory, "facts.jsonl"), self.records)
        print(len(self.records), "facts", Counter(f["doc"] for f in self.records))
