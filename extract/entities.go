package extract

import (
	"github.com/claimgraph/claimgraph/extract/lexicon"
	"sort"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
)

// Entities: people (with titles and appositive roles), organizations, news outlets,
// countries and groups. The lexicons hold general knowledge only — no person is
// listed anywhere: gazetteer.txt (major agencies, outlets, international and
// government bodies), countries.txt (every country with its capital and demonyms),
// firstnames.txt (given names from a public-domain registry list), titles.txt,
// orgwords.txt, placewords.txt, peoples.txt, groups.txt. Everything else comes from
// the rules below. Aliases are resolved within the document (surname → full name,
// "the ministry" → the one organization called a ministry, acronyms defined in
// parentheses) and across documents through canonical names, so Entity.ID =
// graph.AgentID(canonical name) is the same for the same agent everywhere.
//
// The rules, in the order findEntities tries them at each token (entityRules; each
// has test sentences in entities_test.go, keyed by its name):
//  1. group: [a|the] [senior|top|...] COUNTRY/DEMONYM/ORG [adjective] GROUP-NOUN
//     ("a senior U.S. official", "Israeli officials") → a group named by its words;
//     "the ORG adjective BODY-NOUN" ("the U.N. mapping office") → an organization
//     named by its words (bodyNominal);
//  2. title and name: [ORG/COUNTRY] TITLE Name ("U.N. Secretary-General Antonio
//     Guterres", "President Donald Trump", "Dr. Amina Yusuf") → a person with the
//     title as a role; a name in parentheses is the one used ("Lt Gen CJ (Kees)
//     Matthijssen" → Kees Matthijssen);
//  3. place body: "Gaza’s Health Ministry", "the Ukrainian Foreign Ministry",
//     "Ministry of Health in Sudan" → the body of that place (entities_bodies.go);
//     after a listed country or demonym also written in lowercase ("Sudan’s health
//     ministry", "the Sudanese army");
//  4. gazetteer: the longest known name or alias ("Israeli Defense Forces" → Israel
//     Defense Forces, "Khartoum" → Sudan); aliases marked "?" only in a reporting
//     context; not when a hyphen makes it an adjective ("U.S.-brokered");
//  5. interviewer outlet: "In an interview with X, ..." → X is an outlet when X names
//     no person;
//  6. capitalized sequence: an organization word ("Institute", "Ministry") makes an
//     organization or outlet; a given name (not of a place or people: "Coral
//     Springs", "Sunni Muslims") or, for two or three name-shaped words, a speech
//     verb, a role around it or the last word used alone elsewhere ("Olena Kovalenko
//     ... Kovalenko said") makes a person; "(ACRONYM)" right after defines an alias;
//     other single words are kept as surname/acronym candidates, also at the start
//     of a sentence; an unknown acronym followed by an appositive ending in a body
//     noun ("VSTAT, Velmora's statistics agency,") is an organization, and so is
//     any unknown single word before a closed appositive headed by a body noun
//     ("Eurelectric, the association representing the sector,"; that noun then
//     refers back to it: "The association said"); a capitalized role ("Chief
//     Financial Officer") is no person, and an unknown name in apposition right
//     after one is ("Acme's Chief Executive Officer, Jane Roe, said"); a title and
//     a name inside the sequence ("Acme Institute Director-General Jane Roe") split
//     it: the words before are an organization (unless they hold a title), the
//     title and name are left to rule 2; a hyphenated name particle ("al-Tayeb")
//     counts as a capitalized word, and lowercase particles ("de", "von der", "bin")
//     join the words of a name that opens with a given name; one name-shaped word
//     after a lowercase title and before a speech verb is a person ("WHO chief
//     Velkonis said");
//  7. appositive roles: "NAME, ROLE," / "the ROLE, NAME," / "Place's ROLE, NAME," / "NAME, who ROLE," /
//     "NAME is the ROLE" / "IDF soldier NAME" (a lowercase title before the name);
//  8. aliases: a single capitalized word equal to a known person's surname or given
//     name, or to an acronym defined earlier, is that entity ("Brodie said"); so is
//     the name of a company named before with a corporate suffix ("Microsoft" after
//     "Microsoft Corporation"; companyByShortName);
//     then company by context (entities_company.go): a bare capitalized word that the
//     text treats as a business ("Velmora's shares", "Velmora employees", "Velmora
//     said that it had laid off ...") is an organization; "the company", "the firm",
//     "the carmaker" after it are resolved by its rule "company nominal" after rule 10;
//  9. nominals: "the ministry", "the council"... → the one organization named before
//     whose name or alias has that word; none when two or more have it; "the
//     company"/"the firm" also fits a name ending in a corporate suffix ("Acme Foods
//     Inc."); "the NOUN" after "ORG, a/an ... NOUN," ("a Corvia-based war monitor")
//     is that organization (descriptorNominals);
//  10. class nominals (entities_agents.go): "the army", "the company", "the
//     paramilitary" → the one organization of that class (lexicon/agent_classes.txt)
//     or so described named before in the document; none when two compete; with
//     nothing of any kind named before, an agent of the article only.

type gazEntry struct {
	canon string
	kind  graph.AgentKind
	ctx   bool // only in a reporting context
}

type entityLexicon struct {
	gaz        map[string]gazEntry // folded alias key → entry
	gazMax     int                 // longest alias in tokens
	gazLens    map[string][]int    // folded first word → alias lengths, longest first
	adjCountry map[string]string   // "Israeli" → "Israel"
	titles     map[string]bool     // folded title key
	titleMax   int
	titleFirst map[string]bool   // lowercased first word of a title
	groups     map[string]string // "officials" → "plural"
	orgWords   map[string]graph.AgentKind
	placeWords map[string]bool // organization words of public bodies a place keys ("Ministry")
	firstNames map[string]byte // m, f or u (either)
	placeEnds  map[string]bool // last words of place names ("Island", "County")
	peoples    map[string]bool // peoples, faiths, political camps ("Muslims", "Republicans")
	groupPre   map[string]bool
	nominals   map[string]bool
}

var entityWords = loadEntLexicon()

// countryNames holds every written form of a country name or adjective, lowercased
// ("u.s.", "israel", "british"); quantities.go skips them in counted nouns.
var countryNames = map[string]bool{}

// lookupKey is the look-up key of a token sequence: the words with apostrophes and
// dashes folded, case kept, joined by spaces.
func lookupKey(toks []scanToken) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(foldMarks(t.Text))
	}
	return b.String()
}

func foldMarks(s string) string {
	if strings.ContainsAny(s, "’‘‐‑") {
		s = markFolder.Replace(s)
	}
	return s
}

func lookupKeyOf(s string) (string, int) {
	r := []rune(s)
	toks := scanRunes(r, 0, len(r))
	return lookupKey(toks), len(toks)
}

func loadEntLexicon() *entityLexicon {
	l := &entityLexicon{titleFirst: map[string]bool{}, gaz: map[string]gazEntry{}, gazLens: map[string][]int{}, adjCountry: map[string]string{}, titles: map[string]bool{},
		groups: map[string]string{}, orgWords: map[string]graph.AgentKind{}, placeWords: map[string]bool{}, firstNames: map[string]byte{},
		placeEnds: map[string]bool{}, peoples: map[string]bool{},
		groupPre: map[string]bool{}, nominals: map[string]bool{}}
	add := func(alias string, e gazEntry) {
		alias = strings.TrimSpace(alias)
		if alias == "" {
			return
		}
		if strings.HasPrefix(alias, "?") {
			alias = alias[1:]
			e.ctx = true
		}
		for _, p := range []string{"the ", "The "} {
			alias = strings.TrimPrefix(alias, p)
		}
		k, n := lookupKeyOf(alias)
		if _, dup := l.gaz[k]; dup {
			return // the first line that lists a name wins
		}
		l.gaz[k] = e
		if n > l.gazMax {
			l.gazMax = n
		}
		first, _, _ := strings.Cut(k, " ")
		lens := l.gazLens[first]
		for _, x := range lens {
			if x == n {
				return
			}
		}
		lens = append(lens, n)
		sort.Sort(sort.Reverse(sort.IntSlice(lens)))
		l.gazLens[first] = lens
	}
	for _, f := range lexiconRows("gazetteer.txt") {
		e := gazEntry{canon: strings.TrimPrefix(f[0], "?"), kind: graph.AgentKind(f[1])}
		add(f[0], e)
		if len(f) > 2 {
			for _, a := range strings.Split(f[2], "|") {
				add(a, e)
			}
		}
	}
	for _, f := range lexiconRows("countries.txt") {
		e := gazEntry{canon: f[0], kind: graph.KindCountry}
		add(f[0], e)
		countryNames[strings.ToLower(f[0])] = true
		if len(f) > 1 {
			for _, a := range strings.Split(f[1], "|") {
				if a != "" {
					add(a, e)
					countryNames[strings.ToLower(a)] = true
				}
			}
		}
		if len(f) > 2 {
			for _, a := range strings.Split(f[2], "|") {
				if a != "" {
					l.adjCountry[a] = f[0]
					countryNames[strings.ToLower(a)] = true
				}
			}
		}
	}
	for _, f := range lexiconRows("titles.txt") {
		k, n := lookupKeyOf(strings.ToLower(f[0]))
		l.titles[k] = true
		first, _, _ := strings.Cut(k, " ")
		l.titleFirst[first] = true
		if n > l.titleMax {
			l.titleMax = n
		}
	}
	for _, f := range lexiconRows("groups.txt") {
		l.groups[f[0]] = f[1]
	}
	for _, f := range lexiconRows("orgwords.txt") {
		l.orgWords[f[0]] = graph.AgentKind(f[1])
		if len(f) > 2 && f[2] == "place" {
			l.placeWords[f[0]] = true
		}
	}
	for _, f := range lexiconRows("placewords.txt") {
		l.placeEnds[f[0]] = true
	}
	for _, f := range lexiconRows("peoples.txt") {
		l.peoples[f[0]] = true
	}
	for _, f := range lexiconRows("firstnames.txt") {
		l.firstNames[f[0]] = f[1][0]
	}
	for _, f := range lexiconRows("group_premodifiers.txt") {
		l.groupPre[f[0]] = true
	}
	for _, f := range lexiconRows("nominals.txt") {
		l.nominals[f[0]] = true
	}
	return l
}

// entityBuilder collects entities and mentions for one document.
type entityBuilder struct {
	d        *Document
	byName   map[string]*entityRecord
	order    []*entityRecord
	mentions []Mention
	acronyms map[string]string // defined in this document: "ISF" → canonical
	// orgInitials, set while resolvePending runs (which adds no entity and changes no
	// name or kind), holds the initials of every organization of byID: a word not in
	// it names none by its initials (bodyByInitials), without a scan of the mentions.
	orgInitials map[string]bool
	// nameWords caches agentNameWords by name, for nameEndsWithWords
	nameWords map[string][]string
	// titleAcronyms are the acronyms of titles defined in this document ("Minister of
	// State (MoS)"): a title before a name for the rest of it (entities_portfolio.go)
	titleAcronyms map[string]bool
	// unknownFull are the two-word name-shaped sequences no rule gave a kind, by their
	// last word ("Wierzbicki" → "Tomasz Wierzbicki"; entities_honorificfull.go)
	unknownFull map[string][]string
	pending     []pendingMention // single capitalized words to resolve at the end
	byID        map[string]*entityRecord
	surnames    map[string]*entityRecord // last word of a person's full name → the first such person
	// bySurname lists every person of the document whose full name ends in the word, in
	// the order they were named (an honorific picks among them by gender).
	bySurname map[string][]*entityRecord
	given     map[string]*entityRecord // first word of a person's full name → the first such person
	memo      []gazMemo                // gazMatch results for the current sentence
	tx        *scanText
	bodies    []placeKeyedBody // public bodies keyed by their place (entities_bodies.go)
	// covered and firstUnknown serve the class nominal rule (entities_agents.go): the
	// mentions before it, and where the first unrecognized name stands (-1: not sought)
	covered      spanIndex
	firstUnknown int
	// standalone holds the capitalized name-shaped words that stand alone somewhere
	// in the document ("Brodie said"): a surname used alone makes the full name
	// before it a person.
	standalone map[string]bool
	// lowercase holds the words the document writes in lowercase somewhere: a
	// capitalized word that is also written lowercase is an ordinary word
	// ("Against", "National"), not the first word of an unlisted name.
	lowercase map[string]bool
	// byContext holds the organizations of rule "company by context" (entities_company.go),
	// with the business nouns that describe them ("chipmaker"); the nominal rules leave
	// "the company" to rule "company nominal" when one was named before.
	byContext map[*entityRecord][]string
}

