package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Entity rule "company by context" (fixtures in testdata/rules/entities/company-by-context.tsv),
// run after the pending single words are resolved (rule 8) and before the nominals
// (rules 9 and 10): news often names a business by one bare capitalized word that no
// lexicon holds and no corporate suffix marks ("Velmora announced on Monday that it had
// laid off 4% of its staff"). Such a word is an organization when
//
//   - it is name-shaped, covered by no mention, part of no longer capitalized name, and
//     no function word, sentence starter, month, weekday, title, country adjective,
//     people, given name, group noun or business noun, and the document never writes it
//     in lowercase;
//   - the text treats it as a business at one of its occurrences at least
//     (lexicon/company_contexts.txt): "NAME's shares", "NAME's chief executive" (a
//     possessed noun, one lowercase word between at most), "NAME employees", "NAME
//     shareholders" (a compound noun), "NAME laid off ..." or "NAME said (…) that it had
//     laid off ..." (a verb of a business), "the carmaker NAME", "automaker NAME" (a
//     noun of lexicon/company_descriptors.txt right before it) or "NAME, a Dutch
//     chipmaker," (an appositive ending in such a noun);
//   - it stands somewhere other than at a sentence's start, or at a sentence's start at
//     least twice, or an appositive describes it: a capital at a sentence's start says
//     nothing, and a common noun there ("Management announced that it had laid off ...")
//     is written once.
//
// Every occurrence of the word is then a name mention of that organization.
//
// Speaker rule "company nominal" (fixtures in testdata/rules/speakers/company-nominal.tsv)
// then resolves a later definite "the company", "the firm", "the carmaker" (the, at
// most two lowercase modifiers, a noun of lexicon/company_descriptors.txt, then the end
// of the noun phrase) that no earlier rule resolved to such an organization when it is
// the only candidate: named in the phrase's paragraph or the three before it, no other
// organization whose name may be a company's named there (a corporate suffix, "Group",
// "Holdings", another company by context), and no unrecognized capitalized word (which
// may name another business) between its last mention and the phrase; a place after
// "in", "at", "near" or "from", the company's own thing after "its" and a word of an
// organization's name ("the Autopilot team" beside "its Autopilot department") are
// left aside. Otherwise the phrase stays unresolved: a wrong speaker is worse than none.

// companyByContext is entity rule "company by context"; it returns the organizations it
// made.
var companyByContext = struct {
	name  string
	apply func(*entityBuilder) map[*entityRecord][]string
}{"company by context", (*entityBuilder).contextCompanies}

// companyNominal is speaker rule "company nominal", run on the organizations that
// companyByContext made.
var companyNominal = struct {
	name  string
	apply func(*entityBuilder, map[*entityRecord][]string)
}{"company nominal", (*entityBuilder).companyNominals}

// companyContexts is lexicon/company_contexts.txt: the words after a name (possessed,
// compound) and the verbs of a business, each as lowercase word sequences.
var companyContexts = func() map[string][][]string {
	m := map[string][][]string{}
	for _, f := range lexicon.Rows("company_contexts.txt") {
		if len(f) != 2 {
			panic("lexicon/company_contexts.txt: row " + strings.Join(f, "\t") + " needs class and words")
		}
		m[f[0]] = append(m[f[0]], strings.Fields(f[1]))
	}
	return m
}()

// companyContextWindow is how many paragraphs before the phrase's own a company named
// by context is still a candidate for "the company".
const companyContextWindow = 3

