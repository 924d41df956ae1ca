package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// Lexical cues: attributions that the cue tagger (a model trained on PolNeAR's 2016 US
// politics) misses in news of other domains, read by rule from the verb classes of
// lexicon/lexical_cues.txt. Each rule is a named value with test sentences in
// testdata/rules/cues/NAME.tsv (TestCueRuleFixtures). A rule fires only where the model
// found no cue on the same verb, and only after a subject that reads as a noun
// phrase (subjectBefore): the clause's first words, a name, a pronoun, or a noun of
// lexicon/groups.txt or of the nominal bodies ("the government"). The source, cue
// and content it gives go through the same cleaning, content rules and speaker
// resolution as the model's.

// lexicalCueConfidence is the confidence of an attribution a lexical rule found: the
// rules are narrow patterns, but no model scored them.
const lexicalCueConfidence = 0.8

// Word classes of the lexical cue rules (lexicon/lexical_cues.txt).
var (
	lexicalCueClasses = lexicon.Classes("lexical_cues.txt")
	thatVerbs         = lexicalCueClasses.Class("that_verb")
	cueSayVerbs       = lexicalCueClasses.Class("say_verb")
	figureVerbs       = lexicalCueClasses.Class("figure_verb")
	documentVerbs     = lexicalCueClasses.Class("document_verb")
	updateVerbs       = lexicalCueClasses.Class("update_verb")
	documentNouns     = lexicalCueClasses.Class("document_noun")
	introWords        = lexicalCueClasses.Class("intro_word")
	tellVerbs         = lexicalCueClasses.Class("tell_verb")
	accordingWords    = lexicalCueClasses.Class("according_word")
	showVerbs         = lexicalCueClasses.Class("show_verb")
	hearerNouns       = lexicalCueClasses.Class("hearer_noun")
	subjectSkip       = lexicalCueClasses.Class("subject_skip")
	// postposedAdjunctOpeners open the adjunct that may follow a postposed cue ("said in a
	// statement", "said on Thursday", "told Reuters by phone").
	postposedAdjunctOpeners = lexicalCueClasses.Class("adjunct_opener")
)

// clauseWords are the lowercase words that never stand inside a subject noun phrase:
// verbs of being and auxiliaries, complementizers, relative pronouns and
// subordinators. A run before a verb that holds one is no subject.
var clauseWords = lexicon.Set("clause_words.txt") // lexicon/clause_words.txt

// cueSentence is one sentence as the lexical rules read it.
type cueSentence struct {
	d    *Document
	toks []scanToken
	span Span
}

// cueRule is a named lexical cue rule: given the sentence and the index of a verb of
// one of its classes, it returns the attribution it reads, if any.
type cueRule struct {
	name string
	find func(s *cueSentence, i int) (Attribution, bool)
}

// cueRules are tried in this order at each verb; the first that reads an attribution
// wins.
var cueRules = []cueRule{
	// "the government assures that there is a downward trend"; "Jane Roe also asserts
	// that the deficit is not the only cause"
	{"subject verb that", subjectVerbThat},
	// "the government said 1,250 people died"
	{"subject says clause", subjectSaysClause},
	// "the government has reported 1,250 deaths"; "aid groups report hundreds dead"
	{"subject reports figure", subjectReportsFigure},
	// "the ministry published a list of 7,028 people"
	{"subject publishes document", subjectPublishesDocument},
	// "authorities updated the death toll to 6,957"
	{"subject updates toll", subjectUpdatesToll},
	// "Men were shot, witnesses told Reuters, describing ..."
	{"postposed subject tells", postposedSubjectTells},
	// "The quake killed 1,293 people, the ministry said in a press release."
	{"postposed subject says adjunct", postposedSubjectSaysAdjunct},
	// "Four people died, the Kyodo news agency reported early Tuesday, citing ..."
	{"postposed subject says participle", postposedSaysParticiple},
	// "Following the attacks, Ryder said, the assessment is that ..."
	{"parenthetical says", parentheticalSays},
	// "As per the UN agency, 50 children were killed."; "..., as per the ministry."
	{"as per source", asPerSource},
	// "Figures from the UN humanitarian office show 1.7 million people have fled."
	{"document shows clause", documentShowsClause},
	// "Provisional data shows about 87,000 deaths in 2024."; "Figures from the agency estimate a 12 percent fall."
	{"document shows a figure", documentShowsFigure}, // attrib_docfigure.go
	// "The insurer estimated losses at $2 billion."; "Police put the toll at 40."
	{"subject puts a figure on a thing", subjectPutsFigure}, // attrib_valuation.go
	// "16 people were killed, the latest data from the Disaster Management Centre showed."
	{"postposed document shows", postposedDocumentShows},
	// "16,819 cases were reported this year, a Directorate General of Health Services press release said on Tuesday."
	{"postposed document says", postposedDocumentSays}, // attrib_docsays.go
	// "OPEC kept its forecast unchanged, projecting an increase of 1.3 million bpd."
	{"participle of a forecast with a figure", participleForecastsFigure}, // attrib_forecastparticiple.go
	// "Employers added 136,000 jobs — the most since May — the government said on Friday."
	{"postposed subject says after a dash", postposedSaysAfterDash}, // attrib_dashsays.go
	// "A total of 321,179 cases were recorded last year by DGHS."
	{"passive figure verb by a named agent", passiveFigureByAgent}, // attrib_passiveby.go
	// "“Cruz could win in a landslide,” Viguerie concludes."
	{"postposed subject says after a quotation", postposedSaysAfterQuotation}, // attrib_quotesays.go
	// "Many Republicans fear the party will split."; "Clinton believes that …"
	{"subject believes clause", subjectBelievesClause}, // attrib_belief.go
	// "Instead, it states in its statement that it is waiting for more evidence."
	{"subject verb in a speech event that", subjectVerbInEventThat}, // attrib_speechevent.go
	// "Federal health officials attribute the outbreak to parents who refuse vaccines."
	{"subject attributes a thing to a cause", subjectAttributesToCause}, // attrib_causal.go
	// "Jane Roe defrauded her customers, a New York jury found after a five-week trial."
	{"postposed court finds", postposedCourtFinds}, // attrib_courtfinds.go
	// "Revenue fell short of the estimate of $9.17 billion, as shared by LSEG analysts."
	{"as reported by source", asReportedBySource}, // attrib_asby.go
}

