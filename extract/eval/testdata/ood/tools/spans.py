"""Span helpers shared by the annotation scripts of the out-of-domain sets (ood/tools and
oodtune/tools): every span is found by searching an article body (code point offsets,
end exclusive), never typed by hand.
"""
import glob, os


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
