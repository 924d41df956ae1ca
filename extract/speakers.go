package extract

import (
	"github.com/claimgraph/claimgraph/extract/lexicon"
	"slices"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Speakers: each attribution's source span is resolved to an entity (Attribution.Speaker)
// and the news agencies it came through are listed (Attribution.Via). The rules, each
// with a test sentence in speakers_test.go:
//
//  1. a he/she source is the speaker of the attribution just before it when that
//     speaker fits and no other fitting person opens a sentence in between; else a
//     pronoun source ("he stated") is the nearest preceding mention, outside
//     quotations, of a compatible entity: a person of the pronoun's gender for he/she
//     (gender from lexicon/firstnames.txt, else from an earlier he/she resolved to
//     them), an organization, country or outlet for "it", a group, organization,
//     country or outlet for "they"; a pronoun mention is added to Document.Mentions;
//     A relative "who"/"which" source is the entity named right before it ("Jane
//     Roe, who said"; a person or group for who, an organization, outlet or country
//     for which; relativeSource); its speaker does not become the previous speaker;
//     "the report" (the and a document or data noun) is the author of the last
//     document of that noun an attribution named as its source in the last two
//     paragraphs ("a report by the agency showed ... the report said";
//     documentAnaphor);
//  2. a named or nominal source is the first entity mention in its head (the part
//     before an appositive comma) that does not modify a noun there ("the U.S. plan"):
//     "Hamish Falconer, Britain’s minister ..." → Hamish Falconer; "the ministry" →
//     Gaza’s Health Ministry (a nominal mention); an organization before a titled
//     person gives the person ("Acme Institute Director Jane Roe"); else a person in
//     apposition ("the U.S. ambassador, Mike Waltz,"); else "the [modifier] TITLE"
//     is the one person named before with that role ("the health minister", "the
//     general" for "Maj. Gen. Jane Roe"; roleAnaphor). A source "According to X,
//     SPEAKER" is read after the comma, X's outlets becoming agencies, and so is
//     a source opening with a participle clause ("Quoting figures from X, an
//     official"; afterParticipleAdjunct). A country
//     directly before a capitalized word modifies a name and is no speaker ("U.S.
//     Central Command"); a country and one to three unknown capitalized words make
//     an organization of that country ("U.S. Velcom"; countryNamedBody); "a
//     spokesperson for X" speaks for X; a nominal mention inside the head ("many in
//     the party") is not its head;
//  3. a source with no mention whose head noun is a group noun (lexicon/groups.txt)
//     becomes a group entity named by its words ("Observers note" → observers; a name
//     that completes a group noun makes it a group too: "permanent members of the
//     Security Council" is not the Security Council); one
//     made of two or three capitalized name words becomes a person; "this source"
//     (this/that and a source or body noun) is the one organization or outlet named
//     in the sentence before, never a new group, and "whose lawyers" names nothing;
//     "the MODIFIER... BODY-NOUN" in lowercase ("the regional military
//     administration", "the military junta") becomes an organization named by its
//     words (unnamedBody); "a/an [MODIFIERS] TITLE" ("a Rohingya camp leader")
//     becomes one unnamed holder of the role (indefiniteRole);
//  4. Via: the agencies the attribution stage found (Attribution.ViaSpans), mapped to
//     entities; when the source names only news outlets ("according to reports from Reuters
//     and the Associated Press"), the first is the speaker and all of them are Via;
//     outlets after an agency phrase in the attribution's sentence ("told the
//     Associated Press", "as reported by Axios", "in an interview with Digital",
//     "according to Reuters") are added to Via, in text order;
//  5. an attribution with no source whose cue is a participle after a comma
//     ("Guterres echoed this sentiment, stating, “...”") has the speaker of the
//     attribution before it in the same sentence, else the subject of the sentence:
//     the first entity followed by an auxiliary or a past tense ("the United States
//     took a bold step ..., seeking approval");
//  6. an attribution with no source whose cue follows "and" or "but" ("Washington has
//     ruled out troops but has requested contributions") has the entity that opens
//     its sentence as speaker when an auxiliary or past tense follows that name;
//  7. an attribution with no source whose cue is a passive participle followed by
//     "by" and an entity ("described by U.S. officials as ...", "as reported by
//     Axios") has that entity;
//  8. "X quoted PERSON as saying ..." (or "cited") is spoken by the person, X
//     becoming an agency (quotedAsSaying).
//
// Rule 5's subject may also be followed by a present-tense speech or dispute verb
// in a headline-style clause ("Velmora denies the killings, saying ...").

type pronInfo struct {
	gender byte // m, f, n (it), p (they), x (I)
	plural bool
}

var pronLex = func() map[string]pronInfo {
	m := map[string]pronInfo{}
	for _, f := range lexiconRows("pronouns.txt") {
		m[f[0]] = pronInfo{gender: f[1][0], plural: f[2] == "p"}
	}
	return m
}()

// quoteMaskOf marks the code points that lie inside quotation marks (curly pairs, or
// straight double quotes toggling), so that pronoun antecedents are not taken from
// inside quotes. Quotes never run past a paragraph end.
func quoteMaskOf(d *Document) []bool {
	mask := make([]bool, len(d.Runes))
	in := false
	for i, r := range d.Runes {
		switch r {
		case '“':
			in = true
		case '”':
			mask[i] = in
			in = false
			continue
		case '"':
			in = !in
		case '\n':
			in = false
		}
		mask[i] = in
	}
	return mask
}

// firstNameGender returns a person's gender from their first name, or 0.
func firstNameGender(e *Entity) byte {
	if f := strings.Fields(e.Name); len(f) > 0 {
		if g := entityWords.firstNames[f[0]]; g == 'm' || g == 'f' {
			return g
		}
	}
	return 0
}

type speakerResolver struct {
	d       *Document
	mask    []bool
	byID    map[string]int
	indexed int              // d.Entities[:indexed] are in byID (reindex)
	words   *entityWordIndex // the entities' name words, built on first use (entityWords)
	before  *firstBound      // mentionedBefore's index of base, built on first use
	learned map[string]byte  // gender learned from resolved pronouns
	// base is d.Mentions sorted by start when the resolver was made; added holds the
	// mentions added since, also sorted by start. flush merges them into d.Mentions.
	base     []Mention
	added    []Mention
	agencies map[[2]int][]string // agenciesIn by sentence
	tx       *scanText
	// lastInSentence is the last attribution resolved to a speaker in each sentence
	// (by sentence start), for participle cues.
	lastInSentence map[int]lastSpeaker
	// prev is the speaker of the last attribution resolved, and where it ended.
	prev lastSpeaker
	// lastDocument is, by document noun, the author of the last attribution whose
	// source named such a document ("a report by the agency"), for documentAnaphor.
	lastDocument map[string]lastSpeaker
	// roleHolders are the entities made for one unnamed holder of a role ("a Rohingya
	// camp leader", rule indefiniteRole): a later he or she may continue them.
	roleHolders map[string]bool
	// shortNames indexes organizations and persons by a name word, for
	// organizationShortName (speakers_shortname.go); built on first use.
	shortNames *shortNameIndex
}

type lastSpeaker struct {
	cueEnd  int
	speaker string
	source  *Span // the attribution's source, for groupAgain (speakers_groupagain.go); nil when not kept
}

// mentionReach bounds how far before a position a mention that covers it may
// start (names are at most a few words; maxNameWords bounds them).
const mentionReach = 400

func newSpeakerResolver(d *Document) *speakerResolver {
	sortMentions(d)
	tx := scanTextOf(d)
	if tx.quoteMask == nil {
		tx.quoteMask = quoteMaskOf(d) // read only; shared by the speaker and dispute stages
	}
	r := &speakerResolver{d: d, mask: tx.quoteMask, byID: map[string]int{}, learned: map[string]byte{},
		base: d.Mentions, agencies: map[[2]int][]string{}, tx: tx, lastInSentence: map[int]lastSpeaker{}, lastDocument: map[string]lastSpeaker{},
		roleHolders: map[string]bool{}}
	r.reindex()
	return r
}

// addMention records a new mention, kept in start order.
func (r *speakerResolver) addMention(m Mention) {
	k := sort.Search(len(r.added), func(i int) bool { return r.added[i].Span.Start > m.Span.Start })
	r.added = append(r.added, Mention{})
	copy(r.added[k+1:], r.added[k:])
	r.added[k] = m
}

// flush writes the added mentions into the document, sorted and without duplicates.
func (r *speakerResolver) flush() {
	if len(r.added) == 0 {
		return
	}
	all := append(append([]Mention(nil), r.base...), r.added...)
	r.d.Mentions = all
	sortMentions(r.d)
	out := r.d.Mentions[:0]
	for i, m := range r.d.Mentions {
		if i > 0 && m.Entity == out[len(out)-1].Entity && m.Span.Start == out[len(out)-1].Span.Start && m.Span.End == out[len(out)-1].Span.End {
			continue
		}
		out = append(out, m)
	}
	r.d.Mentions = out
	r.base = out
	r.added = nil
}

// Once the entity stage is done d.Entities only grows and no entity's id changes, so
// the entities indexed before keep their entries and only those appended since are
// added (the last of an id wins, as when all were indexed anew); a reindex per new
// entity over all of them was quadratic in a long document.
func (r *speakerResolver) reindex() {
	if len(r.d.Entities) < r.indexed {
		clear(r.byID)
		r.indexed = 0
	}
	for i := r.indexed; i < len(r.d.Entities); i++ {
		r.byID[r.d.Entities[i].ID] = i
	}
	r.indexed = len(r.d.Entities)
}

func (r *speakerResolver) entity(id string) *Entity {
	if i, ok := r.byID[id]; ok {
		return &r.d.Entities[i]
	}
	return nil
}

func (r *speakerResolver) gender(e *Entity) byte {
	if g := personGender(e); g != 0 {
		return g
	}
	return r.learned[e.ID]
}

// compatible reports whether entity e can be referred to by pronoun p.
func (r *speakerResolver) compatible(e *Entity, p pronInfo) bool {
	switch p.gender {
	case 'm', 'f':
		if e.Kind != graph.KindPerson {
			return false
		}
		g := r.gender(e)
		return g == 0 || g == p.gender
	case 'n':
		return e.Kind == graph.KindOrganization || e.Kind == graph.KindCountry || e.Kind == graph.KindOutlet
	case 'p':
		return e.Kind == graph.KindGroup || e.Kind == graph.KindOrganization || e.Kind == graph.KindCountry || e.Kind == graph.KindOutlet
	}
	return false
}

// resolvePronoun applies rule 1: the nearest preceding compatible mention before pos,
// outside quotations, at most three paragraphs back.
func (r *speakerResolver) resolvePronoun(word string, pos int) string {
	p, ok := pronLex[strings.ToLower(word)]
	if !ok || p.gender == 'x' {
		return ""
	}
	minStart := 0
	para := -1
	if k := sort.Search(len(r.d.Paragraphs), func(i int) bool { return r.d.Paragraphs[i].End >= pos }); k < len(r.d.Paragraphs) && r.d.Paragraphs[k].Start <= pos {
		para = k
	}
	if para >= 0 {
		minStart = r.d.Paragraphs[max(0, para-3)].Start
	}
	// the nearest compatible mention in base and in added; at most pronounLookback
	// mentions are looked at in each
	best := -1
	var bestID string
	for _, ms := range [][]Mention{r.base, r.added} {
		top := sort.Search(len(ms), func(i int) bool { return ms[i].Span.Start >= pos })
		for k := top - 1; k >= 0 && top-k <= pronounLookback; k-- {
			m := ms[k]
			if m.Span.Start < minStart || m.Span.Start <= best {
				break
			}
			if m.Span.End > pos || m.Kind == MentionPronoun || (m.Span.Start < len(r.mask) && r.mask[m.Span.Start]) {
				continue
			}
			e := r.entity(m.Entity)
			if e == nil || !r.compatible(e, p) {
				continue
			}
			best, bestID = m.Span.Start, e.ID
			break
		}
	}
	if bestID == "" {
		return ""
	}
	if e := r.entity(bestID); (p.gender == 'm' || p.gender == 'f') && r.gender(e) == 0 {
		r.learned[bestID] = p.gender
	}
	return bestID
}

// previousSpeaker applies the first part of rule 1: a he/she source refers to the
// speaker of the attribution just before it (at most two paragraphs back) when that
// speaker fits the pronoun (a person of no other gender, or one unnamed holder of a
// role: "a camp leader told AFP ... he said") and no other fitting person opens a
// sentence in between
// ("Spencer said the plan, backed by Guterres, would work. He added ..." → Spencer;
// "... Spencer said. Guterres disagreed. He said ..." → Guterres, by nearness).
func (r *speakerResolver) previousSpeaker(word string, pos int) string {
	p, ok := pronLex[word]
	if !ok || (p.gender != 'm' && p.gender != 'f') || !r.prevSpeakerNear(pos) {
		return ""
	}
	e := r.entity(r.prev.speaker)
	if e == nil || !r.compatible(e, p) && !r.roleHolders[e.ID] {
		return "" // a person, or one unnamed holder of a role ("a camp leader told AFP ... he said")
	}
	if g := r.learned[e.ID]; r.roleHolders[e.ID] && g != 0 && g != p.gender {
		return "" // "one man told KTLA ... she said": another person (speakers_person.go)
	}
	if r.fittingOpenerSince(p, pos) {
		return ""
	}
	if g := r.gender(e); g == 0 && e.Kind == graph.KindPerson {
		r.learned[e.ID] = p.gender
	}
	return e.ID
}

// fittingOpenerSince reports whether an entity that fits pronoun p, other than the
// previous speaker, opens a sentence (alone or after a short opening phrase) between the
// previous speaker's attribution and pos.
func (r *speakerResolver) fittingOpenerSince(p pronInfo, pos int) bool {
	ss := r.d.Sentences
	for _, m := range r.mentionsIn(r.prev.cueEnd, pos) {
		if m.Span.Start < r.prev.cueEnd || m.Span.End > pos || m.Entity == r.prev.speaker ||
			(m.Span.Start < len(r.mask) && r.mask[m.Span.Start]) {
			continue
		}
		o := r.entity(m.Entity)
		if o == nil || !r.compatible(o, p) {
			continue
		}
		j := sort.Search(len(ss), func(i int) bool { return ss[i].End > m.Span.Start })
		if j < len(ss) && opensSentenceAfterOpener(r.tx.scan(ss[j].Start, min(ss[j].End, m.Span.Start+1)), m.Span.Start) {
			return true
		}
	}
	return false
}

// maxOpenerWords bounds the opening phrase before a sentence's subject ("On the
// other hand,", "In a statement on Monday,").
const maxOpenerWords = 6

// opensSentenceAfterOpener reports whether the mention starting at start is the first
// word of its sentence (toks: the sentence up to the mention, leading quotation marks
// and punctuation aside), or follows only an opening phrase of a few words closed by a
// comma ("On the other hand, Dominic Pezzola ... was convicted"): the sentence's
// subject, which a later he or she is more likely to continue than an earlier speaker.
func opensSentenceAfterOpener(toks []scanToken, start int) bool {
	for len(toks) > 0 && toks[0].Kind != 'w' {
		toks = toks[1:]
	}
	k := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= start })
	if k == len(toks) || toks[k].Start != start {
		return false
	}
	if k == 0 {
		return true
	}
	if toks[k-1].Text != "," || k-1 > maxOpenerWords {
		return false
	}
	for _, t := range toks[:k-1] {
		if t.Kind != 'w' || isCapitalized(t.Text) && t.Start != toks[0].Start && !calendarWords[t.Lower] && !quantityWords.months[t.Lower] {
			return false // a name or a figure in the opening: no plain opener ("On Monday," is one)
		}
	}
	return true
}