// contextCompanies applies entity rule "company by context" and returns the
// organizations it made, each with the business nouns that describe it ("chipmaker" of
// "Velmora, a Dutch chipmaker,"; "carmaker" of "the carmaker Velmora").
func (b *entityBuilder) contextCompanies() map[*entityRecord][]string {
	covered := newSpanIndex(b.mentions)
	type occ struct {
		start, end int
		initial    bool
	}
	occs := map[string][]occ{}
	evidence := map[string]bool{}
	described := map[string]bool{} // described by an appositive: a sentence start will do
	nouns := map[string][]string{}
	rejected := map[string]bool{}
	for _, ss := range sentenceSpans(b.d) {
		toks := b.tx.scan(ss.Start, ss.End)
		for k, t := range toks {
			name, _ := stripPossessive(t.Text)
			if t.Kind != 'w' || !nameShaped(name) || rejected[name] {
				continue
			}
			if !b.companyWordCandidate(name) || partOfLongerName(toks, k) {
				rejected[name] = true
				continue
			}
			if covered.overlaps(t.Start, t.End) {
				continue
			}
			initial := k == 0 || (toks[k-1].Kind != 'w' && toks[k-1].Text != ",")
			occs[name] = append(occs[name], occ{start: t.Start, end: t.Start + len([]rune(name)), initial: initial})
			if !evidence[name] && companyContextAt(toks, k) {
				evidence[name] = true
			}
			if noun, _ := descriptorAfter(toks[k+1:]); noun != "" && companyDescriptors[noun] {
				described[name] = true
				nouns[name] = append(nouns[name], noun)
			}
			if k > 0 && toks[k-1].Kind == 'w' && lowercaseWord(toks[k-1]) && companyDescriptors[toks[k-1].Lower] {
				nouns[name] = append(nouns[name], toks[k-1].Lower)
			}
		}
	}
	made := map[*entityRecord][]string{}
	names := make([]string, 0, len(occs))
	for name := range occs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		os := occs[name]
		if !evidence[name] || rejected[name] {
			continue
		}
		nonInitial := 0
		for _, o := range os {
			if !o.initial {
				nonInitial++
			}
		}
		if nonInitial == 0 && len(os) < 2 && !described[name] {
			continue
		}
		if e, ok := b.byName[name]; ok && e.Kind != graph.KindOrganization && e.Kind != graph.KindUnknown {
			continue
		}
		e := b.entity(name, graph.KindOrganization, os[0].start)
		for _, o := range os {
			b.mention(e, o.start, o.end, MentionName)
		}
		made[e] = append(made[e], nouns[name]...)
	}
	return made
}

// companyWordCandidate reports whether a name-shaped word may be a business's bare
// name: no word of the general lexicons and never written in lowercase here.
func (b *entityBuilder) companyWordCandidate(w string) bool {
	l := strings.ToLower(w)
	if b.lowercase[l] || functionWords[l] || sentenceStarters[l] || sentenceStarters[w] || quantityWords.months[l] || calendarWords[l] ||
		entityWords.titles[foldMarks(l)] || entityWords.titleFirst[l] || entityWords.adjCountry[w] != "" || entityWords.peoples[w] ||
		entityWords.firstNames[w] != 0 || isCommonCapitalized(w) || companyDescriptors[l] || entityWords.placeWords[w] || countryNames[l] {
		return false
	}
	if _, org := entityWords.orgWords[w]; org {
		return false
	}
	_, group := entityWords.groups[l]
	return !group
}

// partOfLongerName reports whether toks[k] has a capitalized word right next to it
// ("Mark Brodie", "Velmora Holdings"): then it is no bare name.
func partOfLongerName(toks []scanToken, k int) bool {
	if k > 0 && toks[k-1].Kind == 'w' && isCapitalized(toks[k-1].Text) && toks[k-1].End+1 >= toks[k].Start {
		return true
	}
	if _, poss := stripPossessive(toks[k].Text); poss {
		return false
	}
	return k+1 < len(toks) && toks[k+1].Kind == 'w' && isCapitalized(toks[k+1].Text) && toks[k].End+1 >= toks[k+1].Start
}

// companyContextAt reports whether the text treats the word at toks[k] as a business
// (see the rule at the top of this file).
func companyContextAt(toks []scanToken, k int) bool {
	_, poss := stripPossessive(toks[k].Text)
	if poss {
		return wordsAt(toks, k+1, companyContexts["possessed"]) ||
			(k+1 < len(toks) && toks[k+1].Kind == 'w' && lowercaseWord(toks[k+1]) && !functionWords[toks[k+1].Lower] &&
				wordsAt(toks, k+2, companyContexts["possessed"]))
	}
	if wordsAt(toks, k+1, companyContexts["compound"]) && !possessiveRightBefore(toks, k) {
		return true // "Velmora shareholders", not "its Buffalo employees"
	}
	if k > 0 && toks[k-1].Kind == 'w' && lowercaseWord(toks[k-1]) && companyDescriptors[toks[k-1].Lower] {
		return true // "the carmaker Velmora", "automaker Velmora"
	}
	if noun, _ := descriptorAfter(toks[k+1:]); noun != "" && companyDescriptors[noun] {
		return true // "Velmora, a Dutch chipmaker,"
	}
	return businessVerbAfter(toks, k)
}