// lexicalAttributions returns the attributions the lexical rules read in the
// sentences of d, on verbs that no attribution in d already has as its cue.
func lexicalAttributions(d *Document) []Attribution {
	var cueMask []bool // the code points of the model's cues
	taken := func(s, e int) bool {
		if cueMask == nil {
			cueMask = make([]bool, len(d.Runes))
			for i := range d.Attributions {
				for _, f := range spanFragments(d.Attributions[i].Cue) {
					for x := max(0, f[0]); x < min(f[1], len(cueMask)); x++ {
						cueMask[x] = true
					}
				}
			}
		}
		for x := s; x < e; x++ {
			if cueMask[x] {
				return true
			}
		}
		return false
	}
	tx := scanTextOf(d)
	var quoted []bool // inside a quotation the speech is the quoted speaker's: the model's to read
	var out []Attribution
	for _, sp := range sentenceSpans(d) {
		if sp.End-sp.Start > maxLexicalSentence || !spanHasToken(d, sp, func(t *Token) bool { return lexicalTriggerVerb(t.Lower) }) {
			continue
		}
		if quoted == nil {
			if tx.quoteMask == nil {
				tx.quoteMask = quoteMaskOf(d) // shared with the speaker and dispute stages
			}
			quoted = tx.quoteMask
		}
		s := &cueSentence{d: d, toks: tx.scan(sp.Start, sp.End), span: sp}
		for i := range s.toks {
			if s.toks[i].Text != s.toks[i].Lower || !lexicalTriggerVerb(s.toks[i].Lower) || taken(s.toks[i].Start, s.toks[i].End) || quoted[s.toks[i].Start] {
				continue
			}
			for _, r := range cueRules {
				if a, ok := r.find(s, i); ok {
					a.Confidence = lexicalCueConfidence
					a.Sentence = sp
					out = append(out, a)
					break
				}
			}
		}
	}
	return out
}

// maxLexicalSentence bounds the sentences (in code points) the lexical rules read:
// news sentences are shorter, and the rules scan a sentence once per verb.
const maxLexicalSentence = 1200

// lexicalCueVerb reports whether w is a verb of one of the rules' classes.
func lexicalCueVerb(w string) bool {
	return thatVerbs[w] || cueSayVerbs[w] || figureVerbs[w] || documentVerbs[w] || updateVerbs[w] || tellVerbs[w] || accordingWords[w] || showVerbs[w]
}

// lexicalTriggerVerb reports whether the rules are tried at the verb w: a verb of
// lexicalCueVerb's classes or of the classes of rules that read only their own frame
// (quote_verb, belief_verb, estimate_verb, valuation_verb), which stay out of lexicalCueVerb so that they change no other rule's
// subjects.
func lexicalTriggerVerb(w string) bool {
	return lexicalCueVerb(w) || forecastParticiples[w] || quotationVerbs[w] || beliefVerbs[w] || figureEstimateVerbs[w] || valuationVerbs[w] || causalAttributionVerbs[w] || verdictVerbs[w] || asByParticiples[w]
}

