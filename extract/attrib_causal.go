package extract

import "github.com/claimgraph/claimgraph/extract/lexicon"

// Lexical cue rule "subject attributes a thing to a cause" (fixtures in
// testdata/rules/cues/subject-attributes-a-thing-to-a-cause.tsv): a speaker who
// attributes an effect to a cause makes a claim about why it happened ("Federal health
// officials attribute the outbreak to parents who refuse vaccines"; "The agency
// attributes this to significant declines in ..."; "Jane Roe, director of research at
// Acme, attributed the gains to new models"). The verb is one of
// lexicon/causal_attribution_verbs.txt in a finite active form: an object of one to
// maxAttributedThingWords words between the verb and "to" (never "attributed to"
// right after the verb: "a quote attributed to him" is a passive participle), no
// passive auxiliary before it, no infinitive "to" before it, and a base form only after
// a plural subject. The subject is read as for the other lexical cues, or is a
// capitalized name before an appositive closed by a comma ("Jane Roe, director of
// research at Acme, attributed"): the name is the source. The content is the rest of
// the sentence from the object on.

// causalAttributionVerbs are the finite forms of verbs that attribute an effect to a
// cause (lexicon/causal_attribution_verbs.txt).
var causalAttributionVerbs = lexicon.Set("causal_attribution_verbs.txt")

// maxAttributedThingWords bounds the object between the verb and "to".
const maxAttributedThingWords = 10

// maxAppositiveWords bounds the appositive between a subject's name and the verb.
const maxAppositiveWords = 14

// subjectAttributesToCause applies the rule at token i.
func subjectAttributesToCause(s *cueSentence, i int) (Attribution, bool) {
	w := s.toks[i].Lower
	if !causalAttributionVerbs[w] || i+2 >= len(s.toks) || passiveBefore(s.toks, i) || i > 0 && s.toks[i-1].Lower == "to" {
		return Attribution{}, false
	}
	if s.toks[i+1].Lower == "to" || s.toks[i+1].Kind != 'w' && s.toks[i+1].Kind != 'n' {
		return Attribution{}, false
	}
	to := -1
	for k := i + 2; k < len(s.toks) && k <= i+1+maxAttributedThingWords; k++ {
		t := s.toks[k]
		if t.Lower == "to" {
			to = k
			break
		}
		if t.Kind != 'w' && t.Kind != 'n' && t.Text != "’" && t.Text != "'" && t.Text != "-" {
			break
		}
	}
	if to < 0 || to+1 >= len(s.toks) {
		return Attribution{}, false
	}
	src, ok := s.subjectBeforeVerb(i, false)
	if !ok {
		src, ok = s.nameBeforeAppositive(i)
	}
	if !ok {
		return Attribution{}, false
	}
	if baseVerbForm(w) {
		var subj []scanToken
		for _, t := range s.toks {
			if t.Start >= src.Start && t.End <= src.End {
				subj = append(subj, t)
			}
		}
		if len(subj) == 0 || !pluralSubject(subj) {
			return Attribution{}, false // "the heat attribute": no finite verb after a singular head
		}
	}
	content, ok := s.restOfSentence(i+1, 3)
	if !ok {
		return Attribution{}, false
	}
	return s.attribution(i, src, content), true
}

// baseVerbForm reports whether a verb of the list is its base form (neither -s nor
// -ed).
func baseVerbForm(w string) bool {
	n := len(w)
	return !(n > 1 && w[n-1] == 's') && !(n > 2 && w[n-2:] == "ed")
}

// nameBeforeAppositive returns the capitalized name that opens the clause of the verb
// at toks[i] when an appositive closed by a comma stands between them ("Jane Roe,
// director of research at Acme, attributed"): two to five capitalized words (name
// particles inside), a comma, at most maxAppositiveWords words with no quotation mark,
// clause word or figure-free punctuation, and the comma before the verb.
func (s *cueSentence) nameBeforeAppositive(i int) (Span, bool) {
	if i < 4 || s.toks[i-1].Text != "," {
		return Span{}, false
	}
	a := lexicalClauseStart(s.toks)
	if a < 0 {
		return Span{}, false
	}
	c := -1
	for k := i - 2; k > a && k >= i-2-maxAppositiveWords; k-- {
		t := s.toks[k]
		if t.Text == "," {
			c = k
			break
		}
		if t.Kind != 'w' && t.Kind != 'n' && t.Text != ":" && t.Text != "’" && t.Text != "'" && t.Text != "-" {
			return Span{}, false
		}
		if t.Text == t.Lower && clauseWords[t.Lower] {
			return Span{}, false // "Roe, who ...," is the relative aside's rule
		}
	}
	if c < 0 || c-a < 2 || c-a > 5 {
		return Span{}, false
	}
	for k := a; k < c; k++ {
		t := s.toks[k]
		if t.Kind != 'w' || !(isCapitalized(t.Text) || lowercaseNameParticles[t.Text] && k > a && k < c-1) || sentenceStarters[t.Lower] && k == a {
			return Span{}, false
		}
	}
	return Span{Start: s.toks[a].Start, End: s.toks[c-1].End}, true
}
