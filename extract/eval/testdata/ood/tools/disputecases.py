"""The dispute-case builder that the out-of-domain dispute sets' annotate.py scripts share
(ooddisp to ooddisp4): cases in the shared dispute format of
extract/eval/disputes/testdata/README.md, every span searched in the article body
(code point offsets, end exclusive), never typed by hand.
"""
import spans


class DisputeCases:
    """The dispute cases of one set, over the bodies read by spans.read_bodies."""

    def __init__(self, bodies):
        self.bodies = bodies
        self.cases = []

    def within(self, doc, text, sent):
        """The span of text inside the unique anchor sent (the sentence of the dispute)."""
        return spans.locate(self.bodies, doc, text, sent)

    def before(self, doc, text, pos):
        """The occurrence of text nearest before code point pos: the referent of a pronoun
        or nominal disputer."""
        i = self.bodies[doc].rfind(text, 0, pos)
        assert i >= 0, (doc, "no referent before", text)
        return [i, i + len(text)]

    def add(self, doc, shape, disputer, form, cue, claim, sent, claim_in=None, ref=None, other=None,
            other_in=None, claim_text=None, disputer_in=None, note=""):
        """One dispute case. sent is a unique anchor holding the disputer and the cue;
        claim is searched inside claim_in (a unique anchor) or, when that is None, inside
        sent; claim=None with claim_text gives a claim that the text does not state
        (claim_span null). other (counterclaim and figures) is searched inside other_in or
        sent; the disputer inside disputer_in when the dispute spans two sentences
        (figures)."""
        n = sum(1 for c in self.cases if c["doc"] == doc) + 1
        c = {"doc": doc, "id": "d%d" % n, "shape": shape}
        if disputer is not None:
            ds = self.within(doc, disputer, disputer_in or sent)
            c.update({"disputer": disputer, "disputer_span": ds, "disputer_form": form})
            if ref:
                c.update({"disputer_ref": ref, "disputer_ref_span": self.before(doc, ref, ds[0])})
        c.update({"cue": cue, "cue_span": self.within(doc, cue, sent)})
        if claim is None:
            c.update({"claim": claim_text, "claim_span": None})
        else:
            c.update({"claim": claim, "claim_span": self.within(doc, claim, claim_in or sent)})
        if other is not None:
            c.update({"other_claim": other, "other_claim_span": self.within(doc, other, other_in or sent)})
        if note:
            c["note"] = note
        self.cases.append(c)

    def write_halves(self, out, tune, unseen):
        """Checks that every article has a case and stands in exactly one half (tune or
        unseen, fixed before annotation), marks each case with its half, writes
        disputes.jsonl and disputes_tune.jsonl / disputes_unseen.jsonl into out, and prints
        the cases of each half by shape."""
        import json, os
        for c in self.cases:
            assert c["doc"] in tune or c["doc"] in unseen, c["doc"]
            c["half"] = "tune" if c["doc"] in tune else "unseen"
        with open(os.path.join(out, "disputes.jsonl"), "w", encoding="utf-8") as f:
            for c in self.cases:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
        for half, docs in (("tune", tune), ("unseen", unseen)):
            with open(os.path.join(out, "disputes_%s.jsonl" % half), "w", encoding="utf-8") as f:
                for c in self.cases:
                    if c["doc"] in docs:
                        f.write(json.dumps(c, ensure_ascii=False) + "\n")
        missing = sorted(set(self.bodies) - {c["doc"] for c in self.cases})
        assert not missing, ("articles without a case", missing)
        assert sorted(tune + unseen) == sorted(self.bodies), "every text in exactly one half"
        for half in ("tune", "unseen"):
            shapes = {}
            for c in self.cases:
                if c["half"] == half:
                    shapes[c["shape"]] = shapes.get(c["shape"], 0) + 1
            print("%s: %d cases: %s" % (half, sum(shapes.values()), ", ".join("%s %d" % kv for kv in sorted(shapes.items()))))