// lexicalClauseStart returns the index of the first token of the clause that opens the
// sentence: after leading punctuation, after an opening "But", "And" or "Yet", and
// after an introductory phrase closed by a comma ("In neighbouring Syria, ...";
// "Meanwhile, ..."). A sentence that opens with a quotation mark is quoted speech,
// the model's to read: -1.
func lexicalClauseStart(toks []scanToken) int {
	k := 0
	for k < len(toks) && toks[k].Kind != 'w' && toks[k].Kind != 'n' {
		if toks[k].Kind == 'q' {
			return -1
		}
		k++
	}
	if e := wireDatelineEnd(toks, k); e > 0 {
		k = e // "WASHINGTON (Reuters) - Data from ... show ...": the clause follows the dateline
	}
	if k < len(toks) && (toks[k].Lower == "but" || toks[k].Lower == "and" || toks[k].Lower == "yet") {
		k++
	}
	if k < len(toks) && introWords[toks[k].Lower] || k < len(toks) && strings.HasSuffix(toks[k].Lower, "ly") && toks[k].Kind == 'w' {
		for j := k + 1; j < len(toks) && j < k+12; j++ {
			if toks[j].Text == "," {
				return j + 1
			}
			if toks[j].Kind == 'q' || toks[j].Text == ";" || toks[j].Text == ":" {
				break
			}
		}
	}
	return k
}

// skipBeforeVerb returns the index of the last token of the subject before the verb
// at toks[i]: past adverbs and auxiliaries ("also", "has", "repeatedly").
func skipBeforeVerb(toks []scanToken, i int) int {
	k := skipDayAdjunct(toks, i-1) // "authorities on Monday reported" (attrib_subject_adjunct.go)
	i = k + 1
	for k >= 0 && i-k <= 3 && toks[k].Kind == 'w' && (subjectSkip[toks[k].Lower] || strings.HasSuffix(toks[k].Lower, "ly") && toks[k].Text == toks[k].Lower && len(toks[k].Lower) > 4) {
		k--
	}
	return k
}

// maxSubjectWords bounds the subjects the lexical rules accept.
const maxSubjectWords = 8

// nounPhraseSubject reports whether toks[a:b] reads as a subject noun phrase: one to
// maxSubjectWords words and possessive marks, no punctuation but the apostrophes and
// hyphens inside words, no clause word, and a head (its last word) that is a name, a
// pronoun of the subject form, or a noun of the group, nominal, title or spokesperson
// lists ("officials", "the government", "the mayor", "a military spokesman").
func nounPhraseSubject(toks []scanToken, a, b int) bool {
	if a < 0 || b <= a || b-a > maxSubjectWords {
		return false
	}
	for k := a; k < b; k++ {
		t := toks[k]
		if t.Kind != 'w' && t.Kind != 'n' {
			return false
		}
		if t.Text == t.Lower && (clauseWords[t.Lower] || lexicalCueVerb(t.Lower) && k > a) {
			return false
		}
		if k > a && t.Kind == 'n' && !isYear(t) {
			return false // "the poll of 1,042 Ohio": a figure inside is an object's
		}
		if k > a && (t.Lower == "the" || t.Lower == "a" || t.Lower == "an") && !determinerJoins[toks[k-1].Lower] {
			return false // "Quinnipiac conducted the poll": a verb and its object
		}
	}
	head := toks[b-1]
	if head.Kind != 'w' {
		return false
	}
	if p, ok := pronLex[head.Lower]; ok {
		return b-a == 1 && p.gender != 'x' && head.Lower != "him" && head.Lower != "her" && head.Lower != "them" && head.Lower != "it"
	}
	if head.Text != head.Lower {
		return isCapitalized(head.Text) && !sentenceStarters[head.Lower]
	}
	_, group := entityWords.groups[head.Lower]
	return group || entityWords.nominals[head.Lower] || entityWords.titles[head.Lower] || spokespersonNouns[head.Lower]
}

// determinerJoins are the words after which an article may stand inside a subject
// ("Aid groups and the UN", "the head of the agency").
var determinerJoins = attributionWordClass("determiner_join")

// subjectBefore returns the span of the subject of the verb at toks[i]: the words
// from the clause's start to the verb (past adverbs and auxiliaries), when they read
// as a noun phrase.
func (s *cueSentence) subjectBefore(i int) (Span, bool) {
	return s.subjectBeforeVerb(i, true)
}

// subjectBeforeVerb is subjectBefore; baseCheck refuses a base-form verb after a
// singular head ("Trump tweet that ...": a noun compound). A document subject's
// head comes first ("Figures from the office show"), so documentShowsClause checks
// its plural itself.
func (s *cueSentence) subjectBeforeVerb(i int, baseCheck bool) (Span, bool) {
	k := skipBeforeVerb(s.toks, i)
	a := lexicalClauseStart(s.toks)
	if a < 0 {
		return Span{}, false
	}
	for c := k; c > a; c-- {
		if s.toks[c].Text == "," {
			// "Hours after the statement, the ministry published ...": the subject
			// follows the last comma before the verb
			a = c + 1
			if a < k && (s.toks[a].Lower == "but" || s.toks[a].Lower == "and" || s.toks[a].Lower == "yet") {
				a++
			}
			break
		}
	}
	if a < k && s.toks[a].Lower == "as" {
		a++ // "..., as the agency reported 41 new cases": the clause after "as" has the subject
	}
	if !nounPhraseSubject(s.toks, a, k+1) {
		return Span{}, false
	}
	if baseCheck && k == i-1 && baseForm(s.toks[i].Lower) && !pluralSubject(s.toks[a:k+1]) {
		return Span{}, false // "Trump tweet that ...": a noun compound, no verb
	}
	return Span{Start: s.toks[a].Start, End: s.toks[k].End}, true
}

