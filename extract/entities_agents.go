package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Definite agents resolved by class (entity rule "class nominal", run after rule 9 of
// entities.go): a bare definite noun phrase that news uses to refer back to an
// organization ("the army", "the company", "the armed forces", "the paramilitary")
// is the one organization of that class named earlier in the same article:
//
//   - class agreement: the head noun's classes (lexicon/agent_classes.txt) against the
//     last words of the organization's name or an alias ("the army" → "Sudan’s Armed
//     Forces", "Israel Defense Forces", "Russia’s Forces" from "Russian forces"; "the
//     company" → "Boeing Co"); the head word inside the name counts too, as in rule 9
//     ("the ministry" → "Interior Ministry");
//   - a descriptor written before the name: "the paramilitary Rapid Support Forces",
//     "the Islamist group Hamas" make "the paramilitary", "the group" refer to that
//     organization (prenominalDescriptors);
//   - recency: the organizations named in the 500 name mentions before the noun phrase
//     (as rule 9), never one named after it;
//   - uniqueness: exactly one organization may fit; when two compete ("the army" after
//     both "Sudan’s Armed Forces" and "Chad’s Army"; "the company" after two companies),
//     the phrase stays unresolved. A wrong speaker is worse than none.
//
// Not read: a phrase followed by a capitalized word or "of" ("the army chief Abdel
// Fattah", "the government of Sudan": the words after name it), or one the earlier
// rules resolved already. Nothing is resolved across articles: the organization must
// be named in the same document.

// agentClassLexicon is lexicon/agent_classes.txt: the classes of each head phrase and
// the name endings of each class.
type agentClassLexicon struct {
	heads       map[string][]string       // "armed forces" → [army]
	names       map[string][]agentNameEnd // class → name endings
	maybe       map[string][]agentNameEnd // class → endings of names that may be of it
	descriptors map[string]bool           // nouns that describe an organization before its name
	unscoped    map[string]bool           // heads that never make an article-scoped agent ("the group")
	max         int                       // most words in a head phrase
}

// agentNameEnd is one name ending of a class: its lowercase words, and whether only a
// body keyed by a place counts.
type agentNameEnd struct {
	words []string
	place bool
	near  bool // only when no other organization is named between it and the phrase
}

var agentClasses = func() agentClassLexicon {
	l := agentClassLexicon{heads: map[string][]string{}, names: map[string][]agentNameEnd{},
		maybe: map[string][]agentNameEnd{}, descriptors: map[string]bool{}, unscoped: map[string]bool{}}
	for _, f := range lexiconRows("agent_classes.txt") {
		if len(f) < 3 {
			panic("lexicon/agent_classes.txt: row " + strings.Join(f, "\t") + " needs class, role and words")
		}
		class, role, words := f[0], f[1], strings.Fields(strings.ToLower(f[2]))
		switch role {
		case "head":
			key := strings.Join(words, " ")
			l.heads[key] = append(l.heads[key], class)
			l.max = max(l.max, len(words))
			l.unscoped[key] = l.unscoped[key] || len(f) > 3 && f[3] == "unscoped"
		case "name":
			l.names[class] = append(l.names[class], agentNameEnd{words: words, place: len(f) > 3 && f[3] == "place", near: len(f) > 3 && f[3] == "near"})
		case "maybe":
			l.maybe[class] = append(l.maybe[class], agentNameEnd{words: words})
		case "descriptor":
			if len(words) != 1 {
				panic("lexicon/agent_classes.txt: descriptor " + f[2] + " must be one word")
			}
			l.descriptors[words[0]] = true
		default:
			panic("lexicon/agent_classes.txt: unknown role " + role)
		}
	}
	return l
}()

// agentNameWords returns the words of a name's head for class matching: lowercase,
// marks folded, a possessive and a final period dropped, and the words from the first
// "of", "for", "in", "on" or "at" on left out ("Boeing Co." → boeing co; "Ministry of
// Health" → ministry; "Supreme Court of the United States" → supreme court).
func agentNameWords(name string) []string {
	ws := strings.Fields(strings.ToLower(foldMarks(name)))
	for i, w := range ws {
		switch w {
		case "of", "for", "in", "on", "at":
			if i > 0 {
				return ws[:i]
			}
		}
		w, _ = stripPossessive(w)
		ws[i] = strings.TrimSuffix(w, ".")
	}
	return ws
}

// hasClass reports whether the organization e is of one of the classes: its name or
// an alias ends with one of the classes' name endings (an ending marked "place" only
// when e is a body keyed by a place), or, for class company, with a corporate suffix.
func hasClass(e *entityRecord, classes []string, placeKeyed bool) bool {
	return nameEndsIn(e, classes, placeKeyed, agentClasses.names, true)
}

// farClass reports whether the organization e is of one of the classes through an
// ending not marked "near" (or a corporate suffix).
func farClass(e *entityRecord, classes []string, placeKeyed bool) bool {
	far := map[string][]agentNameEnd{}
	for _, c := range classes {
		for _, end := range agentClasses.names[c] {
			if !end.near {
				far[c] = append(far[c], end)
			}
		}
	}
	return nameEndsIn(e, classes, placeKeyed, far, true)
}

// otherOrganizationBetween reports whether an organization other than e has a name
// mention in named (sorted by start) starting in (from, to).
func (b *entityBuilder) otherOrganizationBetween(named []Mention, e *entityRecord, from, to int) bool {
	k := sort.Search(len(named), func(i int) bool { return named[i].Span.Start > from })
	for ; k < len(named) && named[k].Span.Start < to; k++ {
		if o := b.byID[named[k].Entity]; o != nil && o != e && o.Kind == graph.KindOrganization {
			return true
		}
	}
	return false
}

// mayHaveClass reports whether the organization e's name has an ending that may be of
// one of the classes (role "maybe").
func mayHaveClass(e *entityRecord, classes []string) bool {
	return nameEndsIn(e, classes, false, agentClasses.maybe, false)
}

func nameEndsIn(e *entityRecord, classes []string, placeKeyed bool, ends map[string][]agentNameEnd, suffixes bool) bool {
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		ws := agentNameWords(n)
		if len(ws) == 0 {
			continue
		}
		for _, c := range classes {
			if w := ws[len(ws)-1]; suffixes && c == "company" && len(ws) > 1 && (corporateSuffixes[w] || corporateSuffixes[w+"."]) {
				return true
			}
			for _, end := range ends[c] {
				if (!end.place || placeKeyed) && endsWithWords(ws, end.words) {
					return true
				}
			}
		}
	}
	return false
}

