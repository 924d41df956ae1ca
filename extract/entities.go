package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
)

// Entities: people (with titles and appositive roles), organizations, news outlets,
// countries and groups, found by gazetteer look-up (lexicon/gazetteer.txt,
// lexicon/countries.txt) and by rules over capitalized sequences (lexicon/titles.txt,
// lexicon/firstnames.txt, lexicon/orgwords.txt, lexicon/groups.txt). Aliases are
// resolved within the document (surname → full name, "the ministry" → the last
// organization called a ministry, acronyms defined in parentheses) and across
// documents through the gazetteer's canonical names, so Entity.ID =
// graph.AgentID(canonical name) is the same for the same agent everywhere.
//
// The rules, in the order findEntities tries them at each token (each has a test
// sentence in entities_test.go):
//  1. group: [a|the] [senior|top|...] COUNTRY/DEMONYM/ORG [adjective] GROUP-NOUN
//     ("a senior U.S. official", "Israeli officials") → a group named by its words;
//  2. title + name: [ORG/COUNTRY] TITLE Name ("U.N. Secretary-General Antonio
//     Guterres", "President Donald Trump") → a person with the title as a role; a
//     name in parentheses is the one used ("Lt Gen CJ (Kees) Matthijssen" → Kees
//     Matthijssen);
//  3. gazetteer: the longest known name or alias ("Israeli Defense Forces" → Israel
//     Defense Forces); aliases marked "?" only in a reporting context; not when a
//     hyphen makes it an adjective ("U.S.-brokered");
//  4. capitalized sequence: a known first name makes a person, an organization word
//     ("Institute", "Ministry") an organization or outlet, "(ACRONYM)" right after
//     defines an alias; other sequences are kept only as surname/acronym candidates;
//  5. appositive roles: "NAME, ROLE," / "the ROLE, NAME," / "NAME, who ROLE," /
//     "NAME is the ROLE" / "IDF soldier NAME" (a lowercase title before the name);
//  6. aliases: a single capitalized word equal to a known person's surname, or to an
//     acronym defined earlier, is that entity;
//  7. nominals: "the ministry", "the council"... → the nearest preceding organization
//     whose name or alias has that word.

type gazEntry struct {
	canon string
	kind  graph.AgentKind
	ctx   bool // only in a reporting context
}

type entLexicon struct {
	gaz        map[string]gazEntry // folded alias key → entry
	gazMax     int                 // longest alias in tokens
	gazLens    map[string][]int    // folded first word → alias lengths, longest first
	adjCountry map[string]string   // "Israeli" → "Israel"
	titles     map[string]bool     // folded title key
	titleMax   int
	titleFirst map[string]bool   // lowercased first word of a title
	groups     map[string]string // "officials" → "plural"
	orgWords   map[string]graph.AgentKind
	firstNames map[string]byte
	groupPre   map[string]bool
	nominals   map[string]bool
}

var entLex = loadEntLexicon()

// semCountryNames holds every written form of a country name or adjective, lowercased
// ("u.s.", "israel", "british"); quantities.go skips them in counted nouns.
var semCountryNames = map[string]bool{}

// semKey is the look-up key of a token sequence: the words with apostrophes and
// dashes folded, case kept, joined by spaces.
func semKey(toks []semTok) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(semFoldKeepCase(t.Text))
	}
	return b.String()
}

func semFoldKeepCase(s string) string {
	if strings.ContainsAny(s, "’‘‐‑") {
		s = semFolder.Replace(s)
	}
	return s
}

func semKeyOf(s string) (string, int) {
	r := []rune(s)
	toks := semScan(r, 0, len(r))
	return semKey(toks), len(toks)
}