// baseForm reports whether the verb w is a base form of its class: its third-person
// form ("say" → "says", "publish" → "publishes", "tally" → "tallies") is listed too.
func baseForm(w string) bool {
	third := []string{w + "s", w + "es"}
	if strings.HasSuffix(w, "y") {
		third = append(third, strings.TrimSuffix(w, "y")+"ies")
	}
	for _, x := range third {
		if lexicalCueVerb(x) {
			return true
		}
	}
	return false
}

// pluralSubject reports whether a subject is plural, so that a base-form verb can
// follow it: coordinated ("Aid groups and the UN"), a plural pronoun, a plural group
// noun or a lowercase plural head.
func pluralSubject(subj []scanToken) bool {
	for _, t := range subj {
		if t.Lower == "and" {
			return true
		}
	}
	head := subj[len(subj)-1]
	switch head.Lower {
	case "we", "they", "i", "you":
		return true
	}
	if n, ok := entityWords.groups[head.Lower]; ok {
		return n == "plural"
	}
	return head.Text == head.Lower && isPluralNoun(head.Lower)
}

// passiveBefore reports whether a form of "be" stands right before the verb at
// toks[i] ("was reported", "has been updated"): a passive has no speaker subject.
func passiveBefore(toks []scanToken, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch toks[k].Lower {
		case "is", "are", "was", "were", "be", "been", "being":
			return true
		}
	}
	return false
}

// restOfSentence returns the span from toks[j] to the sentence's last token that
// does not close it (a final period, comma or colon is left to the content rules; a
// percent sign, bracket or quotation mark stays), or false when fewer than minWords
// words remain.
func (s *cueSentence) restOfSentence(j, minWords int) (Span, bool) {
	last, words := -1, 0
	for k := j; k < len(s.toks); k++ {
		switch t := s.toks[k]; {
		case t.Kind == 'w' || t.Kind == 'n':
			last = k
			words++
		case strings.Contains(".!?,;:…", t.Text):
		default:
			last = k
		}
	}
	if words < minWords || last < 0 {
		return Span{}, false
	}
	return Span{Start: s.toks[j].Start, End: s.toks[last].End}, true
}

// attribution builds an attribution of cue toks[i], source src and content.
func (s *cueSentence) attribution(i int, src, content Span) Attribution {
	source := src
	return Attribution{Cue: Span{Start: s.toks[i].Start, End: s.toks[i].End}, Source: &source, Content: content}
}

// subjectVerbThat reads "SUBJECT [also] VERB that CLAUSE".
func subjectVerbThat(s *cueSentence, i int) (Attribution, bool) {
	if !thatVerbs[s.toks[i].Lower] || i+2 >= len(s.toks) || s.toks[i+1].Lower != "that" || passiveBefore(s.toks, i) {
		return Attribution{}, false
	}
	if clauseWords[s.toks[i+2].Lower] {
		return Attribution{}, false // "states that will hold": a relative clause, "states" a noun
	}
	return s.fromSubject(i, i+1, 3)
}

// clauseOpeners may open a clause reported without "that": determiners, subject
// pronouns and quantifiers ("said the talks failed", "said 1,250 people died", "said
// he would stay"); names open one too.
var clauseOpeners = attributionWordClass("clause_opener")

// subjectSaysClause reads "SUBJECT said CLAUSE" without "that" (say, says, said
// only: after "wrote" or "added" the same words are an object): the clause opens with
// a determiner, a subject pronoun, a number or a name.
func subjectSaysClause(s *cueSentence, i int) (Attribution, bool) {
	if w := s.toks[i].Lower; (w != "said" && w != "says" && w != "say") || i+1 >= len(s.toks) || passiveBefore(s.toks, i) {
		return Attribution{}, false // "wrote the letter", "added 1 million jobs": objects, not clauses
	}
	next := s.toks[i+1]
	if !(clauseOpeners[next.Lower] || next.Kind == 'n' || next.Kind == 'w' && isCapitalized(next.Text)) {
		return Attribution{}, false
	}
	return s.fromSubject(i, i+1, 3)
}

// figureWithin reports whether a figure (digits, a number word or a vague plural such
// as "hundreds") stands among the first n tokens from toks[j], before any comma.
func (s *cueSentence) figureWithin(j, n int) bool {
	for k := j; k < len(s.toks) && k < j+n; k++ {
		t := s.toks[k]
		if t.Text == "," || t.Text == ";" || t.Kind == 'q' {
			return false
		}
		if t.Kind == 'n' && !isYear(t) {
			return true
		}
		if t.Kind == 'w' {
			if _, ok := vaguePlurals[t.Lower]; ok && t.Lower != "tens" {
				return true
			}
			if _, ok := numberWord(t.Lower); ok && t.Lower != "one" && t.Text == t.Lower {
				return true
			}
		}
	}
	return false
}