// pronounLookback bounds how many mentions back a pronoun's antecedent is sought.
const pronounLookback = 300

// mentionsIn returns the non-pronoun mentions inside [s, e), in text order.
func (r *speakerResolver) mentionsIn(s, e int) []Mention {
	var out []Mention
	for _, ms := range [][]Mention{r.base, r.added} {
		k := sort.Search(len(ms), func(i int) bool { return ms[i].Span.Start >= s-mentionReach })
		for ; k < len(ms) && ms[k].Span.Start < e; k++ {
			if m := ms[k]; m.Span.End > s && m.Kind != MentionPronoun {
				out = append(out, m)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// resolveSource applies rules 1–3 to a source span; it returns the speaker id (or "")
// and the outlets named in the source.
func (r *speakerResolver) resolveSource(src Span) (string, []string) {
	toks := r.tx.scan(src.Start, src.End)
	words := wordTokens(toks)
	if len(words) == 0 {
		return "", nil
	}
	if start, ok := r.listSubjectStart(words); ok {
		return r.resolveSource(Span{Start: start, End: src.End}) // "German broadcasters ARD, the New York Times and ... reported" (speakers_list.go)
	}
	if r.companionSource(words) {
		return "", nil // "its investigation together with the New York Times revealed" (speakers_list.go)
	}
	acronym := len(words) == 1 && len(words[0].Text) > 1 && isAllCaps(words[0].Text) // "WHO", "US": names, no pronouns
	if !acronym {
		if id, ok := r.pronounSource(words); ok {
			return id, nil
		}
	}
	if id, ok := r.asideRelativeSource(words); ok {
		return id, nil // "President Biden - who joined a picket line last year - said" (speakers_aside.go)
	}
	if len(words) == 1 && !acronym && (words[0].Lower == "who" || words[0].Lower == "which") {
		return r.relativeSource(words[0]), nil
	}
	if rest, ok := r.afterParticipleAdjunct(toks, words); ok {
		return r.resolveSource(Span{Start: rest, End: src.End}) // "Quoting figures from X, an official"
	}
	if cut, ok := closingTimeAdjunct(words); ok {
		return r.resolveSource(Span{Start: src.Start, End: cut}) // "The health ministry on Monday" (speakers_time.go)
	}
	if cut, ok := closingSpeechAdjunct(words); ok {
		return r.resolveSource(Span{Start: src.Start, End: cut}) // "Jane Roe in a televised address"
	}
	if id, ok := r.sameSource(words); ok {
		return id, nil
	}
	if id := r.groupAgain(words); id != "" {
		return id, nil // "experts at the Unit said ... The Epidemiology experts described" (speakers_groupagain.go)
	}
	if id, ok := r.documentAnaphor(words); ok {
		return id, nil
	}
	if id := r.modifiedDocumentAnaphor(words); id != "" {
		return id, nil // "New provisional data from X estimates …. Provisional data shows …" (speakers_docmodified.go)
	}
	if rest, ok := afterAccordingTo(toks, words); ok {
		id, via := r.resolveSource(Span{Start: rest, End: src.End})
		outlets, _ := r.sourceOutlets(r.mentionsIn(src.Start, rest))
		for _, o := range outlets {
			addUnique(&via, o)
		}
		return id, via
	}
	headEnd := appositiveHeadEnd(toks, words[0].Start, src.End)
	ms := r.mentionsIn(src.Start, src.End)
	outlets, allOutlets := r.sourceOutlets(ms)
	if id := r.organizationShortName(words); id != "" {
		return id, nil // "Fort Worth-based American said" after "American Airlines" (speakers_shortname.go)
	}
	if id, ok := r.documentAuthor(ms, words); ok {
		return id, nil
	}
	if id := r.bodyDataSource(ms, words); id != "" {
		return id, nil // "the DGHS data": the body's own data (speakers_bodydata.go)
	}
	if id := r.capitalizedRoleAppositive(ms, words, headEnd); id != "" {
		return id, nil // "Microsoft’s Chairman and Chief Executive Officer, Satya Nadella,": the person
	}
	if id := r.titledAppositivePerson(ms, words, headEnd); id != "" {
		return id, nil // "The head of the IAEA, Rafael Grossi,": the person, not the body
	}
	if id := r.documentPossessor(ms, words, headEnd); id != "" {
		return id, nil // "according to the ministry’s first advanced estimate" (speakers_possessordocument.go)
	}
	if id := r.possessedNamedBody(ms, words, headEnd); id != "" {
		return id, nil // "The U.S. military’s Central Command": the named body, not the country
	}
	if id := r.headMention(ms, words, headEnd); id != "" {
		if allOutlets {
			return id, outlets
		}
		return id, nil
	}
	if allOutlets {
		return ms[0].Entity, outlets
	}
	if id := r.appositivePerson(ms, words, headEnd); id != "" {
		return id, nil
	}
	if id := r.countryNamedBody(ms, words, headEnd); id != "" {
		return id, nil
	}
	if id := r.personAppositiveAfter(src, words); id != "" {
		return id, nil
	}
	if id := r.representedRole(words, headEnd); id != "" {
		return id, nil // "the mayor's spokesman", "aides to the senator" (speakers_rolerepresentative.go)
	}
	if id := r.roleAnaphor(words, headEnd); id != "" {
		r.addMention(Mention{Entity: id, Span: makeSpan(r.d.Runes, words[0].Start, words[len(words)-1].End), Kind: MentionNominal})
		return id, nil
	}
	if id := r.outletNamedBefore(words); id != "" {
		return id, nil // "The Hindu reported" after "The Hindu newspaper" (speakers_namedbefore.go)
	}
	if id := r.indefinitePlaceBody(src, words); id != "" {
		return id, nil // "A Pennsylvania appeals court ... saying" (speakers_indefinitebody.go)
	}
	if id := r.describedBusinessNamedBefore(toks); id != "" {
		return id, nil // "The world’s leading contract chipmaker reported" (speakers_businessanaphor.go)
	}
	if id := r.judicialBody(words); id != "" {
		return id, nil // "a New York jury found", "The tribunal ruled" (speakers_judicial.go)
	}
	if id := r.bodyAgain(words); id != "" {
		return id, nil // "The Velmora Retail Association said ... The association added" (speakers_bodyagain.go)
	}
	if id := r.unnamedSource(words, headEnd); id != "" {
		return id, nil
	}
	return r.lastResortSource(src, words, headEnd), nil // "the report said" (speakers_unauthored.go, speakers_unclosed.go)
}

// relativeSource applies rule 1's "relative pronoun": a source "who" or "which" is
// the entity named right before it (after an optional comma): "Jane Roe, who said",
// "the Velmora Statistics Office, which reported". "who" takes a person or group,
// "which" an organization, outlet or country; a lowercase group noun right before
// "who" ("economists who say") becomes a group. Anything else (an appositive in
// between: "Jane Roe, an analyst at Acme, who") gives no speaker.
func (r *speakerResolver) relativeSource(rel scanToken) string {
	before := r.tx.scan(max(0, rel.Start-120), rel.Start)
	k := len(before) - 1
	if k >= 0 && before[k].Text == "," {
		k--
	}
	if k < 0 || before[k].Kind != 'w' {
		return ""
	}
	prev := before[k]
	for _, m := range r.mentionsIn(prev.Start, prev.End) {
		if m.Span.End != prev.End && !(m.Span.End < prev.End && m.Span.End > prev.Start) {
			continue
		}
		e := r.entity(m.Entity)
		if e == nil {
			return ""
		}
		person := e.Kind == graph.KindPerson || e.Kind == graph.KindGroup
		if (rel.Lower == "who") == person {
			return m.Entity
		}
		return ""
	}
	if _, ok := entityWords.groups[prev.Lower]; ok && rel.Lower == "who" && prev.Text == prev.Lower {
		return r.newSourceEntity(prev.Lower, graph.KindGroup, prev.Start, prev.End, MentionNominal)
	}
	return ""
}

// relativeSourceOf reports whether the attribution's source is a relative pronoun.
func (r *speakerResolver) relativeSourceOf(a *Attribution) bool {
	if a.Source == nil {
		return false
	}
	words := wordTokens(r.tx.scan(a.Source.Start, a.Source.End))
	return len(words) == 1 && (words[0].Lower == "who" || words[0].Lower == "which")
}

// afterAccordingTo applies rule 2's "reported source": a source that opens with
// "according to X," ("According to the agency, one witness, Jane Roe,") names its
// speaker after the comma; it returns where that part starts.
func afterAccordingTo(toks, words []scanToken) (int, bool) {
	if len(words) < 4 || words[0].Lower != "according" || words[1].Lower != "to" {
		return 0, false
	}
	for k, t := range toks {
		if t.Text == "," && t.Start > words[1].End && k+1 < len(toks) {
			return toks[k+1].Start, true
		}
	}
	return 0, false
}

// afterParticipleAdjunct applies rule 2's "participle adjunct": a source that opens its
// sentence with a participle clause closed by a comma ("Quoting statistics from the
// NCVBDC, a senior Health Ministry official", "Citing data from the bank, the
// minister") is read after that comma: the body the participle's object names is
// quoted, not the speaker. The participle is a capitalized -ing word followed by a
// lowercase word (so a name such as "Jennings, the senator" is none); it returns where
// the rest starts.
func (r *speakerResolver) afterParticipleAdjunct(toks, words []scanToken) (int, bool) {
	if len(words) < 4 {
		return 0, false
	}
	w := words[0]
	if !isCapitalized(w.Text) || len(w.Lower) < 6 || !strings.HasSuffix(w.Lower, "ing") || words[1].Text != words[1].Lower || !r.opensSentence(w) {
		return 0, false
	}
	for k, t := range toks {
		if t.Text == "," && k+1 < len(toks) && t.Start > w.End {
			return toks[k+1].Start, true
		}
	}
	return 0, false
}

// speechEventNouns are the nouns of the occasions and channels of speech that a
// closing adjunct of a source names ("in a televised address", "in a statement on
// Thursday"); lexicon/speech_event_nouns.txt.
var speechEventNouns = lexicon.Set("speech_event_nouns.txt")

// closingSpeechAdjunct applies rule 2's "closing adjunct": a source that names its
// speaker and then the occasion of the speech ("Min Aung Hlaing in a state-wide
// televised address", "the ministry in a statement on Thursday") is resolved without
// the adjunct, which opens with "in" or "during" and a determiner or possessive and
// holds a speech event noun within its first five words. It returns where the adjunct
// starts.
func closingSpeechAdjunct(words []scanToken) (int, bool) {
	for k := 1; k+2 < len(words); k++ {
		if p := words[k].Lower; p != "in" && p != "during" {
			continue
		}
		switch words[k+1].Lower {
		case "a", "an", "the", "his", "her", "its", "their", "this":
		default:
			continue
		}
		for j := k + 2; j < len(words) && j <= k+6; j++ {
			if speechEventNouns[words[j].Lower] && words[j].Text == words[j].Lower {
				return words[k].Start, true
			}
		}
	}
	return 0, false
}

// sameSourceNouns are the nouns of "the same source" and its kin.
var sameSourceNouns = speakerWordClass("same_source_noun")

// prevSpeakerNear reports whether the attribution resolved just before a source at
// pos has a speaker, ended before pos and lies at most two paragraphs back: the
// antecedent rule 1's anaphors ("he", "the same source", "the association", "the
// officials") may take.
func (r *speakerResolver) prevSpeakerNear(pos int) bool {
	if r.prev.speaker == "" || r.prev.cueEnd > pos {
		return false
	}
	paras := r.d.Paragraphs
	k := sort.Search(len(paras), func(i int) bool { return paras[i].End >= pos })
	return !(k < len(paras) && k >= 2 && paras[k-2].Start > r.prev.cueEnd)
}

// sameSource applies rule 1's "same source": "the same source" ("the same official",
// "the same statement") refers to the speaker of the attribution just before it, when
// that one lies at most two paragraphs back; ok is false when the source is no such
// phrase, and an id of "" means no earlier speaker qualifies.
func (r *speakerResolver) sameSource(words []scanToken) (string, bool) {
	if len(words) != 3 || words[0].Lower != "the" || words[1].Lower != "same" || !sameSourceNouns[words[2].Lower] {
		return "", false
	}
	if !r.prevSpeakerNear(words[0].Start) {
		return "", true
	}
	r.addMention(Mention{Entity: r.prev.speaker, Span: makeSpan(r.d.Runes, words[0].Start, words[2].End), Kind: MentionNominal})
	return r.prev.speaker, true
}

// documentAnaphor applies rule 1's "document anaphor": "the report", "the study", "the
// release" (the and a document or data noun, nothing else) is spoken by the author of
// the last document of that noun an earlier attribution named as its source ("..., a
// report by the agency showed. ..., the report said." → the agency), when that one
// lies at most two paragraphs back; ok is false when the source is no such phrase or
// no such document is near (the other rules apply then).
func (r *speakerResolver) documentAnaphor(words []scanToken) (string, bool) {
	if len(words) != 2 || words[0].Lower != "the" || !(authorDocumentNouns[words[1].Lower] || dataNouns[words[1].Lower]) {
		return "", false
	}
	last, ok := r.lastDocument[words[1].Lower]
	if !ok || last.cueEnd > words[0].Start {
		return "", false
	}
	paras := r.d.Paragraphs
	k := sort.Search(len(paras), func(i int) bool { return paras[i].End >= words[0].Start })
	if k < len(paras) && k >= 2 && paras[k-2].Start > last.cueEnd {
		return "", false
	}
	r.addMention(Mention{Entity: last.speaker, Span: makeSpan(r.d.Runes, words[0].Start, words[1].End), Kind: MentionNominal})
	return last.speaker, true
}

// noteDocument records the speaker of an attribution whose source names a document
// ("a report by the agency", "a ministry press release", a resolved "the report" too,
// so that a chain of them reaches back) under that document noun, for documentAnaphor.
// A source ending in a document's title ("the group's latest Monthly Oil Market Report")
// is recorded under the title's noun (rule "a titled document's noun"). A document
// source left without a speaker (speaker "") that names an author or title of its own (a
// capitalized word after its first) clears its noun: a later "the report" is that
// unresolved document, not an older one of another author; "the most recent national
// data" names none and may be the earlier data again, so it clears nothing.
func (r *speakerResolver) noteDocument(a *Attribution, speaker string) {
	if a.Source == nil {
		return
	}
	words := wordTokens(r.tx.scan(a.Source.Start, a.Source.End))
	note := func(noun string) {
		if speaker == "" {
			if namesItsOwn(words) {
				delete(r.lastDocument, noun)
			}
			return
		}
		r.lastDocument[noun] = lastSpeaker{cueEnd: a.Cue.End, speaker: speaker, source: a.Source}
	}
	for _, w := range words {
		if w.Text == w.Lower && (authorDocumentNouns[w.Lower] || dataNouns[w.Lower]) {
			note(w.Lower)
			return
		}
	}
	if n := len(words); n >= 2 && isCapitalized(words[n-1].Text) && authorDocumentNouns[words[n-1].Lower] && isCapitalized(words[n-2].Text) {
		note(words[n-1].Lower) // "the Monthly Oil Market Report ... The report showed"
	}
}

// namesItsOwn reports whether a source's words after the first hold a capitalized word:
// a name or title of its own ("the latest Monthly Freight Review Report").
func namesItsOwn(words []scanToken) bool {
	for _, w := range words[min(1, len(words)):] {
		if w.Kind == 'w' && isCapitalized(w.Text) {
			return true
		}
	}
	return false
}

// wordTokens returns the word and number tokens of toks.
func wordTokens(toks []scanToken) []scanToken {
	var words []scanToken
	for _, t := range toks {
		if t.Kind == 'w' || t.Kind == 'n' {
			words = append(words, t)
		}
	}
	return words
}

// pronounSource applies rule 1 to a source that is a pronoun ("he", "she also"): the
// previous speaker, else the nearest compatible mention; ok is false when the source
// is no pronoun.
func (r *speakerResolver) pronounSource(words []scanToken) (string, bool) {
	if len(words) > 2 {
		return "", false
	}
	if _, ok := pronLex[words[0].Lower]; !ok || (len(words) == 2 && words[1].Lower != "also") {
		return "", false
	}
	id := r.previousSpeaker(words[0].Lower, words[0].Start)
	if id == "" {
		id = r.previousBodySpeaker(words[0].Lower, words[0].Start) // speakers_itcontinues.go
	}
	if id == "" {
		id = r.resolvePronoun(words[0].Text, words[0].Start)
	}
	if sid, ok := r.subjectBeforePronoun(words[0].Text, words[0].Start); ok {
		id = sid // "The state has told the court ... it agrees": the subject, not the court (speakers_subject.go)
	}
	if id != "" {
		r.addMention(Mention{Entity: id, Span: makeSpan(r.d.Runes, words[0].Start, words[0].End), Kind: MentionPronoun})
	}
	return id, true
}

// appositiveHeadEnd returns where the head of a source ends: at its first comma after
// the first word (an appositive follows it), else at the source's end.
func appositiveHeadEnd(toks []scanToken, firstWord, end int) int {
	for _, t := range toks {
		if t.Text == "," && t.Start > firstWord {
			return t.Start
		}
	}
	return end
}

// sourceOutlets returns the outlets mentioned in a source and whether every mention
// there is an outlet (rule 4: "according to reports from Reuters and the AP").
func (r *speakerResolver) sourceOutlets(ms []Mention) ([]string, bool) {
	var outlets []string
	all := len(ms) > 0
	for _, m := range ms {
		if e := r.entity(m.Entity); e != nil && e.Kind == graph.KindOutlet {
			addUnique(&outlets, m.Entity)
		} else {
			all = false
		}
	}
	return outlets, all
}

// headMention applies rule 2: the first mention in the head (before headEnd) that is
// not a possessive country before a role ("Britain’s minister"), a name modifying a
// noun ("the U.S. plan") or the complement of a group noun ("members of the Security
// Council").
func (r *speakerResolver) headMention(ms []Mention, words []scanToken, headEnd int) string {
	d := r.d
	if id := r.spokespersonOfName(ms, words, headEnd); id != "" {
		return id // "A Velkor Bank spokesperson said" (speakers_spokesmodifier.go)
	}
	inModifier := false // inside a participle's modifier of the head noun (participleObject)
	for _, m := range ms {
		if m.Span.Start >= headEnd {
			break
		}
		e := r.entity(m.Entity)
		if e == nil {
			continue
		}
		if e.Kind == graph.KindCountry && m.Span.End < headEnd && m.Span.End+2 <= len(d.Runes) && isApostrophe(d.Runes[m.Span.End]) {
			if authorOfDocument(words, m.Span.End+2, headEnd) {
				return m.Entity // "Israel’s data showed": a country's document speaks for it
			}
			continue
		}
		if id := r.possessedDocumentOwner(words, m, headEnd); id != "" {
			return id // "OPEC’s latest Monthly Oil Market Report" (speakers_possesseddocument.go)
		}
		if k := groupComplementIndex(words, m.Span.Start); k >= 0 && spokespersonNouns[words[k].Lower] && m.Span.End >= headEnd-1 {
			return m.Entity // "a spokesperson for the ministry" speaks for the ministry
		}
		if authorOfDocument(words, m.Span.End, headEnd) {
			return m.Entity // "A 2014 House Intelligence Committee report found ..."
		}
		if modifiesHead(words, m.Span.End, headEnd) && !r.complementAfter(words, m, headEnd) || groupComplementIndex(words, m.Span.Start) >= 0 {
			continue
		}
		if m.Kind == MentionNominal && m.Span.Start > words[0].Start {
			continue // "many in the party": a nominal inside the head is not its head
		}
		if r.nameModifier(m, headEnd) {
			continue // "U.S. Central Command": the country modifies an unrecognized name
		}
		if r.complementOfNoun(words, m) {
			continue // "the lawyer for Mr. Roe", "a source close to the Kremlin": not the speaker
		}
		if inModifier || participleObject(words, m) {
			inModifier = true
			continue // "the union representing Velmor workers", "a bench led by Jane Roe": not the speaker
		}
		if r.venueMention(words, m) {
			continue // "published in the journal Acme Medicine": a venue does not speak
		}
		if p := r.titledPersonAfter(ms, words, m, headEnd); p != "" {
			return p
		}
		if p := r.possessorsPerson(ms, m, headEnd); p != "" {
			return p
		}
		if b := r.possessorsBody(ms, m, headEnd); b != "" {
			return b
		}
		return m.Entity
	}
	return ""
}

// possessorsPerson applies rule 2's "organization's person": when the mention m of a
// body that is no person is possessive and a person's mention ends the head
// ("Amnesty International's Myanmar researcher Joe Freeman", "the agency's chief
// economist Jane Roe"), the person speaks and the body is their affiliation; it
// returns "" otherwise.
func (r *speakerResolver) possessorsPerson(ms []Mention, m Mention, headEnd int) string {
	if e := r.entity(m.Entity); e == nil || e.Kind == graph.KindPerson {
		return ""
	}
	if end := m.Span.End; end+1 >= len(r.d.Runes) || !isApostrophe(r.d.Runes[end]) || r.d.Runes[end+1] != 's' {
		return ""
	}
	var person string
	for _, n := range ms {
		if n.Span.Start < m.Span.End || n.Span.Start >= headEnd {
			continue
		}
		if e := r.entity(n.Entity); e != nil && e.Kind == graph.KindPerson {
			person = n.Entity
			if rest := wordTokens(r.tx.scan(n.Span.End, headEnd)); len(rest) > 0 {
				return "" // the person does not end the head: "X's lawyer Jane Roe's client"
			}
		}
	}
	return person
}

// possessorsBody applies rule 2's "organization's named body": when the mention m of
// a body that is no person is possessive ("’s", or "’" after a plural: "The United
// Nations’ World Meteorological Organization (WMO)", "Velcom’s Orvik Labs") and the
// next mention is of another named body that is no person and no country and ends
// the head (its own acronym in parentheses may follow), that body speaks and the
// possessor is its parent; it returns "" otherwise. A country's body ("Gaza’s Health
// Ministry") is one name already and never comes here.
func (r *speakerResolver) possessorsBody(ms []Mention, m Mention, headEnd int) string {
	if e := r.entity(m.Entity); e == nil || e.Kind == graph.KindPerson {
		return ""
	}
	rs := r.d.Runes
	end := m.Span.End
	switch {
	case end+1 < len(rs) && isApostrophe(rs[end]) && rs[end+1] == 's':
		end += 2
	case end < len(rs) && isApostrophe(rs[end]) && end > 0 && rs[end-1] == 's':
		end++
	default:
		return ""
	}
	for i, n := range ms {
		if n.Span.Start < m.Span.End || n.Entity == m.Entity {
			continue
		}
		e := r.entity(n.Entity)
		if e == nil || e.Kind == graph.KindPerson || e.Kind == graph.KindCountry || n.Kind != MentionName {
			return ""
		}
		if len(wordTokens(r.tx.scan(end, n.Span.Start))) > 0 {
			return "" // words between: "Velcom’s chief rival Orvik" is not Velcom's body
		}
		for _, o := range ms[i+1:] {
			if o.Span.Start < headEnd && o.Entity != n.Entity {
				return ""
			}
		}
		if rest := wordTokens(r.tx.scan(n.Span.End, headEnd)); len(rest) > 1 || len(rest) == 1 && !isAllCaps(rest[0].Text) {
			return "" // the body does not end the head
		}
		return n.Entity
	}
	return ""
}

// venueWords are the words right before a mention that make it the venue of a
// publication, not a speaker ("published in the journal Nature", "in the magazine").
var venueWords = speakerWordClass("venue_word")

// venueMention reports whether the mention m stands after a venue word within the
// two words before it ("published in CA: A Cancer Journal", "in the journal Nature").
func (r *speakerResolver) venueMention(words []scanToken, m Mention) bool {
	k := sort.Search(len(words), func(i int) bool { return words[i].Start >= m.Span.Start }) - 1
	for n := 0; n < 3 && k >= 0; n, k = n+1, k-1 {
		if venueWords[words[k].Lower] && words[k].Text == words[k].Lower {
			return true
		}
	}
	return false
}

// complementOfNoun reports whether the mention starting at start is the object of a
// preposition that follows a lowercase noun of the head ("the lawyer for Mr. Roe",
// "the UN agency for Palestinian refugees", "a source close to the Kremlin", "the
// head of the IAEA"): the noun, not the name, is the head, and the name does not speak.
func (r *speakerResolver) complementOfNoun(words []scanToken, m Mention) bool {
	k := sort.Search(len(words), func(i int) bool { return words[i].Start >= m.Span.Start }) - 1
	for n := 0; n < 3 && k >= 0 && words[k].Text != words[k].Lower; n++ {
		k-- // titles before the name: "the lawyer for Mr. Roe", "for Senator Jane Roe"
	}
	if k >= 0 && words[k].Lower == "the" {
		k--
	}
	if k < 1 || !headPrepositions[words[k].Lower] {
		return false
	}
	n := words[k-1]
	if n.Lower == "close" && k >= 2 && words[k].Lower == "to" {
		return words[k-2].Kind == 'w' && words[k-2].Text == words[k-2].Lower // "a source close to the Kremlin"
	}
	if n.Kind != 'w' || n.Text != n.Lower || sourceFunctionWords[n.Lower] || isArticle(n.Lower) || spokespersonNouns[n.Lower] {
		return false // "a spokesman for Mr. Roe" speaks for him
	}
	if e := r.entity(m.Entity); e != nil && e.Kind != graph.KindPerson {
		if _, group := entityWords.groups[n.Lower]; group || isLowerTitle(n) {
			return false // "officials with the committee", "the director of the FBI" speak for the body
		}
		if words[k].Lower == "of" && entityWords.nominals[n.Lower] {
			return false // "the government of Sudan" speaks for the country
		}
	}
	return true
}

// headPrepositions join a head noun to its complement (lexicon/head_prepositions.txt).
var headPrepositions = lexicon.Set("head_prepositions.txt")

// sourceFunctionWords are the closed-class words of English (lexicon/function_words.txt):
// none of them is a head noun.
var sourceFunctionWords = lexicon.Set("function_words.txt")

// nameModifier reports whether a country mention is followed directly, inside the
// head, by a capitalized word ("U.S. Central Command", "U.S. President Jane Roe",
// "U.S. Velmora Group"): the country modifies that name and is not the speaker.
func (r *speakerResolver) nameModifier(m Mention, headEnd int) bool {
	if e := r.entity(m.Entity); e == nil || e.Kind != graph.KindCountry {
		return false
	}
	next := r.tx.scan(m.Span.End, min(headEnd, m.Span.End+40))
	return len(next) > 0 && next[0].Kind == 'w' && isCapitalized(next[0].Text)
}

// countryNamedBody applies rule 2's "country and name": a head made of a country
// and one to three capitalized words that name nothing known ("U.S. Velcom",
// "the U.S. Velmora Command") is an organization of that country, named by the
// head's words without "the".
func (r *speakerResolver) countryNamedBody(ms []Mention, words []scanToken, headEnd int) string {
	head := headWithoutArticle(words, headEnd)
	if len(head) < 2 || len(ms) != 1 || ms[0].Span.Start != head[0].Start {
		return ""
	}
	if e := r.entity(ms[0].Entity); e == nil || e.Kind != graph.KindCountry {
		return ""
	}
	if end := ms[0].Span.End; end < len(r.d.Runes) && isApostrophe(r.d.Runes[end]) {
		return "" // "Velmora’s Jane Roe": a possessive country before a person
	}
	k := 0
	for k < len(head) && head[k].Start < ms[0].Span.End {
		k++
	}
	if !unknownNameWords(head[k:]) {
		return ""
	}
	last := head[len(head)-1]
	name := collapseSpace(string(r.d.Runes[head[0].Start:last.End]))
	return r.newSourceEntity(name, graph.KindOrganization, head[0].Start, last.End, MentionName)
}

// headWithoutArticle returns the words of a source's head (before headEnd) without
// a leading "the".
func headWithoutArticle(words []scanToken, headEnd int) []scanToken {
	var head []scanToken
	for _, w := range words {
		if w.Start < headEnd {
			head = append(head, w)
		}
	}
	if len(head) > 0 && head[0].Lower == "the" {
		head = head[1:]
	}
	return head
}

// unknownNameWords reports whether ws are one to three capitalized words that can be
// a name: name words (allNameWords), or one name-shaped word ("Velcom").
func unknownNameWords(ws []scanToken) bool {
	if len(ws) == 0 || len(ws) > 3 || (!allNameWords(ws) && !(len(ws) == 1 && nameShaped(ws[0].Text))) {
		return false
	}
	for _, w := range ws {
		if !isCapitalized(w.Text) {
			return false
		}
	}
	return true
}

// unnamedBody applies rule 3's "unnamed body": a source "the MODIFIER... BODY-NOUN"
// in lowercase, with one to three modifiers and a body noun (lexicon nominals:
// "the regional military administration", "the local resistance committee") that
// no entity took, becomes an organization named by its words without "the", an
// agent of its article only (graph.ArticleScopedAgentID): "the ruling party" of two
// articles are two parties.
func (r *speakerResolver) unnamedBody(head []scanToken) string {
	if len(head) < 3 || len(head) > 5 || head[0].Lower != "the" {
		return ""
	}
	for _, w := range head[1:] {
		// Lower folds a curly apostrophe: "the country’s foreign ministry" is lowercase
		if strings.ReplaceAll(w.Text, "’", "'") != w.Lower || quantityWords.stops[w.Lower] {
			return ""
		}
	}
	last := head[len(head)-1]
	if !entityWords.nominals[last.Lower] {
		return ""
	}
	if id := r.bodyNamedBefore(head); id != "" {
		r.addMention(Mention{Entity: id, Span: makeSpan(r.d.Runes, head[0].Start, last.End), Kind: MentionNominal})
		return id
	}
	name := collapseSpace(string(r.d.Runes[head[1].Start:last.End]))
	id := addScopedEntity(r.d, name, graph.KindOrganization) // "the ruling party" of one article only
	r.reindex()
	r.addMention(Mention{Entity: id, Span: makeSpan(r.d.Runes, head[0].Start, last.End), Kind: MentionNominal})
	return id
}

// bodyNamedBefore resolves a definite body phrase to the organization named before it
// (at most three paragraphs back, outside quotations), so that a role is not taken for
// a new organization: "the statistics office" is the one organization named before
// whose name ends in "Office" and holds the other words too ("the Velmora Statistics
// Office"); "the government agency", whose modifiers only say it is public
// (governmentModifiers, "government", "state", "public"), is the nearest organization
// named before ("NOAA ... The government agency confirmed") when its noun says only
// that it is a body (genericBodies: "the central bank" is no weather bureau). "" when
// none fits.
func (r *speakerResolver) bodyNamedBefore(head []scanToken) string {
	words := head[1:]
	noun := words[len(words)-1]
	public := genericBodies[noun.Lower] // "the government agency", not "the central bank"
	for _, w := range words[:len(words)-1] {
		public = public && (governmentModifiers[w.Lower] || w.Lower == "government" || w.Lower == "state" || w.Lower == "public")
	}
	pos := head[0].Start
	minStart := r.paragraphStartOf(pos)
	for k := 0; k < 3 && minStart > 0; k++ {
		minStart = r.paragraphStartOf(minStart - 1)
	}
	ms := r.mentionsIn(minStart, pos)
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.Span.End > pos || m.Span.Start < minStart || (m.Span.Start < len(r.mask) && r.mask[m.Span.Start]) {
			continue
		}
		e := r.entity(m.Entity)
		if e == nil || e.Kind != graph.KindOrganization {
			continue
		}
		if public && len(words) > 1 {
			return e.ID
		}
		name := strings.Fields(strings.ToLower(e.Name))
		if len(name) == 0 || name[len(name)-1] != noun.Lower {
			continue
		}
		all := true
		for _, w := range words[:len(words)-1] {
			all = all && slices.Contains(name, w.Lower)
		}
		if all {
			return e.ID
		}
	}
	return ""
}

// spokespersonNouns are the group nouns whose complement is the one they speak for
// ("a spokesperson for the Velmora Health Ministry" → the ministry).
var spokespersonNouns = lexicon.Set("spokesperson_nouns.txt") // lexicon/spokesperson_nouns.txt

// titledPersonAfter applies rule 2's "organization before a titled person": when a
// mention that is no person is followed in the head, with only capitalized words or
// lowercase titles between (a title: "Meridian Research Institute Director-General
// Tomas Velko", "the Velmora Nurses Union (VNU) general secretary Ana Kell": the
// body's own acronym in parentheses is passed over), by a person's mention, the
// person speaks; it returns "" otherwise.
func (r *speakerResolver) titledPersonAfter(ms []Mention, words []scanToken, m Mention, headEnd int) string {
	if e := r.entity(m.Entity); e == nil || e.Kind == graph.KindPerson {
		return ""
	}
	for _, n := range ms {
		if n.Span.Start < m.Span.End || n.Span.Start >= headEnd {
			continue
		}
		if n.Entity == m.Entity {
			continue // the body's acronym in parentheses: "The Royal College of Nursing (RCN) general secretary Pat Cullen"
		}
		if e := r.entity(n.Entity); e == nil || e.Kind != graph.KindPerson {
			return ""
		}
		for _, w := range words {
			if w.Start >= m.Span.End && w.Start < n.Span.Start && !isCapitalized(w.Text) && !isLowerTitle(w) {
				return ""
			}
		}
		return n.Entity
	}
	return ""
}

// personTitledAfter returns the person named right after the mention m with only
// titles between ("Velmora Law School professor Jane Roe", "Acme Corp. Chief
// Executive Jane Roe"), or "".
func (r *speakerResolver) personTitledAfter(ms []Mention, words []scanToken, m Mention) string {
	for _, n := range ms {
		if n.Span.Start < m.Span.End {
			continue
		}
		if e := r.entity(n.Entity); e == nil || e.Kind != graph.KindPerson {
			return ""
		}
		between := 0
		for _, w := range words {
			if w.Start >= m.Span.End && w.Start < n.Span.Start {
				if w.Text == w.Lower && !isLowerTitle(w) {
					return ""
				}
				between++
			}
		}
		if between == 0 || between > 3 {
			return ""
		}
		return n.Entity
	}
	return ""
}

// titledAppositivePerson returns the person named in apposition after a head that
// opens with a lowercase title ("the head of the IAEA, Rafael Grossi,", "the
// ministry's spokesman, Jane Roe,"), or "": the person is the one who speaks.
func (r *speakerResolver) titledAppositivePerson(ms []Mention, words []scanToken, headEnd int) string {
	for _, m := range ms {
		if e := r.entity(m.Entity); e != nil && e.Kind == graph.KindPerson && m.Span.Start < headEnd {
			return "" // "secretary of state Jane Roe, who praised ...": the head names its person
		}
	}
	for _, w := range words {
		if w.Start >= headEnd {
			return ""
		}
		if isLowerTitle(w) {
			if p := r.personRightAfter(ms, words, headEnd); p != "" {
				return p
			}
			return r.unrecognizedAppositiveName(ms, words, headEnd)
		}
		if w.Text != w.Lower && !isArticle(w.Lower) {
			return "" // a name before any title is the head ("Jane Roe, the director,")
		}
	}
	return ""
}

// capitalizedRoleAppositive applies rule 2's "capitalized role before a name": a head
// made only of an optional article or a possessive name, then capitalized role words
// and "and", ending in a title word ("Microsoft’s Chairman and Chief Executive
// Officer", "Microsoft’s Executive Vice President and Chief Financial Officer"),
// followed by a person in apposition, is that person, not the possessor.
func (r *speakerResolver) capitalizedRoleAppositive(ms []Mention, words []scanToken, headEnd int) string {
	var head []scanToken
	for _, w := range words {
		if w.Start >= headEnd {
			break
		}
		head = append(head, w)
	}
	if len(head) < 2 || !entityWords.titles[head[len(head)-1].Lower] || head[len(head)-1].Text == head[len(head)-1].Lower {
		return ""
	}
	for k, w := range head {
		_, poss := stripPossessive(w.Text)
		switch {
		case k == 0 && isArticle(w.Lower), k == 0 && poss && isCapitalized(w.Text), w.Lower == "and", k > 0 && !poss && isCapitalized(w.Text):
		default:
			return ""
		}
	}
	return r.personRightAfter(ms, words, headEnd)
}

// unrecognizedAppositiveName applies rule 2's "titled appositive" to a name the entity
// stage did not recognize (its first name is in no list): after a head opening with a
// lowercase title ("The governor of the region, Oleh Kiper, said"), two or three
// capitalized name words right after the comma that end the source, hold no mention,
// no organization word and no place, are a new person, as a whole source of two or
// three name words is (unnamedSource). It returns "" otherwise.
func (r *speakerResolver) unrecognizedAppositiveName(ms []Mention, words []scanToken, headEnd int) string {
	k := sort.Search(len(words), func(i int) bool { return words[i].Start >= headEnd })
	name := words[k:]
	if len(name) < 2 || len(name) > 3 || !allNameWords(name) || hasOrgWord(name) {
		return ""
	}
	for _, m := range ms {
		if m.Span.End > name[0].Start {
			return "" // a place, a body or anything the entity stage named
		}
	}
	last := name[len(name)-1]
	return r.newSourceEntity(collapseSpace(string(r.d.Runes[name[0].Start:last.End])), graph.KindPerson, name[0].Start, last.End, MentionName)
}

// personRightAfter returns the person whose name is the first word after headEnd
// (the comma that ends a head), or "".
func (r *speakerResolver) personRightAfter(ms []Mention, words []scanToken, headEnd int) string {
	k := sort.Search(len(words), func(i int) bool { return words[i].Start >= headEnd })
	if k == len(words) {
		return ""
	}
	for _, m := range ms {
		if m.Span.Start == words[k].Start {
			if e := r.entity(m.Entity); e != nil && e.Kind == graph.KindPerson {
				return m.Entity
			}
		}
	}
	return ""
}

// appositivePerson returns a person named in apposition after the head ("the U.S.
// ambassador, Mike Waltz,", "the envoy, former senator Jane Roe,"): only titles,
// articles and capitalized words may stand between; otherwise "".
func (r *speakerResolver) appositivePerson(ms []Mention, words []scanToken, headEnd int) string {
	for _, m := range ms {
		e := r.entity(m.Entity)
		if e == nil || e.Kind != graph.KindPerson || m.Span.Start < headEnd {
			continue
		}
		between := 0
		for _, w := range words {
			if w.Start >= headEnd && w.Start < m.Span.Start {
				if appositionBreakWords[w.Lower] {
					return "" // "an adviser, who declined ... the Jane Roe camp": no apposition
				}
				between++
			}
		}
		if between > 6 {
			return ""
		}
		if k := sort.Search(len(words), func(i int) bool { return words[i].Start >= m.Span.End }); k < len(words) && words[k].Start < r.nextComma(m.Span.End) {
			continue // "longtime Jane Roe aide Mark Brodie": the name inside modifies the next one
		}
		return m.Entity
	}
	return ""
}

// nextComma returns where the first comma at or after pos stands in the sentence, or
// the end of the text.
func (r *speakerResolver) nextComma(pos int) int {
	for _, t := range r.tx.scan(pos, min(len(r.d.Runes), pos+200)) {
		if t.Text == "," || t.Text == "." || t.Text == ";" {
			return t.Start
		}
	}
	return len(r.d.Runes)
}

// appositionBreakWords end an apposition: relative words and words of reporting or
// exemplifying ("who", "which", "like", "including", "said").
var appositionBreakWords = func() map[string]bool {
	m := lexicon.Set("cue_words.txt")
	for _, w := range []string{"who", "whom", "whose", "which", "that", "where", "when", "like", "including", "such", "as", "with", "without", "to", "by", "from", "in", "on", "at", "of", "for"} {
		m[w] = true
	}
	return m
}()

// unnamedSource applies rule 3 to a source whose head has no usable mention: a group
// noun with its complement, a group noun heading it, or two or three capitalized name
// words make a new entity; a long head is a clause and names nothing.
func (r *speakerResolver) unnamedSource(words []scanToken, headEnd int) string {
	var head []scanToken
	for _, w := range words {
		if w.Start >= headEnd {
			break
		}
		head = append(head, w)
	}
	if len(head) == 2 && singularDemonstrative[head[0].Lower] {
		return r.demonstrativeSource(head) // "this source" points back; it is no new group
	}
	if len(head) == 0 || len(head) > maxGroupWords || head[0].Lower == "whose" {
		return "" // "whose attorneys" points back through a relative clause
	}
	if documentComplement(head) {
		return "" // "A study of 2,000 patients found": the patients are not its authors
	}
	if id := r.describedCompany(head); id != "" {
		return id // "the company" after "Tangerine, an Australian internet service provider," (speakers_descriptor.go)
	}
	if id := r.knownNameSource(head); id != "" {
		return id
	}
	if id := r.acronymSource(head); id != "" {
		return id
	}
	if id := r.bodyNamedSource(head); id != "" {
		return id
	}
	if id := r.repeatedNameSource(head); id != "" {
		return id // "Boeing said", the word written three times alone: a body
	}
	if id := r.complementGroup(head); id != "" {
		return id
	}
	if id := r.unnamedBody(head); id != "" {
		return id
	}
	if id := r.countryGovernment(head); id != "" {
		return id
	}
	if id := r.firstNameSource(head); id != "" {
		return id
	}
	last := head[len(head)-1]
	if _, ok := entityWords.groups[last.Lower]; ok {
		return r.newSourceEntity(r.groupName(head), graph.KindGroup, head[0].Start, last.End, MentionNominal)
	}
	if id := r.barePluralGroup(head); id != "" {
		return id // "market watchers expect", "major hospitals said": a group (speakers_plural.go)
	}
	if id := r.indefinitePerson(head); id != "" {
		return id // "One man told broadcaster KTLA": one unnamed person (speakers_person.go)
	}
	if indefiniteRole(head) {
		// "a Rohingya camp leader told AFP": one unnamed holder of a role, as "a senior
		// official" is (rule indefiniteRole)
		id := r.newSourceEntity(r.groupName(head), graph.KindGroup, head[0].Start, last.End, MentionNominal)
		r.roleHolders[id] = true
		return id
	}
	if len(head) >= 2 && len(head) <= 3 && allNameWords(head) {
		name := collapseSpace(string(r.d.Runes[head[0].Start:last.End]))
		return r.newSourceEntity(name, graph.KindPerson, head[0].Start, last.End, MentionName)
	}
	return ""
}

// indefiniteRole reports whether a source head is "a/an [MODIFIERS] TITLE" with a
// lowercase title last ("a Rohingya camp leader", "a local party chairman"): an
// unnamed holder of the role, new to the article, where "the leader" would point back
// to a person named before (roleAnaphor). The modifiers are words, not numbers, and
// at most three.
func indefiniteRole(head []scanToken) bool {
	if len(head) < 2 || len(head) > 5 || (head[0].Lower != "a" && head[0].Lower != "an") || !isLowerTitle(head[len(head)-1]) {
		return false
	}
	for _, w := range head[1:] {
		if w.Kind != 'w' {
			return false
		}
	}
	return true
}

// titleAbbreviations expand the abbreviated titles of roles ("Maj. Gen.") to the
// words a later "the general" uses.
var titleAbbreviations = lexicon.Map("title_abbreviations.txt") // lexicon/title_abbreviations.txt

// roleWords splits a role into lowercase words, abbreviated titles expanded.
func roleWords(role string) []string {
	ws := strings.Fields(strings.ToLower(strings.ReplaceAll(role, ",", " ")))
	for k, w := range ws {
		if x, ok := titleAbbreviations[w]; ok {
			ws[k] = x
		}
	}
	return ws
}

// hasWordRun reports whether needle occurs in hay as consecutive words.
func hasWordRun(hay, needle []string) bool {
	joined := strings.Join(needle, " ")
	for i := 0; i+len(needle) <= len(hay); i++ {
		if joinsTo(hay[i:i+len(needle)], joined) {
			return true
		}
	}
	return false
}

// joinsTo reports whether strings.Join(ws, " ") == joined, without building the join.
func joinsTo(ws []string, joined string) bool {
	pos := 0
	for i, w := range ws {
		if i > 0 {
			if pos >= len(joined) || joined[pos] != ' ' {
				return false
			}
			pos++
		}
		if !strings.HasPrefix(joined[pos:], w) {
			return false
		}
		pos += len(w)
	}
	return pos == len(joined)
}

// roleAnaphor applies rule 2's "role anaphor": a source "the [modifier] TITLE" in
// lowercase ("the health minister", "the general") is the one person mentioned
// before whose role has those words ("eastern Velmora's health minister, Jane Roe";
// "Maj. Gen. Jane Roe" for "the general"); none when two persons have it.
func (r *speakerResolver) roleAnaphor(words []scanToken, headEnd int) string {
	head := roleAnaphorHead(words, headEnd)
	if head == nil {
		return ""
	}
	found := ""
	for _, e := range r.d.Entities {
		if e.Kind != graph.KindPerson || !hasRole(e.Roles, head) || !r.mentionedBefore(e.ID, words[0].Start) {
			continue
		}
		if found != "" {
			return ""
		}
		found = e.ID
	}
	return found
}

// roleAnaphorHead returns the role words of a source "the [former] [modifier] TITLE"
// (without "the" and the time word), or nil when the source is no such phrase.
func roleAnaphorHead(words []scanToken, headEnd int) []string {
	var head []string
	for _, w := range words {
		if w.Start < headEnd {
			head = append(head, w.Lower)
		}
	}
	if len(head) > 2 && head[0] == "the" && roleTimeWords[head[1]] {
		head = append([]string{"the"}, head[2:]...) // "the former president": any president
	}
	if len(head) > 2 && head[0] == "the" && strings.HasSuffix(head[1], "-term") {
		head = append([]string{"the"}, head[2:]...) // "the three-term governor": any governor
	}
	if len(head) < 2 || len(head) > 4 || head[0] != "the" || !roleHeadTitle(head[1:]) {
		return nil
	}
	return head[1:]
}

// hasRole reports whether one of the roles has the words as a run.
func hasRole(roles, words []string) bool {
	for _, role := range roles {
		if hasWordRun(roleWords(role), words) {
			return true
		}
	}
	return false
}

// roleTimeWords are the modifiers of a role anaphor that any holder of the role
// fits ("the former president" after "President Jane Roe").
var roleTimeWords = lexicon.Set("role_time_words.txt") // lexicon/role_time_words.txt

// roleHeadTitle reports whether the words of a role anaphor after "the" end in a
// title ("health minister") or are one ("secretary of state").
func roleHeadTitle(ws []string) bool {
	return entityWords.titles[ws[len(ws)-1]] || entityWords.titles[strings.Join(ws, " ")]
}

// mentionedBefore reports whether the entity has a mention that ends before pos.
//
// With r.base sorted by start (as newSpeakerResolver sorts it) the scan finds a
// mention of id with Start < pos and End <= pos, that is max(Start+1, End) <= pos:
// the least such bound of each entity is kept (firstBound), built once per base.
// firstBound is mentionedBefore's index of a resolver's base mentions: by entity, the
// least max(Start+1, End) of its mentions; sorted says the mentions are in start order
// (else mentionedBefore scans).
type firstBound struct {
	base0  *Mention
	n      int
	sorted bool
	bound  map[string]int
}

func firstBoundsOf(base []Mention) *firstBound {
	x := &firstBound{n: len(base), sorted: true, bound: map[string]int{}}
	for i, m := range base {
		if i == 0 {
			x.base0 = &base[0]
		} else if m.Span.Start < base[i-1].Span.Start {
			x.sorted = false
		}
		k := max(m.Span.Start+1, m.Span.End)
		if b, ok := x.bound[m.Entity]; !ok || k < b {
			x.bound[m.Entity] = k
		}
	}
	return x
}

func (r *speakerResolver) mentionedBefore(id string, pos int) bool {
	x := r.before
	if x == nil || x.n != len(r.base) || len(r.base) > 0 && x.base0 != &r.base[0] {
		x = firstBoundsOf(r.base)
		r.before = x
	}
	if x.sorted {
		k, ok := x.bound[id]
		return ok && k <= pos
	}
	for _, m := range r.base {
		if m.Span.Start >= pos {
			break
		}
		if m.Entity == id && m.Span.End <= pos {
			return true
		}
	}
	return false
}

// demonstrativeSource applies rule 3's "demonstrative source": "this source" (or
// "this agency", any singular source noun after this/that) is the one organization
// or outlet named in the sentence before it; none when that sentence names none or
// several.
func (r *speakerResolver) demonstrativeSource(head []scanToken) string {
	if n := head[1].Lower; n != "source" && !entityWords.nominals[n] {
		return ""
	}
	ss := r.d.Sentences
	k := sort.Search(len(ss), func(i int) bool { return ss[i].End > head[0].Start })
	if k == 0 || k >= len(ss) {
		return ""
	}
	found := ""
	for _, m := range r.mentionsIn(ss[k-1].Start, ss[k-1].End) {
		e := r.entity(m.Entity)
		if e == nil || m.Span.Start < ss[k-1].Start || (e.Kind != graph.KindOrganization && e.Kind != graph.KindOutlet) {
			continue
		}
		if found != "" && found != m.Entity {
			return ""
		}
		found = m.Entity
	}
	return found
}

// singularDemonstrative are the determiners of a singular noun phrase that points
// back ("this source", "that official"): such a source names no new group.
var singularDemonstrative = lexicon.Set("singular_demonstrative.txt") // lexicon/singular_demonstrative.txt

// complementGroup reads "permanent members of the Security Council": a lowercase
// group noun followed by a preposition and its complement makes a group named by the
// whole head (a name that completes a group noun is not the speaker).
func (r *speakerResolver) complementGroup(head []scanToken) string {
	last := head[len(head)-1]
	for k, w := range head {
		if _, ok := entityWords.groups[w.Lower]; !ok || !r.lowercaseOrOpening(head, k) || k+2 >= len(head) || !complementPrepositions[head[k+1].Lower] {
			continue
		}
		first := 0
		for first < k && isArticle(head[first].Lower) {
			first++
		}
		name := collapseSpace(string(r.d.Runes[head[first].Start:last.End]))
		if w := head[first]; r.openingCapitalized(w.Text) {
			name = strings.ToLower(w.Text) + name[len(w.Text):] // "Permanent members" at a sentence start
		}
		return r.newSourceEntity(name, graph.KindGroup, head[first].Start, last.End, MentionNominal)
	}
	return ""
}

// groupName names a group by the words of its head without articles, lowercasing its
// own capitalized words and an opening ordinary word ("Observers" → "observers",
// "Permanent members" → "permanent members"); demonyms and names stay as written
// ("Israeli officials", "Clinton supporters").
func (r *speakerResolver) groupName(head []scanToken) string {
	var parts []string
	for _, w := range head {
		switch {
		case isArticle(w.Lower):
		case isCommonCapitalized(w.Text), len(parts) == 0 && r.openingCapitalized(w.Text):
			parts = append(parts, strings.ToLower(w.Text))
		default:
			parts = append(parts, w.Text)
		}
	}
	return strings.Join(parts, " ")
}

// openingCapitalized reports whether the first word of a group's name is an ordinary
// word capitalized at a sentence start ("Permanent members"): no demonym, no listed
// name, no given name and no word of an entity's name in the document ("Clinton
// supporters" after Hillary Clinton keeps its name; so does a possessive: "Pezzola's
// attorneys" after Dominic Pezzola).
func (r *speakerResolver) openingCapitalized(w string) bool {
	if base, poss := stripPossessive(w); poss {
		w = base // "Pezzola's attorneys" after Dominic Pezzola keeps the name
	}
	if !isCapitalized(w) || entityWords.adjCountry[w] != "" || entityWords.gaz[w].canon != "" || entityWords.firstNames[w] != 0 {
		return false
	}
	if len(w) > 1 && isAllCaps(w) {
		return false // "VNX correspondents": an acronym is a name, listed or not
	}
	return !r.entityWords().inNames[w]
}

// entityWordIndex indexes the words of the names of d.Entities[:n] for
// openingCapitalized and namedInOtherCase, which asked each entity per word. After the
// entity stage entities are only appended and no name or alias changes, so the index
// is extended with the entities appended since it was last read.
type entityWordIndex struct {
	n       int
	inNames map[string]bool // the words (strings.Fields) of the entities' names
	// folded holds, by foldKey of a word of a name or alias trimmed of ".,’'", the
	// words as written (untrimmed)
	folded map[string][]string
}

// entityWords returns the resolver's index of its document's entity name words,
// brought up to date.
func (r *speakerResolver) entityWords() *entityWordIndex {
	x := r.words
	if x == nil || len(r.d.Entities) < x.n {
		x = &entityWordIndex{inNames: map[string]bool{}, folded: map[string][]string{}}
		r.words = x
	}
	for ; x.n < len(r.d.Entities); x.n++ {
		e := &r.d.Entities[x.n]
		for _, w := range strings.Fields(e.Name) {
			x.inNames[w] = true
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			for _, w := range strings.Fields(n) {
				k := foldKey(strings.Trim(w, ".,’'"))
				if !slices.Contains(x.folded[k], w) {
					x.folded[k] = append(x.folded[k], w)
				}
			}
		}
	}
	return x
}

// isCommonCapitalized reports whether a capitalized word is one of a group's own
// words (group noun, premodifier, body noun, sentence starter) and no demonym or
// listed name: an ordinary word capitalized at a sentence start.
func isCommonCapitalized(w string) bool {
	if !isCapitalized(w) || entityWords.adjCountry[w] != "" || entityWords.gaz[w].canon != "" {
		return false
	}
	// only the group's own words: "Senior officials" → senior officials, but "Clinton
	// supporters" and "Mr. Obama's advisers" keep the name as written
	l := strings.ToLower(w)
	_, group := entityWords.groups[l]
	return group || entityWords.groupPre[l] || entityWords.nominals[l] || sentenceStarters[w]
}

// newSourceEntity adds an entity that a source names (a group, or a person the entity
// stage did not recognize) with a mention over [start, end), and returns its id.
func (r *speakerResolver) newSourceEntity(name string, kind graph.AgentKind, start, end int, mk MentionKind) string {
	id := addEntity(r.d, name, kind)
	r.reindex()
	r.addMention(Mention{Entity: id, Span: makeSpan(r.d.Runes, start, end), Kind: mk})
	return id
}

// modifiesHead reports whether a lowercase word follows a mention that ends at end
// inside the head (before headEnd): then the mention modifies the head noun.
func modifiesHead(words []scanToken, end, headEnd int) bool {
	for _, w := range words {
		if w.Start < end || w.Start >= headEnd {
			continue
		}
		switch w.Lower {
		case "and", "or", "nor":
			return false // coordination: "Reuters and the Associated Press"
		case "also", "himself", "herself", "itself", "themselves", "alone", "too", "both":
			continue
		}
		return w.Text == w.Lower && w.Kind == 'w'
	}
	return false
}

// complementAfter reports whether the word after the mention m (inside the head) is a
// preposition that opens a complement of the name rather than a head noun: after a
// person any of "of", "for", "at", "from", "in" ("Ryan Roe of the Northern District",
// "Jane Roe at the National Review", "President Jane Roe in the 1970s"), after a body
// only "at" ("the Tax Policy Center at the Urban Institute"); "the Saudi government
// of" stays a modifier.
func (r *speakerResolver) complementAfter(words []scanToken, m Mention, headEnd int) bool {
	e := r.entity(m.Entity)
	if e == nil {
		return false
	}
	for _, w := range words {
		if w.Start < m.Span.End || w.Start >= headEnd {
			continue
		}
		if e.Kind == graph.KindPerson {
			return headPrepositions[w.Lower] || w.Lower == "at" || w.Lower == "from" || w.Lower == "in"
		}
		return w.Lower == "at" && e.Kind == graph.KindOrganization
	}
	return false
}

// authorDocumentNouns speak for their author (lexicon/document_nouns.txt); the cue
// rules' documentNouns (lexical_cues.txt) are the lists an attribution publishes.
var authorDocumentNouns = lexicon.Set("document_nouns.txt")

// authorOfDocument reports whether the name ending at end is followed, as the last
// word of the head, by a document noun ("Committee report", "Pentagon statement"),
// possibly with a participle of making after it ("an Interior ministry toll issued on
// Saturday"): a document speaks for its author.
func authorOfDocument(words []scanToken, end, headEnd int) bool {
	var after []scanToken
	for _, w := range words {
		if w.Start >= end && w.Start < headEnd {
			after = append(after, w)
		}
	}
	// "a Health Services press release": up to two lowercase modifiers before the noun
	k := 0
	for k < len(after) && k < 2 && documentCompoundModifier(after[k]) {
		k++
	}
	if k < len(after) && k > 0 && !authorDocumentNouns[after[k].Lower] {
		k = 0
	}
	after = after[k:]
	if len(after) == 0 || after[0].Text != after[0].Lower || !authorDocumentNouns[after[0].Lower] {
		return false
	}
	// "an Interior ministry toll issued on Saturday": a participle of making may follow
	return len(after) == 1 || authorParticiples[after[1].Lower]
}

// documentCompoundModifier reports whether w may stand between an author's name and a
// document noun as part of the document's name ("press" in "a Directorate General of
// Health Services press release", "annual" in "the Velmora Bank annual report"): a
// lowercase word that is no function word, document noun, title or group noun (a
// person or group between them is the author: "an Acme official's report").
func documentCompoundModifier(w scanToken) bool {
	if w.Kind != 'w' || w.Text != w.Lower || sourceFunctionWords[w.Lower] || authorDocumentNouns[w.Lower] || entityWords.titles[w.Lower] || spokespersonNouns[w.Lower] {
		return false
	}
	_, group := entityWords.groups[w.Lower]
	return !group
}

// dataNouns are the nouns of data sets that speak for their author only through "by"
// or "from" ("data released by the agency", "figures from the ministry"); unlike
// document_nouns.txt they make no author of a name before them ("U.S. data" is not
// spoken by the United States); lexicon/data_nouns.txt.
var dataNouns = lexicon.Set("data_nouns.txt")

// authorParticiples name who made a document when "by" follows them ("a report
// released by the agency"); lexicon/author_participles.txt.
var authorParticiples = lexicon.Set("author_participles.txt")

// funderParticiples name who paid for a document, not who made it ("a study funded
// by the industry"); lexicon/funder_participles.txt.
var funderParticiples = lexicon.Set("funder_participles.txt")

// documentAuthor applies rule 2's "document by its author": a source whose head noun
// is a document noun (lexicon/document_nouns.txt: "study", "report", "analysis"),
// after a determiner and up to three modifiers, followed by "by" or "from", or by an
// author participle and "by" ("An analysis by the Institute for the Study of War",
// "The report, released by the U.N. agency,", "a survey carried out by Gallup"), is
// spoken by the entity named right after that preposition. A funder or a journal is
// no author: "funded by", "published in" name nobody.
//
// ok is false when the source is no such document phrase (the other rules apply);
// when it is, an id of "" means the phrase names no author.
func (r *speakerResolver) documentAuthor(ms []Mention, words []scanToken) (id string, ok bool) {
	noun := r.documentNoun(words)
	if noun < 0 || noun+1 >= len(words) {
		return "", false // "The report found": the head rules (and anaphora) apply
	}
	if funderParticiples[words[noun+1].Lower] {
		return "", true // "a study funded by the industry": a funder is no author
	}
	p := authorStart(words, noun)
	if p < 0 {
		return "", false
	}
	if id := r.namedAuthor(ms, words, p); id != "" {
		return id, true
	}
	if words[p-1].Lower == "the" {
		if id := r.unnamedAuthor(words, p); id != "" {
			return id, true
		}
	}
	return "", false
}

// documentNoun returns the index of the document or data noun that heads words after
// a determiner and up to three lowercase modifiers ("the annual report"); -1 when
// there is none, or when a capitalized word comes first, which the head rules read.
func (r *speakerResolver) documentNoun(words []scanToken) int {
	k := 0
	if len(words) > 0 {
		switch words[0].Lower {
		case "a", "an", "the", "its", "their":
			k = 1
		}
	}
	for n := k; n < len(words) && n <= k+3; n++ {
		w := words[n]
		if w.Text != w.Lower && w.Kind == 'w' && !(n == 0 && r.opensSentence(words[0])) {
			return -1 // a capitalized modifier is handled by the head rules
		}
		if authorDocumentNouns[w.Lower] || dataNouns[w.Lower] {
			return n
		}
	}
	return -1
}

// authorStart returns the index of the author's first word after the document noun
// at noun and its preposition ("by", "from", or an author participle and "by":
// "carried out by"), past "the" and a group's body ("researchers at the"); -1 when no
// author preposition follows or nothing follows it.
func authorStart(words []scanToken, noun int) int {
	p := noun + 1
	switch {
	case authorParticiples[words[p].Lower]:
		p++
		if p < len(words) && words[p].Lower == "out" {
			p++ // "carried out by"
		}
		if p >= len(words) || words[p].Lower != "by" {
			return -1
		}
	case words[p].Lower != "by" && words[p].Lower != "from":
		return -1
	}
	p = skipThe(words, p+1)
	if p >= len(words) {
		return -1
	}
	if _, group := entityWords.groups[words[p].Lower]; group && words[p].Text == words[p].Lower && p+1 < len(words) {
		// "findings by researchers at the American Cancer Society": the group's body
		switch words[p+1].Lower {
		case "at", "from", "of", "with":
			p = skipThe(words, p+2)
		}
	}
	if p >= len(words) {
		return -1
	}
	return p
}

// skipThe returns p, or the index after it when words[p] is "the".
func skipThe(words []scanToken, p int) int {
	if p < len(words) && words[p].Lower == "the" {
		return p + 1
	}
	return p
}

// namedAuthor returns the entity, other than a country, of a mention that starts at
// the author's first word words[p] (or at the "the" before it), or the person titled
// after it ("a study by Velmora Law School professor Jane Roe"); "" when none does.
func (r *speakerResolver) namedAuthor(ms []Mention, words []scanToken, p int) string {
	for _, m := range ms {
		if m.Span.Start == words[p].Start || (words[p-1].Lower == "the" && m.Span.Start == words[p-1].Start) {
			if e := r.entity(m.Entity); e != nil && e.Kind != graph.KindCountry {
				if person := r.personTitledAfter(ms, words, m); person != "" {
					return person
				}
				return m.Entity
			}
		}
	}
	return ""
}

// unnamedAuthor returns the body named in lowercase after "the" at words[p-1] ("data
// released by the statistics agency"), or the company described earlier ("the
// statement issued by the company" after "Velmorix, a Dutch chipmaker,":
// speakers_descriptor.go); "" when the words name neither.
func (r *speakerResolver) unnamedAuthor(words []scanToken, p int) string {
	end := p
	for end < len(words) && words[end].Text == words[end].Lower && words[end].Kind == 'w' && !headPrepositions[words[end].Lower] && words[end].Lower != "in" && words[end].Lower != "at" {
		end++
	}
	if id := r.describedCompany(words[p-1 : end]); id != "" {
		return id
	}
	return r.unnamedBody(words[p-1 : end])
}

// opensSentence reports whether the token is the first word of its sentence, where a
// capital says nothing ("Data released by the agency showed ...").
func (r *speakerResolver) opensSentence(t scanToken) bool {
	ss := r.d.Sentences
	k := sort.Search(len(ss), func(i int) bool { return ss[i].End > t.Start })
	if k >= len(ss) {
		return false
	}
	for _, w := range r.tx.scan(ss[k].Start, t.End) {
		if w.Kind == 'w' || w.Kind == 'n' {
			return w.Start == t.Start
		}
	}
	return false
}

// personAppositiveAfter applies rule 2's "name after the role": a source that is a
// role ("the state's governor", "a spokesman for the army") followed, right after the
// source, by a comma and a person's name that ends the clause ("according to the
// state's governor, Jane Mills.") is spoken by that person.
func (r *speakerResolver) personAppositiveAfter(src Span, words []scanToken) string {
	if !slices.ContainsFunc(words, isLowerTitle) {
		return ""
	}
	toks := r.tx.scan(src.End, min(len(r.d.Runes), src.End+80))
	if len(toks) < 2 || toks[0].Text != "," {
		return ""
	}
	for _, m := range r.mentionsIn(toks[1].Start, toks[1].End) {
		if m.Span.Start != toks[1].Start {
			continue
		}
		if e := r.entity(m.Entity); e == nil || e.Kind != graph.KindPerson {
			return ""
		}
		k := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= m.Span.End })
		if k == len(toks) || toks[k].Text == "," || toks[k].Text == "." || toks[k].Text == ";" {
			return m.Entity
		}
	}
	return ""
}

// acronymSource applies rule 3's "acronym": a head that is an acronym no lexicon
// knows, alone ("INDEC said") or after a lowercase body noun ("the national
// statistics agency INDEC said"), is an organization: people are not named by
// acronyms of two or more capitals in news text, bodies are.
func (r *speakerResolver) acronymSource(head []scanToken) string {
	last := head[len(head)-1]
	if !isAcronym(last.Text) || strings.Contains(last.Text, ".") || !isAllCaps(last.Text) || len(last.Text) > 6 {
		return ""
	}
	if r.namedInOtherCase(last.Text) {
		return "" // "TRUMP:", "FALLIN said" in a transcript: a name written in capitals
	}
	switch {
	case len(head) == 1, len(head) == 2 && head[0].Lower == "the":
	case len(head) >= 3 && head[0].Lower == "the" && entityWords.nominals[head[len(head)-2].Lower]:
		for _, w := range head[1 : len(head)-1] {
			if w.Text != w.Lower {
				return ""
			}
		}
	default:
		return ""
	}
	return r.newSourceEntity(last.Text, graph.KindOrganization, last.Start, last.End, MentionName)
}

// knownNameSource applies rule 3's "known name": a source that is one capitalized
// word is the entity of that name that the article has named before ("Fifa also
// said" after "the governing body Fifa said"), else the one person whose surname it
// is ("Hlaing added" after "Min Aung Hlaing said"); a word two persons share, a
// sentence starter or a common capitalized word names nobody.
func (r *speakerResolver) knownNameSource(head []scanToken) string {
	if len(head) != 1 || !isCapitalized(head[0].Text) || isCommonCapitalized(head[0].Text) || sentenceStarters[head[0].Text] {
		return ""
	}
	w := head[0]
	found := ""
	for i := range r.d.Entities {
		if e := &r.d.Entities[i]; e.Name == w.Text {
			found = e.ID
			break
		}
	}
	if found == "" {
		for i := range r.d.Entities {
			e := &r.d.Entities[i]
			f := strings.Fields(e.Name)
			if e.Kind != graph.KindPerson || len(f) < 2 || f[len(f)-1] != w.Text {
				continue
			}
			if found != "" && found != e.ID {
				return "" // two persons share the surname
			}
			found = e.ID
		}
	}
	if found != "" {
		r.addMention(Mention{Entity: found, Span: makeSpan(r.d.Runes, w.Start, w.End), Kind: MentionName})
	}
	return found
}

// bodyNamedSource applies rule 3's "body noun and name": a head that ends in a
// lowercase body noun (lexicon/nominals.txt: "body", "agency", "group") followed by
// one or two capitalized words that name nothing known ("world soccer's governing
// body Fifa", "the aid group Oxfam") is an organization of that name.
func (r *speakerResolver) bodyNamedSource(head []scanToken) string {
	n := len(head)
	for k := n - 1; k >= 1 && k >= n-2; k-- {
		b := head[k-1]
		if b.Text != b.Lower || !entityWords.nominals[b.Lower] {
			continue
		}
		name := head[k:]
		for _, w := range name {
			if !isCapitalized(w.Text) || isCommonCapitalized(w.Text) || sentenceStarters[w.Text] {
				return ""
			}
		}
		if !unknownNameWords(name) {
			return ""
		}
		last := name[len(name)-1]
		return r.newSourceEntity(collapseSpace(string(r.d.Runes[name[0].Start:last.End])), graph.KindOrganization, name[0].Start, last.End, MentionName)
	}
	return ""
}

// namedInOtherCase reports whether a word written in capitals is, in another case,
// a word of an entity's name or alias, a people or a country ("TRUMP" when Donald
// Trump is named, "EUROPEANS").
func (r *speakerResolver) namedInOtherCase(w string) bool {
	l := strings.ToLower(w)
	title := strings.ToUpper(l[:1]) + l[1:]
	if entityWords.peoples[title] || entityWords.adjCountry[title] != "" {
		return true
	}
	// a word x of a name or alias with x != w and EqualFold(Trim(x), l): those with
	// Trim(x)'s foldKey equal to l's (entityWords)
	for _, x := range r.entityWords().folded[foldKey(l)] {
		if x != w {
			return true
		}
	}
	return false
}

// documentComplement reports whether a source head is a document noun with a
// complement ("a study of 2,000 patients", "a survey of voters", "an analysis on
// migration"): what the complement names is the document's subject, not its author.
func documentComplement(head []scanToken) bool {
	for k := 0; k+1 < len(head) && k <= 4; k++ {
		if authorDocumentNouns[head[k].Lower] && head[k].Text == head[k].Lower {
			switch head[k+1].Lower {
			case "of", "on", "into", "about", "among", "in":
				return true
			}
		}
	}
	return false
}

// maxGroupWords bounds the sources that rule 3 turns into group names.
const maxGroupWords = 8

// complementPrepositions join a group noun to the name that completes it.
var complementPrepositions = lexicon.Set("complement_prepositions.txt") // lexicon/complement_prepositions.txt

// groupComplementIndex returns the index in words of the group noun that the mention
// starting at start complements ("members of the Security Council"), or -1.
func groupComplementIndex(words []scanToken, start int) int {
	k := sort.Search(len(words), func(i int) bool { return words[i].Start >= start })
	k--
	if k >= 0 && words[k].Lower == "the" {
		k--
	}
	if k < 1 || !complementPrepositions[words[k].Lower] {
		return -1
	}
	if _, ok := entityWords.groups[words[k-1].Lower]; ok && words[k-1].Text == words[k-1].Lower {
		return k - 1
	}
	return -1
}

// agencyPhrases are the word sequences after which outlets are agencies (rule 4).
var agencyPhrases = [][]string{
	{"reported", "by"}, {"according", "to", "reports", "from"}, {"according", "to", "reports", "by"},
	{"according", "to"}, {"told"}, {"interview", "with"}, {"speaking", "to"}, {"spoke", "to"},
	{"cited", "by"}, {"reports", "from"}, {"reporting", "by"}, {"said", "to"}, {"confirmed", "to"},
}

// agencyPhraseFirst holds the first words of agencyPhrases.
var agencyPhraseFirst = func() map[string]bool {
	m := map[string]bool{}
	for _, ph := range agencyPhrases {
		m[ph[0]] = true
	}
	return m
}()

// agenciesIn applies rule 4 to the sentence span: the outlets named right after an
// agency phrase, in text order.
func (r *speakerResolver) agenciesIn(s Span) []string {
	key := [2]int{s.Start, s.End}
	if v, ok := r.agencies[key]; ok {
		return v
	}
	v := r.agenciesInSentence(s)
	r.agencies[key] = v
	return v
}

func (r *speakerResolver) agenciesInSentence(s Span) []string {
	toks := r.tx.scan(s.Start, s.End)
	var ms []Mention
	var at map[int]int // mention index by start, built at the first agency phrase
	var out []string
	for i := range toks {
		if !agencyPhraseFirst[toks[i].Lower] {
			continue
		}
		if at == nil {
			ms = r.mentionsIn(s.Start, s.End)
			at = make(map[int]int, len(ms))
			for k := len(ms) - 1; k >= 0; k-- {
				at[ms[k].Span.Start] = k
			}
		}
		for _, ph := range agencyPhrases {
			if i+len(ph) > len(toks) {
				continue
			}
			ok := true
			for k, w := range ph {
				if toks[i+k].Lower != w {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			// outlets, joined by "and", commas and "the"
			j := i + len(ph)
			for j < len(toks) {
				t := toks[j]
				if t.Lower == "the" || t.Lower == "and" || t.Text == "," {
					j++
					continue
				}
				k, found := at[t.Start]
				if !found {
					break
				}
				hit := &ms[k]
				e := r.entity(hit.Entity)
				if e == nil || e.Kind != graph.KindOutlet {
					break
				}
				addUnique(&out, hit.Entity)
				for j < len(toks) && toks[j].Start < hit.Span.End {
					j++
				}
			}
			break
		}
	}
	return out
}

// participleSpeaker applies rule 5: an attribution with no source whose cue is a
// participle after a comma ("Guterres echoed this sentiment, stating, “...”") is
// spoken by the speaker of the attribution before it in the same sentence.
func (r *speakerResolver) participleSpeaker(a *Attribution) string {
	d := r.d
	toks := r.tx.scan(a.Cue.Start, a.Cue.End)
	if len(toks) == 0 || !strings.HasSuffix(toks[0].Lower, "ing") {
		return ""
	}
	k := a.Cue.Start - 1
	for k >= 0 && (d.Runes[k] == ' ' || d.Runes[k] == '\u00a0') {
		k--
	}
	if k < 0 || d.Runes[k] != ',' {
		return ""
	}
	sent := attribSentence(d, a)
	if last, ok := r.lastInSentence[sent.Start]; ok && last.cueEnd <= a.Cue.Start {
		return last.speaker
	}
	if id := r.subjectOf(sent, a.Cue.Start); id != "" {
		return id
	}
	return r.forecastSubject(sent, toks[0]) // "OPEC kept its forecast unchanged, projecting ..." (attrib_forecastparticiple.go)
}

// quotedAsSaying applies rule 8: "X quoted PERSON as saying ..." (also "cited") is
// spoken by the person named between the cue and "as saying"/"as telling", the
// source X becoming an agency; it returns "" when the cue is no such verb or no
// person is named there.
func (r *speakerResolver) quotedAsSaying(a *Attribution) string {
	cue := r.tx.scan(a.Cue.Start, a.Cue.End)
	if len(cue) != 1 || (cue[0].Lower != "quoted" && cue[0].Lower != "cited") {
		return ""
	}
	sent := attribSentence(r.d, a)
	toks := r.tx.scan(a.Cue.End, min(sent.End, a.Cue.End+200))
	as := -1
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].Lower == "as" && (toks[k+1].Lower == "saying" || toks[k+1].Lower == "telling") {
			as = toks[k].Start
			break
		}
	}
	if as < 0 {
		return ""
	}
	for _, m := range r.mentionsIn(a.Cue.End, as) {
		if e := r.entity(m.Entity); e != nil && e.Kind == graph.KindPerson && m.Span.Start >= a.Cue.End {
			return m.Entity
		}
	}
	return ""
}

// irregularPast are past tenses that do not end in -ed.
var irregularPast = lexicon.Set("irregular_past.txt") // lexicon/irregular_past.txt

// presentSpeechVerbs are present tenses of speech and dispute verbs that make the
// name before them the subject of a headline-style clause ("Velmora denies the
// killings, saying ...").
var presentSpeechVerbs = lexicon.Set("present_speech_verbs.txt") // lexicon/present_speech_verbs.txt

// subjectOf returns the entity that is the subject of the sentence's main clause
// before pos: the first mention, within the clause's first 300 code points, followed
// by an auxiliary or a past tense ("the United States took a bold step").
func (r *speakerResolver) subjectOf(sent Span, pos int) string {
	end := min(pos, sent.Start+300)
	for _, m := range r.mentionsIn(sent.Start, end) {
		if m.Span.Start < sent.Start {
			continue
		}
		next := r.tx.scan(m.Span.End, min(sent.End, m.Span.End+40))
		if len(next) == 0 || next[0].Kind != 'w' {
			continue
		}
		w := next[0].Lower
		if wordsBeforeVerb[w] || irregularPast[w] || presentSpeechVerbs[w] || (strings.HasSuffix(w, "ed") && next[0].Text == w) {
			if e := r.entity(m.Entity); e != nil {
				return m.Entity
			}
		}
	}
	return ""
}

// listHead applies rule 1 to a source that holds only the last items of a list
// ("Egypt, Qatar and Turkey said" read with the source "Qatar and Turkey"): when the
// speaker is named first in a source that coordinates with "and", and the sentence
// opens with names joined by commas up to the source, the first of them speaks.
func (r *speakerResolver) listHead(a *Attribution, speaker string) string {
	src := *a.Source
	ms := r.mentionsIn(src.Start, src.End)
	if len(ms) < 2 || ms[0].Entity != speaker || ms[0].Span.Start != src.Start {
		return speaker
	}
	and := false
	for _, t := range r.tx.scan(ms[0].Span.End, src.End) {
		if t.Lower == "and" {
			and = true
			break
		}
	}
	sent := attribSentence(r.d, a)
	if !and || src.Start-sent.Start > 200 {
		return speaker
	}
	toks := r.tx.scan(sent.Start, src.Start)
	head, k := "", len(toks)-1
	for k >= 1 && toks[k].Text == "," {
		var m *Mention
		for _, c := range r.mentionsIn(toks[k-1].Start, toks[k-1].End) {
			if c.Span.End == toks[k-1].End {
				m = &c
				break
			}
		}
		if m == nil {
			return speaker
		}
		if e := r.entity(m.Entity); e == nil || e.Kind == graph.KindOutlet {
			return speaker
		}
		head = m.Entity
		k -= 2
		for k >= 0 && toks[k].Start >= m.Span.Start {
			k--
		}
	}
	// the list must open the sentence (after "the" or an opening quote)
	for ; k >= 0; k-- {
		if toks[k].Kind != 'q' && toks[k].Lower != "the" {
			return speaker
		}
	}
	if head == "" {
		return speaker
	}
	return head
}

// coordinatedSpeaker applies rule 6: an attribution with no source whose cue follows
// "and" or "but" ("Washington has ruled out troops but has requested contributions")
// shares the subject of its sentence: the entity named by the sentence's first words.
func (r *speakerResolver) coordinatedSpeaker(a *Attribution) string {
	d := r.d
	sent := attribSentence(d, a)
	toks := r.tx.scan(max(sent.Start, a.Cue.Start-40), a.Cue.Start)
	if len(toks) == 0 || (toks[len(toks)-1].Lower != "and" && toks[len(toks)-1].Lower != "but") {
		return ""
	}
	first := r.tx.scan(sent.Start, min(sent.End, sent.Start+80))
	k := 0
	for k < len(first) && (first[k].Kind != 'w' || first[k].Lower == "the") {
		k++
	}
	if k >= len(first) {
		return ""
	}
	for _, m := range r.mentionsIn(first[k].Start, first[k].End) {
		if m.Span.Start == first[k].Start || (m.Span.Start < first[k].Start && m.Span.End > first[k].Start) {
			// the name must be the subject: an auxiliary or a past tense follows it
			next := r.tx.scan(m.Span.End, min(sent.End, m.Span.End+40))
			if len(next) == 0 || next[0].Kind != 'w' || !(wordsBeforeVerb[next[0].Lower] || strings.HasSuffix(next[0].Lower, "ed")) {
				return ""
			}
			return m.Entity
		}
	}
	return r.coordinatedNounSubject(sent, first)
}

// coordinatedNounSubject is rule 6 for a sentence that opens with no name: its first
// words up to a past tense ("A senior commander described the reports as lies and
// said ..."), read as a noun-phrase subject (attrib_lexical.go nounPhraseSubject),
// are resolved as a source (a group, a nominal, a title).
func (r *speakerResolver) coordinatedNounSubject(sent Span, first []scanToken) string {
	k := 0
	for k < len(first) && first[k].Kind != 'w' && first[k].Kind != 'n' {
		if first[k].Kind == 'q' {
			return ""
		}
		k++
	}
	if id, ok := r.coordinatedPronounSubject(first, k); ok {
		return id // "It advised ... and also said ..." (speakers_coordpronoun.go)
	}
	for v := k + 1; v < len(first) && v <= k+maxSubjectWords; v++ {
		w := first[v]
		if w.Kind != 'w' || w.Text != w.Lower {
			continue
		}
		if !irregularPast[w.Lower] && !strings.HasSuffix(w.Lower, "ed") {
			continue
		}
		if !nounPhraseSubject(first, k, v) {
			return ""
		}
		id, _ := r.resolveSource(Span{Start: first[k].Start, End: first[v-1].End})
		return id
	}
	return ""
}

// passiveAgent applies rule 7: an attribution with no source whose cue is a passive
// participle followed by "by" and an entity ("described by U.S. officials as ...",
// "is considered a failure by Spencer") has that entity as speaker. The "by" phrase
// may follow the cue directly or end the sentence's clause within a few words.
func (r *speakerResolver) passiveAgent(a *Attribution) string {
	d := r.d
	cue := r.tx.scan(a.Cue.Start, a.Cue.End)
	if len(cue) == 0 || !strings.HasSuffix(cue[len(cue)-1].Lower, "ed") {
		return ""
	}
	sent := attribSentence(d, a)
	toks := r.tx.scan(a.Cue.End, min(sent.End, a.Cue.End+200))
	for k := 0; k+1 < len(toks) && k < 8; k++ {
		if toks[k].Lower != "by" {
			if toks[k].Text == "," || toks[k].Text == "." {
				break
			}
			continue
		}
		j := k + 1
		if toks[j].Lower == "the" && j+1 < len(toks) {
			j++
		}
		for _, m := range r.mentionsIn(toks[j].Start, toks[j].End) {
			if m.Span.Start == toks[j].Start {
				return m.Entity
			}
		}
		// "by observers": a group noun makes a group
		if _, ok := entityWords.groups[toks[j].Lower]; ok && toks[j].Text == toks[j].Lower {
			id := addEntity(d, toks[j].Lower, graph.KindGroup)
			r.reindex()
			r.addMention(Mention{Entity: id, Span: makeSpan(d.Runes, toks[j].Start, toks[j].End), Kind: MentionNominal})
			return id
		}
		return ""
	}
	return ""
}

// viaEntity maps a raw agency span from the attribution stage (Attribution.ViaSpans)
// to an entity: the outlet or organization mentioned there, else the gazetteer entry
// for its words, else a new outlet named by its words without "the".
func (r *speakerResolver) viaEntity(sp Span) string {
	d := r.d
	for _, m := range r.mentionsIn(sp.Start, sp.End) {
		if e := r.entity(m.Entity); e != nil && (e.Kind == graph.KindOutlet || e.Kind == graph.KindOrganization) {
			return m.Entity
		}
	}
	s, e := max(0, sp.Start), min(len(d.Runes), sp.End)
	toks := r.tx.scan(s, e)
	for len(toks) > 0 && (toks[0].Lower == "the" || toks[0].Kind != 'w') {
		toks = toks[1:]
	}
	for len(toks) > 0 && toks[len(toks)-1].Kind == 'p' {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return ""
	}
	name := collapseSpace(string(d.Runes[toks[0].Start:toks[len(toks)-1].End]))
	kind := graph.KindOutlet
	if g, ok := entityWords.gaz[lookupKey(toks)]; ok {
		name, kind = g.canon, g.kind
	}
	id := addEntity(d, name, kind)
	r.reindex()
	r.addMention(Mention{Entity: id, Span: makeSpan(d.Runes, toks[0].Start, toks[len(toks)-1].End), Kind: MentionName})
	return id
}

// attribSentence returns the sentence span of an attribution: its Sentence field, or
// the sentence that holds its cue.
func attribSentence(d *Document, a *Attribution) Span {
	if !a.Sentence.IsZero() {
		return a.Sentence
	}
	ss := d.Sentences
	if k := sort.Search(len(ss), func(i int) bool { return ss[i].End > a.Cue.Start }); k < len(ss) && ss[k].Start <= a.Cue.Start {
		return Span{Start: ss[k].Start, End: ss[k].End}
	}
	return Span{Start: a.Cue.Start, End: a.Cue.End}
}

// resolveSpeakers fills Attribution.Speaker and Attribution.Via, adding pronoun and
// speaker mentions (and entities for unnamed groups) to the document.
func resolveSpeakers(d *Document) {
	dropCuesInsideNames(d)
	r := newSpeakerResolver(d)
	// attributions in text order, so pronoun genders learned early help later ones
	idx := make([]int, len(d.Attributions))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(x, y int) bool {
		return attributionPos(&d.Attributions[idx[x]]) < attributionPos(&d.Attributions[idx[y]])
	})
	for _, i := range idx {
		a := &d.Attributions[i]
		var speaker string
		var via []string
		if a.Source != nil {
			r.wholeWordSource(a) // "T" of "AT&T": the tagger's tokens split a name the scan keeps whole
		}
		// the source as the speaker rules read it; the attribution keeps its span
		written := a.Source
		if a.Source != nil {
			read := *a.Source
			a.Source = &read
			if rest, ok := r.coordinatedClauseSource(*a.Source, wordTokens(r.tx.scan(a.Source.Start, a.Source.End))); ok {
				w := makeSpan(r.d.Runes, rest.Start, rest.End)
				a.Source = &w // "a review of the case and State Lawyer Jane Roe" (speakers_subject.go)
			} else if rest, ok := r.bothSource(*a.Source); ok {
				a.Source = &rest // "Both the ministry and the army said" (speakers_coordinated.go)
			}
		}
		if a.Source != nil && r.participleComplementSource(a) {
			speaker = r.judicialHeadBeforeParticiple(a) // "A three-judge bench led by Chief Justice ..." (speakers_judicial.go)
		} else if a.Source != nil {
			speaker, via = r.resolveSource(*a.Source)
			if speaker != "" {
				speaker = r.describedInsteadOfBare(speaker, *a.Source) // speakers_descriptor.go
				speaker = r.listHead(a, speaker)
			}
		}
		a.Source = written
		if p := r.quotedAsSaying(a); p != "" {
			if speaker != "" {
				addUnique(&via, speaker)
			}
			speaker = p
		}
		if speaker == "" && a.Source == nil {
			speaker = r.participleSpeaker(a)
		}
		if speaker == "" && a.Source == nil {
			speaker = r.coordinatedSpeaker(a)
		}
		if speaker == "" && a.Source == nil {
			speaker = r.passiveAgent(a)
		}
		for _, vs := range a.ViaSpans {
			if v := r.viaEntity(vs); v != "" {
				addUnique(&via, v)
			}
		}
		for _, v := range r.agenciesIn(attribSentence(d, a)) {
			addUnique(&via, v)
		}
		if speaker != "" {
			s := speaker
			a.Speaker = &s
			r.noteDocument(a, s)
			sent := attribSentence(d, a)
			if last, ok := r.lastInSentence[sent.Start]; !ok || last.cueEnd <= a.Cue.End {
				r.lastInSentence[sent.Start] = lastSpeaker{cueEnd: a.Cue.End, speaker: s}
			}
			if !r.relativeSourceOf(a) {
				// a relative clause's speaker ("Jane Roe, who said") is not the one a
				// later he/she continues
				r.prev = lastSpeaker{cueEnd: max(a.Cue.End, a.Content.End), speaker: s, source: a.Source}
			}
		} else {
			a.Speaker = nil
			r.noteDocument(a, "")
		}
		if via == nil {
			via = []string{}
		}
		a.Via = via
	}
	r.flush()
}