func loadEntLexicon() *entLexicon {
	l := &entLexicon{titleFirst: map[string]bool{}, gaz: map[string]gazEntry{}, gazLens: map[string][]int{}, adjCountry: map[string]string{}, titles: map[string]bool{},
		groups: map[string]string{}, orgWords: map[string]graph.AgentKind{}, firstNames: map[string]byte{},
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
		k, n := semKeyOf(alias)
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
	for _, f := range semLexRows("gazetteer.txt") {
		e := gazEntry{canon: strings.TrimPrefix(f[0], "?"), kind: graph.AgentKind(f[1])}
		add(f[0], e)
		if len(f) > 2 {
			for _, a := range strings.Split(f[2], "|") {
				add(a, e)
			}
		}
	}
	for _, f := range semLexRows("countries.txt") {
		e := gazEntry{canon: f[0], kind: graph.KindCountry}
		add(f[0], e)
		semCountryNames[strings.ToLower(f[0])] = true
		if len(f) > 1 {
			for _, a := range strings.Split(f[1], "|") {
				if a != "" {
					add(a, e)
					semCountryNames[strings.ToLower(a)] = true
				}
			}
		}
		if len(f) > 2 {
			for _, a := range strings.Split(f[2], "|") {
				if a != "" {
					l.adjCountry[a] = f[0]
					semCountryNames[strings.ToLower(a)] = true
				}
			}
		}
	}
	for _, f := range semLexRows("titles.txt") {
		k, n := semKeyOf(strings.ToLower(f[0]))
		l.titles[k] = true
		first, _, _ := strings.Cut(k, " ")
		l.titleFirst[first] = true
		if n > l.titleMax {
			l.titleMax = n
		}
	}
	for _, f := range semLexRows("groups.txt") {
		l.groups[f[0]] = f[1]
	}
	for _, f := range semLexRows("orgwords.txt") {
		l.orgWords[f[0]] = graph.AgentKind(f[1])
	}
	for _, f := range semLexRows("firstnames.txt") {
		l.firstNames[f[0]] = f[1][0]
	}
	for _, w := range []string{"senior", "top", "former", "high-ranking", "unnamed", "anonymous", "several", "some", "many", "other", "two", "three", "four", "five", "local", "western", "regional"} {
		l.groupPre[w] = true
	}
	for _, w := range []string{"ministry", "council", "institute", "agency", "authority", "committee", "commission", "government", "organization", "army", "military", "group", "movement", "university", "office", "department"} {
		l.nominals[w] = true
	}
	return l
}

// entBuilder collects entities and mentions for one document.
type entBuilder struct {
	d        *Document
	byName   map[string]*entRec
	order    []*entRec
	mentions []Mention
	acronyms map[string]string // defined in this document: "ISF" → canonical
	pending  []pendingMention  // single capitalized words to resolve at the end
	byID     map[string]*entRec
	surnames map[string]*entRec // last word of a person's full name → the first such person
	given    map[string]*entRec // first word of a person's full name → the first such person
	memo     []gazMemo          // gazMatch results for the current sentence
	tx       *semText
}

type gazMemo struct {
	done bool
	ok   bool
	n    int
	e    gazEntry
}

type entRec struct {
	Entity
	first int
}

type pendingMention struct {
	text  string
	start int
	end   int
}

func (b *entBuilder) entity(name string, kind graph.AgentKind, at int) *entRec {
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
	e := &entRec{Entity: Entity{ID: id, Name: name, Kind: kind, Aliases: []string{}, Roles: []string{}}, first: at}
	b.byName[name] = e
	b.byID[id] = e
	b.order = append(b.order, e)
	if kind == graph.KindPerson {
		if f := strings.Fields(name); len(f) > 1 {
			if b.surnames[f[len(f)-1]] == nil {
				b.surnames[f[len(f)-1]] = e
			}
			if b.given[f[0]] == nil {
				b.given[f[0]] = e
			}
		}
	}
	return e
}

func (b *entBuilder) mention(e *entRec, s, t int, kind MentionKind) {
	if s >= t {
		return
	}
	if s < e.first {
		e.first = s
	}
	text := strings.TrimSpace(string(b.d.Runes[s:t]))
	if base, ok := semBase(text); ok {
		text = base
	}
	if text != e.Name && kind == MentionName {
		semAddUnique(&e.Aliases, text)
	}
	b.mentions = append(b.mentions, Mention{Entity: e.ID, Span: semSpan(b.d.Runes, s, t), Kind: kind})
}

func semAddUnique(list *[]string, s string) {
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

// semSentenceSpans returns the sentences of d as spans, or the whole text as one
// sentence when the document has none.
func semSentenceSpans(d *Document) []Span {
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
	b := &entBuilder{d: d, byName: map[string]*entRec{}, acronyms: map[string]string{}, byID: map[string]*entRec{},
		surnames: map[string]*entRec{}, given: map[string]*entRec{}, tx: semTextOf(d)}
	for _, ss := range semSentenceSpans(d) {
		toks := b.tx.scan(ss.Start, ss.End)
		if cap(b.memo) < len(toks) {
			b.memo = make([]gazMemo, len(toks))
		}
		b.memo = b.memo[:len(toks)]
		clear(b.memo)
		b.sentence(toks)
	}
	b.resolvePending()
	b.nominals()
	b.finish()
}

// sentence applies rules 1–5 to one sentence.
func (b *entBuilder) sentence(toks []semTok) {
	startIdx := semFirstWord(toks)
	for i := 0; i < len(toks); {
		if n := b.group(toks, i); n > 0 {
			i += n
			continue
		}
		if n := b.titled(toks, i); n > 0 {
			i += n
			continue
		}
		if n := b.gazetteer(toks, i); n > 0 {
			i += n
			continue
		}
		if n := b.capSeq(toks, i, i == startIdx); n > 0 {
			i += n
			continue
		}
		i++
	}
}

// semFirstWord is the index of the first word token (after opening quotes).
func semFirstWord(toks []semTok) int {
	for i, t := range toks {
		if t.Kind == 'w' || t.Kind == 'n' {
			return i
		}
	}
	return 0
}

func semCapWord(t semTok) bool {
	if t.Kind != 'w' || !semIsCap(t.Text) {
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

// gazMatch finds the longest gazetteer entry starting at token i; the last token may
// carry a possessive ("Britain’s").
func (b *entBuilder) gazMatch(toks []semTok, i int) (gazEntry, int, bool) {
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

func (b *entBuilder) gazMatchAt(toks []semTok, i int) (gazEntry, int, bool) {
	if toks[i].Kind != 'w' && toks[i].Kind != 'n' {
		return gazEntry{}, 0, false
	}
	lens := entLex.gazLens[semFoldKeepCase(toks[i].Text)]
	if base, poss := semBase(toks[i].Text); poss {
		if _, ok := entLex.gaz[semFoldKeepCase(base)]; ok {
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
		k := semKey(seq)
		e, ok := entLex.gaz[k]
		if !ok {
			base, poss := semBase(seq[n-1].Text)
			if !poss {
				continue
			}
			last := seq[n-1]
			last.Text = base
			k = semKey(append(append([]semTok{}, seq[:n-1]...), last))
			if e, ok = entLex.gaz[k]; !ok {
				continue
			}
		}
		// the next word must not continue a capitalized name ("Washington Post" is not
		// Washington), unless it is an organization word that makes a new name
		if i+n < len(toks) && semCapWord(toks[i+n]) && toks[i+n].Start == toks[i+n-1].End+1 && n == 1 && e.kind != graph.KindOutlet {
			if _, org := entLex.orgWords[toks[i+n].Text]; org {
				return gazEntry{}, 0, false
			}
		}
		if e.ctx && !semReportingContext(toks, i, i+n) {
			continue
		}
		return e, n, true
	}
	return gazEntry{}, 0, false
}

// semReportingContext reports whether toks[i:j] stands where a news outlet would:
// after "with", "told", "to", "by", "from", "according to", or before "reported".
func semReportingContext(toks []semTok, i, j int) bool {
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

func (b *entBuilder) gazetteer(toks []semTok, i int) int {
	e, n, ok := b.gazMatch(toks, i)
	if !ok {
		return 0
	}
	// "U.S.-brokered", "Israel-based": a name made into an adjective is no mention
	if end := toks[i+n-1].End; end+1 < len(b.d.Runes) && semIsDash(b.d.Runes[end]) && unicode.IsLower(b.d.Runes[end+1]) {
		return n
	}
	if e.kind != graph.KindOutlet {
		if m := b.dateline(toks, i, i+n); m > 0 {
			return m
		}
	}
	rec := b.entity(e.canon, e.kind, toks[i].Start)
	end := toks[i+n-1].End
	if base, poss := semBase(toks[i+n-1].Text); poss {
		end = toks[i+n-1].Start + len([]rune(base))
	}
	b.mention(rec, toks[i].Start, end, MentionName)
	if e.kind == graph.KindPerson {
		b.appositives(rec, toks, i, i+n)
	}
	if m := b.acronymAfter(toks, i+n); m != "" {
		b.acronyms[m] = rec.Name
		semAddUnique(&rec.Aliases, m)
	}
	return n
}

// dateline reads a wire dateline whose place is toks[i:j]: "GAZA CITY (AP) —",
// "WASHINGTON (Reuters) -", "GAZA CITY, Gaza Strip (AP) —", "WASHINGTON, Nov. 25
// (Reuters) -", at the start of a line. The place is no agent and the name in
// parentheses is the wire agency: a known outlet is left to the gazetteer, an unknown
// acronym becomes an outlet. It returns the tokens used (the place, or the place and
// the parenthesized agency), or 0 when toks[i:j] is no dateline place.
func (b *entBuilder) dateline(toks []semTok, i, j int) int {
	datePart := func(t semTok) bool { return t.Text == "," || (t.Kind == 'w' && semIsCap(t.Text)) }
	for _, t := range toks[i:j] {
		if t.Kind != 'w' || !semIsCap(t.Text) {
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
		if toks[k].Kind != 'w' || !semIsCap(toks[k].Text) {
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
	if close != open+2 || !semIsAcronym(toks[open+1].Text) {
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
func (b *entBuilder) lineStart(p int) bool {
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
func (b *entBuilder) acronymAfter(toks []semTok, j int) string {
	if j+2 < len(toks) && toks[j].Text == "(" && toks[j+2].Text == ")" && semIsAcronym(toks[j+1].Text) {
		return toks[j+1].Text
	}
	return ""
}

func semIsAcronym(s string) bool {
	r := []rune(strings.ReplaceAll(s, ".", ""))
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
func (b *entBuilder) group(toks []semTok, i int) int {
	j := i
	start := i
	if j < len(toks) && (toks[j].Lower == "a" || toks[j].Lower == "an" || toks[j].Lower == "the") {
		j++
		start = j
	}
	for j < len(toks) && entLex.groupPre[toks[j].Lower] {
		j++
	}
	mods := 0
	for j < len(toks) && mods < 3 {
		t := toks[j]
		if _, ok := entLex.adjCountry[t.Text]; ok {
			j++
			mods++
			continue
		}
		if e, n, ok := b.gazMatch(toks, j); ok && e.kind != graph.KindPerson {
			if _, poss := semBase(toks[j+n-1].Text); poss {
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
		if _, ok := entLex.groups[t.Lower]; ok && t.Text == t.Lower {
			name := string(b.d.Runes[toks[start].Start:t.End])
			name = semCollapseSpace(name)
			rec := b.entity(name, graph.KindGroup, toks[start].Start)
			b.mention(rec, toks[start].Start, t.End, MentionName)
			return j + 1 - i
		}
		if t.Text != t.Lower || qLex.stops[t.Lower] {
			return 0
		}
		j++
	}
	return 0
}

func semCollapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// titleAt returns the length of the longest title starting at token i, or 0.
func titleAt(toks []semTok, i int) int {
	if i >= len(toks) || !semIsCap(toks[i].Text) || !entLex.titleFirst[toks[i].Lower] {
		return 0
	}
	for n := min(entLex.titleMax, len(toks)-i); n >= 1; n-- {
		var b strings.Builder
		for k, t := range toks[i : i+n] {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t.Lower)
		}
		if entLex.titles[b.String()] {
			return n
		}
	}
	return 0
}

// titled applies rule 2 at token i: [ORG/COUNTRY] TITLE Name.
func (b *entBuilder) titled(toks []semTok, i int) int {
	j := i
	if e, n, ok := b.gazMatch(toks, i); ok && e.kind != graph.KindPerson {
		j = i + n
	} else if _, ok := entLex.adjCountry[toks[i].Text]; ok {
		j = i + 1
	}
	tn := titleAt(toks, j)
	if tn == 0 {
		return 0
	}
	k := j + tn
	nameStart := k
	for k < len(toks) && semCapWord(toks[k]) && k-nameStart < 4 {
		if _, org := entLex.orgWords[toks[k].Text]; org {
			return 0
		}
		if titleAt(toks, k) > 0 && k == nameStart {
			return 0
		}
		k++
		if _, poss := semBase(toks[k-1].Text); poss {
			break
		}
	}
	if k == nameStart {
		return 0
	}
	nameToks := toks[nameStart:k]
	end := nameToks[len(nameToks)-1].End
	last := nameToks[len(nameToks)-1]
	if base, poss := semBase(last.Text); poss {
		end = last.Start + len([]rune(base))
		last.Text = base
		nameToks = append(append([]semTok{}, nameToks[:len(nameToks)-1]...), last)
	}
	name := semCollapseSpace(string(b.d.Runes[nameToks[0].Start:end]))
	canon := name
	if e, ok := entLex.gaz[semKey(nameToks)]; ok && e.kind == graph.KindPerson {
		canon = e.canon
	} else if len(nameToks) == 1 {
		if p := b.personBySurname(name); p != nil {
			canon = p.Name
		}
	}
	// "CJ (Kees) Matthijssen": the name in parentheses is the one used, with the surname
	alias := ""
	if k+3 < len(toks) && toks[k].Text == "(" && semCapWord(toks[k+1]) && toks[k+2].Text == ")" && semCapWord(toks[k+3]) {
		alias = semCollapseSpace(string(b.d.Runes[nameToks[0].Start:toks[k+3].End]))
		canon = toks[k+1].Text + " " + toks[k+3].Text
		end = toks[k+3].End
		k += 4
	}
	rec := b.entity(canon, graph.KindPerson, nameToks[0].Start)
	role := semCollapseSpace(string(b.d.Runes[toks[i].Start:toks[j+tn-1].End]))
	semAddUnique(&rec.Roles, role)
	b.mention(rec, nameToks[0].Start, end, MentionName)
	if alias != "" {
		semAddUnique(&rec.Aliases, alias)
	}
	b.appositives(rec, toks, nameStart, k)
	return k - i
}

func (b *entBuilder) personBySurname(s string) *entRec {
	if e := b.surnames[s]; e != nil && e.Kind == graph.KindPerson {
		return e
	}
	return nil
}

// sentenceStarters are capitalized words that begin sentences and never names.
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "as": true, "for": true,
	"but": true, "and": true, "however": true, "this": true, "that": true, "these": true, "those": true,
	"its": true, "his": true, "her": true, "their": true, "our": true, "it": true, "he": true, "she": true,
	"they": true, "we": true, "i": true, "after": true, "before": true, "during": true, "under": true,
	"with": true, "still": true, "yet": true, "thanks": true, "according": true, "whether": true,
	"if": true, "while": true, "despite": true, "upon": true, "to": true, "from": true, "by": true,
	"what": true, "when": true, "where": true, "why": true, "how": true, "there": true, "here": true,
	"such": true, "no": true, "not": true, "more": true, "most": true, "all": true, "both": true,
	"each": true, "every": true, "some": true, "many": true, "any": true, "one": true, "two": true,
	"you": true, "meanwhile": true, "instead": true, "also": true, "then": true, "now": true, "so": true,
	"until": true, "since": true, "unless": true, "although": true, "though": true, "because": true,
	"following": true, "among": true, "between": true, "without": true, "within": true, "over": true,
	"about": true, "around": true, "approximately": true, "nearly": true, "almost": true, "further": true,
	"other": true, "another": true, "only": true, "even": true, "just": true, "clear": true,
}

// capSeq applies rule 4 at token i.
func (b *entBuilder) capSeq(toks []semTok, i int, sentStart bool) int {
	if !semCapWord(toks[i]) {
		return 0
	}
	if sentStart {
		w := toks[i].Lower
		if sentenceStarters[w] || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed") {
			return 1
		}
	}
	j := i + 1
	if _, poss := semBase(toks[i].Text); !poss {
		for j < len(toks) && j-i < semMaxNameWords {
			t := toks[j]
			if semCapWord(t) {
				if _, _, ok := b.gazMatch(toks, j); ok && j > i && !(j == i+1 && (semCompass[toks[i].Text] || entLex.firstNames[toks[i].Text] != 0)) {
					// a known name after an unknown one starts a new name, except an
					// organization word that ends this one
					if _, org := entLex.orgWords[t.Text]; !org {
						break
					}
				}
				j++
				if _, poss := semBase(t.Text); poss {
					break
				}
				continue
			}
			// "Board of Peace", "Principles for Peace": a lowercase connector inside
			if (t.Lower == "of" || t.Lower == "for" || t.Lower == "in" || t.Lower == "on") && t.Text == t.Lower &&
				j+1 < len(toks) && semCapWord(toks[j+1]) && b.connectorOK(toks, i, j) {
				j++
				continue
			}
			break
		}
	}
	if n := b.dateline(toks, i, j); n > 0 {
		return n
	}
	seq := toks[i:j]
	last := seq[len(seq)-1]
	end := last.End
	if base, poss := semBase(last.Text); poss {
		end = last.Start + len([]rune(base))
		last.Text = base
		seq = append(append([]semTok{}, seq[:len(seq)-1]...), last)
	}
	if sentStart && len(seq) == 1 && entLex.firstNames[seq[0].Text] == 0 {
		return j - i
	}
	name := semCollapseSpace(string(b.d.Runes[seq[0].Start:end]))
	acr := b.acronymAfter(toks, j)
	kind := graph.KindUnknown
	for _, t := range seq {
		if k, ok := entLex.orgWords[t.Text]; ok {
			kind = k
		}
	}
	if kind != graph.KindUnknown && kind != graph.KindPerson && len(seq) == 1 && acr == "" {
		kind = graph.KindUnknown // "the Coalition": one organization word is not a name
	}
	if kind == graph.KindUnknown && len(seq) >= 2 && len(seq) <= 4 && entLex.firstNames[seq[0].Text] != 0 {
		kind = graph.KindPerson
	}
	if kind == graph.KindUnknown && acr != "" {
		kind = graph.KindOrganization
	}
	if kind == graph.KindUnknown && len(seq) >= 2 && len(seq) <= 3 && semPersonContext(toks, i, j) && semAllNameWords(seq) {
		kind = graph.KindPerson
	}
	if kind == graph.KindUnknown {
		if len(seq) == 1 {
			b.pending = append(b.pending, pendingMention{text: name, start: seq[0].Start, end: end})
		}
		return j - i
	}
	if kind == graph.KindPerson && len(seq) == 1 {
		return j - i
	}
	if p := b.personBySurname(name); kind == graph.KindPerson && p != nil && len(seq) == 1 {
		name = p.Name
	}
	rec := b.entity(name, kind, seq[0].Start)
	b.mention(rec, seq[0].Start, end, MentionName)
	if acr != "" {
		b.acronyms[acr] = rec.Name
		semAddUnique(&rec.Aliases, acr)
	}
	if kind == graph.KindPerson {
		b.appositives(rec, toks, i, j)
		b.roleBefore(rec, toks, i)
	}
	return j - i
}

// roleBefore adds the role written right before a person's name in lowercase, with
// the organization or country names before it ("IDF soldier Itay Chen" → "IDF
// soldier").
func (b *entBuilder) roleBefore(rec *entRec, toks []semTok, i int) {
	if i < 1 || toks[i-1].Kind != 'w' || toks[i-1].Text != toks[i-1].Lower || !entLex.titles[toks[i-1].Lower] {
		return
	}
	k := i - 1
	for k > 0 && i-k <= 4 && semCapWord(toks[k-1]) {
		if _, _, ok := b.gazMatch(toks, k-1); !ok && entLex.adjCountry[toks[k-1].Text] == "" {
			break
		}
		k--
	}
	semAddUnique(&rec.Roles, semCollapseSpace(string(b.d.Runes[toks[k].Start:toks[i-1].End])))
}

// semMaxNameWords bounds a capitalized sequence: no name is longer, and a text in
// capitals must not become one endless name.
const semMaxNameWords = 10

// semCompass are words that join the known name after them into a new name
// ("Northern Ireland", "New York", "East Timor").
var semCompass = map[string]bool{"Northern": true, "Southern": true, "Eastern": true, "Western": true,
	"North": true, "South": true, "East": true, "West": true, "New": true, "Upper": true, "Lower": true, "Central": true, "Greater": true}

// connectorOK accepts "of"/"for"/"in" inside a name only when the name so far has an
// organization word or the part after it is capitalized to the end ("Board of Peace").
func (b *entBuilder) connectorOK(toks []semTok, i, j int) bool {
	for k := i; k < j; k++ {
		if _, org := entLex.orgWords[toks[k].Text]; org {
			return true
		}
	}
	return j-i >= 2
}

func semAllNameWords(seq []semTok) bool {
	for _, t := range seq {
		r := []rune(t.Text)
		if len(r) < 2 || !unicode.IsUpper(r[0]) || !unicode.IsLower(r[1]) {
			return false
		}
		if _, ok := entLex.adjCountry[t.Text]; ok {
			return false
		}
		if _, ok := entLex.gaz[t.Text]; ok {
			return false
		}
		if _, ok := entLex.orgWords[t.Text]; ok {
			return false
		}
	}
	return true
}

// semSpeechVerbs are verbs that make the capitalized name before them a speaker
// (rule 4's cue context): "Jane Roe said".
var semSpeechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "stated": true, "noted": true, "wrote": true,
	"argued": true, "explained": true, "emphasized": true, "remarked": true, "warned": true, "asked": true,
	"insisted": true, "claimed": true, "announced": true, "declared": true, "commented": true, "stressed": true,
	"suggested": true, "observed": true, "asserted": true, "mentioned": true, "believes": true, "thinks": true,
}

// semPersonContext reports whether the name toks[i:j] is followed (directly or after
// an appositive) by a speech verb or preceded by "said".
func semPersonContext(toks []semTok, i, j int) bool {
	if j < len(toks) && semSpeechVerbs[toks[j].Lower] {
		return true
	}
	if i > 0 && (toks[i-1].Lower == "said" || toks[i-1].Lower == "says") {
		return true
	}
	if j < len(toks) && toks[j].Text == "," {
		for k := j + 1; k < len(toks) && k < j+25; k++ {
			if toks[k].Text == "," && k+1 < len(toks) && semSpeechVerbs[toks[k+1].Lower] {
				return true
			}
		}
	}
	return false
}

// appositives applies rule 5 to a person named by toks[i:j].
func (b *entBuilder) appositives(rec *entRec, toks []semTok, i, j int) {
	// NAME, ROLE,  /  NAME, who ROLE,
	if j < len(toks) && toks[j].Text == "," && j+1 < len(toks) {
		first := toks[j+1]
		_, poss := semBase(first.Text)
		ok := first.Lower == "a" || first.Lower == "an" || first.Lower == "the" || first.Lower == "who" ||
			(poss && semIsCap(first.Text)) || (first.Kind == 'w' && first.Text == first.Lower && entLex.titles[first.Lower])
		if ok {
			k := j + 1
			for k < len(toks) && toks[k].Text != "," && toks[k].Kind != 'q' && k-j < 20 && !(toks[k].Text == "." && k == len(toks)-1) {
				k++
			}
			closed := k < len(toks) && toks[k].Text == ","
			atEnd := k >= len(toks)-1
			if k > j+1 && (closed || atEnd) {
				s := toks[j+1]
				if s.Lower == "who" && k > j+2 {
					s = toks[j+2]
				}
				role := semCollapseSpace(string(b.d.Runes[s.Start:toks[k-1].End]))
				semAddUnique(&rec.Roles, role)
			}
		}
	}
	// the ROLE, NAME,
	if i >= 2 && toks[i-1].Text == "," {
		k := i - 2
		roleEnd := toks[k].End
		if toks[k].Kind == 'w' && toks[k].Text == toks[k].Lower && entLex.titles[toks[k].Lower] {
			for k > 0 && i-k < 8 && toks[k-1].Text != "," && toks[k-1].Lower != "the" && toks[k-1].Lower != "a" && toks[k-1].Lower != "an" {
				k--
			}
			if k > 0 && (toks[k-1].Lower == "the" || toks[k-1].Lower == "a" || toks[k-1].Lower == "an") {
				semAddUnique(&rec.Roles, semCollapseSpace(string(b.d.Runes[toks[k].Start:roleEnd])))
			}
		}
	}
	// NAME is the ROLE (at the start of a sentence)
	if semFirstWord(toks) == i && j+1 < len(toks) && (toks[j].Lower == "is" || toks[j].Lower == "was") &&
		(toks[j+1].Lower == "a" || toks[j+1].Lower == "an" || toks[j+1].Lower == "the") {
		k := j + 2
		for k < len(toks) && toks[k].Text != "," && toks[k].Text != "." && toks[k].Lower != "which" && toks[k].Lower != "who" && k-j < 30 {
			k++
		}
		if k > j+2 {
			semAddUnique(&rec.Roles, semCollapseSpace(string(b.d.Runes[toks[j+2].Start:toks[k-1].End])))
		}
	}
}

// resolvePending applies rule 6 to single capitalized words.
func (b *entBuilder) resolvePending() {
	for _, p := range b.pending {
		if canon, ok := b.acronyms[p.text]; ok {
			b.mention(b.byName[canon], p.start, p.end, MentionName)
			continue
		}
		if e := b.personBySurname(p.text); e != nil {
			b.mention(e, p.start, p.end, MentionName)
			continue
		}
		// a first name of a person already named in full
		if e := b.given[p.text]; e != nil && e.Kind == graph.KindPerson {
			b.mention(e, p.start, p.end, MentionName)
		}
	}
}

// nominals applies rule 7: "the ministry" → the nearest preceding organization whose
// name or an alias contains "ministry".
func (b *entBuilder) nominals() {
	sort.SliceStable(b.mentions, func(x, y int) bool { return b.mentions[x].Span.Start < b.mentions[y].Span.Start })
	named := append([]Mention(nil), b.mentions...)
	byID := b.byID
	// only the places where "the" precedes a nominal head need reading
	var toks []semTok
	if dt := b.d.Tokens; len(dt) > 0 {
		for i := 0; i+1 < len(dt); i++ {
			if dt[i].Lower == "the" && entLex.nominals[dt[i+1].Lower] {
				toks = append(toks, b.tx.scan(dt[i].Start, min(len(b.d.Runes), dt[i+1].End+40))[:]...)
				toks = append(toks, semTok{Kind: 'p', Text: "\n", Start: dt[i+1].End, End: dt[i+1].End})
			}
		}
	} else {
		toks = b.tx.scan(0, len(b.d.Runes))
	}
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Lower != "the" || !entLex.nominals[toks[i+1].Lower] || toks[i+1].Text != toks[i+1].Lower {
			continue
		}
		if i+2 < len(toks) && toks[i+2].Kind == 'w' && semIsCap(toks[i+2].Text) {
			continue // "the ministry of ..." names something else
		}
		head := toks[i+1].Lower
		top := sort.Search(len(named), func(k int) bool { return named[k].Span.Start >= toks[i].Start })
		for k := top - 1; k >= 0 && top-k <= 500; k-- {
			m := named[k]
			if m.Span.End > toks[i].Start {
				continue
			}
			e := byID[m.Entity]
			if e == nil || (e.Kind != graph.KindOrganization && e.Kind != graph.KindOutlet) {
				continue
			}
			if semNameHas(e, head) {
				b.mention(e, toks[i].Start, toks[i+1].End, MentionNominal)
				break
			}
		}
	}
}

func semNameHas(e *entRec, head string) bool {
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
func (b *entBuilder) finish() {
	sort.SliceStable(b.order, func(x, y int) bool { return b.order[x].first < b.order[y].first })
	d := b.d
	d.Entities = d.Entities[:0]
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

// semEntityIndex returns the index of the entity with id in d.Entities, or -1.
func semEntityIndex(d *Document, id string) int {
	for i := range d.Entities {
		if d.Entities[i].ID == id {
			return i
		}
	}
	return -1
}

// semAddEntity adds an entity to d (or returns the existing one with that id) and
// returns its id. Later stages use it for speakers that only their cue reveals
// ("observers note").
func semAddEntity(d *Document, name string, kind graph.AgentKind) string {
	id := graph.AgentID(name)
	if i := semEntityIndex(d, id); i >= 0 {
		if d.Entities[i].Kind == graph.KindUnknown {
			d.Entities[i].Kind = kind
		}
		return id
	}
	d.Entities = append(d.Entities, Entity{ID: id, Name: name, Kind: kind, Aliases: []string{}, Roles: []string{}})
	return id
}
