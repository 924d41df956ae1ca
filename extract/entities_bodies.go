package extract

import (
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
)

// Public bodies keyed by their place (entity rule "place body"): a ministry, office,
// agency, court... written with the place it belongs to is the body of that place,
// whatever the place is, so "Gaza’s Health Ministry", "Sudan’s Health Ministry" and
// "Velmora’s Health Ministry" are three entities. The forms read:
//
//	PLACE’s BODY            "Gaza’s Health Ministry", "Ukraine’s Ministry of Defence"
//	[the] PLACE BODY        "the Gaza Health Ministry" (PLACE a listed country or territory)
//	[the] DEMONYM BODY      "the Ukrainian Foreign Ministry"
//	BODY in|of PLACE        "Ministry of Health in Gaza", "Health Ministry of Sudan"
//
// BODY is a run of capitalized words whose last word is marked "place" in
// lexicon/orgwords.txt ("Ministry", "Office", "Agency"); "Ministry of Health" is read
// as "Health Ministry". After a listed country or demonym, BODY may also be written in
// lowercase ("Sudan’s health ministry", "the Sudanese army": one or two lowercase
// words ending in such a word, or "military"; lowercaseBodyAt) and is named
// capitalized, the same entity as "Sudan’s Health Ministry". PLACE is a country or territory of lexicon/countries.txt
// (named by its canonical name when written as an acronym or demonym), or, before
// "’s" or after "in", any single capitalized name-shaped word that is no person named
// before, no given name and no month ("Velmora’s"); after "of" only a listed place,
// and never after "Bank" ("Bureau of Prisons", "Bank of China" are names). The
// entity is named "PLACE’s BODY"; every form with the same place and body in one
// document is that one entity. A later bare "the Health Ministry" is that entity when
// exactly one place's Health Ministry was named before it (see bodyByName).

// placeKeyedBody is one body of a place found in the document.
type placeKeyedBody struct {
	place string // canonical place, the key
	body  string // normalized body name: "Health Ministry"
	rec   *entityRecord
}

// placeBody applies the place-body rule at token i and returns the tokens used, or 0.
func (b *entityBuilder) placeBody(toks []scanToken, i int, _ bool) int {
	if n := b.placeBeforeBody(toks, i); n > 0 {
		return n
	}
	return b.bodyBeforePlace(toks, i)
}

// placeBeforeBody reads "PLACE’s BODY", "PLACE BODY" and "DEMONYM BODY" at token i.
func (b *entityBuilder) placeBeforeBody(toks []scanToken, i int) int {
	p, ok := b.placeAt(toks, i, true)
	if !ok {
		return 0
	}
	next := p.next
	if next < len(toks) && controlModifier(toks[next]) {
		next++ // "Gaza’s Hamas-run health ministry": who runs it does not rename it
	}
	body, end, bodyEnd := b.bodyAt(toks, next)
	if body == "" && p.listed {
		body, end, bodyEnd = lowercaseBodyAt(toks, next)
	} else if body == "" {
		body, end, bodyEnd = unlistedPlaceLowercaseBody(toks, next) // "Namangan’s health ministry" (entities_placebody_lowercase.go)
	}
	if body == "" {
		return 0
	}
	if !p.listed && b.knownBodyOrPerson(toks, i, p.next, end) {
		return 0 // "Obama’s State Department" is the State Department
	}
	// a listed name that covers the whole phrase wins ("Israeli Defense Forces")
	if _, n, ok := b.gazMatch(toks, i); ok && i+n >= end {
		return 0
	}
	rec := b.bodyEntity(p, body, toks[i].Start)
	b.mention(rec, toks[i].Start, bodyEnd, MentionName)
	bodyAcronym(b, rec, toks, end) // "the Sudanese Armed Forces (SAF)"
	return end - i
}

// controlSuffixes end a hyphenated modifier that says who runs a body ("Hamas-run",
// "Houthi-controlled", "state-backed", "army-led").
var controlSuffixes = []string{"-run", "-led", "-controlled", "-backed", "-owned", "-appointed", "-administered"}

