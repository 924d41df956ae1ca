package extract

import "strings"

// Entity rule "one-word source after an introducer" (fixtures in
// testdata/rules/speakers/one-word-source-after-an-introducer.tsv): a single
// name-shaped word that no lexicon knows, right after words that introduce a report's
// source (lexicon/source_introducers.txt: "according to", "as per", "data from") and
// right before a comma, a full stop, a semicolon or the end of the text, is an
// organization: "according to SoSoValue.", "According to Alphaliner, one of the most
// respected chroniclers of containership statistics, ...". A person is introduced by
// a full name before a surname stands alone, so the word is no person when it is
// nobody's surname or given name; the rule stays silent for a word the document also
// writes lowercase, a month or weekday, a people, a demonym, a nominal, a plural-looking
// word ending in "s" ("according to Republicans") and a word that ends a longer name
// named before ("according to the Post").

// sourceIntroducers are the phrases of lexicon/source_introducers.txt, as word lists.
var sourceIntroducers = func() [][]string {
	var out [][]string
	for _, row := range lexiconRows("source_introducers.txt") {
		out = append(out, strings.Fields(strings.Join(row, " ")))
	}
	return out
}()

// introducedSource applies the rule to the single word toks[i:j] named name.
func (b *entityBuilder) introducedSource(toks []scanToken, i, j int, name string) bool {
	if !nameShaped(name) || isAcronym(name) || !introducedAt(toks, i) || !closesSourceSlot(toks, j) {
		return false
	}
	if strings.HasSuffix(strings.ToLower(name), "s") {
		return false // "according to Republicans"
	}
	return b.unknownOneWordBody(name)
}

// unknownOneWordBody reports whether name, one name-shaped word, can be a body no
// lexicon knows (rules "one-word source after an introducer" and "body of a
// spokesperson"): a person is introduced by a full name before a surname stands
// alone, so the word is nobody's surname or given name; nor a first name, a word the
// document also writes lowercase, a month or weekday, a sentence starter, a people, a
// demonym, a group, a nominal, a title, or the last word of a longer name named before.
func (b *entityBuilder) unknownOneWordBody(name string) bool {
	l := strings.ToLower(name)
	if b.lowercase[l] || calendarWords[l] || sentenceStarters[l] {
		return false
	}
	if b.personBySurname(name) != nil || b.given[name] != nil || entityWords.firstNames[name] != 0 || b.lastWordOfLongerName(name) {
		return false
	}
	if _, ok := entityWords.adjCountry[name]; ok {
		return false
	}
	_, group := entityWords.groups[l]
	return !group && !entityWords.peoples[name] && !entityWords.nominals[l] && !entityWords.titleFirst[l]
}

// introducedAt reports whether an introducer of lexicon/source_introducers.txt ends
// right before token i.
func introducedAt(toks []scanToken, i int) bool {
	for _, p := range sourceIntroducers {
		if i < len(p) {
			continue
		}
		ok := true
		for k, w := range p {
			if toks[i-len(p)+k].Lower != w {
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

// closesSourceSlot reports whether token j ends the source's name: a comma, a full
// stop, a semicolon, or the end of the tokens.
func closesSourceSlot(toks []scanToken, j int) bool {
	if j >= len(toks) {
		return true
	}
	switch toks[j].Text {
	case ",", ".", ";":
		return true
	}
	return false
}