// dropCuesInsideNames removes the attributions whose cue is a word inside a name
// that the entity stage found ("blaming the Rapid Support Forces": "Support" is no
// verb of saying there, and "the Rapid" no source): a cue strictly inside a name
// mention, after its first word, is part of the name.
func dropCuesInsideNames(d *Document) {
	if len(d.Attributions) == 0 || len(d.Mentions) == 0 {
		return
	}
	var names []Span
	for _, m := range d.Mentions {
		if m.Kind == MentionName {
			names = append(names, m.Span)
		}
	}
	sort.Slice(names, func(i, j int) bool { return names[i].Start < names[j].Start })
	inside := func(sp Span) bool {
		k := sort.Search(len(names), func(i int) bool { return names[i].Start >= sp.Start })
		for j := k - 1; j >= 0 && j >= k-8; j-- {
			if names[j].Start < sp.Start && sp.End <= names[j].End {
				return true
			}
		}
		return false
	}
	kept := d.Attributions[:0]
	for _, a := range d.Attributions {
		if len(a.Cue.Fragments) == 0 && a.Cue.End > a.Cue.Start && inside(a.Cue) && !titleCaseSentence(d, a.Cue.Start) {
			continue
		}
		kept = append(kept, a)
	}
	d.Attributions = kept
}