// controlModifier reports whether t is one hyphenated word ending in a control suffix:
// between a place and its body ("Gaza’s Hamas-run health ministry") it is passed over,
// and the body is the place's.
func controlModifier(t scanToken) bool {
	if t.Kind != 'w' {
		return false
	}
	for _, suf := range controlSuffixes {
		if strings.HasSuffix(t.Lower, suf) && len(t.Lower) > len(suf) {
			return true
		}
	}
	return false
}

// bodyBeforePlace reads "BODY in PLACE" and "BODY of PLACE" at token i; a body in
// lowercase after "the" counts before a listed place ("the health ministry in
// Tripoli").
func (b *entityBuilder) bodyBeforePlace(toks []scanToken, i int) int {
	body, end, _ := b.bodyAt(toks, i)
	lower := false
	if body == "" && i > 0 && toks[i-1].Lower == "the" {
		body, end, _ = lowercaseBodyAt(toks, i) // "the health ministry in Tripoli"
		if body == "Government" {
			return 0 // "the government in Riyadh" is the country's (countryGovernment)
		}
		lower = body != ""
		for _, t := range toks[i:max(i, end)] {
			if _, poss := stripPossessive(t.Text); poss {
				return 0 // "the ministry's office in Corvia": a possessive inside is another shape
			}
		}
	}
	if body == "" || end+1 >= len(toks) || (toks[end].Lower != "in" && toks[end].Lower != "of") {
		return 0
	}
	p, ok := b.placeAt(toks, end+1, false)
	if !ok || (toks[end].Lower == "of" && (!p.listed || strings.HasSuffix(body, "Bank"))) {
		return 0 // "Bureau of Prisons", "Bank of China" are names, not a place's body
	}
	if lower && toks[end].Lower != "in" {
		return 0 // "the army of Velmora" is read by the group and nominal rules
	}
	if _, n, ok := b.gazMatch(toks, i); ok && i+n >= p.next {
		return 0 // a listed name: "UN Interim Force in Lebanon"
	}
	if _, poss := stripPossessive(toks[p.next-1].Text); poss {
		return 0 // "Ministry of Health in Gaza’s north" is read no further
	}
	rec := b.bodyEntity(p, body, toks[i].Start)
	b.mention(rec, toks[i].Start, toks[p.next-1].End, MentionName)
	return p.next - i
}

// bodyPlace is a place read before or after a body.
type bodyPlace struct {
	written string // the place as it names the entity
	key     string // canonical place
	next    int    // the token after the place
	listed  bool   // a country or territory of countries.txt
}

// knownBodyOrPerson reports whether an unlisted "place" toks[i] before the body
// toks[next:end] is rather a person named before ("Obama’s"), or the body a listed
// name ("State Department"): then the phrase is no place's body.
func (b *entityBuilder) knownBodyOrPerson(toks []scanToken, i, next, end int) bool {
	base, _ := stripPossessive(toks[i].Text)
	if b.personBySurname(base) != nil || b.given[base] != nil {
		return true
	}
	_, n, ok := b.gazMatch(toks, next)
	return ok && next+n >= end
}

// placeAt reads a place at token i: a listed country or territory (possessive or,
// when before is set, followed directly by a body), a demonym (only before a body),
// or a single capitalized name-shaped word that is not a listed name (possessive
// before a body, plain after "in"/"of").
func (b *entityBuilder) placeAt(toks []scanToken, i int, before bool) (bodyPlace, bool) {
	if i >= len(toks) || !isCapWord(toks[i]) {
		return bodyPlace{}, false
	}
	if e, n, ok := b.gazMatch(toks, i); ok {
		if e.kind != graph.KindCountry {
			return bodyPlace{}, false
		}
		words := make([]string, 0, n)
		for _, t := range toks[i : i+n] {
			base, _ := stripPossessive(t.Text)
			words = append(words, base)
		}
		written := strings.Join(words, " ")
		if strings.Contains(written, ".") || isAllCaps(written) {
			written = e.canon
		}
		return bodyPlace{written: written, key: e.canon, next: i + n, listed: true}, true
	}
	if c := entityWords.adjCountry[toks[i].Text]; c != "" && before {
		return bodyPlace{written: c, key: c, next: i + 1, listed: true}, true
	}
	base, poss := stripPossessive(toks[i].Text)
	if poss != before || !nameShaped(base) || entityWords.firstNames[base] != 0 || entityWords.orgWords[base] != "" || calendarWords[strings.ToLower(base)] {
		return bodyPlace{}, false
	}
	if !before && i+1 < len(toks) && isCapWord(toks[i+1]) {
		return bodyPlace{}, false // "in Gaza City": a longer name is read elsewhere
	}
	return bodyPlace{written: base, key: base, next: i + 1}, true
}