// opensObject reports whether t can open the object of a figure verb: a number, an
// article or possessive, or a number word or qualifier ("The FEC report covering
// ..." has a participle after "report", which is a noun there).
func opensObject(t scanToken) bool {
	if t.Kind == 'n' {
		return true
	}
	if _, ok := numberWord(t.Lower); ok {
		return true
	}
	if _, ok := vaguePlurals[t.Lower]; ok {
		return true
	}
	if _, ok := quantityWords.qualifiers[t.Lower]; ok {
		return true
	}
	switch t.Lower {
	case "the", "a", "an", "its", "their", "his", "her", "another", "at", "more", "nearly", "almost", "new":
		return true
	}
	return false
}

// subjectReportsFigure reads "SUBJECT [has] reported FIGURE ...": a figure verb whose
// object holds a figure within its first words.
func subjectReportsFigure(s *cueSentence, i int) (Attribution, bool) {
	if !figureVerbs[s.toks[i].Lower] || i+1 >= len(s.toks) || passiveBefore(s.toks, i) || !s.figureWithin(i+1, 6) || !opensObject(s.toks[i+1]) {
		return Attribution{}, false
	}
	return s.fromSubject(i, i+1, 2)
}

// subjectPublishesDocument reads "SUBJECT published a list of FIGURE ...": a document
// verb whose object opens with a document noun (after a determiner and up to two
// modifiers) and holds a figure.
func subjectPublishesDocument(s *cueSentence, i int) (Attribution, bool) {
	if !documentVerbs[s.toks[i].Lower] || passiveBefore(s.toks, i) {
		return Attribution{}, false
	}
	n := -1
	for k := i + 1; k < len(s.toks) && k <= i+4; k++ {
		if documentNouns[s.toks[k].Lower] {
			n = k
			break
		}
		if s.toks[k].Kind != 'w' && s.toks[k].Kind != 'n' {
			break
		}
	}
	if n < 0 || !s.figureWithin(n+1, 6) {
		return Attribution{}, false
	}
	return s.fromSubject(i, i+1, 3)
}

// subjectUpdatesToll reads "SUBJECT updated the death toll to FIGURE": an update verb,
// a toll or figure noun within four words, then "to" or "at" and a figure.
func subjectUpdatesToll(s *cueSentence, i int) (Attribution, bool) {
	if !updateVerbs[s.toks[i].Lower] || passiveBefore(s.toks, i) {
		return Attribution{}, false
	}
	n := -1
	for k := i + 1; k < len(s.toks) && k <= i+5; k++ {
		if tollNouns[s.toks[k].Lower] || documentNouns[s.toks[k].Lower] {
			n = k
			break
		}
		if s.toks[k].Kind != 'w' {
			break
		}
	}
	if n < 0 || n+1 >= len(s.toks) || (s.toks[n+1].Lower != "to" && s.toks[n+1].Lower != "at") || !s.figureWithin(n+2, 3) {
		return Attribution{}, false
	}
	return s.fromSubject(i, i+1, 3)
}

// commaSubjectBefore returns the span of a subject between a comma and the verb at
// toks[i] (past adverbs and auxiliaries) and the comma's index.
func (s *cueSentence) commaSubjectBefore(i int) (Span, int, bool) {
	k := skipBeforeVerb(s.toks, i)
	c := k
	for c >= 0 && k-c < maxSubjectWords && s.toks[c].Text != "," {
		c--
	}
	if c < 1 || s.toks[c].Text != "," || !nounPhraseSubject(s.toks, c+1, k+1) {
		return Span{}, 0, false
	}
	return Span{Start: s.toks[c+1].Start, End: s.toks[k].End}, c, true
}

// postposedSubjectTells reads "CONTENT, SUBJECT told HEARER[,.]" and "CONTENT, SUBJECT
// said[,.]": the content is the sentence before the comma (at least three words), the
// hearer an optional article and then capitalized words or a hearer noun
// ("reporters", "the newspaper").
func postposedSubjectTells(s *cueSentence, i int) (Attribution, bool) {
	end, ok := s.postposedCueEnd(i)
	if !ok || end < len(s.toks) && s.toks[end].Text != "," && s.toks[end].Text != "." {
		return Attribution{}, false
	}
	return s.postposedAttribution(i)
}

