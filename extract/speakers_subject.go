package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
)

// Speaker rule "unnamed subject before it or they" (fixtures in
// testdata/rules/speakers/unnamed-subject-before-a-pronoun.tsv): a source "it" or "they"
// whose own sentence opens, before it, with a subject that names no entity ("The state
// has told the High Court ... that while it agrees"), or, when the pronoun opens its
// sentence, whose previous sentence opens with one ("Lawyers representing John
// presented eight grounds. They argued ..."), refers to that subject, not to an
// organization named after it or further back (the High Court, the object of "told",
// had been taken for "it" and "they"). News continues a subject with a pronoun; the
// object of a speech verb or an earlier organization is a wrong speaker.
//
//   - "they" after a plural group noun opening the sentence ("Lawyers", "The lawyers",
//     "Local residents": lexicon/groups.txt, plural) is that group, an agent of the
//     article (named as a group source would be);
//   - "it" after "the" and a singular lowercase noun opening the sentence ("The state",
//     "The offer") has no speaker: the subject is no agent the text names, and none is
//     better than a wrong one;
//   - a subject that is an entity's mention ("The company" resolved to Boeing, "AT&T")
//     leaves the pronoun to the other rules.

// subjectBeforePronoun applies the rule to the pronoun word at pos that resolved to id
// (possibly ""): it returns the speaker to use instead and whether the rule applied.
func (r *speakerResolver) subjectBeforePronoun(word string, pos int) (string, bool) {
	p, ok := pronLex[strings.ToLower(word)]
	if !ok || (p.gender != 'n' && p.gender != 'p') {
		return "", false
	}
	ss := r.d.Sentences
	j := sort.Search(len(ss), func(i int) bool { return ss[i].End > pos })
	if j == len(ss) || ss[j].Start > pos {
		return "", false
	}
	subj := r.sentenceSubject(j)
	if len(subj) == 0 || subj[0].Start >= pos {
		// the pronoun opens its sentence: the subject it continues opens the sentence before,
		// in the same paragraph
		if j == 0 || ss[j-1].Paragraph != ss[j].Paragraph {
			return "", false
		}
		subj = r.sentenceSubject(j - 1)
	}
	if len(subj) == 0 {
		return "", false
	}
	if r.mentionAt(subj) {
		return r.continuedSubject(p.gender, subj)
	}
	switch p.gender {
	case 'p':
		if n := pluralGroupSubject(subj); n > 0 {
			head := subj[:n]
			return r.newSourceEntity(r.groupName(head), graph.KindGroup, head[0].Start, head[n-1].End, MentionNominal), true
		}
	case 'n':
		if singularDefiniteSubject(subj) {
			return "", true
		}
	}
	return "", false
}

// sentenceSubject returns the first words of sentence j (at most four), after leading
// quotation marks and punctuation and after a short opening phrase closed by a comma
// ("Today, the High Court ..."); nil when the sentence opens with a quotation.
func (r *speakerResolver) sentenceSubject(j int) []scanToken {
	s := r.d.Sentences[j]
	toks := r.tx.scan(s.Start, s.End)
	for len(toks) > 0 && toks[0].Kind == 'p' {
		toks = toks[1:]
	}
	if len(toks) == 0 || toks[0].Kind == 'q' {
		return nil
	}
	for k, t := range toks {
		if k > maxOpenerWords {
			break
		}
		if t.Text == "," {
			if opensSentenceAfterOpener(toks, toks[min(k+1, len(toks)-1)].Start) {
				toks = toks[k+1:]
			}
			break
		}
	}
	var out []scanToken
	for _, t := range toks {
		if t.Kind != 'w' || len(out) == 4 {
			break
		}
		out = append(out, t)
	}
	return out
}

// mentionAt reports whether an entity's mention (no pronoun) starts at the subject's
// first or second word.
func (r *speakerResolver) mentionAt(subj []scanToken) bool {
	end := subj[min(1, len(subj)-1)].End
	for _, m := range r.mentionsIn(subj[0].Start, end) {
		if m.Kind != MentionPronoun && m.Span.Start >= subj[0].Start && m.Span.Start < end {
			return true
		}
	}
	return false
}

// continuedSubject returns, for "it", the entity a sentence subject names when that
// entity is no person or group ("The statement accused the rebels of looting. It further
// alleged ...": the statement, resolved to its issuer, goes on speaking, not the rebels,
// the object); for other pronouns it leaves the choice to the other rules.
func (r *speakerResolver) continuedSubject(gender byte, subj []scanToken) (string, bool) {
	if gender != 'n' {
		return "", false
	}
	end := subj[min(1, len(subj)-1)].End
	for _, m := range r.mentionsIn(subj[0].Start, end) {
		if m.Kind == MentionPronoun || m.Span.Start < subj[0].Start || m.Span.Start >= end {
			continue
		}
		if e := r.entity(m.Entity); e != nil && e.Kind != graph.KindPerson && e.Kind != graph.KindGroup {
			return e.ID, true
		}
		return "", false
	}
	return "", false
}