type gazMemo struct {
	done bool
	ok   bool
	n    int
	e    gazEntry
}

type entityRecord struct {
	Entity
	first int
}

// honorificGenders maps an honorific without its period ("mrs") to the gender it says.
var honorificGenders = func() map[string]byte {
	m := map[string]byte{}
	for k, v := range lexicon.Map("honorifics.txt") { // lexicon/honorifics.txt
		m[k] = v[0]
	}
	return m
}()

// honorificGender returns the gender an honorific title says ("Mrs." → f), or 0.
func honorificGender(title string) byte {
	return honorificGenders[strings.TrimSuffix(strings.ToLower(title), ".")]
}

// personGender returns a person's gender from their first name, else from an
// honorific among their roles ("Mr."), or 0 when neither says it.
func personGender(e *Entity) byte {
	if g := firstNameGender(e); g != 0 {
		return g
	}
	for _, r := range e.Roles {
		if g := honorificGender(r); g != 0 {
			return g
		}
	}
	return 0
}

type pendingMention struct {
	text  string
	start int
	end   int
}

func (b *entityBuilder) entity(name string, kind graph.AgentKind, at int) *entityRecord {
	if e, ok := b.byName[name]; ok {
		if e.Kind == graph.KindUnknown && kind != graph.KindUnknown {
			e.Kind = kind
		}
		return e
	}
	// two names with the same id are one entity
	id := graph.AgentID(name)
	if e, ok := b.byID[id]; ok {
		b.byName[name] = e
		return e
	}
	e := &entityRecord{Entity: Entity{ID: id, Name: name, Kind: kind, Aliases: []string{}, Roles: []string{}}, first: at}
	b.byName[name] = e
	b.byID[id] = e
	b.order = append(b.order, e)
	if kind == graph.KindPerson {
		if f := strings.Fields(name); len(f) > 1 && honorificGender(f[0]) == 0 {
			if b.surnames[f[len(f)-1]] == nil {
				b.surnames[f[len(f)-1]] = e
			}
			b.bySurname[f[len(f)-1]] = append(b.bySurname[f[len(f)-1]], e)
			if b.given[f[0]] == nil {
				b.given[f[0]] = e
			}
			b.registerParticleSurnames(e) // "Von der Leyen" (entities_particlenames.go)
		}
	}
	return e
}

func (b *entityBuilder) mention(e *entityRecord, s, t int, kind MentionKind) {
	if s >= t {
		return
	}
	if s < e.first {
		e.first = s
	}
	text := strings.TrimSpace(string(b.d.Runes[s:t]))
	if base, ok := stripPossessive(text); ok {
		text = base
	}
	if text != e.Name && kind == MentionName {
		addUnique(&e.Aliases, text)
	}
	b.mentions = append(b.mentions, Mention{Entity: e.ID, Span: makeSpan(b.d.Runes, s, t), Kind: kind})
}

func addUnique(list *[]string, s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	for _, x := range *list {
		if x == s {
			return
		}
	}
	*list = append(*list, s)
}

// sentenceSpans returns the sentences of d as spans, or the whole text as one
// sentence when the document has none.
func sentenceSpans(d *Document) []Span {
	if len(d.Sentences) == 0 {
		if len(d.Runes) == 0 {
			return nil
		}
		return []Span{{Start: 0, End: len(d.Runes)}}
	}
	out := make([]Span, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = Span{Start: s.Start, End: s.End}
	}
	return out
}

// findEntities fills d.Entities and d.Mentions (names and nominals; pronouns are
// added by resolveSpeakers).
func findEntities(d *Document) {
	b := &entityBuilder{d: d, byName: map[string]*entityRecord{}, acronyms: map[string]string{}, byID: map[string]*entityRecord{},
		surnames: map[string]*entityRecord{}, bySurname: map[string][]*entityRecord{}, given: map[string]*entityRecord{}, tx: scanTextOf(d), standalone: map[string]bool{}, lowercase: map[string]bool{}}
	spans := sentenceSpans(d)
	for _, ss := range spans {
		b.noteStandalone(b.tx.scan(ss.Start, ss.End))
	}
	for _, ss := range spans {
		toks := b.tx.scan(ss.Start, ss.End)
		if cap(b.memo) < len(toks) {
			b.memo = make([]gazMemo, len(toks))
		}
		b.memo = b.memo[:len(toks)]
		clear(b.memo)
		b.sentence(toks)
	}
	b.resolvePending()
	b.classNamedOrganizations()             // entities_classnamed.go
	b.byContext = companyByContext.apply(b) // entities_company.go
	b.nominals()
	b.outletNominals()
	b.descriptorNominals()
	b.classNominals()
	b.nameTailNominals() // entities_nametail.go
	companyNominal.apply(b, b.byContext)
	b.finish()
}

// entityRule is one rule that findEntities tries at each token of a sentence: apply
// returns the number of tokens it used, or 0 when the rule does not apply there.
// sentStart tells whether the token is the sentence's first word.
type entityRule struct {
	name  string
	apply func(b *entityBuilder, toks []scanToken, i int, sentStart bool) int
}

// entityRules are the token rules in the order they are tried (rules 1–6 of the
// header; rule 7 runs inside them). Every rule has test sentences in
// testdata/rules/entities/NAME.tsv (spaces as hyphens), run by TestEntityRules.
var entityRules = []entityRule{
	{"group", func(b *entityBuilder, toks []scanToken, i int, _ bool) int { return b.group(toks, i) }},
	{"title and name", func(b *entityBuilder, toks []scanToken, i int, _ bool) int { return b.titled(toks, i) }},
	{"body named after a place with its acronym", (*entityBuilder).placeAcronymBody}, // entities_placeacronym.go
	{"place body", (*entityBuilder).placeBody},
	{"gazetteer", func(b *entityBuilder, toks []scanToken, i int, _ bool) int { return b.gazetteer(toks, i) }},
	{"interviewer outlet", func(b *entityBuilder, toks []scanToken, i int, _ bool) int { return b.interviewer(toks, i) }},
	{"capitalized body in lowercase", (*entityBuilder).capitalizedLowercaseBody},
	{"capitalized sequence", (*entityBuilder).capSeq},
}

// sentence applies the token rules to one sentence.
func (b *entityBuilder) sentence(toks []scanToken) {
	startIdx := firstWordOf(toks)
	for i := 0; i < len(toks); {
		n := 0
		for _, r := range entityRules {
			if n = r.apply(b, toks, i, i == startIdx); n > 0 {
				break
			}
		}
		i += max(n, 1)
	}
}

// noteStandalone records the capitalized name-shaped words of a sentence that stand
// alone, with no capitalized word next to them ("Brodie said", "said Brodie"); a
// sentence's first word counts only when a lowercase word follows it.
func (b *entityBuilder) noteStandalone(toks []scanToken) {
	first := firstWordOf(toks)
	for k, t := range toks {
		if t.Kind == 'w' && t.Text == t.Lower {
			b.lowercase[t.Lower] = true
		}
		if !isCapWord(t) {
			continue
		}
		base, _ := stripPossessive(t.Text)
		if !nameShaped(base) || sentenceStarters[strings.ToLower(base)] {
			continue
		}
		if k > 0 && isCapWord(toks[k-1]) || k+1 < len(toks) && isCapWord(toks[k+1]) {
			continue
		}
		if k == first && (k+1 >= len(toks) || toks[k+1].Kind != 'w' || toks[k+1].Text != toks[k+1].Lower) {
			continue
		}
		b.standalone[base] = true
	}
}

// firstWordOf is the index of the first word token (after opening quotes).
func firstWordOf(toks []scanToken) int {
	for i, t := range toks {
		if t.Kind == 'w' || t.Kind == 'n' {
			return i
		}
	}
	return 0
}

func isCapWord(t scanToken) bool {
	if t.Kind == 'w' && particleName(t.Text) {
		return true
	}
	if t.Kind != 'w' || !isCapitalized(t.Text) {
		return false
	}
	// "Hamas-led", "U.S.-brokered": an adjective made with a lowercase suffix
	if k := strings.LastIndexAny(t.Text, "-‐‑"); k > 0 {
		rest := []rune(t.Text[k:])
		if len(rest) > 1 && unicode.IsLower(rest[1]) {
			return false
		}
	}
	return true
}

// nameParticles are the lowercase particles joined by a hyphen to a capitalized
// name (Arabic articles: "al-Ghazali", "el-Sayed", "ash-Shami").
var nameParticles = []string{"al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-", "ed-", "es-"}

// particleName reports whether w is a lowercase name particle joined by a hyphen to a
// capitalized name ("al-Ghazali"), which is a word of a name like a capitalized one.
func particleName(w string) bool {
	for _, p := range nameParticles {
		if rest := strings.TrimPrefix(w, p); rest != w && isCapitalized(rest) && len(rest) > 1 {
			return true
		}
	}
	return false
}

// gazMatch finds the longest gazetteer entry starting at token i; the last token may
// carry a possessive ("Britain’s").
func (b *entityBuilder) gazMatch(toks []scanToken, i int) (gazEntry, int, bool) {
	if i < len(b.memo) && len(b.memo) == len(toks) {
		m := &b.memo[i]
		if !m.done {
			m.e, m.n, m.ok = b.gazMatchAt(toks, i)
			m.done = true
		}
		return m.e, m.n, m.ok
	}
	return b.gazMatchAt(toks, i)
}

func (b *entityBuilder) gazMatchAt(toks []scanToken, i int) (gazEntry, int, bool) {
	if toks[i].Kind != 'w' && toks[i].Kind != 'n' {
		return gazEntry{}, 0, false
	}
	lens := entityWords.gazLens[foldMarks(toks[i].Text)]
	if base, poss := stripPossessive(toks[i].Text); poss {
		if _, ok := entityWords.gaz[foldMarks(base)]; ok {
			lens = append(append([]int{}, lens...), 1)
		}
	}
	for _, n := range lens {
		if i+n > len(toks) {
			continue
		}
		seq := toks[i : i+n]
		if seq[0].Kind != 'w' && seq[0].Kind != 'n' {
			return gazEntry{}, 0, false
		}
		k := lookupKey(seq)
		e, ok := entityWords.gaz[k]
		if !ok {
			base, poss := stripPossessive(seq[n-1].Text)
			if !poss {
				continue
			}
			last := seq[n-1]
			last.Text = base
			k = lookupKey(append(append([]scanToken{}, seq[:n-1]...), last))
			if e, ok = entityWords.gaz[k]; !ok {
				continue
			}
		}
		// the next word must not continue a capitalized name ("Washington Post" is not
		// Washington), unless it is an organization word that makes a new name
		if i+n < len(toks) && isCapWord(toks[i+n]) && toks[i+n].Start == toks[i+n-1].End+1 && n == 1 && e.kind != graph.KindOutlet {
			if _, org := entityWords.orgWords[toks[i+n].Text]; org {
				return gazEntry{}, 0, false
			}
		}
		if e.ctx && !reportingContext(toks, i, i+n) {
			continue
		}
		return e, n, true
	}
	return gazEntry{}, 0, false
}