// postposedSubjectSaysAdjunct reads "CONTENT, SUBJECT said ADJUNCT." and "CONTENT,
// SUBJECT told HEARER ADJUNCT.": as postposedSubjectTells, but a prepositional or time
// adjunct runs from the verb (or hearer) to the sentence's end ("..., the ministry said
// in a press release.", "..., the WHO said in a report on Thursday.", "..., Fifa said
// in its annual report published on Thursday."). The adjunct holds words and numbers
// only: a comma or quotation mark in it means more than an adjunct follows.
func postposedSubjectSaysAdjunct(s *cueSentence, i int) (Attribution, bool) {
	end, ok := s.postposedCueEnd(i)
	if !ok || end >= len(s.toks) || !postposedAdjunctOpeners[s.toks[end].Lower] {
		return Attribution{}, false
	}
	if !s.wordsToEnd(end) {
		return Attribution{}, false
	}
	return s.postposedAttribution(i)
}

// postposedSaysParticiple reads "CONTENT, SUBJECT said [ADJUNCT], PARTICIPLE ..." and
// "CONTENT, SUBJECT told HEARER [ADJUNCT], PARTICIPLE ...", also with a verb of
// reporting that takes a that-clause ("..., the Kyodo news agency reported early
// Tuesday, citing authorities in the prefecture", "..., a camp leader told AFP,
// requesting anonymity"): a participle clause after a postposed report says how it was
// made; the content is the sentence before the subject, as for postposedSubjectTells.
// The adjunct holds words and numbers only.
func postposedSaysParticiple(s *cueSentence, i int) (Attribution, bool) {
	end, ok := s.postposedCueEnd(i)
	if !ok {
		if !thatVerbs[s.toks[i].Lower] {
			return Attribution{}, false
		}
		end = i + 1
	}
	k := end
	if k < len(s.toks) && postposedAdjunctOpeners[s.toks[k].Lower] {
		for k < len(s.toks) && (s.toks[k].Kind == 'w' || s.toks[k].Kind == 'n') {
			k++
		}
	}
	if k+1 >= len(s.toks) || s.toks[k].Text != "," || !participleWord(s.toks[k+1]) {
		return Attribution{}, false
	}
	return s.postposedAttribution(i)
}

// participleWord reports whether t is a lowercase present participle ("citing",
// "requesting", "adding").
func participleWord(t scanToken) bool {
	return t.Kind == 'w' && t.Text == t.Lower && len(t.Text) > 5 && strings.HasSuffix(t.Text, "ing")
}

// postposedCueEnd returns the index after the cue at toks[i] of a postposed
// attribution and its hearer: a tell verb needs its hearer (an optional article, then
// capitalized words or a hearer noun), a say verb stands alone; ok is false for other
// verbs.
func (s *cueSentence) postposedCueEnd(i int) (int, bool) {
	w := s.toks[i].Lower
	end := i + 1
	switch {
	case tellVerbs[w] && w != "assure" && w != "assures" && w != "assured":
		if end < len(s.toks) && (s.toks[end].Lower == "the" || s.toks[end].Lower == "a" || s.toks[end].Lower == "an") {
			end++
		}
		first := end
		for end < len(s.toks) && end <= i+5 && s.toks[end].Kind == 'w' && isCapitalized(s.toks[end].Text) {
			end++
		}
		if end == first && end < len(s.toks) && hearerNouns[s.toks[end].Lower] {
			end++
		}
		if e := speechEventHearer(s.toks, i+1); end == first && e > 0 {
			end = e // "told a cabinet meeting" (attrib_eventhearer.go)
		}
		if end == first {
			return 0, false
		}
	case cueSayVerbs[w], s.postposedPlainSay(i): // "..., they add." (attrib_postposedadd.go)
	default:
		return 0, false
	}
	return end, true
}

// contentBeforeComma returns the content of a postposed cue: the sentence before the
// comma at toks[c], from its first word, when it has at least three words and is not
// quoted.
func (s *cueSentence) contentBeforeComma(c int) (Span, bool) {
	first := 0
	for first < c && s.toks[first].Kind != 'w' && s.toks[first].Kind != 'n' {
		first++
	}
	words := 0
	for k := first; k < c; k++ {
		if s.toks[k].Kind == 'w' || s.toks[k].Kind == 'n' {
			words++
		}
	}
	if words < 3 || inQuotesRun(s.toks, first, c) {
		return Span{}, false
	}
	return Span{Start: s.toks[first].Start, End: s.toks[c-1].End}, true
}

// postposedAttribution builds the attribution of a postposed cue at toks[i]: the
// subject between the last comma and the verb is the source, the sentence before that
// comma (at least three words, not quoted) the content.
func (s *cueSentence) postposedAttribution(i int) (Attribution, bool) {
	src, c, ok := s.commaSubjectBefore(i)
	if !ok {
		return Attribution{}, false
	}
	content, ok := s.contentBeforeComma(c)
	if !ok {
		return Attribution{}, false
	}
	return s.attribution(i, src, content), true
}

// inQuotesRun reports whether a quotation mark stands in toks[a:b]: a quoted content
// before the comma is the model's to read.
func inQuotesRun(toks []scanToken, a, b int) bool {
	for k := a; k < b; k++ {
		if toks[k].Kind == 'q' && toks[k].Text != "’" && toks[k].Text != "'" {
			return true
		}
	}
	return false
}