// pluralGroupSubject returns how many words of the subject make a plural group noun
// phrase: an optional "the", at most two lowercase modifiers, and a plural group noun
// ("Lawyers", "The lawyers", "Local residents"); 0 when the subject is none.
func pluralGroupSubject(subj []scanToken) int {
	k := 0
	if subj[0].Lower == "the" {
		k = 1
	}
	for i := k; i < len(subj) && i <= k+2; i++ {
		w := subj[i]
		if i > 0 && w.Text != w.Lower {
			return 0 // a name inside: not a bare group
		}
		if n, ok := entityWords.groups[w.Lower]; ok && n == "plural" {
			return i + 1
		}
		if i == 0 && !isCapitalized(w.Text) {
			return 0
		}
	}
	return 0
}

// singularDefiniteSubject reports whether the subject opens with "the" and a lowercase
// noun that is no plural ("The state", "The offer"; not "The lawyers", "The Velmora
// Office").
func singularDefiniteSubject(subj []scanToken) bool {
	if len(subj) < 2 || subj[0].Lower != "the" {
		return false
	}
	w := subj[1]
	if w.Text != w.Lower {
		return false
	}
	if n, ok := entityWords.groups[w.Lower]; ok && n == "plural" {
		return false
	}
	return !strings.HasSuffix(w.Lower, "s") || strings.HasSuffix(w.Lower, "ss") || strings.HasSuffix(w.Lower, "us")
}

// wholeWordSource widens a source that begins inside a word of the scan to that word's
// start (rule "a source begins at its word"; fixture in
// testdata/rules/speakers/source-begins-at-its-word.tsv): the role tagger's tokens split
// "AT&T" into "AT", "&", "T" and may give "T" as the source, while the scan keeps the
// name whole. Only a split at a mark inside the word ("&", ".", "-") is widened: a source
// that begins after a letter is left as it is.
func (r *speakerResolver) wholeWordSource(a *Attribution) {
	s := a.Source.Start
	for _, t := range r.tx.scan(max(0, s-12), min(len(r.d.Runes), s+1)) {
		if t.Start < s && s < t.End && !unicode.IsLetter(r.d.Runes[s-1]) {
			w := makeSpan(r.d.Runes, t.Start, a.Source.End)
			a.Source = &w
			return
		}
	}
}

// coordinatedClauseSource applies the rule "a source after a coordinated clause"
// (fixtures in testdata/rules/speakers/source-after-a-coordinated-clause.tsv): the role
// tagger sometimes takes the object of a clause before "and" into the source ("the court
// started hearing a review of the case and State Lawyer Jane Roe said": source "a review
// of the case and State Lawyer Jane Roe"). When the source's words before its only "and"
// open with "a", "an" or "the" and a lowercase word and hold no entity's mention, and the
// words after "and" open with a capitalized word, the source is the part after "and": the
// part before is no agent coordinated with it. A part before that ends in a title, a body,
// group or person noun ("the prime minister and President Jane Roe said") is a speaker
// coordinated with the name and keeps the source whole. ok is false when the rule does not
// apply.
func (r *speakerResolver) coordinatedClauseSource(src Span, words []scanToken) (Span, bool) {
	and := -1
	for k, w := range words {
		if w.Lower == "and" {
			if and >= 0 {
				return src, false
			}
			and = k
		}
	}
	if and < 2 || and+1 >= len(words) || !isArticle(words[0].Lower) || words[1].Text != words[1].Lower ||
		!isCapitalized(words[and+1].Text) {
		return src, false
	}
	for _, w := range words[1:and] {
		if w.Kind != 'w' || (w.Text != w.Lower && w.Lower != "of") {
			return src, false // a name before "and": the two may speak together
		}
	}
	if l := words[and-1].Lower; entityWords.titles[l] || entityWords.nominals[l] || false {
		return src, false // "the prime minister and President Jane Roe said": both speak
	} else if _, ok := entityWords.groups[l]; ok {
		return src, false
	} else if _, ok := personNouns[l]; ok {
		return src, false
	}
	for _, m := range r.mentionsIn(src.Start, words[and].Start) {
		if m.Span.Start >= src.Start {
			return src, false
		}
	}
	return Span{Start: words[and+1].Start, End: src.End}, true
}
