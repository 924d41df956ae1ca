package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Elliptical denials (rule counterclaim-ellipsis, test sentences in
// testdata/rules/disputes/counterclaim-ellipsis.tsv): a sentence that is nothing but a
// subject and a negated auxiliary ("It didn't.", "She hadn't.", "He had not, in fact.")
// right after a speaker's claim whose subject it repeats and whose auxiliary it negates
// ("Fiorina said she had seen the video. She hadn't.") states the contrary of that
// claim. Outside any quotation it is the article's own voice (Disputer ArticleVoice);
// inside a statement, its speaker's. The claim must be in the sentence before, said by
// someone (not the article): a speaker's, or the content of an attribution whose
// speaker went unresolved ("…, said the former executive, suggesting that she had seen
// such a video. She hadn't.": the article disputes what was said, whoever said it), open with the same pronoun or with a name for "it"/"they",
// and carry the auxiliary that the ellipsis negates ("had" for "hadn't"; "did" stands
// for any past verb), so that "It didn't." after "the plant would close" is left alone.

// counterclaimEllipsisRule is the rule of elliptical denials.
var counterclaimEllipsisRule = &disputeRule{name: "counterclaim-ellipsis", shape: graph.ShapeCounterclaim}

// ellipsisAux maps a negated auxiliary, without "n't" or "not", to the auxiliaries of
// the claim it answers ("did" answers any past tense: "the deal was on" / "It wasn't").
var ellipsisAux = lexiconForms("ellipsis_auxiliaries.txt")

// ellipses finds the elliptical denials of the document.
func (f *disputeFinder) ellipses() {
	for si := 1; si < len(f.sents); si++ {
		s := f.sents[si]
		if s.End-s.Start > 40 {
			continue
		}
		toks := f.r.tx.scan(s.Start, s.End)
		subj, aux, ok := ellipsis(toks)
		if !ok {
			continue
		}
		c := f.answeredClaim(si, subj, aux)
		if c == nil {
			continue
		}
		disputer := ArticleVoice
		if a := f.attributionHolding(toks[0].Start); a != nil {
			if a.Speaker == nil {
				continue // a quotation nobody is named for: no disputer
			}
			disputer = *a.Speaker
		}
		id := c.ID
		cue := scanToken{Text: toks[0].Text, Start: toks[0].Start, End: s.End}
		for cue.End > cue.Start && strings.ContainsRune(".!\"”’' ", f.d.Runes[cue.End-1]) {
			cue.End--
		}
		f.coord = f.coord[:0]
		f.emitOne(graph.DisputeContradicts, disputer, counterclaimEllipsisRule, ruleMatch{claim: &id}, cue, s)
	}
}

// ellipsis reads a sentence "[But|In fact,] SUBJ AUX-NEG [actually|really|in fact]."
// and returns the subject (lowercased) and the auxiliary without its negation.
func ellipsis(toks []scanToken) (string, string, bool) {
	var ws []string
	for _, t := range toks {
		if t.Kind == 'w' {
			ws = append(ws, t.Lower)
		}
	}
	for len(ws) > 0 && (ws[0] == "but" || ws[0] == "in" || ws[0] == "fact" || ws[0] == "actually") {
		ws = ws[1:]
	}
	for len(ws) > 0 {
		last := ws[len(ws)-1]
		if last != "actually" && last != "really" && last != "fact" && last != "in" {
			break
		}
		ws = ws[:len(ws)-1]
	}
	switch {
	case len(ws) == 2 && strings.HasSuffix(ws[1], "n't"):
		aux := strings.TrimSuffix(ws[1], "n't")
		switch aux {
		case "wo":
			aux = "will"
		case "ca":
			aux = "can"
		}
		_, ok := ellipsisAux[aux]
		return ws[0], aux, ok && subjectWord(ws[0])
	case len(ws) == 3 && (ws[2] == "not" || ws[2] == "never"):
		_, ok := ellipsisAux[ws[1]]
		return ws[0], ws[1], ok && subjectWord(ws[0])
	}
	return "", "", false
}

// subjectWord reports whether w can be an ellipsis's subject: a personal pronoun.
func subjectWord(w string) bool {
	switch w {
	case "he", "she", "it", "they":
		return true
	}
	return false
}

// answeredClaim returns the claim of the sentence before si that an ellipsis with
// subject subj and auxiliary aux negates, or nil.
func (f *disputeFinder) answeredClaim(si int, subj, aux string) *Claim {
	prev := f.sents[si-1]
	var found *Claim
	for k := range f.d.Claims {
		c := &f.d.Claims[k]
		if c.Speaker == nil && c.Origin != "attribution" || c.Span.Start < prev.Start || c.Span.End > prev.End || isReferenceClaim(c) {
			continue
		}
		ws := graph.Words(c.Text)
		if len(ws) < 3 || !ellipsisSubjectFits(ws[0], subj) || !ellipsisAuxFits(ws, aux) {
			continue
		}
		found = c
	}
	return found
}

// ellipsisSubjectFits: the same pronoun, or "it"/"they" for a claim that opens with
// anything but a personal pronoun of a person ("Ford", "the deal").
func ellipsisSubjectFits(first, subj string) bool {
	if first == subj {
		return true
	}
	if subj == "it" || subj == "they" {
		return first != "he" && first != "she" && first != "i" && first != "we" && first != "you"
	}
	return false
}

// ellipsisAuxFits: the claim carries the auxiliary, or for "did"/"does" a verb of its
// own (any claim of three words or more has one).
func ellipsisAuxFits(ws []string, aux string) bool {
	forms := ellipsisAux[aux]
	if forms == nil {
		return true
	}
	for _, w := range ws[1:min(len(ws), 4)] {
		for _, x := range forms {
			if w == x || strings.HasSuffix(w, x) && strings.HasPrefix(x, "'") {
				return true
			}
		}
	}
	return false
}