// parentheticalSays reads "PART, SUBJECT said, PART": the content is both parts.
func parentheticalSays(s *cueSentence, i int) (Attribution, bool) {
	if !cueSayVerbs[s.toks[i].Lower] || i+1 >= len(s.toks) || s.toks[i+1].Text != "," {
		return Attribution{}, false
	}
	src, c, ok := s.commaSubjectBefore(i)
	if !ok {
		return Attribution{}, false
	}
	after, ok := s.restOfSentence(i+2, 3)
	if !ok {
		return Attribution{}, false
	}
	first := 0
	for first < c && s.toks[first].Kind != 'w' && s.toks[first].Kind != 'n' {
		first++
	}
	if first >= c || inQuotesRun(s.toks, first, c) {
		return Attribution{}, false
	}
	content := Span{Start: s.toks[first].Start, End: after.End,
		Fragments: [][2]int{{s.toks[first].Start, s.toks[c-1].End}, {after.Start, after.End}}}
	return s.attribution(i, src, content), true
}

// maxAsPerSource bounds the words of the source of "as per".
const maxAsPerSource = 12

// asPerSource reads "As per SOURCE, CONTENT." and "CONTENT, as per SOURCE.": the
// phrase "as per" (lexical_cues.txt according_word after "as") works as "according
// to". Opening the clause, its source runs to the next comma (at most
// maxAsPerSource words, no quotation mark) and the content is the rest; after a
// comma, the content is the sentence before the comma and the source runs to the
// sentence's end.
func asPerSource(s *cueSentence, i int) (Attribution, bool) {
	if !accordingWords[s.toks[i].Lower] || i < 1 || s.toks[i-1].Lower != "as" {
		return Attribution{}, false
	}
	cue := Span{Start: s.toks[i-1].Start, End: s.toks[i].End}
	open := 0
	for open < len(s.toks) && s.toks[open].Kind != 'w' && s.toks[open].Kind != 'n' {
		if s.toks[open].Kind == 'q' {
			return Attribution{}, false // quoted speech is the model's to read
		}
		open++
	}
	if w := s.toks[open].Lower; (w == "but" || w == "and" || w == "yet") && open+1 < i-1 {
		open++
	}
	if i-1 == open {
		c := i + 1
		for c < len(s.toks) && c <= i+1+maxAsPerSource && s.toks[c].Text != "," {
			if s.toks[c].Kind == 'q' {
				return Attribution{}, false
			}
			c++
		}
		if c >= len(s.toks) || s.toks[c].Text != "," || c == i+1 {
			return Attribution{}, false
		}
		content, ok := s.restOfSentence(c+1, 3)
		if !ok {
			return Attribution{}, false
		}
		src := Span{Start: s.toks[i+1].Start, End: s.toks[c-1].End}
		return Attribution{Cue: cue, Source: &src, Content: content}, true
	}
	if i < 3 || s.toks[i-2].Text != "," || inQuotesRun(s.toks, 0, i-2) && !scareQuotesOnly(s.toks, 0, i-2) {
		return Attribution{}, false
	}
	srcSpan, ok := s.restOfSentence(i+1, 1)
	if !ok {
		return Attribution{}, false
	}
	first := 0
	for first < i-2 && s.toks[first].Kind != 'w' && s.toks[first].Kind != 'n' {
		first++
	}
	if first >= i-2 {
		return Attribution{}, false
	}
	return Attribution{Cue: cue, Source: &srcSpan, Content: Span{Start: s.toks[first].Start, End: s.toks[i-3].End}}, true
}

// documentShowsClause reads "DOCUMENT [from|by ORG] shows CLAUSE": a show verb
// (lexical_cues.txt show_verb) whose subject opens, after an optional determiner or
// modifier, with a document or data noun (lexicon/document_nouns.txt,
// lexicon/data_nouns.txt: "Figures from the UN office show", "Data released by the
// agency showed", "The ministry's records indicate"), and whose clause opens with a
// figure, a determiner or a pronoun (clauseOpeners) or "that". The speaker stage finds
// the author in the subject (documentAuthor).
func documentShowsClause(s *cueSentence, i int) (Attribution, bool) {
	if !showVerbs[s.toks[i].Lower] || i+1 >= len(s.toks) || passiveBefore(s.toks, i) {
		return Attribution{}, false
	}
	next := s.toks[i+1]
	if !(next.Lower == "that" || clauseOpeners[next.Lower] || next.Kind == 'n') {
		return Attribution{}, false
	}
	src, ok := s.subjectBeforeVerb(i, false)
	if !ok {
		return Attribution{}, false
	}
	doc := false
	for _, t := range s.toks {
		if t.Start < src.Start {
			continue
		}
		if t.Start >= src.End || t.Start > src.Start+40 {
			break
		}
		if l := t.Lower; t.Kind == 'w' && (authorDocumentNouns[l] || dataNouns[l]) {
			doc = true
			break
		}
	}
	if !doc {
		return Attribution{}, false
	}
	from := i + 1
	if next.Lower == "that" {
		from = i + 2
	}
	content, ok := s.restOfSentence(from, 3)
	if !ok {
		return Attribution{}, false
	}
	return s.attribution(i, src, content), true
}

