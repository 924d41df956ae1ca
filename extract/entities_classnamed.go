package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// classNamedNouns are the nouns of lexicon/class_named_nouns.txt: "the NAME group",
// "the NAME union" make NAME an organization of that class.
var classNamedNouns = lexicon.Set("class_named_nouns.txt")

// classNamedOrganizations applies two agent rules that make an organization of a
// capitalized name no earlier rule recognized, from the class the text itself gives
// it (fixtures: testdata/rules/agents/named-by-class-noun.tsv and
// named-by-apposition.tsv):
//
//   - "named by its class noun": "the NAME NOUN" with NOUN a lowercase noun of
//     classNamedNouns ending the phrase ("Hindenburg accused the Adani group of fraud",
//     "the Teamsters union said") is the organization "NAME Noun" ("Adani Group"),
//     which a later "the group" refers to (rule 9 of entities.go);
//   - "named by a descriptor": "the [MODIFIERS] NOUN NAME" with NOUN a lowercase
//     descriptor noun of lexicon/agent_classes.txt ("the Premier League club
//     Manchester City said") is the organization NAME, which the descriptor rule of
//     entities_agents.go then lets "the club" refer to; not when NAME's first word is
//     a given name ("the company Jane Roe founded");
//   - "named by apposition": "NAME, the [MODIFIERS] NOUN," with NOUN a descriptor noun
//     of lexicon/agent_classes.txt ("Manchester City, the Premier League club, was
//     charged") is the organization NAME, which the descriptor nominal rule then lets
//     "the club" refer to.
//
// NAME is one to four capitalized words that no mention covers, none of them a
// country, demonym, people, month, weekday or title, and (apposition) not after a
// preposition ("In Manchester, the club, ..." names a place). Every later occurrence
// of the same words is a mention of it too. Nothing is made when the words are
// already a mention: the earlier rules decide.
func (b *entityBuilder) classNamedOrganizations() {
	if len(b.d.Runes) == 0 {
		return
	}
	toks := b.tx.scan(0, len(b.d.Runes))
	covered := newSpanIndex(b.mentions)
	var made []*entityRecord
	for i := 0; i < len(toks); i++ {
		if from, to, noun, ok := classNounNameAt(toks, i); ok && !covered.overlaps(toks[from].Start, toks[to-1].End) {
			name := nameWords(toks[from:to]) + " " + strings.ToUpper(noun[:1]) + noun[1:]
			e := b.entity(name, graph.KindOrganization, toks[i].Start)
			b.mention(e, toks[from].Start, toks[to].End, MentionName)
			covered = newSpanIndex(b.mentions)
			made = append(made, e)
			continue
		}
		// named reports whether toks[from:to] became a new organization: not when its
		// words already name an entity.
		named := func(from, to int) bool {
			name := nameWords(toks[from:to])
			if _, known := b.byName[name]; known {
				return false
			}
			e := b.entity(name, graph.KindOrganization, toks[from].Start)
			b.mention(e, toks[from].Start, toks[to-1].End, MentionName)
			covered = newSpanIndex(b.mentions)
			made = append(made, e)
			return true
		}
		if from, to, ok := descriptorNameAt(toks, i); ok && !covered.overlaps(toks[from].Start, toks[to-1].End) {
			if named(from, to) {
				i = to - 1
			}
			continue
		}
		if from, to, ok := appositionNameAt(toks, i); ok && !covered.overlaps(toks[from].Start, toks[to-1].End) {
			named(from, to)
		}
	}
	for _, e := range made {
		b.laterOccurrences(toks, e, &covered)
	}
}

// laterOccurrences adds a name mention of e at every occurrence of its name's words
// (or, for a name made by its class noun, of the words before the noun when the noun
// follows them in lowercase) that no mention covers.
func (b *entityBuilder) laterOccurrences(toks []scanToken, e *entityRecord, covered *spanIndex) {
	words := strings.Fields(e.Name)
	for i := 0; i+len(words) <= len(toks); i++ {
		ok := true
		for k, w := range words {
			if toks[i+k].Text != w && !(k == len(words)-1 && toks[i+k].Lower == strings.ToLower(w) && classNamedNouns[toks[i+k].Lower]) {
				ok = false
				break
			}
		}
		if !ok || i+len(words) < len(toks) && isCapWord(toks[i+len(words)]) || i > 0 && isCapWord(toks[i-1]) && toks[i-1].Lower != "the" {
			continue
		}
		s, t := toks[i].Start, toks[i+len(words)-1].End
		if covered.overlaps(s, t) {
			continue
		}
		b.mention(e, s, t, MentionName)
		*covered = newSpanIndex(b.mentions)
	}
}

// nameWords joins the texts of word tokens with single spaces.
func nameWords(ts []scanToken) string {
	ws := make([]string, len(ts))
	for k, t := range ts {
		ws[k] = t.Text
	}
	return strings.Join(ws, " ")
}

// plainNameWord reports whether a capitalized token may be a word of an
// organization's name that no list classifies: no country, demonym, people, month,
// weekday, title, function word or sentence opener.
func plainNameWord(t scanToken) bool {
	if !isCapWord(t) {
		return false
	}
	l := t.Lower
	return !functionWords[l] && !quantityWords.months[l] && !calendarWords[l] && !entityWords.titles[foldMarks(l)] &&
		entityWords.adjCountry[t.Text] == "" && !entityWords.peoples[t.Text] && !countryNames[l] && !sentenceStarters[l]
}