// bodyAt reads a body at token i: capitalized words up to the last word marked
// "place" in orgwords.txt, and "of" with its complement after "Ministry",
// "Department", "Office" or "Court" ("Ministry of Health" → "Health Ministry"). It returns the
// normalized name, the token after the body and the code point where the body's name
// ends (before a possessive), or "" when no body starts at i.
func (b *entityBuilder) bodyAt(toks []scanToken, i int) (string, int, int) {
	if i >= len(toks) || sentenceStarters[toks[i].Lower] {
		return "", 0, 0
	}
	last := -1
	for j := i; j < len(toks) && j-i < 5 && isCapWord(toks[j]); j++ {
		base, poss := stripPossessive(toks[j].Text)
		if entityWords.placeWords[base] {
			last = j
		}
		if poss {
			break
		}
	}
	if last < 0 {
		return "", 0, 0
	}
	words := make([]string, 0, last+1-i)
	for _, t := range toks[i : last+1] {
		base, _ := stripPossessive(t.Text)
		words = append(words, foldMarks(base))
	}
	end, nameEnd := last+1, possessiveEnd(toks[last])
	head := words[len(words)-1]
	if _, poss := stripPossessive(toks[last].Text); !poss && (head == "Ministry" || head == "Department" || head == "Office" || head == "Court") {
		if compl, k := ofComplement(toks, end); len(compl) > 0 {
			words = append(append(words[:len(words)-1], compl...), head)
			end, nameEnd = k, possessiveEnd(toks[k-1])
		}
	}
	return strings.Join(words, " "), end, nameEnd
}

// lowercaseBodyHeads are the head nouns of bodies written in lowercase after a
// country (lowercaseBodyAt), with the fewest words the body has: 1 for a noun that is
// a body alone ("army", also with a modifier: "air force"), 2 for a noun that needs
// a modifier ("health ministry"; "Velmora’s ministry" is left alone).
var lowercaseBodyHeads = lexiconInts("body_heads.txt")

// lowercaseBodyAt reads a body written in lowercase after a listed country or
// demonym ("Velmora’s health ministry", "the Velmoran army"): one or two lowercase
// words ending in a head of lowercaseBodyHeads. The body is named capitalized
// ("Health Ministry", "Army"), so it is the same entity as the capitalized form. It
// returns "" when none starts at i.
func lowercaseBodyAt(toks []scanToken, i int) (string, int, int) {
	for n := 1; n <= 2 && i+n <= len(toks); n++ {
		var words []string
		ok := true
		for _, t := range toks[i : i+n] {
			if t.Kind != 'w' || t.Text != t.Lower || quantityWords.stops[t.Lower] {
				ok = false
				break
			}
			words = append(words, strings.ToUpper(t.Text[:1])+t.Text[1:])
		}
		if !ok {
			return "", 0, 0
		}
		if head := words[n-1]; lowercaseBodyHeads[head] == n || (n == 2 && lowercaseBodyHeads[head] == 1) || (n == 1 && demonymForces[head]) {
			return strings.Join(words, " "), i + n, toks[i+n-1].End
		}
	}
	return "", 0, 0
}