// fromSubject ends the rules whose content is the rest of the sentence: the verb at i
// with its subject as source and the sentence from the content arguments on (see
// restOfSentence) as content.
func (s *cueSentence) fromSubject(i, from, minWords int) (Attribution, bool) {
	src, ok := s.subjectBefore(i)
	if !ok {
		return Attribution{}, false
	}
	content, ok := s.restOfSentence(from, minWords)
	if !ok {
		return Attribution{}, false
	}
	return s.attribution(i, src, content), true
}

// maxDocumentSubject bounds the postposed document subjects postposedDocumentShows
// reads ("a report by the International Renewable Energy Agency (IRENA)"): longer
// than a speaker's subject, as the author's name is part of it.
const maxDocumentSubject = 14

// documentSubjectBefore reads the shape of a postposed document cue at i ("CONTENT,
// SUBJECT VERB[ ADJUNCT]."), for postposedDocumentShows and postposedDocumentSays:
// after the verb, nothing or an adjunct that opens with an adjunct opener (or a
// calendar word, when weekdays is set) and runs on in words and numbers to the
// sentence end; before it, back to a comma at c, a subject of at most
// maxDocumentSubject words, numbers and brackets (none of them a clause word, when
// noClause is set: "..., which the report said" has no subject). ok is false when the
// sentence has another shape.
func (s *cueSentence) documentSubjectBefore(i int, weekdays, noClause bool) (c int, ok bool) {
	if end := i + 1; end < len(s.toks) && s.toks[end].Text != "." {
		if l := s.toks[end].Lower; !postposedAdjunctOpeners[l] && !(weekdays && calendarWords[l]) {
			return 0, false
		}
		for k := end; k < len(s.toks); k++ {
			if t := s.toks[k]; t.Kind != 'w' && t.Kind != 'n' && !(k == len(s.toks)-1 && t.Text == ".") {
				return 0, false
			}
		}
	}
	c = i - 1
	for c >= 0 && i-c <= maxDocumentSubject && s.toks[c].Text != "," {
		t := s.toks[c]
		if t.Kind != 'w' && t.Kind != 'n' && t.Text != "(" && t.Text != ")" {
			return 0, false
		}
		if noClause && t.Text == t.Lower && clauseWords[t.Lower] {
			return 0, false
		}
		c--
	}
	if c < 1 || s.toks[c].Text != "," || c+1 >= i {
		return 0, false
	}
	return c, true
}

// postposedDocumentShows reads "CONTENT, DOCUMENT-SUBJECT showed[ ADJUNCT]." ("In Sri
// Lanka, 16 people were killed, the latest data from the Disaster Management Centre
// showed."; "..., a report by the agency showed on Tuesday."): a show verb after a
// comma whose subject opens, within its first four words, with a document or data
// noun ("data", "figures", "report", "release"), the subject made of words, numbers
// and a parenthesized acronym only, and nothing but an adjunct after the verb. The
// content is the sentence before the comma, as for a postposed "said".
func postposedDocumentShows(s *cueSentence, i int) (Attribution, bool) {
	w := s.toks[i].Lower
	if !showVerbs[w] || w == "shown" || passiveBefore(s.toks, i) {
		return Attribution{}, false
	}
	c, ok := s.documentSubjectBefore(i, false, false)
	if !ok {
		return Attribution{}, false
	}
	doc := false
	for k := c + 1; k < i && k <= c+4; k++ {
		if l := s.toks[k].Lower; s.toks[k].Kind == 'w' && (authorDocumentNouns[l] || dataNouns[l]) {
			doc = true
			break
		}
	}
	if !doc {
		return Attribution{}, false
	}
	content, ok := s.contentBeforeComma(c)
	if !ok {
		return Attribution{}, false
	}
	src := Span{Start: s.toks[c+1].Start, End: s.toks[i-1].End}
	return s.attribution(i, src, content), true
}

// wordsToEnd reports whether the sentence from token k on holds only words, numbers,
// apostrophes and hyphens up to a final full stop or exclamation mark: an adjunct
// ("on Friday", "last week") and no clause or quotation after a postposed cue.
func (s *cueSentence) wordsToEnd(k int) bool {
	for ; k < len(s.toks); k++ {
		t := s.toks[k]
		if t.Kind == 'w' || t.Kind == 'n' || t.Text == "’" || t.Text == "'" || t.Text == "-" {
			continue
		}
		if k == len(s.toks)-1 && (t.Text == "." || t.Text == "!") {
			continue
		}
		return false
	}
	return true
}