// titleCaseSentence reports whether the sentence at x is written in title case (a
// headline: "Sanders Vows To Eliminate Tax Breaks"), where capitalized words run
// into names that are none: more than half of its words of four letters or more are
// capitalized.
func titleCaseSentence(d *Document, x int) bool {
	si := sentenceAt(d, x)
	if si >= len(d.Sentences) {
		return false
	}
	s := d.Sentences[si]
	words, caps := 0, 0
	for _, t := range d.Tokens[s.First:s.Last] {
		if t.Kind != TokWord || len([]rune(t.Text)) < 4 {
			continue
		}
		words++
		if isCapitalized(t.Text) {
			caps++
		}
	}
	return words > 0 && 2*caps > words
}

func attributionPos(a *Attribution) int {
	if a.Source != nil {
		return a.Source.Start
	}
	return a.Cue.Start
}

func sortMentions(d *Document) {
	sort.SliceStable(d.Mentions, func(x, y int) bool {
		if d.Mentions[x].Span.Start != d.Mentions[y].Span.Start {
			return d.Mentions[x].Span.Start < d.Mentions[y].Span.Start
		}
		return d.Mentions[x].Span.End > d.Mentions[y].Span.End
	})
}

// countryAdjectives maps a country's canonical name to its first adjective in
// lexicon/countries.txt ("Syria" → "Syrian").
var countryAdjectives = func() map[string]string {
	m := map[string]string{}
	for _, f := range lexiconRows("countries.txt") {
		if len(f) > 2 {
			if adj, _, _ := strings.Cut(f[2], "|"); adj != "" {
				m[f[0]] = adj
			}
		}
	}
	return m
}()