// reportingContext reports whether toks[i:j] stands where a news outlet would:
// after "with", "told", "to", "by", "from", "according to", or before "reported".
func reportingContext(toks []scanToken, i, j int) bool {
	if i > 1 && toks[i-1].Lower == "the" {
		i-- // "told the Hill"
	}
	if i > 0 {
		switch toks[i-1].Lower {
		case "with", "told", "to", "by", "from", "tells":
			return true
		}
	}
	if j < len(toks) {
		switch toks[j].Lower {
		case "reported", "reports", "reporting", "said", "says":
			return true
		}
	}
	return false
}

func (b *entityBuilder) gazetteer(toks []scanToken, i int) int {
	e, n, ok := b.gazMatch(toks, i)
	if !ok {
		return 0
	}
	// "U.S.-brokered", "Israel-based": a name made into an adjective is no mention
	if end := toks[i+n-1].End; end+1 < len(b.d.Runes) && isDash(b.d.Runes[end]) && unicode.IsLower(b.d.Runes[end+1]) {
		return n
	}
	if e.kind != graph.KindOutlet {
		if m := b.dateline(toks, i, i+n); m > 0 {
			return m
		}
	}
	if p := b.surnameNotPlace(toks, i, n, e); p != nil {
		b.mention(p, toks[i].Start, toks[i].Start+len([]rune(e.canon)), MentionName)
		return n // "Greenland and his co-authors" after "Dr Philip Greenland" (entities_particlenames.go)
	}
	rec := b.entity(e.canon, e.kind, toks[i].Start)
	end := toks[i+n-1].End
	if base, poss := stripPossessive(toks[i+n-1].Text); poss {
		end = toks[i+n-1].Start + len([]rune(base))
	}
	b.mention(rec, toks[i].Start, end, MentionName)
	if e.kind == graph.KindPerson {
		b.appositives(rec, toks, i, i+n)
	}
	if m := b.acronymAfter(toks, i+n); m != "" {
		b.acronyms[m] = rec.Name
		addUnique(&rec.Aliases, m)
	}
	return n
}

// dateline reads a wire dateline whose place is toks[i:j]: "GAZA CITY (AP) —",
// "WASHINGTON (Reuters) -", "GAZA CITY, Gaza Strip (AP) —", "WASHINGTON, Nov. 25
// (Reuters) -", at the start of a line. The place is no agent and the name in
// parentheses is the wire agency: a known outlet is left to the gazetteer, an unknown
// acronym becomes an outlet. It returns the tokens used (the place, or the place and
// the parenthesized agency), or 0 when toks[i:j] is no dateline place.
func (b *entityBuilder) dateline(toks []scanToken, i, j int) int {
	datePart := func(t scanToken) bool { return t.Text == "," || (t.Kind == 'w' && isCapitalized(t.Text)) }
	for _, t := range toks[i:j] {
		if t.Kind != 'w' || !isCapitalized(t.Text) {
			return 0
		}
	}
	// only capitalized words and commas before it on its line
	first := i
	for first > 0 && i-first < 8 && datePart(toks[first-1]) && !strings.ContainsRune(string(b.d.Runes[toks[first-1].End:toks[first].Start]), '\n') {
		first--
	}
	if !b.lineStart(toks[first].Start) {
		return 0
	}
	// up to the parenthesis: commas, capitalized words, a day number
	open := j
	for open < len(toks) && open-j < 8 && toks[open].Text != "(" {
		if !datePart(toks[open]) && toks[open].Kind != 'n' {
			return 0
		}
		open++
	}
	if open >= len(toks) || toks[open].Text != "(" {
		return 0
	}
	close := -1
	for k := open + 1; k < len(toks) && k <= open+4; k++ {
		if toks[k].Text == ")" {
			close = k
			break
		}
		if toks[k].Kind != 'w' || !isCapitalized(toks[k].Text) {
			return 0
		}
	}
	if close <= open+1 || close+1 >= len(toks) {
		return 0
	}
	switch toks[close+1].Text {
	case "—", "–", "-", "‐", "‑":
	default:
		return 0
	}
	if e, n, ok := b.gazMatch(toks, open+1); ok && open+1+n == close {
		if e.kind != graph.KindOutlet {
			return 0
		}
		return j - i
	}
	if close != open+2 || !isAcronym(toks[open+1].Text) {
		return 0
	}
	if open > j {
		return j - i // the agency is read with the last part of the place
	}
	a := toks[open+1]
	rec := b.entity(a.Text, graph.KindOutlet, a.Start)
	b.mention(rec, a.Start, a.End, MentionName)
	return close + 1 - i
}