func endsWithWords(ws, end []string) bool {
	if len(end) == 0 || len(end) > len(ws) {
		return false
	}
	for i, w := range end {
		if ws[len(ws)-len(end)+i] != w {
			return false
		}
	}
	return true
}

// definiteHead is a definite noun phrase read by the class nominal rule: "the" at
// toks[i], the head phrase, and where the phrase ends (before a possessive).
type definiteHead struct {
	head     string
	from, to int  // code points of the phrase
	poss     bool // written with a possessive ("the army’s")
}

// definiteHeadAt reads "the HEAD" at toks[i], HEAD one of the head phrases of the
// class lexicon or a descriptor noun, in lowercase; it returns false when none is
// there, or when a capitalized word or "of" follows it.
func definiteHeadAt(toks []scanToken, i int, descriptors map[string]descriptorEntry) (definiteHead, bool) {
	if toks[i].Lower != "the" {
		return definiteHead{}, false
	}
	for n := agentClasses.max; n >= 1; n-- {
		if i+n >= len(toks) {
			continue
		}
		words := make([]string, 0, n)
		ok := true
		last := toks[i+n]
		for _, t := range toks[i+1 : i+n+1] {
			if t.Kind != 'w' || !lowercaseWord(t) {
				ok = false
				break
			}
			words = append(words, t.Lower)
		}
		if !ok {
			continue
		}
		base, poss := stripPossessive(last.Lower)
		words[n-1] = base
		head := strings.Join(words, " ")
		_, isHead := agentClasses.heads[head]
		_, isDesc := descriptors[head]
		if !isHead && !(n == 1 && isDesc) {
			continue
		}
		end := last.End
		if poss {
			end = last.Start + len([]rune(base))
		}
		if !poss && i+n+1 < len(toks) && !clauseAfterHead(toks[i+n+1]) {
			if n == 1 && isDesc && agentClasses.descriptors[toks[i+2].Lower] && lowercaseWord(toks[i+2]) &&
				(i+3 >= len(toks) || clauseAfterHead(toks[i+3])) {
				// "the paramilitary group now holds": the descriptor and a body noun
				if b, p := stripPossessive(toks[i+2].Text); p {
					return definiteHead{head: head, from: toks[i].Start, to: toks[i+2].Start + len([]rune(b))}, true
				}
				return definiteHead{head: head, from: toks[i].Start, to: toks[i+2].End}, true
			}
			return definiteHead{}, false // "the army chief", "the government of Sudan", "the police case"
		}
		return definiteHead{head: head, from: toks[i].Start, to: end, poss: poss}, true
	}
	return definiteHead{}, false
}

