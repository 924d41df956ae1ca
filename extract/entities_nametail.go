package extract

import (
	"sort"

	"github.com/claimgraph/claimgraph/graph"
)

// nameTailNominalRule is the agent rule "lowercase tail of a name": a definite noun
// phrase of two to four lowercase words ("the highway patrol", "the weather bureau",
// "the health ministry") whose words are the last words of the name of exactly one
// organization named before it in the article ("Mississippi Highway Patrol",
// "India’s Weather Bureau") refers to that organization. The match is on the name's
// own words, so it needs no lexicon: an unlisted name resolves like a listed one.
// The phrase must end its noun phrase (a verb, a function word or punctuation after
// it, or a possessive on its last word); two organizations whose names end alike
// leave it unresolved. Fixtures: testdata/rules/agents/lowercase-tail-of-a-name.tsv.
const nameTailNominalRule = "lowercase tail of a name"

// nameTailMaxWords is the longest lowercase tail the rule reads after "the".
const nameTailMaxWords = 4

// nameTailNominals applies rule nameTailNominalRule to the whole document.
func (b *entityBuilder) nameTailNominals() {
	if len(b.d.Runes) == 0 {
		return
	}
	var named []Mention
	for _, m := range b.mentions {
		if e := b.byID[m.Entity]; m.Kind == MentionName && e != nil && e.Kind == graph.KindOrganization {
			named = append(named, m)
		}
	}
	if len(named) == 0 {
		return
	}
	sort.SliceStable(named, func(x, y int) bool { return named[x].Span.Start < named[y].Span.Start })
	covered := newSpanIndex(b.mentions)
	toks := b.tx.scan(0, len(b.d.Runes))
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Lower != "the" {
			continue
		}
		words, to, ok := nameTailAt(toks, i)
		if !ok || covered.overlaps(toks[i].Start, to) {
			continue
		}
		if e := b.nameTailReferent(named, toks[i].Start, words); e != nil {
			b.mention(e, toks[i].Start, to, MentionNominal)
		}
	}
}

// nameTailAt reads the lowercase words after "the" at toks[i] up to the end of the
// noun phrase: two to nameTailMaxWords words, the last of them perhaps possessive, then
// a token that lets a head end its phrase (clauseAfterHead). It returns the words (the
// possessive taken off) and where the phrase ends.
func nameTailAt(toks []scanToken, i int) ([]string, int, bool) {
	var words []string
	for j := i + 1; j < len(toks) && j <= i+nameTailMaxWords; j++ {
		t := toks[j]
		if t.Kind != 'w' || !lowercaseWord(t) || functionWords[t.Lower] {
			return nil, 0, false
		}
		base, poss := stripPossessive(t.Lower)
		words = append(words, base)
		end := t.End
		if poss {
			end = t.Start + len([]rune(base))
		}
		if len(words) >= 2 && (poss || j+1 >= len(toks) || clauseAfterHead(toks[j+1])) {
			return words, end, true
		}
		if poss {
			return nil, 0, false
		}
	}
	return nil, 0, false
}

// nameTailReferent returns the one organization named before pos whose name or alias
// ends in words (compared in lowercase), or nil when none or several do.
func (b *entityBuilder) nameTailReferent(named []Mention, pos int, words []string) *entityRecord {
	var found *entityRecord
	top := sort.Search(len(named), func(k int) bool { return named[k].Span.Start >= pos })
	for k := top - 1; k >= 0 && top-k <= 500; k-- {
		e := b.byID[named[k].Entity]
		if named[k].Span.End > pos || e == found || !b.nameEndsWithWords(e, words) {
			continue
		}
		if found != nil {
			return nil
		}
		found = e
	}
	return found
}

// nameEndsWithWords reports whether the name or an alias of e ends in words, compared
// word by word in lowercase without possessives.
// The words of each name are read once per document (agentNameWords of a name is
// always the same; nameWords keeps them): the look-back of nameTailReferent asks up
// to 500 names per nominal.
func (b *entityBuilder) nameEndsWithWords(e *entityRecord, words []string) bool {
	if b.nameWords == nil {
		b.nameWords = map[string][]string{}
	}
	for k := -1; k < len(e.Aliases); k++ {
		n := e.Name
		if k >= 0 {
			n = e.Aliases[k]
		}
		ws, ok := b.nameWords[n]
		if !ok {
			ws = agentNameWords(n)
			b.nameWords[n] = ws
		}
		if endsWithWords(ws, words) {
			return true
		}
	}
	return false
}