// lineStart reports whether only spaces stand between the start of its line and
// code point p.
func (b *entityBuilder) lineStart(p int) bool {
	for k := p - 1; k >= 0; k-- {
		r := b.d.Runes[k]
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// acronymAfter returns the acronym in "(ACRONYM)" at token j, or "".
func (b *entityBuilder) acronymAfter(toks []scanToken, j int) string {
	if j+2 < len(toks) && toks[j].Text == "(" && toks[j+2].Text == ")" && isAcronym(toks[j+1].Text) {
		return toks[j+1].Text
	}
	return ""
}

func isAcronym(s string) bool {
	r := []rune(strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), "&", "")) // "U.N.", "AT&T"
	if len(r) < 2 || len(r) > 10 {
		return false
	}
	upper := 0
	for _, c := range r {
		if unicode.IsUpper(c) {
			upper++
		} else if !unicode.IsLower(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return upper >= 2 && upper*2 >= len(r)
}

// group applies rule 1 at token i and returns the tokens used, or 0.
func (b *entityBuilder) group(toks []scanToken, i int) int {
	j := i
	start := i
	if j < len(toks) && (toks[j].Lower == "a" || toks[j].Lower == "an" || toks[j].Lower == "the") {
		j++
		start = j
	}
	for j < len(toks) && entityWords.groupPre[toks[j].Lower] {
		j++
	}
	mods := 0
	for j < len(toks) && mods < 3 {
		t := toks[j]
		if _, ok := entityWords.adjCountry[t.Text]; ok {
			j++
			mods++
			continue
		}
		if e, n, ok := b.gazMatch(toks, j); ok && e.kind != graph.KindPerson {
			if _, poss := stripPossessive(toks[j+n-1].Text); poss {
				break
			}
			j += n
			mods++
			continue
		}
		break
	}
	if mods == 0 {
		return 0
	}
	// up to two lowercase modifiers: "Israeli security officials"
	for k := 0; k < 3 && j < len(toks); k++ {
		t := toks[j]
		if t.Kind != 'w' {
			return 0
		}
		if _, ok := entityWords.groups[t.Lower]; ok && t.Text == t.Lower {
			if entityWords.placeWords[strings.ToUpper(t.Lower[:1])+t.Lower[1:]] {
				return 0 // "Palestinian police": a public body of the place (rule 3)
			}
			name := string(b.d.Runes[toks[start].Start:t.End])
			name = collapseSpace(name)
			rec := b.groupEntity(name, toks[start].Start) // "Sudanese officials" of this article only
			b.mention(rec, toks[start].Start, t.End, MentionName)
			return j + 1 - i
		}
		if n := b.bodyNominal(toks, i, start, j); n > 0 {
			return n
		}
		if t.Text != t.Lower || quantityWords.stops[t.Lower] || groupBreakWords[t.Lower] {
			return 0
		}
		j++
	}
	return 0
}

// groupBreakWords end a group's lowercase modifiers: the words of reporting and the
// closed classes ("the World Health Organization said inspectors ..." names no group
// "World Health Organization said inspectors"); lexicon/cue_words.txt and
// lexicon/function_words.txt.
var groupBreakWords = func() map[string]bool {
	m := lexicon.Set("cue_words.txt")
	for w := range lexicon.Set("function_words.txt") {
		m[w] = true
	}
	return m
}()

// bodyNominal applies rule 1's "named body": "the ORG adjective BODY-NOUN", with an
// organization's name and a lowercase modifier before a body noun (lexicon nominals:
// office, agency, ministry ...): "the U.N. mapping office" → an organization named
// "U.N. mapping office", which "the office" later refers to; without a modifier
// ("the U.N. agency") it points back and names nothing new. A country or demonym
// before the noun ("the Israeli army") is left to the country. toks[start:j] are the
// modifiers read by group; it returns the tokens used, or 0.
func (b *entityBuilder) bodyNominal(toks []scanToken, i, start, j int) int {
	if start == i || toks[i].Lower != "the" {
		return 0
	}
	e, n, ok := b.gazMatch(toks, start)
	if !ok || e.kind != graph.KindOrganization || start+n >= j {
		return 0 // "the U.N. agency" without a modifier points back to an agency named before
	}
	t := toks[j]
	if !entityWords.nominals[t.Lower] || t.Text != t.Lower || t.Lower == "government" {
		return 0
	}
	name := collapseSpace(string(b.d.Runes[toks[start].Start:t.End]))
	rec := b.entity(name, graph.KindOrganization, toks[start].Start)
	b.mention(rec, toks[start].Start, t.End, MentionName)
	return j + 1 - i
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// titleAt returns the length of the longest title starting at token i, or 0.
func titleAt(toks []scanToken, i int) int {
	if i >= len(toks) || !isCapitalized(toks[i].Text) || !entityWords.titleFirst[toks[i].Lower] {
		return 0
	}
	for n := min(entityWords.titleMax, len(toks)-i); n >= 1; n-- {
		var b strings.Builder
		for k, t := range toks[i : i+n] {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t.Lower)
		}
		if entityWords.titles[b.String()] {
			return n
		}
	}
	return 0
}

// titled applies rule 2 at token i: [ORG/COUNTRY] TITLE Name.
func (b *entityBuilder) titled(toks []scanToken, i int) int {
	j := i
	if e, n, ok := b.gazMatch(toks, i); ok && e.kind != graph.KindPerson {
		j = i + n
	} else if _, ok := entityWords.adjCountry[toks[i].Text]; ok {
		j = i + 1
	}
	j, tn := b.portfolioTitleAt(toks, j) // "Union Minister for Tourism", "MoS Singh" (entities_portfolio.go)
	if tn == 0 {
		return 0
	}
	pn, acronym := portfolioAfterTitle(toks, j+tn) // "Minister for Tourism and Culture" (entities_portfolio.go)
	if acronym != "" {
		b.noteTitleAcronym(acronym)
	}
	k := j + tn + pn
	nameStart := k
	for k < len(toks) && k-nameStart < 5 {
		if t := toks[k]; t.Text == "." && k > nameStart && isInitial(toks[k-1]) && k+1 < len(toks) && isCapWord(toks[k+1]) && toks[k+1].Start == t.End+1 {
			k++ // "James C. Cacheris": an initial's period
			continue
		}
		if n := titledNameParticles(toks, nameStart, k); n > 0 {
			k += n // "Acme CEO Jan van Rest" (entities_titledparticle.go)
			continue
		}
		if !isCapWord(toks[k]) || k-nameStart >= 4 || nameBreakWords[toks[k].Lower] || (k == nameStart && calendarWords[toks[k].Lower]) {
			break
		}
		if _, org := entityWords.orgWords[toks[k].Text]; org {
			return 0
		}
		if titleAt(toks, k) > 0 {
			return 0 // "Republican Indiana Gov. Mike Pence": the last title is the one
		}
		k++
		if _, poss := stripPossessive(toks[k-1].Text); poss {
			break
		}
	}
	if k == nameStart {
		return 0
	}
	nameToks := toks[nameStart:k]
	end := nameToks[len(nameToks)-1].End
	last := nameToks[len(nameToks)-1]
	if base, poss := stripPossessive(last.Text); poss {
		end = last.Start + len([]rune(base))
		last.Text = base
		nameToks = append(append([]scanToken{}, nameToks[:len(nameToks)-1]...), last)
	}
	name := collapseSpace(string(b.d.Runes[nameToks[0].Start:end]))
	canon := name
	if e, ok := entityWords.gaz[lookupKey(nameToks)]; ok && e.kind == graph.KindPerson {
		canon = e.canon
	} else if len(nameToks) == 1 {
		canon = b.honorificCanon(name, collapseSpace(string(b.d.Runes[toks[j].Start:toks[j+tn-1].End])))
		if title := string(b.d.Runes[toks[j].Start:toks[j+tn-1].End]); canon == title+" "+name {
			nameToks = toks[j:k] // "Mrs. Trump" is the whole name: no alias "Trump"
		}
	}
	// "CJ (Kees) Matthijssen": the name in parentheses is the one used, with the surname
	alias := ""
	if k+3 < len(toks) && toks[k].Text == "(" && isCapWord(toks[k+1]) && toks[k+2].Text == ")" && isCapWord(toks[k+3]) {
		alias = collapseSpace(string(b.d.Runes[nameToks[0].Start:toks[k+3].End]))
		canon = toks[k+1].Text + " " + toks[k+3].Text
		end = toks[k+3].End
		k += 4
	}
	rec := b.entity(canon, graph.KindPerson, nameToks[0].Start)
	role := collapseSpace(string(b.d.Runes[toks[i].Start:toks[j+tn+pn-1].End]))
	addUnique(&rec.Roles, role)
	b.mention(rec, nameToks[0].Start, end, MentionName)
	if alias != "" {
		addUnique(&rec.Aliases, alias)
	}
	b.appositives(rec, toks, nameStart, k)
	return k - i
}

// honorificCanon returns the canonical name of a titled surname ("Mr. Trump", title
// the honorific or other title as written): among the persons named in full before
// with that surname, the one whose gender fits the title's (from an honorific; any for
// a title that says none), the first of them when several fit a title without gender;
// else the surname itself, or, when an entity of the other gender already holds the
// surname as its name, the honorific and surname as written ("Mrs. Trump" after a
// "Mr. Trump" who was never named in full). Two fitting persons for a gendered title
// leave the surname alone: a wrong speaker is worse than a vague one.
func (b *entityBuilder) honorificCanon(surname, title string) string {
	g := honorificGender(title)
	var fit []*entityRecord
	for _, e := range b.bySurname[surname] {
		if eg := personGender(&e.Entity); e.Kind == graph.KindPerson && (g == 0 || eg == 0 || eg == g) {
			fit = append(fit, e)
		}
	}
	if g != 0 && len(fit) > 1 {
		var same []*entityRecord
		for _, e := range fit {
			if personGender(&e.Entity) == g {
				same = append(same, e)
			}
		}
		fit = same
	}
	if len(fit) == 0 {
		if full := b.unknownFullName(surname); full != "" {
			return full // "Tomasz Wierzbicki ... Mr. Wierzbicki" (entities_honorificfull.go)
		}
	}
	switch {
	case len(fit) == 1 || len(fit) > 1 && g == 0:
		return fit[0].Name
	case g == 0:
		return surname
	}
	if e := b.byName[surname]; e != nil {
		if eg := personGender(&e.Entity); eg != 0 && eg != g {
			return title + " " + surname
		}
	}
	return surname
}

func (b *entityBuilder) personBySurname(s string) *entityRecord {
	if e := b.surnames[s]; e != nil && e.Kind == graph.KindPerson {
		return e
	}
	return nil
}

// sentenceStarters are capitalized words that begin sentences and never names.
var sentenceStarters = lexicon.Set("sentence_starters.txt") // lexicon/sentence_starters.txt

// capSeq applies rule 6 at token i.
func (b *entityBuilder) capSeq(toks []scanToken, i int, sentStart bool) int {
	if !isCapWord(toks[i]) {
		return 0
	}
	if sentStart && isSentenceOpener(toks[i].Lower) && !corporateSuffixAfter(toks, i) && !firstNameOpensName(toks, i) {
		return 1
	}
	if n := b.particleSurnameAt(toks, i); n > 0 {
		return n // "Von der Leyen said" after "Ursula von der Leyen" (entities_particlenames.go)
	}
	j := b.capSeqEnd(toks, i)
	if sentStart && j > i+1 && (b.personBySurname(toks[i+1].Text) != nil || b.given[toks[i+1].Text] != nil) {
		return 1 // "Later Spencer said": a known person after the first word
	}
	if j > i+1 && entityWords.firstNames[toks[i].Text] == 0 && b.lowercase[toks[i].Lower] && b.personBySurname(toks[i+1].Text) != nil {
		return 1 // "Against Trump", "Did Trump": an ordinary word before a known surname
	}
	if j >= i+3 && entityWords.firstNames[toks[i].Text] == 0 && entityWords.firstNames[toks[i+1].Text] != 0 && !hasOrgWord(toks[i:j]) &&
		!b.familyNameFirst(toks, i, j) {
		return 1 // "Crooked Hillary Clinton": a word before a full name is no part of it
	}
	if n := b.dateline(toks, i, j); n > 0 {
		return n
	}
	if t := innerTitledName(toks, i, j); t > i {
		return b.beforeInnerTitle(toks, i, t)
	}
	if n := b.personOfBody(toks, i, j); n > 0 {
		return n // "Tomasz Wierzbicki of Kestrel University" (entities_personofbody.go)
	}
	seq, end := withoutPossessive(toks[i:j])
	name := collapseSpace(string(b.d.Runes[seq[0].Start:end]))
	acr := b.acronymAfter(toks, j)
	kind := b.capSeqKind(toks, seq, i, j, acr)
	if kind == graph.KindUnknown && len(seq) == 1 && isAcronym(name) && bodyAppositiveAfter(toks, j) {
		kind = graph.KindOrganization
	}
	if kind == graph.KindUnknown && len(seq) == 1 && !b.lowercase[toks[i].Lower] && !sentenceStarters[toks[i].Lower] {
		if _, ok := bodyHeadAppositiveAfter(toks, j); ok {
			kind = graph.KindOrganization // "Eurelectric, the association representing the sector,"
		}
	}
	if kind == graph.KindUnknown && len(seq) == 1 && b.oneWordSpeaker(toks, i, j, name) {
		kind = graph.KindPerson // "WHO chief Tedros said", "Velkonis, the regional governor, said"
		b.recordCapSeq(toks, i, j, seq[0].Start, end, name, kind, acr)
		return j - i
	}
	if kind == graph.KindUnknown && len(seq) == 1 && (b.definiteBody(toks, i, j, name) || b.introducedSource(toks, i, j, name) || b.spokespersonBody(toks, i, j, name)) {
		kind = graph.KindOrganization // "The Lancet said", "the Fed reported": no person takes "the"; "according to SoSoValue." (entities_introduced.go)
		b.recordCapSeq(toks, i, j, seq[0].Start, end, name, kind, acr)
		return j - i
	}
	if kind == graph.KindUnknown {
		b.noteUnknownFullName(toks[i:j]) // "Tomasz Wierzbicki ... Mr. Wierzbicki" (entities_honorificfull.go)
		if len(seq) == 1 {
			// a surname or an acronym, also at the start of a sentence ("Brodie said")
			b.pending = append(b.pending, pendingMention{text: name, start: seq[0].Start, end: end})
		}
		return j - i
	}
	if kind == graph.KindPerson && len(seq) == 1 {
		return j - i
	}
	b.recordCapSeq(toks, i, j, seq[0].Start, end, name, kind, acr)
	return j - i
}

// innerTitledName returns where the last title that a person's name follows starts
// inside the capitalized sequence toks[i:j] ("World Weather Organization
// Secretary-General Tomas Velko", "Navy Press Secretary Rear Adm. Jane Roe"), or -1:
// the title must be followed, up to the end of the sequence, by two or three
// name-shaped words (allNameWords) that start no other title.
func innerTitledName(toks []scanToken, i, j int) int {
	for k := j - 3; k > i; k-- {
		n := titleAt(toks, k)
		if n == 0 {
			continue
		}
		name := toks[k+n : j]
		if len(name) < 2 || len(name) > 3 || !allNameWords(name) || titleAt(toks, k+n) > 0 {
			continue
		}
		if k > i && titleAt(toks, k-1) > 1 {
			continue // "Maj. Gen.": the longer title starts earlier
		}
		return k
	}
	return -1
}

// beforeInnerTitle handles the words of a capitalized sequence before a titled name
// at token t (rule "titled name inside a sequence"): when they hold no title and
// name an organization (an organization word or a known name: "World Weather
// Organization"), they are recorded as that organization; a chain of roles ("Navy
// Press Secretary Rear") is skipped. The title and name are left to rule 2.
func (b *entityBuilder) beforeInnerTitle(toks []scanToken, i, t int) int {
	for k := i; k < t; k++ {
		if titleAt(toks, k) > 0 {
			return t - i
		}
	}
	if e, n, ok := b.gazMatch(toks, i); ok && i+n == t {
		rec := b.entity(e.canon, e.kind, toks[i].Start)
		b.mention(rec, toks[i].Start, toks[t-1].End, MentionName)
		return t - i
	}
	if seq := toks[i:t]; len(seq) >= 2 && hasOrgWord(seq) {
		name := collapseSpace(string(b.d.Runes[seq[0].Start:seq[len(seq)-1].End]))
		if kind := b.capSeqKind(toks, seq, i, t, ""); kind == graph.KindOrganization || kind == graph.KindOutlet {
			b.recordCapSeq(toks, i, t, seq[0].Start, seq[len(seq)-1].End, name, kind, "")
		}
	}
	return t - i
}

// interviewer applies the interviewer rule at token i: in "In an interview with X,
// SPEAKER said ...", X is the outlet that interviewed the speaker when X is one to
// four capitalized words that name no person (no first name, no person named
// before): "In an interview with Digital, John Spencer suggested ...". It returns
// the tokens used, or 0.
func (b *entityBuilder) interviewer(toks []scanToken, i int) int {
	if !afterInterviewWith(toks, i) || !isCapWord(toks[i]) || entityWords.firstNames[toks[i].Text] != 0 {
		return 0
	}
	j := i
	for j < len(toks) && j-i < 4 && isCapWord(toks[j]) && nameShaped(toks[j].Text) {
		if b.personBySurname(toks[j].Text) != nil || entityWords.gaz[toks[j].Text].canon != "" {
			return 0
		}
		j++
	}
	if j == i || j >= len(toks) || toks[j].Text != "," {
		return 0
	}
	name := collapseSpace(string(b.d.Runes[toks[i].Start:toks[j-1].End]))
	rec := b.entity(name, graph.KindOutlet, toks[i].Start)
	b.mention(rec, toks[i].Start, toks[j-1].End, MentionName)
	return j - i
}

// afterInterviewWith reports whether token i follows "In an interview with" (or "In
// the interview with") at the start of its sentence.
func afterInterviewWith(toks []scanToken, i int) bool {
	return i >= 4 && toks[i-1].Lower == "with" && toks[i-2].Lower == "interview" && isArticle(toks[i-3].Lower) &&
		toks[i-4].Lower == "in" && i-4 == firstWordOf(toks)
}

// isSentenceOpener reports whether a capitalized first word of a sentence is an
// ordinary word, not a name: a function word or a word ending in -ing, -ly or -ed.
func isSentenceOpener(w string) bool {
	return sentenceStarters[w] || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed")
}

// capSeqEnd returns the end of the capitalized sequence starting at token i: up to
// maxNameWords capitalized words, with "of"/"for"/"in"/"on" inside ("Board of
// Peace"), ending after a possessive; a known name or a title before a name starts
// a new sequence.
func (b *entityBuilder) capSeqEnd(toks []scanToken, i int) int {
	j := i + 1
	if _, poss := stripPossessive(toks[i].Text); poss {
		return j
	}
	for j < len(toks) && j-i < maxNameWords {
		t := toks[j]
		if t.Text == "." && isInitial(toks[j-1]) && j+1 < len(toks) && isCapWord(toks[j+1]) && toks[j+1].Start == t.End+1 {
			j++ // "Laurence H. Tribe": an initial's period
			continue
		}
		if isCapWord(t) {
			if nameBreakWords[t.Lower] || b.startsNewName(toks, i, j) || headlineVerbAfterName(toks, i, j) {
				break
			}
			j++
			if _, poss := stripPossessive(t.Text); poss {
				break
			}
			continue
		}
		if isNameConnector(t) && j+1 < len(toks) && isCapWord(toks[j+1]) && b.connectorOK(toks, i, j) || b.andInBodyName(toks, i, j) {
			j++ // "Board of Peace"; "Department of Health and Human Services" (entities_andname.go)
			continue
		}
		if (t.Text == "of" || t.Text == "for") && j+2 < len(toks) && toks[j+1].Text == "the" && isCapWord(toks[j+2]) &&
			!nameBreakWords[toks[j+2].Lower] && hasOrgWord(toks[i:j]) {
			j += 2 // "Institute for the Study of War", "Office of the Director of National Intelligence"
			continue
		}
		if n := nameParticleRun(toks, j); n > 0 && (entityWords.firstNames[toks[i].Text] != 0 || unlistedParticleName(toks, i, j, n)) {
			j += n // "Bill de Blasio", "Ursula von der Leyen": particles inside a person's name
			continue
		}
		break
	}
	return j
}

// headlineVerbAfterName reports whether the capitalized word toks[j] is a verb of a
// title-case headline after a person's name of two words or more ("Dennis Prager
// Tells", "Omar Mateen Worked", "Sarah Palin Unleashed"): a word of reporting
// (lexicon/cue_words.txt) or a past form in -ed of five letters or more.
func headlineVerbAfterName(toks []scanToken, i, j int) bool {
	if j-i < 2 || entityWords.firstNames[toks[i].Text] == 0 {
		return false
	}
	l := toks[j].Lower
	return groupBreakWords[l] && !sourceFunctionWords[l] || (len(l) >= 5 && strings.HasSuffix(l, "ed"))
}

// oneWordSpeaker reports whether a single name-shaped word that no lexicon knows is a
// person speaking: a speech verb follows it (speechVerbContext) and a role stands
// next to it, a lowercase title before ("WHO chief Velkonis said") or a title in an
// appositive after ("Velkonis, the regional governor, said"). Ordinary words written
// lowercase elsewhere are never such names.
func (b *entityBuilder) oneWordSpeaker(toks []scanToken, i, j int, name string) bool {
	if !nameShaped(name) || b.lowercase[strings.ToLower(name)] || isAcronym(name) || !speechVerbContext(toks, i, j) {
		return false
	}
	if b.personBySurname(name) != nil || b.given[name] != nil {
		return false // "Barkley said": the person named in full before (rule 8)
	}
	if i > 0 && toks[i-1].Kind == 'w' && toks[i-1].Text == toks[i-1].Lower && !isLowerTitle(toks[i-1]) {
		return false // "Senator Jane Roe of Velmora, who ...": a place after a preposition
	}
	return (i > 0 && isLowerTitle(toks[i-1])) || roleAppositiveAfter(toks, j)
}

// definiteBody reports whether a single name-shaped word that no lexicon knows,
// toks[i:j], is a body that speaks: "the" stands right before it, a speech verb
// follows it (speechVerbContext), the document never writes it lowercase, and it is
// no known person, people, camp, group, title or nominal ("The Lancet said", "the
// Fed reported"; not "the Republican said", "the Senator said"). A person's name
// never takes the definite article, so this cannot give a person's words to a body.
func (b *entityBuilder) definiteBody(toks []scanToken, i, j int, name string) bool {
	if i == 0 || toks[i-1].Lower != "the" || !nameShaped(name) || !speechVerbContext(toks, i, j) {
		return false
	}
	if strings.HasSuffix(name, "s") {
		return false // "The Ebelings said": a family or a people, not a body
	}
	for _, suf := range demonymEndings {
		if strings.HasSuffix(name, suf) {
			return false // "the Texan said": a person named by where they are from
		}
	}
	if b.lastWordOfLongerName(name) {
		return false // "the Post" after "The Washington Post": a short form, not a new body
	}
	l := strings.ToLower(name)
	if b.lowercase[l] || b.personBySurname(name) != nil || b.given[name] != nil || entityWords.firstNames[name] != 0 {
		return false
	}
	if _, ok := entityWords.groups[l]; ok {
		return false
	}
	if _, ok := entityWords.adjCountry[name]; ok {
		return false
	}
	return !entityWords.peoples[name] && !entityWords.nominals[l] && !entityWords.groupPre[l] &&
		!entityWords.titleFirst[l] && !sentenceStarters[l] && !calendarWords[l]
}

// demonymEndings are the endings of English demonyms ("Texan", "Nepalese",
// "Muscovite"), which name people, never bodies.
var demonymEndings = []string{"an", "ese", "ite", "ish", "i"}

// lastWordOfLongerName reports whether the document writes name as the last word of
// a longer capitalized name somewhere ("Washington Post" for "the Post").
func (b *entityBuilder) lastWordOfLongerName(name string) bool {
	text := string(b.d.Runes)
	for off := 0; ; {
		k := strings.Index(text[off:], " "+name)
		if k < 0 {
			return false
		}
		at := off + k
		off = at + 1
		prev := strings.LastIndexAny(text[:at], " \n\t\"“(")
		word := text[prev+1 : at]
		if after := at + 1 + len(name); after < len(text) && (unicode.IsLetter(rune(text[after])) || text[after] == '-') {
			continue
		}
		if nameShaped(word) && !sentenceStarters[strings.ToLower(word)] && strings.ToLower(word) != "the" {
			return true
		}
	}
}

// lowercaseNameParticles are the lowercase words that join the parts of personal
// names ("de Blasio", "bin Salman", "von der Leyen", "dos Santos").
var lowercaseNameParticles = lexicon.Set("lowercase_name_particles.txt") // lexicon/lowercase_name_particles.txt

// nameParticleRun returns how many lowercase name particles start at token j and are
// followed by a capitalized word (1 or 2: "von der"), or 0.
func nameParticleRun(toks []scanToken, j int) int {
	n := 0
	for j+n < len(toks) && n < 2 && lowercaseNameParticles[toks[j+n].Text] {
		n++
	}
	if n == 0 || j+n >= len(toks) || !isCapWord(toks[j+n]) {
		return 0
	}
	return n
}

// nameBreakWords are words that, capitalized in a headline, end a name rather than
// continue it ("Lindsey Graham Says", "Hillary Clinton Was Headed").
var nameBreakWords = func() map[string]bool {
	m := lexicon.Set("name_break_words.txt") // lexicon/name_break_words.txt
	for w := range speechVerbs {
		m[w] = true
	}
	for w := range sentenceStarters {
		m[w] = true
	}
	for w := range disputeVerbs {
		if !strings.Contains(w, " ") {
			m[w] = true
		}
	}
	return m
}()

// isInitial reports whether t is a single capital letter ("H" of "Laurence H. Tribe").
func isInitial(t scanToken) bool {
	r := []rune(t.Text)
	return len(r) == 1 && unicode.IsUpper(r[0])
}

// startsNewName reports whether the capitalized word toks[j] starts a new name after
// toks[i:j]: a known name does ("Mali Kosovo"), except an organization word that ends
// this one ("Washington Post") or a name that a compass word or a first name joins
// ("Northern Ireland", "George Washington"); so does a title followed by a name
// ("Virginia Gov. Terry McAuliffe") after a sequence without an organization word.
func (b *entityBuilder) startsNewName(toks []scanToken, i, j int) bool {
	if _, org := entityWords.orgWords[toks[j].Text]; org {
		return false
	}
	if isNameConnector(toks[j-1]) && hasOrgWord(toks[i:j]) {
		return false // "Mission in Mali", "Bank of England": the place completes the name
	}
	if _, _, ok := b.gazMatch(toks, j); ok && !(j == i+1 && (compassWords[toks[i].Text] || entityWords.firstNames[toks[i].Text] != 0)) {
		return true
	}
	if n := titleAt(toks, j); n > 0 && j+n < len(toks) && isCapWord(toks[j+n]) {
		return !hasOrgWord(toks[i:j])
	}
	return false
}

// isNameConnector reports whether t is a lowercase "of", "for", "in" or "on", which
// may join the words of a name ("Board of Peace").
func isNameConnector(t scanToken) bool {
	return (t.Lower == "of" || t.Lower == "for" || t.Lower == "in" || t.Lower == "on") && t.Text == t.Lower
}

// hasOrgWord reports whether one of the tokens is an organization word.
func hasOrgWord(toks []scanToken) bool {
	for _, t := range toks {
		if _, org := entityWords.orgWords[t.Text]; org {
			return true
		}
	}
	return false
}

// withoutPossessive returns seq with the possessive ending of its last word removed
// and the code point where the name ends.
func withoutPossessive(seq []scanToken) ([]scanToken, int) {
	last := seq[len(seq)-1]
	base, poss := stripPossessive(last.Text)
	if !poss {
		return seq, last.End
	}
	last.Text = base
	return append(append([]scanToken{}, seq[:len(seq)-1]...), last), last.Start + len([]rune(base))
}

// capSeqKind decides what the capitalized sequence seq (toks[i:j]) names: an
// organization or outlet by its organization word (not one word alone: "the
// Coalition"), a person by a first name, an organization by an acronym defined after
// it, a person by the evidence of looksLikePerson; else unknown.
func (b *entityBuilder) capSeqKind(toks, seq []scanToken, i, j int, acr string) graph.AgentKind {
	kind := graph.KindUnknown
	for _, t := range seq {
		if k, ok := entityWords.orgWords[t.Text]; ok {
			kind = k
		}
	}
	if kind != graph.KindUnknown && kind != graph.KindPerson && len(seq) == 1 && acr == "" {
		kind = graph.KindUnknown
	}
	switch {
	case outletNounAfter(toks, j) && len(seq) <= 4 && (len(seq) > 1 || entityWords.adjCountry[seq[0].Text] == ""):
		return graph.KindOutlet // "the Kyodo news agency", "the Velmora Press Service news agency"
	case kind != graph.KindUnknown:
		return kind
	case len(seq) >= 3 && len(seq) <= 4 && entityWords.firstNames[seq[1].Text] != 0 && b.familyNameFirst(toks, i, j):
		return graph.KindPerson // "Nguyen Van Thanh said" (entities_particlenames.go)
	case particlePersonName(seq) || unlistedParticlePerson(toks, seq, i, j):
		return graph.KindPerson // "Mohammed bin Salman", "Mohammed Shia al-Sudani" (entities_particlenames.go)
	case len(seq) >= 2 && len(seq) <= 4 && entityWords.firstNames[seq[0].Text] != 0 && !namesPlaceOrPeople(seq):
		return graph.KindPerson
	case acr != "":
		return graph.KindOrganization
	case len(seq) >= 2 && len(seq) <= 3 && allNameWords(seq) && !titleShaped(seq) && b.looksLikePerson(toks, seq, i, j):
		return graph.KindPerson
	case len(seq) == 2 && initialCluster(seq[0]) && allNameWords(seq[1:]) && i > 0 && isLowerTitle(toks[i-1]) && speechVerbContext(toks, i, j):
		return graph.KindPerson // "minister KKSSR Ramachandran said": initials before a surname
	case initialsBeforeName(seq) && b.looksLikePerson(toks, seq, i, j):
		return graph.KindPerson // "D.K. Pathak, a railroad official, said": initials for the given names
	}
	return graph.KindUnknown
}

// outletNounAfter reports whether the words from toks[j] name a kind of news outlet
// that a name before them belongs to: "news" and a noun of outlets ("news agency",
// "news website"), or one of "newspaper", "broadcaster", "tabloid", "magazine", "wire
// service" (lexicon/outlet_nominals.txt; "website", "site", "channel" or "paper" alone
// follow the names of bodies too: "the Ministry website").
func outletNounAfter(toks []scanToken, j int) bool {
	n := outletNominalAt(toks, j)
	if n == 0 {
		return false
	}
	if n > 1 {
		return toks[j].Text == "news" || toks[j].Text == "wire"
	}
	switch toks[j].Text {
	case "newspaper", "broadcaster", "tabloid", "magazine":
		return true
	}
	return false
}

// titleShaped reports whether a capitalized sequence that opens with no known given
// name starts or ends with a title word ("Executive Officer", "Chief Financial
// Officer", "Managing Director"): a capitalized role, not a person's name, so a speech
// verb after it ("Acme's Chief Financial Officer, Amy Hood, stated") makes no person
// of it and the appositive name is the speaker (rule titleShapedRole).
func titleShaped(seq []scanToken) bool {
	return entityWords.titles[seq[0].Lower] || entityWords.titles[seq[len(seq)-1].Lower]
}

// namesPlaceOrPeople reports whether a capitalized sequence is a place by its last
// word ("Coral Springs") or its first ("Mount Kanlaon", lexicon/place_openers.txt) or holds a people, faith or camp ("Sunni Muslims"), a month
// or a weekday ("Florida Friday"): then it is no person's name.
func namesPlaceOrPeople(seq []scanToken) bool {
	if entityWords.placeEnds[seq[len(seq)-1].Text] || len(seq) > 1 && placeOpeners[seq[0].Text] {
		return true // "Coral Springs"; "Mount Kanlaon" (rule "place by its first word")
	}
	for _, t := range seq {
		if entityWords.peoples[t.Text] || calendarWords[t.Lower] || compassWords[t.Text] {
			return true
		}
	}
	return false
}

// placeOpeners are lexicon/place_openers.txt: words that open place names ("Mount
// Kanlaon", "Lake Victoria"); entity rule "place by its first word".
var placeOpeners = lexicon.Set("place_openers.txt")

// calendarWords are the months and weekdays, lowercased.
var calendarWords = lexicon.Set("calendar_words.txt") // lexicon/calendar_words.txt

// looksLikePerson reports whether a sequence of two or three name-shaped words that
// no lexicon knows (toks[i:j]) is a person's name by its context: a speech verb
// (speechVerbContext), a role around it (personRoleContext), or its last word used
// alone elsewhere in the document ("Olena Kovalenko ... Kovalenko said").
func (b *entityBuilder) looksLikePerson(toks, seq []scanToken, i, j int) bool {
	for _, t := range seq {
		if b.lowercase[t.Lower] {
			return false // "National Convention", "Cold War": ordinary words capitalized
		}
	}
	return speechVerbContext(toks, i, j) || personRoleContext(toks, i, j) || b.standalone[seq[len(seq)-1].Text]
}

// personRoleContext reports whether a role stands next to the name toks[i:j]: a
// lowercase title right before it ("soldier Itay Chen"), a title before an
// appositive comma ("the ambassador, Jane Roe,"), an appositive after it that holds a
// title word or opens with "who" ("Jane Roe, a senior analyst,", "Jane Roe, who
// teaches"), or a copula and a role at the start of the sentence ("Jane Roe is the
// director").
func personRoleContext(toks []scanToken, i, j int) bool {
	if i > 0 && isLowerTitle(toks[i-1]) {
		return true
	}
	if i > 1 && toks[i-1].Text == "," && isLowerTitle(toks[i-2]) {
		return true
	}
	if i > 1 && j < len(toks) && toks[i-1].Text == "," && toks[j].Text == "," && entityWords.titles[toks[i-2].Lower] {
		return true // "Acme's Chief Executive Officer, Satya Nadella, said": a capitalized role before a closed appositive
	}
	return roleAppositiveAfter(toks, j) || copulaRoleAfter(toks, i, j)
}

// roleAppositiveAfter reports whether an appositive after a name ending before token
// j opens with "who" or holds a lowercase title within six words.
func roleAppositiveAfter(toks []scanToken, j int) bool {
	if j+1 >= len(toks) || toks[j].Text != "," {
		return false
	}
	if toks[j+1].Lower == "who" {
		return true
	}
	for k := j + 1; k < len(toks) && k <= j+6 && toks[k].Text != ","; k++ {
		if isLowerTitle(toks[k]) {
			return true
		}
	}
	return false
}

// copulaRoleAfter reports whether a name opening its sentence (toks[i:j]) is
// followed by "is"/"was" and a title within four words ("Jane Roe is the director").
func copulaRoleAfter(toks []scanToken, i, j int) bool {
	if j+2 >= len(toks) || (toks[j].Lower != "is" && toks[j].Lower != "was") || i != firstWordOf(toks) {
		return false
	}
	for k := j + 1; k < len(toks) && k <= j+5; k++ {
		if entityWords.titles[toks[k].Lower] {
			return true
		}
	}
	return false
}

// isLowerTitle reports whether t is a title or role word written in lowercase
// ("soldier", "minister", "analyst").
func isLowerTitle(t scanToken) bool {
	return t.Kind == 'w' && t.Text == t.Lower && entityWords.titles[t.Lower]
}

// recordCapSeq records the entity named by a capitalized sequence toks[i:j] (name,
// from code point start to end) with its acronym and, for a person, roles. A bare
// body name ("the Health Ministry") is the one place's body of that name named
// before (bodyByName); a lone surname is the person named in full before.
func (b *entityBuilder) recordCapSeq(toks []scanToken, i, j, start, end int, name string, kind graph.AgentKind, acr string) {
	var rec *entityRecord
	if kind == graph.KindOrganization {
		name, start = withoutLeadingThe(toks, i, j, name, start)
		rec = b.bodyByName(name)
	}
	if rec == nil {
		rec = b.entity(name, kind, start)
	}
	b.mention(rec, start, end, MentionName)
	if acr != "" {
		b.acronyms[acr] = rec.Name
		addUnique(&rec.Aliases, acr)
	}
	if kind == graph.KindPerson {
		b.appositives(rec, toks, i, j)
		b.roleBefore(rec, toks, i)
	}
}

// roleBefore adds the role written right before a person's name in lowercase, with
// the organization or country names before it ("IDF soldier Itay Chen" → "IDF
// soldier").
func (b *entityBuilder) roleBefore(rec *entityRecord, toks []scanToken, i int) {
	if i < 1 || toks[i-1].Kind != 'w' || toks[i-1].Text != toks[i-1].Lower || !entityWords.titles[toks[i-1].Lower] {
		return
	}
	k := i - 1
	for k > 0 && i-k <= 4 && isCapWord(toks[k-1]) {
		if _, _, ok := b.gazMatch(toks, k-1); !ok && entityWords.adjCountry[toks[k-1].Text] == "" {
			break
		}
		k--
	}
	addUnique(&rec.Roles, collapseSpace(string(b.d.Runes[toks[k].Start:toks[i-1].End])))
}

// maxNameWords bounds a capitalized sequence: no name is longer, and a text in
// capitals must not become one endless name.
const maxNameWords = 10

// compassWords are words that join the known name after them into a new name
// ("Northern Ireland", "New York", "East Timor").
var compassWords = lexicon.Set("compass_words.txt") // lexicon/compass_words.txt

// connectorOK accepts "of"/"for"/"in" inside a name only when the name so far has an
// organization word or the part after it is capitalized to the end ("Board of Peace"),
// and never before a month or weekday (a date ends the name, also after an
// organization word: "the Supreme Court on Friday").
func (b *entityBuilder) connectorOK(toks []scanToken, i, j int) bool {
	if j+1 < len(toks) && calendarWords[toks[j+1].Lower] {
		return false // a date, not part of the name: "the Supreme Court on Friday", "the Senate in March"
	}
	if hasOrgWord(toks[i:j]) {
		return true
	}
	// not inside a person's name ("Alicia Machado on Friday")
	return j-i >= 2 && entityWords.firstNames[toks[i].Text] == 0
}

func allNameWords(seq []scanToken) bool {
	if namesPlaceOrPeople(seq) {
		return false
	}
	for _, t := range seq {
		if sentenceStarters[t.Lower] {
			return false
		}
		r := []rune(t.Text)
		if particleName(t.Text) {
			continue
		}
		if len(r) < 2 || !unicode.IsUpper(r[0]) || !unicode.IsLower(r[1]) {
			return false
		}
		if _, ok := entityWords.adjCountry[t.Text]; ok {
			return false
		}
		if _, ok := entityWords.gaz[t.Text]; ok {
			return false
		}
		if _, ok := entityWords.orgWords[t.Text]; ok {
			return false
		}
	}
	return true
}

// initialsBeforeName reports whether a capitalized sequence is a person's name written
// with initials for the given names: one or more initials ("D.K.", or "K" and its
// period, "J. R.") that no lexicon knows ("U.S." is a country), then one or two
// name-shaped words ("D.K. Pathak", "K. Ramaswamy"). Context must still make it a
// person (looksLikePerson): initials alone do not tell a person from an acronym.
func initialsBeforeName(seq []scanToken) bool {
	k := 0
	for k < len(seq) {
		t := seq[k]
		switch {
		case isInitial(t) && k+1 < len(seq) && seq[k+1].Text == ".":
			k += 2
			continue
		case undottedInitial(t) && k+1 < len(seq) && seq[k+1].Kind == 'w':
			k++ // "S B Singh": initials written without periods (entities_initials.go)
			continue
		case dottedInitials(t.Text):
			if _, gaz := entityWords.gaz[lookupKey(seq[k:k+1])]; gaz {
				return false
			}
			k++
			continue
		}
		break
	}
	rest := len(seq) - k
	return k > 0 && rest >= 1 && rest <= 2 && allNameWords(seq[k:])
}

// dottedInitials reports whether w is a dotted abbreviation of single capital letters
// ("D.K.", "A.P.J."), the scanner's one token for a run of initials.
func dottedInitials(w string) bool {
	r := []rune(w)
	if len(r) < 4 || len(r)%2 != 0 {
		return false
	}
	for i := 0; i < len(r); i += 2 {
		if !unicode.IsUpper(r[i]) || r[i+1] != '.' {
			return false
		}
	}
	return true
}

// initialCluster reports whether t is a run of two to five capital letters that no
// lexicon knows as a name or acronym: the initials that stand for given names in
// South Asian usage ("KKSSR Ramachandran"), read as a name only between a lowercase
// title and a surname before a speech verb.
func initialCluster(t scanToken) bool {
	r := []rune(t.Text)
	if len(r) < 2 || len(r) > 5 {
		return false
	}
	for _, c := range r {
		if !unicode.IsUpper(c) {
			return false
		}
	}
	_, gaz := entityWords.gaz[t.Text]
	return !gaz
}

// speechVerbs are verbs that make the capitalized name before them a speaker
// (rule 6's cue context): "Jane Roe said".
var speechVerbs = lexicon.Set("speech_verbs.txt") // lexicon/speech_verbs.txt

// speechVerbContext reports whether the name toks[i:j] is followed (directly or after
// an appositive) by a speech verb or preceded by "said".
func speechVerbContext(toks []scanToken, i, j int) bool {
	if j < len(toks) && speechVerbs[toks[j].Lower] {
		return true
	}
	if i > 0 && (toks[i-1].Lower == "said" || toks[i-1].Lower == "says") {
		return true
	}
	if j < len(toks) && toks[j].Text == "," {
		for k := j + 1; k < len(toks) && k < j+25; k++ {
			if toks[k].Text == "," && k+1 < len(toks) && speechVerbs[toks[k+1].Lower] {
				return true
			}
		}
	}
	return false
}

// appositives applies rule 7 to a person named by toks[i:j]: each form found adds a
// role.
func (b *entityBuilder) appositives(rec *entityRecord, toks []scanToken, i, j int) {
	for _, role := range []Span{appositiveAfter(toks, j), appositiveBefore(toks, i), copularRole(toks, i, j), capitalizedAppositiveBefore(toks, i)} {
		if role.End > role.Start {
			addUnique(&rec.Roles, collapseSpace(string(b.d.Runes[role.Start:role.End])))
		}
	}
}

// appositiveAfter reads "NAME, ROLE," and "NAME, who ROLE," (or the role up to the
// sentence's end) after a name ending before token j: the role opens with an
// article, "who", a possessive name ("Britain’s minister") or a lowercase title. It
// returns the role's span, or a zero span.
func appositiveAfter(toks []scanToken, j int) Span {
	if j+1 >= len(toks) || toks[j].Text != "," || !opensAppositive(toks[j+1]) {
		return Span{}
	}
	k := j + 1
	for k < len(toks) && toks[k].Text != "," && toks[k].Kind != 'q' && k-j < 20 && !(toks[k].Text == "." && k == len(toks)-1) {
		k++
	}
	closed := k < len(toks) && toks[k].Text == ","
	if k <= j+1 || !(closed || k >= len(toks)-1) {
		return Span{}
	}
	s := toks[j+1]
	if s.Lower == "who" && k > j+2 {
		s = toks[j+2]
	}
	return Span{Start: s.Start, End: toks[k-1].End}
}

// bodyAppositiveAfter reports whether an appositive after toks[:j] ends in a body
// noun (lexicon nominals: agency, office, ministry ...): "VSTAT, Velmora's official
// statistics agency," makes the acronym before it an organization.
func bodyAppositiveAfter(toks []scanToken, j int) bool {
	sp := appositiveAfter(toks, j)
	if sp.IsZero() {
		return false
	}
	k := j + 1
	for k < len(toks) && toks[k].End < sp.End {
		k++
	}
	return k < len(toks) && toks[k].End == sp.End && entityWords.nominals[toks[k].Lower] && toks[k].Text == toks[k].Lower
}

// bodyHeadAppositiveAfter reads a closed appositive after a name ending before token
// j that opens with an article and whose head, after at most two lowercase
// modifiers, is a body noun (lexicon nominals) with no possessive: "Eurelectric, the
// association representing the European electricity sector," → "association". It
// makes a single unknown capitalized word an organization (rule bodyHeadAppositive)
// and gives the organization that descriptor, so that a later "the association" is
// it. An appositive that runs to the sentence's end ("Moscow, the government said.")
// is no descriptor.
func bodyHeadAppositiveAfter(toks []scanToken, j int) (string, bool) {
	if j+2 >= len(toks) || toks[j].Text != "," || !isArticle(toks[j+1].Lower) {
		return "", false
	}
	sp := appositiveAfter(toks, j)
	if sp.IsZero() {
		return "", false
	}
	k := j + 1
	for k < len(toks) && toks[k].Start < sp.End {
		k++
	}
	if k >= len(toks) || toks[k].Text != "," {
		return "", false
	}
	for h := j + 2; h < k && h <= j+4; h++ {
		t := toks[h]
		if t.Kind != 'w' || t.Text != t.Lower {
			return "", false
		}
		if entityWords.nominals[t.Lower] {
			if _, poss := stripPossessive(t.Text); poss || h+1 < len(toks) && (toks[h+1].Text == "’" || toks[h+1].Text == "'" || toks[h+1].Lower == "'s" || toks[h+1].Lower == "’s") {
				return "", false // "Roe, the agency’s director,": a person of the body
			}
			return t.Lower, true
		}
	}
	return "", false
}

// opensAppositive reports whether a word after "NAME," opens a role: an article,
// "who", a capitalized possessive ("Britain’s") or a lowercase title.
func opensAppositive(first scanToken) bool {
	_, poss := stripPossessive(first.Text)
	return isArticle(first.Lower) || first.Lower == "who" || (poss && isCapitalized(first.Text)) || isLowerTitle(first)
}

// appositiveBefore reads "the ROLE, NAME," before a name starting at token i: a
// lowercase title ends the role, an article opens it within eight words.
func appositiveBefore(toks []scanToken, i int) Span {
	if i < 2 || toks[i-1].Text != "," || !isLowerTitle(toks[i-2]) {
		return Span{}
	}
	k := i - 2
	roleEnd := toks[k].End
	for k > 0 && i-k < 8 && toks[k-1].Text != "," && !isArticle(toks[k-1].Lower) {
		if _, poss := stripPossessive(toks[k-1].Text); poss && isCapitalized(toks[k-1].Text) {
			// "Velmora’s health minister, Jane Roe,": a possessive name opens the role
			return Span{Start: toks[k-1].Start, End: roleEnd}
		}
		k--
	}
	if k == 0 || !isArticle(toks[k-1].Lower) {
		return Span{}
	}
	return Span{Start: toks[k].Start, End: roleEnd}
}

// copularRole reads "NAME is the ROLE" (or "was a ROLE") when the name opens the
// sentence; the role runs to a comma, period, "which" or "who".
func copularRole(toks []scanToken, i, j int) Span {
	if j+1 >= len(toks) || (toks[j].Lower != "is" && toks[j].Lower != "was") || !isArticle(toks[j+1].Lower) || firstWordOf(toks) != i {
		return Span{}
	}
	k := j + 2
	for k < len(toks) && toks[k].Text != "," && toks[k].Text != "." && toks[k].Lower != "which" && toks[k].Lower != "who" && k-j < 30 {
		k++
	}
	if k <= j+2 {
		return Span{}
	}
	return Span{Start: toks[j+2].Start, End: toks[k-1].End}
}

// isArticle reports whether a lowercased word is "a", "an" or "the".
func isArticle(w string) bool { return w == "a" || w == "an" || w == "the" }

// resolvePending applies rule 8 to single capitalized words.
func (b *entityBuilder) resolvePending() {
	var companies map[string]shortCompany // built on the first word that needs it
	b.orgInitials = map[string]bool{}
	for _, e := range b.byID {
		if e != nil && e.Kind == graph.KindOrganization {
			b.orgInitials[nameInitials(e.Name)] = true
		}
	}
	defer func() { b.orgInitials = nil }()
	for _, p := range b.pending {
		if canon, ok := b.acronyms[p.text]; ok {
			b.mention(b.byName[canon], p.start, p.end, MentionName)
			continue
		}
		if e := b.bodyByInitials(p.text, p.start); e != nil {
			addUnique(&e.Aliases, p.text) // "DGHS" after "Directorate General of Health Services" (entities_initialisms.go)
			b.mention(e, p.start, p.end, MentionName)
			continue
		}
		// a person known only by this surname ("Mr. Trump") before the first full name
		// that ends in it
		if e := b.byName[p.text]; e != nil && e.Kind == graph.KindPerson {
			b.mention(e, p.start, p.end, MentionName)
			continue
		}
		if e := b.personBySurname(p.text); e != nil {
			b.mention(e, p.start, p.end, MentionName)
			continue
		}
		// a first name of a person already named in full
		if e := b.given[p.text]; e != nil && e.Kind == graph.KindPerson {
			b.mention(e, p.start, p.end, MentionName)
			continue
		}
		if companies == nil {
			companies = b.shortCompanies()
		}
		if e := companyByShortName(companies, p.text, p.start); e != nil {
			b.mention(e, p.start, p.end, MentionName)
		}
	}
}

// companyByShortName returns the one organization named before pos whose name is the
// word w and a corporate suffix ("Microsoft" after "Microsoft Corporation", "Velmora"
// after "Velmora Holdings Ltd"): a company is called by its name without the suffix
// (rule companyShortName). Two such companies, or none, give nil. companies is
// shortCompanies' index, built once per document.
func companyByShortName(companies map[string]shortCompany, w string, pos int) *entityRecord {
	c, ok := companies[w]
	if !ok || c.first >= pos || c.ambiguous {
		return nil
	}
	return c.rec
}

// shortCompany is a company's entry in the index of companyByShortName: the entity,
// where it is first named, and whether another company has the same short name.
type shortCompany struct {
	rec       *entityRecord
	first     int
	ambiguous bool
}

// shortCompanies indexes the organizations named so far whose name is one word and a
// corporate suffix, by that word.
func (b *entityBuilder) shortCompanies() map[string]shortCompany {
	out := map[string]shortCompany{}
	for _, m := range b.mentions {
		e := b.byID[m.Entity]
		if e == nil || m.Kind != MentionName || e.Kind != graph.KindOrganization {
			continue
		}
		ws := strings.Fields(strings.TrimSuffix(e.Name, "."))
		if suf := strings.ToLower(strings.TrimSuffix(ws[len(ws)-1], ".")); len(ws) < 2 || !corporateSuffixes[suf] && !corporateSuffixes[suf+"."] {
			continue
		}
		c, seen := out[ws[0]]
		switch {
		case !seen:
			out[ws[0]] = shortCompany{rec: e, first: m.Span.Start}
		case c.rec != e:
			c.ambiguous = true
			out[ws[0]] = c
		case m.Span.Start < c.first:
			c.first = m.Span.Start
			out[ws[0]] = c
		}
	}
	return out
}

// nominals applies rule 9: "the ministry" → the one preceding organization whose
// name or an alias contains "ministry".
func (b *entityBuilder) nominals() {
	sort.SliceStable(b.mentions, func(x, y int) bool { return b.mentions[x].Span.Start < b.mentions[y].Span.Start })
	named := append([]Mention(nil), b.mentions...)
	byID := b.byID
	// only the places where "the" precedes a nominal head need reading
	var toks []scanToken
	if dt := b.d.Tokens; len(dt) > 0 {
		for i := 0; i+1 < len(dt); i++ {
			if dt[i].Lower == "the" && entityWords.nominals[dt[i+1].Lower] {
				toks = append(toks, b.tx.scan(dt[i].Start, min(len(b.d.Runes), dt[i+1].End+40))[:]...)
				toks = append(toks, scanToken{Kind: 'p', Text: "\n", Start: dt[i+1].End, End: dt[i+1].End})
			}
		}
	} else {
		toks = b.tx.scan(0, len(b.d.Runes))
	}
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Lower != "the" || !entityWords.nominals[toks[i+1].Lower] || toks[i+1].Text != toks[i+1].Lower && !capitalizedNominal(toks, i+1) {
			continue
		}
		if i+2 < len(toks) && toks[i+2].Kind == 'w' && isCapitalized(toks[i+2].Text) {
			continue // "the ministry of ..." names something else
		}
		e := nominalReferent(named, byID, toks[i].Start, toks[i+1].Lower)
		if e == nil && toks[i+1].Lower == "union" && nominalReferentNone(named, byID, toks[i].Start, "union") {
			e = nominalReferent(named, byID, toks[i].Start, unionByMembers) // "the union" after "United Auto Workers"
		}
		if e != nil && b.contextCompanyNamed(named, toks[i].Start, toks[i+1].Lower) {
			e = nil // rule "company nominal" decides (entities_company.go)
		}
		if e != nil {
			b.mention(e, toks[i].Start, toks[i+1].End, MentionNominal)
		}
	}
}

// capitalizedNominal reports whether the capitalized body noun toks[k] after "the"
// is a nominal as its lowercase form is ("The Commission notes that ...", "the
// Ministry said"): a lowercase word other than a preposition follows it, so it starts
// no longer name ("the Commission for Human Rights", "the Ministry of Health").
func capitalizedNominal(toks []scanToken, k int) bool {
	if !isCapitalized(toks[k].Text) || k+1 >= len(toks) {
		return false
	}
	n := toks[k+1]
	return n.Kind == 'w' && n.Text == n.Lower && !headPrepositions[n.Lower] && !complementPrepositions[n.Lower] && n.Lower != "of" && n.Lower != "for" && n.Lower != "on" && n.Lower != "and"
}

// outletNominals are the phrases of lexicon/outlet_nominals.txt, as words.
var outletNominals = func() [][]string {
	var out [][]string
	for _, f := range lexiconRows("outlet_nominals.txt") {
		out = append(out, strings.Fields(f[0]))
	}
	return out
}()

// outletNominalAt returns the length in tokens of an outlet nominal phrase at
// toks[i] (lowercase as written), or 0.
func outletNominalAt(toks []scanToken, i int) int {
	for _, p := range outletNominals {
		if i+len(p) > len(toks) {
			continue
		}
		ok := true
		for k, w := range p {
			if toks[i+k].Text != w {
				ok = false
				break
			}
		}
		if ok {
			return len(p)
		}
	}
	return 0
}

// outletNominals applies rule 9 to news outlets: "the network", "the news
// organization" is the one outlet named in its sentence or the two before it.
func (b *entityBuilder) outletNominals() {
	sents := sentenceSpans(b.d)
	for si, s := range sents {
		toks := b.tx.scan(s.Start, s.End)
		for i := 0; i+1 < len(toks); i++ {
			if toks[i].Lower != "the" {
				continue
			}
			n := outletNominalAt(toks, i+1)
			if n == 0 || i+1+n < len(toks) && toks[i+1+n].Kind == 'w' && isCapitalized(toks[i+1+n].Text) {
				continue // "the network CNN", "the paper Le Monde": a name follows
			}
			if e := b.outletNear(sents[max(0, si-2)].Start, toks[i].Start); e != nil {
				b.mention(e, toks[i].Start, toks[i+n].End, MentionNominal)
			}
		}
	}
}

// outletNear returns the one outlet named between from and pos, or nil when none or
// two different ones are.
func (b *entityBuilder) outletNear(from, pos int) *entityRecord {
	var found *entityRecord
	for _, m := range b.mentions {
		if m.Span.Start < from || m.Span.End > pos || m.Kind != MentionName {
			continue
		}
		e := b.byID[m.Entity]
		if e == nil || e.Kind != graph.KindOutlet {
			continue
		}
		if found != nil && found != e {
			return nil
		}
		found = e
	}
	return found
}

// orgDescriptor is the head noun of an appositive that describes an organization
// ("Acme Foods, a meat processor," → processor), with where it was written.
type orgDescriptor struct {
	rec *entityRecord // nil when two organizations share the noun
	at  int
}

// descriptorNominals applies rule 9's "descriptor nominal": "the NOUN" after an
// organization was described as "ORG, a/an ... NOUN," ("the Velmora Observatory,
// a Britain-based war monitor, ... the monitor said") refers to that organization;
// to none when two organizations were described with that noun.
func (b *entityBuilder) descriptorNominals() {
	desc := b.orgDescriptors()
	if len(desc) == 0 {
		return
	}
	toks := b.tx.scan(0, len(b.d.Runes))
	for i := 0; i+1 < len(toks); i++ {
		d, ok := desc[toks[i+1].Lower]
		if toks[i].Lower != "the" || !ok || d.rec == nil || toks[i].Start <= d.at || toks[i+1].Text != toks[i+1].Lower {
			continue
		}
		if i+2 < len(toks) && toks[i+2].Kind == 'w' && isCapitalized(toks[i+2].Text) {
			continue
		}
		b.mention(d.rec, toks[i].Start, toks[i+1].End, MentionNominal)
	}
}

// orgDescriptors returns the descriptor nouns of the organizations and outlets named
// so far, each with its organization (nil when two share the noun).
func (b *entityBuilder) orgDescriptors() map[string]orgDescriptor {
	desc := map[string]orgDescriptor{}
	for _, m := range b.mentions {
		e := b.byID[m.Entity]
		if e == nil || m.Kind != MentionName || (e.Kind != graph.KindOrganization && e.Kind != graph.KindOutlet) {
			continue
		}
		after := b.tx.scan(m.Span.End, min(len(b.d.Runes), m.Span.End+200))
		noun, at := descriptorAfter(after)
		if noun == "" && !b.afterPreposition(m.Span.Start) {
			noun, at = definiteDescriptorAfter(after) // ", the Premier League club," (entities_classnamed.go)
		}
		if noun == "" {
			if n, ok := bodyHeadAppositiveAfter(after, 0); ok {
				noun, at = n, after[2].End
			}
		}
		if noun == "" {
			continue
		}
		if d, ok := desc[noun]; ok && d.rec != e {
			desc[noun] = orgDescriptor{at: d.at}
			continue
		}
		desc[noun] = orgDescriptor{rec: e, at: at}
	}
	return desc
}

// descriptorAfter reads ", a/an WORDS NOUN," right after a name (toks start after
// it): up to five words, the last a lowercase noun, closed by a comma; it returns the
// noun and where it ends, or "".
func descriptorAfter(toks []scanToken) (string, int) {
	if len(toks) < 4 || toks[0].Text != "," || (toks[1].Lower != "a" && toks[1].Lower != "an") {
		return "", 0
	}
	for k := 2; k < len(toks) && k < 8; k++ {
		if toks[k].Text != "," {
			if toks[k].Kind != 'w' || quantityWords.stops[toks[k].Lower] || isNameConnector(toks[k]) {
				return "", 0 // "a unit of the army": the noun is no descriptor
			}
			continue
		}
		last := toks[k-1]
		if k == 2 || last.Text != last.Lower {
			return "", 0
		}
		return last.Lower, last.End
	}
	return "", 0
}

// nominalReferent returns the organization or outlet that "the HEAD" at pos refers
// to: the one entity whose name or alias has the word head among those named in the
// 500 name mentions before pos; nil when there is none or more than one ("the
// ministry" after both Gaza’s and Sudan’s Health Ministry is left unresolved).
func nominalReferent(named []Mention, byID map[string]*entityRecord, pos int, head string) *entityRecord {
	var found *entityRecord
	top := sort.Search(len(named), func(k int) bool { return named[k].Span.Start >= pos })
	for k := top - 1; k >= 0 && top-k <= 500; k-- {
		m := named[k]
		if m.Span.End > pos {
			continue
		}
		e := byID[m.Entity]
		if e == nil || (e.Kind != graph.KindOrganization && e.Kind != graph.KindOutlet) || !entityNameHas(e, head) {
			continue
		}
		if found != nil && found != e {
			return nil
		}
		found = e
	}
	return found
}

// corporateSuffixes end the names of companies: "the company" or "the firm" refers
// to an organization so named ("Acme Foods Inc.").
var corporateSuffixes = lexicon.Set("corporate_suffixes.txt") // lexicon/corporate_suffixes.txt

// unionNameWords name a union's members in its name: "the union" refers to the one
// organization so named ("United Auto Workers"; lexicon/union_name_words.txt) when no
// organization named before has "union" in its name.
var unionNameWords = lexicon.Set("union_name_words.txt")

// unionByMembers is the head nominalReferent looks up for "the union" by its members'
// word (entityNameHas): not a word of the text.
const unionByMembers = "union (by its members)"

// nominalReferentNone reports whether no organization or outlet named before pos has
// the word head in its name (as nominalReferent looks, without the uniqueness test).
func nominalReferentNone(named []Mention, byID map[string]*entityRecord, pos int, head string) bool {
	top := sort.Search(len(named), func(k int) bool { return named[k].Span.Start >= pos })
	for k := top - 1; k >= 0 && top-k <= 500; k-- {
		if e := byID[named[k].Entity]; e != nil && named[k].Span.End <= pos &&
			(e.Kind == graph.KindOrganization || e.Kind == graph.KindOutlet) && entityNameHas(e, head) {
			return false
		}
	}
	return true
}

// unionMembersNamed reports whether the name or an alias of e holds a word of
// unionNameWords ("United Auto Workers") and its name is no party's ("Workers Party").
func unionMembersNamed(e *entityRecord) bool {
	if strings.Contains(" "+strings.ToLower(e.Name)+" ", " party ") {
		return false // "the Velmor Workers Party" is a political party, no union
	}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		for _, w := range strings.Fields(strings.ToLower(n)) {
			if unionNameWords[strings.Trim(w, ".,’'")] {
				return true
			}
		}
	}
	return false
}