// clauseAfterHead reports whether the token after a head noun lets the head end its
// noun phrase: punctuation, a function word ("has", "and", "which"), a verb of speech
// or dispute, a past tense ("-ed" or irregular) or an adverb in "-ly"; a capitalized
// word, "of" or any other lowercase word continues the phrase ("the army chief", "the
// police case", "the government of Sudan").
func clauseAfterHead(t scanToken) bool {
	if t.Kind != 'w' {
		return t.Kind != 'n'
	}
	if !lowercaseWord(t) {
		return false
	}
	w := t.Lower
	switch {
	case w == "of" || w == "for":
		return false
	case functionWords[w], speechVerbs[w], presentSpeechVerbs[w], irregularPast[w]:
		return true
	case disputeVerbs[w] != "":
		return true
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly")
}

// descriptorEntry is an organization described by a noun written before its name ("the
// paramilitary Rapid Support Forces"), with where; rec is nil when two organizations
// were so described.
type descriptorEntry struct {
	rec *entityRecord
	at  int
}

// prenominalDescriptors finds "the [MODIFIERS] NOUN ORG": one to three lowercase words
// or country adjectives or peoples ("Islamist") after "the", the last a lowercase noun, right before the name
// mention of an organization ("the paramilitary Rapid Support Forces", "the Lebanese
// militant group Hezbollah"). It returns each noun with its organization (nil when
// two organizations share the noun).
func (b *entityBuilder) prenominalDescriptors(toks []scanToken) map[string]descriptorEntry {
	out := map[string]descriptorEntry{}
	starts := map[int]*entityRecord{}
	for _, m := range b.mentions {
		if e := b.byID[m.Entity]; e != nil && m.Kind == MentionName && e.Kind == graph.KindOrganization {
			starts[m.Span.Start] = e
		}
	}
	for k := 1; k < len(toks); k++ {
		e := starts[toks[k].Start]
		if e == nil {
			continue
		}
		noun := toks[k-1]
		the := -1
		if n, at, ok := appositiveDescriptorAt(toks, k); ok {
			noun, the = n, at // "the union, the Association of Professional Flight Attendants," (entities_appositive_descriptor.go)
		} else if noun.Kind != 'w' || !lowercaseWord(noun) || !agentClasses.descriptors[noun.Lower] {
			continue // "the opposition All People’s Congress": no descriptor noun
		}
		for j := k - 2; the < 0 && j >= 0 && j >= k-4; j-- {
			t := toks[j]
			if t.Lower == "the" {
				the = j
				break
			}
			if t.Kind != 'w' || (!lowercaseWord(t) && entityWords.adjCountry[t.Text] == "" && !entityWords.peoples[t.Text] && !isCapWord(t)) || functionWords[t.Lower] { // capitalized modifiers too: "the Premier League club Velmora City"
				break
			}
		}
		if the < 0 {
			continue
		}
		if d, ok := out[noun.Lower]; ok && d.rec != e {
			out[noun.Lower] = descriptorEntry{at: d.at}
			continue
		} else if ok {
			continue
		}
		out[noun.Lower] = descriptorEntry{rec: e, at: toks[k].Start}
	}
	return out
}

// classNominals applies the class nominal rule (see the top of this file).
func (b *entityBuilder) classNominals() {
	if len(b.d.Runes) == 0 {
		return
	}
	toks := b.tx.scan(0, len(b.d.Runes))
	descriptors := b.prenominalDescriptors(toks)
	sort.SliceStable(b.mentions, func(x, y int) bool { return b.mentions[x].Span.Start < b.mentions[y].Span.Start })
	var named []Mention
	for _, m := range b.mentions {
		if m.Kind == MentionName {
			named = append(named, m)
		}
	}
	b.covered = newSpanIndex(b.mentions)
	b.firstUnknown = -1
	placeKeyed := map[*entityRecord]bool{}
	for _, x := range b.bodies {
		placeKeyed[x.rec] = true
	}
	for i := 0; i+1 < len(toks); i++ {
		h, ok := definiteHeadAt(toks, i, descriptors)
		if !ok || b.covered.overlaps(h.from, h.to) {
			continue
		}
		e, none := b.classReferent(named, placeKeyed, descriptors, h)
		if e != nil {
			b.mention(e, h.from, h.to, MentionNominal)
		} else if none && !h.poss && len(agentClasses.heads[h.head]) > 0 && !agentClasses.unscoped[h.head] && !b.companyNamedBefore(h, named) {
			b.mention(b.scopedEntity("the "+h.head), h.from, h.to, MentionNominal)
		}
	}
	b.covered = spanIndex{}
}

// spanIndex answers whether a span overlaps one of a set of spans: the spans sorted by
// start, with the furthest end reached so far.
type spanIndex struct {
	spans []Span
	reach []int
}

func newSpanIndex(ms []Mention) spanIndex {
	spans := make([]Span, len(ms))
	for k, m := range ms {
		spans[k] = m.Span
	}
	return spanIndexOf(spans)
}

// spanIndexOf indexes spans (it keeps the slice and sorts it). Its answers are those
// of a scan of every span: some span has Start < to and from < End.
func spanIndexOf(spans []Span) spanIndex {
	x := spanIndex{spans: spans, reach: make([]int, len(spans))}
	sort.Slice(x.spans, func(i, j int) bool { return x.spans[i].Start < x.spans[j].Start })
	for k, sp := range x.spans {
		x.reach[k] = sp.End
		if k > 0 {
			x.reach[k] = max(x.reach[k], x.reach[k-1])
		}
	}
	return x
}

// overlaps reports whether a span of the index overlaps [from, to).
func (x spanIndex) overlaps(from, to int) bool {
	k := sort.Search(len(x.spans), func(i int) bool { return x.spans[i].Start >= to }) - 1
	return k >= 0 && x.reach[k] > from
}

// classReferent returns the one organization that the definite phrase h refers to, or
// nil when none or several fit (the bool says that none fits at all, no name that
// may be of the class included); a company is not resolved across a capitalized word
// that no rule recognized ("Koch Industries ... Theranos ... the company's value": Theranos may
// be the company).
func (b *entityBuilder) classReferent(named []Mention, placeKeyed map[*entityRecord]bool, descriptors map[string]descriptorEntry, h definiteHead) (*entityRecord, bool) {
	var fits []*entityRecord
	last := map[*entityRecord]int{} // latest mention start of each fitting organization
	add := func(e *entityRecord, pos int) {
		if _, ok := last[e]; !ok {
			fits = append(fits, e)
			last[e] = pos
		}
		last[e] = max(last[e], pos)
	}
	described := false
	if d, ok := descriptors[h.head]; ok && d.at < h.from {
		if d.rec == nil {
			return nil, false
		}
		add(d.rec, d.at)
		described = true
	}
	classes := agentClasses.heads[h.head]
	var maybe []*entityRecord
	top := sort.Search(len(named), func(k int) bool { return named[k].Span.Start >= h.from })
	for k := top - 1; k >= 0 && top-k <= 500; k-- {
		m := named[k]
		if m.Span.End > h.from || len(classes) == 0 {
			continue
		}
		e := b.byID[m.Entity]
		if e == nil || e.Kind != graph.KindOrganization || brokenName(e.Name) {
			continue
		}
		if _, ok := b.byContext[e]; ok && slices.Contains(classes, "company") {
			return nil, false // a business named by context: rule "company nominal" decides (entities_company.go)
		}
		if hasClass(e, classes, placeKeyed[e]) {
			if described && !farClass(e, classes, placeKeyed[e]) {
				continue // a name that fits by a weak ending only ("near") does not compete with a descriptor of the head itself
			}
			add(e, m.Span.Start)
		} else if mayHaveClass(e, classes) {
			maybe = append(maybe, e)
		}
	}
	if len(fits) == 0 && len(maybe) == 0 {
		return nil, true
	}
	found := pickOne(fits)
	if found == nil {
		return nil, false
	}
	for _, e := range maybe {
		if e != found {
			return nil, false // "the company" after "Acme Group" and "Velmora Co": either may be meant
		}
	}
	if slices.Contains(classes, "company") && b.unknownNameBetween(last[found], h.from) {
		return nil, false
	}
	if len(classes) > 0 && !(described && found == descriptors[h.head].rec) && hasClass(found, classes, placeKeyed[found]) && !farClass(found, classes, placeKeyed[found]) && b.otherOrganizationBetween(named, found, last[found], h.from) {
		return nil, false // "the Department of Homeland Security ... Officials at Homeland Security Investigations ... the agency"
	}
	return found, false
}

// pickOne returns the one fitting organization, or nil when none or several fit.
// Recency is the window of classReferent (the 500 name mentions before the phrase); no
// nearer one wins over another inside it: read on PolNeAR train, "the party" after a
// sentence naming the Republican Party still meant the Democratic Party of the
// paragraph, and "the party" after "the Tea Party movement" the Republicans.
func pickOne(fits []*entityRecord) *entityRecord {
	if len(fits) != 1 {
		return nil
	}
	return fits[0]
}

// brokenName reports whether an organization's name opens with a function word other
// than "the" ("By Police", "To Police Memorial" from a headline): a name the rules cut
// wrongly is no antecedent.
func brokenName(name string) bool {
	first, _, _ := strings.Cut(name, " ")
	l := strings.ToLower(first)
	return l != "the" && functionWords[l]
}

// unknownNameBetween reports whether a capitalized word that no mention covers and
// that is no sentence's first word, function word, month, weekday, title, country
// adjective, people or given name stands in [from, to): an organization the rules did
// not recognize may be named there.
func (b *entityBuilder) unknownNameBetween(from, to int) bool {
	return b.unknownNameAfter(from, to) < to
}

// unknownNameAfter returns where the first such word in [from, to) starts, or to.
func (b *entityBuilder) unknownNameAfter(from, to int) int {
	toks := b.tx.scan(from, to)
	for k, t := range toks {
		if k == 0 || !isCapWord(t) || toks[k-1].Kind != 'w' && toks[k-1].Text != "," {
			continue // the first word, or one after a sentence end, a quote or a bracket
		}
		l := t.Lower
		if functionWords[l] || quantityWords.months[l] || calendarWords[l] || entityWords.titles[foldMarks(l)] || entityWords.adjCountry[t.Text] != "" ||
			entityWords.peoples[t.Text] || entityWords.firstNames[t.Text] != 0 || sentenceStarters[l] {
			continue
		}
		if !b.covered.overlaps(t.Start, t.End) {
			return t.Start
		}
	}
	return to
}

// demonymForces are the lowercase bodies that a listed country or demonym alone
// makes a body ("Russian forces" → Russia’s Forces; lowercaseBodyAt), though the noun
// needs a modifier after other names ("Special Operations forces").
var demonymForces = speakerWordClass("demonym_force")

// corporateSuffixAfter reports whether a capitalized corporate suffix follows toks[i]
// ("Boeing Co.", "Sterling Inc."): the word opens a company's name, even where it
// would open a sentence ("Boeing" is no participle there).
func corporateSuffixAfter(toks []scanToken, i int) bool {
	if i+1 >= len(toks) || !isCapWord(toks[i+1]) {
		return false
	}
	w := strings.ToLower(strings.TrimSuffix(toks[i+1].Text, "."))
	return corporateSuffixes[w] || corporateSuffixes[w+"."]
}

// withoutLeadingThe drops a capitalized "The" that a capitalized sequence of an
// organization took in where no sentence start was seen ("(Bloomberg) -- The Acme
// Group denied ...": the organization is "Acme Group", the same as a later "Acme
// Group" or "the Acme group"). It needs two words after "The"; outlets keep it ("The
// Lancet"), as they are not organizations here.
func withoutLeadingThe(toks []scanToken, i, j int, name string, start int) (string, int) {
	if j-i < 3 || toks[i].Text != "The" || toks[i].Start != start {
		return name, start
	}
	rest, ok := strings.CutPrefix(name, "The ")
	if !ok || rest == "" {
		return name, start
	}
	return rest, toks[i+1].Start
}

// scopedEntity returns the article-scoped organization named by a bare definite
// phrase ("the ministry") that refers to nothing named before it: an agent of this
// document only (graph.ArticleScopedAgentID, keyed by the document's text), so the
// statements and denials of "the ministry" keep a speaker that the article itself
// names, and two articles' "the ministry" stay two agents, never merged with each
// other or with a named ministry.
func (b *entityBuilder) scopedEntity(name string) *entityRecord {
	if e, ok := b.byName[name]; ok && graph.IsArticleScopedAgentID(e.ID) {
		return e
	}
	id := scopedAgentID(b.d, name)
	if e, ok := b.byID[id]; ok {
		return e
	}
	e := &entityRecord{Entity: Entity{ID: id, Name: name, Kind: graph.KindOrganization, Aliases: []string{}, Roles: []string{}}, first: len(b.d.Runes)}
	b.byName[name] = e
	b.byID[id] = e
	b.order = append(b.order, e)
	return e
}

// lowercaseWord reports whether a word is written in lowercase (a curly apostrophe
// aside: "party’s").
func lowercaseWord(t scanToken) bool { return t.Text == strings.ToLower(t.Text) }

// commercialClasses are the classes of businesses, which news names by bare words that
// no rule recognizes ("ByteDance", "Theranos").
var commercialClasses = speakerWordClass("commercial_class")

// companyNamedBefore reports whether the phrase may refer to something named before
// it that the rules could not classify: any organization, or for a state body ("the
// government") a country, or for a business ("the company") also a capitalized word no
// rule recognized. Then no article-scoped agent is made: the phrase is likely that
// name, and a second agent for it would hide it.
func (b *entityBuilder) companyNamedBefore(h definiteHead, named []Mention) bool {
	commercial := false
	for _, c := range agentClasses.heads[h.head] {
		commercial = commercial || commercialClasses[c]
	}
	for _, m := range named {
		if m.Span.End > h.from {
			break
		}
		e := b.byID[m.Entity]
		if e == nil || graph.IsArticleScopedAgentID(e.ID) {
			continue
		}
		if e.Kind == graph.KindOrganization || e.Kind == graph.KindCountry && !commercial {
			return true
		}
	}
	if !commercial {
		return false
	}
	if b.firstUnknown < 0 {
		b.firstUnknown = b.unknownNameAfter(0, len(b.d.Runes))
	}
	return b.firstUnknown < h.from
}

// addScopedEntity adds an article-scoped organization to d (or returns the one of
// that name) and returns its id: a body the text names only by a description ("the
// ruling party", "the regional military administration"), which is no agent of any
// other article.
func addScopedEntity(d *Document, name string, kind graph.AgentKind) string {
	id := scopedAgentID(d, name)
	if i := entityIndex(d, id); i >= 0 {
		return id
	}
	d.Entities = append(d.Entities, Entity{ID: id, Name: name, Kind: kind, Aliases: []string{}, Roles: []string{}})
	return id
}

// bodyAcronym defines "(ACRONYM)" right after a place-keyed body as its alias, as rule
// 6 does for other names: "the Sudanese Armed Forces (SAF) denied ... The SAF said"
// names Sudan’s Armed Forces twice.
func bodyAcronym(b *entityBuilder, rec *entityRecord, toks []scanToken, j int) {
	if acr := b.acronymAfter(toks, j); acr != "" {
		if _, taken := b.acronyms[acr]; !taken {
			b.acronyms[acr] = rec.Name
			addUnique(&rec.Aliases, acr)
		}
	}
}