// classNounNameAt reads "the NAME NOUN" at toks[i] (rule "named by its class noun"):
// it returns the tokens of NAME [from, to) and the noun at toks[to].
func classNounNameAt(toks []scanToken, i int) (int, int, string, bool) {
	if toks[i].Lower != "the" {
		return 0, 0, "", false
	}
	j := i + 1
	for j < len(toks) && j-i <= 4 && plainNameWord(toks[j]) {
		j++
	}
	if j == i+1 || j >= len(toks) || j-i > 4 {
		return 0, 0, "", false
	}
	noun := toks[j]
	base, poss := stripPossessive(noun.Lower)
	if noun.Kind != 'w' || !lowercaseWord(noun) || !classNamedNouns[base] {
		return 0, 0, "", false
	}
	if !poss && j+1 < len(toks) && !clauseAfterHead(toks[j+1]) && toks[j+1].Lower != "of" {
		return 0, 0, "", false // "the Adani group companies", "the Velmora club house"; "of" may follow ("accused the Adani group of fraud")
	}
	return i + 1, j, base, true
}

// appositionNameAt reads "NAME, the [MODIFIERS] NOUN," with NAME starting at toks[i]
// (rule "named by apposition"): it returns the tokens of NAME [from, to).
func appositionNameAt(toks []scanToken, i int) (int, int, bool) {
	if !plainNameWord(toks[i]) || i > 0 && (isCapWord(toks[i-1]) || toks[i-1].Kind == 'w' && (placePrepositions[toks[i-1].Lower] || functionWords[toks[i-1].Lower])) {
		return 0, 0, false
	}
	j := i
	for j < len(toks) && j-i < 4 && plainNameWord(toks[j]) {
		j++
	}
	if j+3 >= len(toks) || toks[j].Text != "," || toks[j+1].Lower != "the" {
		return 0, 0, false
	}
	for k := j + 2; k < len(toks) && k <= j+6; k++ {
		t := toks[k]
		if t.Text == "," || t.Text == "." {
			last := toks[k-1]
			if k == j+2 || !lowercaseWord(last) || !agentClasses.descriptors[last.Lower] {
				return 0, 0, false
			}
			if k+1 < len(toks) && (toks[k+1].Lower == "and" || toks[k+1].Lower == "or") {
				return 0, 0, false // "Velkor, the union, and the city": a list
			}
			return i, j, true
		}
		if t.Kind != 'w' || functionWords[t.Lower] || strings.HasSuffix(t.Lower, "’s") || strings.HasSuffix(t.Lower, "'s") {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// definiteDescriptorAfter reads ", the [MODIFIERS] NOUN," right after an
// organization's name (toks start after it), NOUN a descriptor noun of
// lexicon/agent_classes.txt ("Manchester City, the Premier League club, said"), as
// descriptorAfter reads ", a ... NOUN,"; not in a list ("Velkor, the union, and the
// city"). It returns the noun and where it ends, or "".
func definiteDescriptorAfter(toks []scanToken) (string, int) {
	if len(toks) < 4 || toks[0].Text != "," || toks[1].Lower != "the" {
		return "", 0
	}
	for k := 2; k < len(toks) && k < 7; k++ {
		t := toks[k]
		if t.Text == "," || t.Text == "." {
			last := toks[k-1]
			if k == 2 || !lowercaseWord(last) || !agentClasses.descriptors[last.Lower] {
				return "", 0
			}
			if k+1 < len(toks) && (toks[k+1].Lower == "and" || toks[k+1].Lower == "or") {
				return "", 0
			}
			return last.Lower, last.End
		}
		if t.Kind != 'w' || functionWords[t.Lower] || isNameConnector(t) {
			return "", 0
		}
	}
	return "", 0
}

// afterPreposition reports whether the word before pos is a lowercase preposition of
// place or a function word ("In Velmora, the club, ...": Velmora is where, not who).
func (b *entityBuilder) afterPreposition(pos int) bool {
	toks := b.tx.scan(max(0, pos-20), pos)
	if len(toks) == 0 {
		return false
	}
	t := toks[len(toks)-1]
	return t.Kind == 'w' && lowercaseWord(t) && (placePrepositions[t.Lower] || functionWords[t.Lower])
}

// descriptorNameAt reads "the [MODIFIERS] NOUN NAME" with NOUN at toks[i] (rule "named
// by a descriptor"): up to three words between "the" and NOUN, NAME one to four plain
// capitalized words after it, the first no given name; it returns NAME's tokens.
func descriptorNameAt(toks []scanToken, i int) (int, int, bool) {
	t := toks[i]
	if t.Kind != 'w' || !lowercaseWord(t) || !agentClasses.descriptors[t.Lower] || i+1 >= len(toks) {
		return 0, 0, false
	}
	the := false
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if toks[k].Lower == "the" {
			the = true
			break
		}
		if toks[k].Kind != 'w' || functionWords[toks[k].Lower] {
			break
		}
	}
	if !the || entityWords.firstNames[toks[i+1].Text] != 0 {
		return 0, 0, false
	}
	j := i + 1
	for j < len(toks) && j-i <= 4 && plainNameWord(toks[j]) {
		j++
	}
	if j == i+1 || j-i > 4 || j < len(toks) && isCapWord(toks[j]) {
		return 0, 0, false
	}
	return i + 1, j, true
}