// governmentModifiers may stand between "the" and "government" in a source that
// countryGovernment reads ("the federal government").
var governmentModifiers = speakerWordClass("government_modifier")

// genericBodies are the body nouns that name no kind of body (lexicon/speaker_words.txt
// generic_body): only these let a public modifier point back to any organization.
var genericBodies = speakerWordClass("generic_body")

// countryGovernment applies rule 3's "country's government": a source "the
// [federal] government" is the government of the one country named before it in its
// sentence ("In neighbouring Syria, the government has reported ..."), else in its
// paragraph, else in the text; it becomes an organization named by the country's
// adjective ("Syrian government"). With no country, or two at the nearest level that
// names one, it names nothing.
func (r *speakerResolver) countryGovernment(head []scanToken) string {
	if len(head) < 2 || len(head) > 3 || head[0].Lower != "the" || head[len(head)-1].Lower != "government" {
		return ""
	}
	if len(head) == 3 && !governmentModifiers[head[1].Lower] {
		return ""
	}
	pos := head[0].Start
	country := ""
	for _, lo := range []int{r.sentenceStartOf(pos), r.paragraphStartOf(pos), 0} {
		c, ok := r.onlyCountryIn(lo, pos)
		if !ok {
			return "" // two countries: which government is meant is unclear
		}
		if c != "" {
			country = c
			break
		}
	}
	if country == "" {
		return ""
	}
	name := "government of " + country
	if adj := countryAdjectives[country]; adj != "" {
		name = adj + " government"
	}
	last := head[len(head)-1]
	return r.newSourceEntity(name, graph.KindOrganization, head[0].Start, last.End, MentionNominal)
}