// capitalizedLowercaseBody applies the entity rule "capitalized body in lowercase":
// one or two capitalized words of a portfolio before a lowercase body noun that needs
// a modifier (lowercaseBodyHeads: "ministry", "department", "office", "agency"), as
// wire copy writes them ("an updated Interior ministry toll", "the Foreign ministry
// said"), name an organization written capitalized ("Interior Ministry"), so that a
// later "the ministry" refers to it. Not at a sentence's first word (a capital there
// says nothing), not when a capitalized word is a listed name, country, demonym,
// month, given name, known person or organization word ("the Columbia University
// department" is a part of the university), and not
// when a capitalized word follows the body noun ("Health ministry Director Jane Roe"
// is read by the other rules).
func (b *entityBuilder) capitalizedLowercaseBody(toks []scanToken, i int, sentStart bool) int {
	if sentStart || i == 0 {
		return 0
	}
	j := i
	for j < len(toks) && j-i < 2 && isCapWord(toks[j]) {
		t := toks[j]
		if _, poss := stripPossessive(t.Text); poss || sentenceStarters[t.Lower] || quantityWords.months[t.Lower] ||
			entityWords.adjCountry[t.Text] != "" || b.given[t.Text] != nil || b.personBySurname(t.Text) != nil {
			return 0
		}
		if _, _, ok := b.gazMatch(toks, j); ok {
			return 0
		}
		if _, org := entityWords.orgWords[t.Text]; org {
			return 0 // "the Columbia University department": a part of a named body
		}
		j++
	}
	if j == i || j >= len(toks) {
		return 0
	}
	w := toks[j]
	if w.Kind != 'w' || w.Text != w.Lower || w.Lower == "" {
		return 0
	}
	head := strings.ToUpper(w.Text[:1]) + w.Text[1:]
	if lowercaseBodyHeads[head] != 2 || !entityWords.placeWords[head] {
		return 0
	}
	if j+1 < len(toks) && isCapWord(toks[j+1]) {
		return 0
	}
	words := make([]string, 0, j-i+1)
	for _, t := range toks[i:j] {
		words = append(words, foldMarks(t.Text))
	}
	words = append(words, head)
	rec := b.entity(strings.Join(words, " "), graph.KindOrganization, toks[i].Start)
	b.mention(rec, toks[i].Start, w.End, MentionName)
	return j + 1 - i
}

// ofComplement reads "of Health" at token k ("Ministry of Health"): up to four
// capitalized words that are no country, ending after a possessive. It returns the
// words and the token after them, or no words.
func ofComplement(toks []scanToken, k int) ([]string, int) {
	if k+1 >= len(toks) || toks[k].Text != "of" {
		return nil, k
	}
	var compl []string
	j := k + 1
	for j < len(toks) && j-k <= 4 && isCapWord(toks[j]) && entityWords.gaz[foldMarks(toks[j].Text)].kind != graph.KindCountry {
		base, poss := stripPossessive(toks[j].Text)
		compl = append(compl, foldMarks(base))
		j++
		if poss {
			break
		}
	}
	return compl, j
}

// possessiveEnd is where a token ends without its possessive ending.
func possessiveEnd(t scanToken) int {
	if base, poss := stripPossessive(t.Text); poss {
		return t.Start + len([]rune(base))
	}
	return t.End
}

// bodyEntity returns the entity of the body of a place, made at its first mention.
func (b *entityBuilder) bodyEntity(p bodyPlace, body string, at int) *entityRecord {
	for _, x := range b.bodies {
		if x.place == p.key && x.body == body {
			return x.rec
		}
	}
	name := p.written + "’s " + body
	if strings.HasSuffix(p.written, "s") {
		name = p.written + "’ " + body
	}
	rec := b.entity(name, graph.KindOrganization, at)
	b.bodies = append(b.bodies, placeKeyedBody{place: p.key, body: body, rec: rec})
	return rec
}

// bodyByName returns the place-keyed body that a bare body name ("Health Ministry",
// "Ministry of Health") refers to: the one body of that name named so far, or nil
// when there is none or more than one.
func (b *entityBuilder) bodyByName(name string) *entityRecord {
	norm := normalizeBodyName(name)
	var found *entityRecord
	for _, x := range b.bodies {
		if x.body != norm {
			continue
		}
		if found != nil && found != x.rec {
			return nil
		}
		found = x.rec
	}
	return found
}

// normalizeBodyName turns "Ministry of Health" into "Health Ministry"; other names
// are returned as they are.
func normalizeBodyName(name string) string {
	for _, head := range []string{"Ministry", "Department", "Office", "Court"} {
		if rest, ok := strings.CutPrefix(name, head+" of "); ok && rest != "" {
			return rest + " " + head
		}
	}
	return name
}

// nameShaped reports whether a word looks like a proper name: an upper-case letter
// then lower-case letters ("Velmora", not "USA" or "A").
func nameShaped(s string) bool {
	r := []rune(s)
	return len(r) >= 2 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1])
}

// isAllCaps reports whether s has letters and all of them are upper case.
func isAllCaps(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters = true
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters
}