// possessiveRightBefore reports whether a possessive stands right before toks[k] ("her",
// "its", "the company's"): the word then modifies the possessed noun.
func possessiveRightBefore(toks []scanToken, k int) bool {
	if k == 0 || toks[k-1].Kind != 'w' {
		return false
	}
	if _, poss := stripPossessive(toks[k-1].Text); poss {
		return true
	}
	return possessivePronouns[toks[k-1].Lower]
}

// wordsAt reports whether one of the word sequences is written (lowercase) at toks[i].
func wordsAt(toks []scanToken, i int, seqs [][]string) bool {
	for _, seq := range seqs {
		if i+len(seq) > len(toks) {
			continue
		}
		ok := true
		for j, w := range seq {
			t := toks[i+j]
			base, _ := stripPossessive(t.Lower)
			if t.Kind != 'w' || (t.Lower != w && !(j == len(seq)-1 && base == w)) || (t.Text != t.Lower && w != "ceo" && w != "cfo") {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// businessAuxiliaries may stand between a subject and its verb of a business
// (lexicon/company_contexts.txt, class auxiliary).
var businessAuxiliaries = companyContextWords("auxiliary")

// ownOpeners are the words after which capitalized words name a place or a business's
// own thing (lexicon/company_contexts.txt, class own_opener).
var ownOpeners = companyContextWords("own_opener")

// companyContextWords returns the one-word entries of a class of
// lexicon/company_contexts.txt as a set.
func companyContextWords(class string) map[string]bool {
	m := map[string]bool{}
	for _, ws := range companyContexts[class] {
		if len(ws) != 1 {
			panic("lexicon/company_contexts.txt: class " + class + " holds single words")
		}
		m[ws[0]] = true
	}
	return m
}

// businessVerbAfter reports whether the word at toks[k] is the subject of a verb of a
// business: right after it (auxiliaries and "-ly" adverbs between), or after "that it"
// in the clause of its speech verb ("Velmora announced on Monday that it had laid off").
func businessVerbAfter(toks []scanToken, k int) bool {
	verbAt := func(i int) bool {
		for i < len(toks) && toks[i].Kind == 'w' && (businessAuxiliaries[toks[i].Lower] || strings.HasSuffix(toks[i].Lower, "ly")) {
			i++
		}
		return wordsAt(toks, i, companyContexts["verb"])
	}
	if verbAt(k + 1) {
		return true
	}
	if k+1 >= len(toks) || !(speechVerbs[toks[k+1].Lower] || presentSpeechVerbs[toks[k+1].Lower]) {
		return false
	}
	for i := k + 2; i+2 < len(toks) && i <= k+8; i++ {
		if toks[i].Kind != 'w' {
			return false // the clause of the speech verb ends
		}
		if toks[i].Lower == "that" && toks[i+1].Lower == "it" {
			return verbAt(i + 2)
		}
	}
	return false
}

// companyNominals applies speaker rule "company nominal" (see the top of this file) for
// the organizations that rule "company by context" made.
func (b *entityBuilder) companyNominals(made map[*entityRecord][]string) {
	if len(made) == 0 {
		return
	}
	b.covered = newSpanIndex(b.mentions)
	defer func() { b.covered = spanIndex{} }()
	sort.SliceStable(b.mentions, func(x, y int) bool { return b.mentions[x].Span.Start < b.mentions[y].Span.Start })
	var named []Mention
	for _, m := range b.mentions {
		if m.Kind == MentionName {
			named = append(named, m)
		}
	}
	toks := b.tx.scan(0, len(b.d.Runes))
	for i := 0; i+1 < len(toks); i++ {
		from, to, noun, ok := companyPhraseAt(toks, i)
		if !ok || b.covered.overlaps(from, to) {
			continue
		}
		if e := b.contextCompanyBefore(named, made, from); e != nil && companyNounFits(made[e], noun) {
			b.mention(e, from, to, MentionNominal)
		}
	}
}

// companyPhraseAt reads "the [one or two lowercase modifiers] NOUN" at toks[i], NOUN
// of lexicon/company_descriptors.txt, ending its noun phrase (a possessive, or a word
// that may follow a head: clauseAfterHead); it returns the phrase's code points and
// its noun.
func companyPhraseAt(toks []scanToken, i int) (int, int, string, bool) {
	if toks[i].Lower != "the" {
		return 0, 0, "", false
	}
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		t := toks[j]
		if t.Kind != 'w' || !lowercaseWord(t) || functionWords[t.Lower] {
			return 0, 0, "", false
		}
		base, poss := stripPossessive(t.Lower)
		if !companyDescriptors[base] {
			if poss {
				return 0, 0, "", false
			}
			continue
		}
		if poss {
			return toks[i].Start, t.Start + len([]rune(base)), base, true
		}
		if j+1 >= len(toks) || clauseAfterHead(toks[j+1]) {
			return toks[i].Start, t.End, base, true
		}
		return 0, 0, "", false // "the company town", "the firm of ..."
	}
	return 0, 0, "", false
}

// companyNounFits reports whether "the NOUN" may name a business described by the nouns:
// "company" and "firm" always; another noun when none described it or one of them is
// that noun ("the bank" is no business described as "a Dutch internet service provider").
func companyNounFits(described []string, noun string) bool {
	return noun == "company" || noun == "firm" || len(described) == 0 || slices.Contains(described, noun)
}

// contextCompanyNamed reports whether a head "company" or "firm" at pos follows a name
// mention of an organization of rule "company by context" among the 500 name mentions
// before it (the window of rule 9): rule "company nominal" then decides.
func (b *entityBuilder) contextCompanyNamed(named []Mention, pos int, head string) bool {
	if len(b.byContext) == 0 || (head != "company" && head != "firm") {
		return false
	}
	top := sort.Search(len(named), func(k int) bool { return named[k].Span.Start >= pos })
	for k := top - 1; k >= 0 && top-k <= 500; k-- {
		if _, ok := b.byContext[b.byID[named[k].Entity]]; ok && named[k].Span.End <= pos {
			return true
		}
	}
	return false
}

// contextCompanyBefore returns the one organization made by rule "company by context"
// that "the company" at pos may refer to, or nil (see the top of this file).
func (b *entityBuilder) contextCompanyBefore(named []Mention, made map[*entityRecord][]string, pos int) *entityRecord {
	minStart := paragraphStart(b.d, pos)
	for k := 0; k < companyContextWindow && minStart > 0; k++ {
		minStart = paragraphStart(b.d, minStart-1)
	}
	var found *entityRecord
	last := -1
	top := sort.Search(len(named), func(k int) bool { return named[k].Span.Start >= pos })
	for k := top - 1; k >= 0 && named[k].Span.Start >= minStart; k-- {
		e := b.byID[named[k].Entity]
		if e == nil || e.Kind != graph.KindOrganization {
			continue
		}
		_, company := made[e]
		if !company && !hasClass(e, []string{"company"}, false) && !mayHaveClass(e, []string{"company"}) {
			continue
		}
		if !company || (found != nil && found != e) {
			return nil // another business may be meant
		}
		found = e
		last = max(last, named[k].Span.Start)
	}
	if found == nil || b.unknownNameBeyondPlaces(last, pos) {
		return nil
	}
	return found
}

// unknownNameBeyondPlaces is unknownNameBetween with the capitalized words of a place
// or of the company's own things left aside: those after "in", "at", "near", "from" or
// "its", with the commas and capitalized words that continue them ("its plant in
// Buffalo, New York", "its Buffalo, New York, plant"), name no other business.
func (b *entityBuilder) unknownNameBeyondPlaces(from, to int) bool {
	toks := b.tx.scan(from, to)
	place := false
	for k, t := range toks {
		switch {
		case t.Kind == 'w' && ownOpeners[t.Lower]:
			place = true
			continue
		case place && (t.Text == "," || isCapWord(t)):
			continue
		}
		place = false
		if k == 0 || !isCapWord(t) || toks[k-1].Kind != 'w' && toks[k-1].Text != "," {
			continue
		}
		if b.unknownNameAfter(toks[k-1].Start, t.End) == t.Start && !b.wordOfOrganization(t.Text) {
			return true // the checks of unknownNameAfter, with the word before in view
		}
	}
	return false
}

// wordOfOrganization reports whether a capitalized word is a word of the name of an
// organization the document names ("the Autopilot labeling team" after or before "its
// Autopilot department"): it is known, not a business that no rule recognized.
func (b *entityBuilder) wordOfOrganization(w string) bool {
	w, _ = stripPossessive(w)
	for _, e := range b.order {
		if e.Kind != graph.KindOrganization {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if f := strings.Fields(n); len(f) > 1 && slices.Contains(f, w) {
				return true
			}
		}
	}
	return false
}

// paragraphStart returns where the paragraph holding pos starts (0 when none does).
func paragraphStart(d *Document, pos int) int {
	for _, p := range d.Paragraphs {
		if p.Start <= pos && pos < p.End {
			return p.Start
		}
	}
	return 0
}