// onlyCountryIn returns the one country mentioned in [lo, pos) ("" when none); ok is
// false when two or more are.
func (r *speakerResolver) onlyCountryIn(lo, pos int) (string, bool) {
	country := ""
	for _, m := range r.mentionsIn(lo, pos) {
		e := r.entity(m.Entity)
		if e == nil || e.Kind != graph.KindCountry {
			continue
		}
		if country != "" && country != e.Name {
			return "", false
		}
		country = e.Name
	}
	return country, true
}

// sentenceStartOf returns where the sentence holding pos starts (0 without sentences).
func (r *speakerResolver) sentenceStartOf(pos int) int {
	if i := sentenceAt(r.d, pos); i < len(r.d.Sentences) {
		return r.d.Sentences[i].Start
	}
	return 0
}

// paragraphStartOf returns where the paragraph holding pos starts (0 when none does).
func (r *speakerResolver) paragraphStartOf(pos int) int {
	for _, p := range r.d.Paragraphs {
		if p.Start <= pos && pos < p.End {
			return p.Start
		}
	}
	return 0
}

// firstNameSource applies rule 3's "first name": a source that is one capitalized
// given name of lexicon/firstnames.txt and no known name ("Marisol also asserts that
// ...") is the person named before whose name begins with it, else a new person of
// that name.
func (r *speakerResolver) firstNameSource(head []scanToken) string {
	if len(head) != 1 || !isCapitalized(head[0].Text) {
		return ""
	}
	w := head[0]
	if _, ok := entityWords.firstNames[w.Text]; !ok {
		return ""
	}
	var found string
	for i := range r.d.Entities {
		e := &r.d.Entities[i]
		first, _, _ := strings.Cut(e.Name, " ")
		if e.Kind != graph.KindPerson || first != w.Text || e.Name == w.Text {
			continue
		}
		if found != "" && found != e.ID {
			return "" // two persons share the first name
		}
		found = e.ID
	}
	if found != "" {
		r.addMention(Mention{Entity: found, Span: makeSpan(r.d.Runes, w.Start, w.End), Kind: MentionName})
		return found
	}
	return r.newSourceEntity(w.Text, graph.KindPerson, w.Start, w.End, MentionName)
}