func entityNameHas(e *entityRecord, head string) bool {
	if head == unionByMembers {
		return unionMembersNamed(e)
	}
	if head == "company" || head == "firm" {
		if ws := strings.Fields(strings.ToLower(e.Name)); len(ws) > 1 && corporateSuffixes[ws[len(ws)-1]] {
			return true
		}
	}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		for _, w := range strings.Fields(strings.ToLower(n)) {
			if w == head {
				return true
			}
		}
	}
	return false
}

// finish writes the entities, in order of first mention, and the mentions, in text
// order, into the document.
func (b *entityBuilder) finish() {
	sort.SliceStable(b.order, func(x, y int) bool { return b.order[x].first < b.order[y].first })
	d := b.d
	d.Entities = d.Entities[:0]
	d.ents = nil // entityIndex's index: the entities are written anew
	for _, e := range b.order {
		d.Entities = append(d.Entities, e.Entity)
	}
	sort.SliceStable(b.mentions, func(x, y int) bool {
		if b.mentions[x].Span.Start != b.mentions[y].Span.Start {
			return b.mentions[x].Span.Start < b.mentions[y].Span.Start
		}
		return b.mentions[x].Span.End > b.mentions[y].Span.End
	})
	d.Mentions = b.mentions
}

// entityIndex returns the index of the entity with id in d.Entities, or -1.
//
// After the entity stage d.Entities only grows (addEntity and the like append; no
// entity's id changes), so the index of each id's first entity is kept with the
// document (d.ents) and extended with the entities appended since, rather than
// scanning every entity per look-up (quadratic in a long document). It is dropped
// when the entity stage writes the entities anew, and rebuilt if they shrank.
func entityIndex(d *Document, id string) int {
	x := d.ents
	if x == nil || len(d.Entities) < x.n {
		x = &entityIDIndex{first: make(map[string]int, len(d.Entities))}
		d.ents = x
	}
	for ; x.n < len(d.Entities); x.n++ {
		if _, ok := x.first[d.Entities[x.n].ID]; !ok {
			x.first[d.Entities[x.n].ID] = x.n
		}
	}
	if i, ok := x.first[id]; ok && d.Entities[i].ID == id {
		return i
	} else if ok {
		d.ents = nil // changed in place: scan
		for i := range d.Entities {
			if d.Entities[i].ID == id {
				return i
			}
		}
	}
	return -1
}

// entityIDIndex is entityIndex's index of a document's entities: the first index of
// each id among d.Entities[:n].
type entityIDIndex struct {
	first map[string]int
	n     int
}

// addEntity adds an entity to d (or returns the existing one with that id) and
// returns its id. Later stages use it for speakers that only their cue reveals
// ("observers note"). A group is an agent of d only (addGroupEntity).
func addEntity(d *Document, name string, kind graph.AgentKind) string {
	if kind == graph.KindGroup {
		return addGroupEntity(d, name) // "officials" of this article only (entities_groups.go)
	}
	id := graph.AgentID(name)
	if i := entityIndex(d, id); i >= 0 {
		if d.Entities[i].Kind == graph.KindUnknown {
			d.Entities[i].Kind = kind
		}
		return id
	}
	d.Entities = append(d.Entities, Entity{ID: id, Name: name, Kind: kind, Aliases: []string{}, Roles: []string{}})
	return id
}
