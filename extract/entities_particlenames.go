package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
	"unicode"
	"unicode/utf8"
)

// Entity rule "particle surname" (fixtures in
// testdata/rules/entities/particle-surname.tsv): a person named in full with a name
// particle before the surname ("Ursula von der Leyen", "Mohammed Shia al-Sudani",
// "Luiz Inácio Lula da Silva") is also known by the surname with its particles, and a
// sentence writes its first particle capitalized ("Von der Leyen said", "Al-Sudani
// blamed", "Da Silva added"). Such a later mention links to the person named before,
// instead of starting a new person. The particles are those of
// lexicon/lowercase_name_particles.txt and the hyphenated prefixes of nameParticles.

// particleSurnames returns the surname keys of a person's full name that start at a
// name particle: for every particle after the first word, the rest of the name as
// written and with the particle capitalized ("von der Leyen", "Von der Leyen";
// "al-Sudani", "Al-Sudani"). It returns nil when the name has no particle.
func particleSurnames(name string) []string {
	f := strings.Fields(name)
	for k := 1; k < len(f); k++ {
		if !(lowercaseNameParticles[f[k]] && k < len(f)-1) && !particleName(f[k]) {
			continue
		}
		tail := strings.Join(f[k:], " ")
		return []string{tail, upperFirst(tail)}
	}
	return nil
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// capitalizedParticle reports whether the word w is a name particle written with a
// capital ("Von", "Van", "De", "Al-Sudani"'s "Al-").
func capitalizedParticle(w string) bool {
	if !isCapitalized(w) {
		return false
	}
	l := strings.ToLower(w[:1]) + w[1:]
	return lowercaseNameParticles[l] || particleName(l)
}

// particleSurnameAt applies the rule at token i: when a capitalized particle opens a
// surname ("Von der Leyen", "Van der Berg", "Al-Sudani") that a person named in full
// before carries, it records a mention of that person and returns the number of
// tokens used; else 0.
func (b *entityBuilder) particleSurnameAt(toks []scanToken, i int) int {
	if toks[i].Kind != 'w' || !capitalizedParticle(toks[i].Text) {
		return 0
	}
	j := i + 1
	if !particleName(strings.ToLower(toks[i].Text[:1]) + toks[i].Text[1:]) {
		for j < len(toks) && j-i < 3 && lowercaseNameParticles[toks[j].Text] {
			j++
		}
		if j >= len(toks) || !isCapWord(toks[j]) {
			return 0
		}
		j++
	}
	seq, end := withoutPossessive(toks[i:j])
	key := collapseSpace(string(b.d.Runes[seq[0].Start:end]))
	e := b.personBySurname(key)
	if e == nil {
		return 0
	}
	b.mention(e, seq[0].Start, end, MentionName)
	return j - i
}

// registerParticleSurnames records the particle surnames of a person's full name
// (particleSurnames) for rule "particle surname" and for single words resolved at the
// end ("Al-Sudani said").
func (b *entityBuilder) registerParticleSurnames(e *entityRecord) {
	for _, s := range particleSurnames(e.Name) {
		if b.surnames[s] == nil {
			b.surnames[s] = e
		}
	}
}

// particlePersonName reports whether a capitalized sequence that opens with a first
// name is a person's name by a name particle before its last word ("Mohammed bin
// Salman", "Mohammed Shia al-Sudani", "Luiz Inácio Lula da Silva"), even when one of
// its words also names a people or a place: a particle joins a personal name only.
// The sequence has two to six words and ends in a capitalized word.
func particlePersonName(seq []scanToken) bool {
	if len(seq) < 2 || len(seq) > 6 || entityWords.firstNames[seq[0].Text] == 0 {
		return false
	}
	last := seq[len(seq)-1]
	if particleName(last.Text) {
		return true
	}
	return len(seq) >= 3 && lowercaseNameParticles[seq[len(seq)-2].Text] && isCapitalized(last.Text)
}

// firstNameOpensName reports whether the sentence's first word toks[i], which ends
// like an ordinary word ("-ed", "-ing", "-ly": isSentenceOpener), is a first name that
// opens a name: a listed first name followed, within four capitalized words, by a name
// particle and a capitalized word ("Mohammed bin Salman", "Mohammed Shia al-Sudani"). Without the particle, the other rules
// decide ("Ahmed Rashid" is a person by its first name already).
func firstNameOpensName(toks []scanToken, i int) bool {
	if entityWords.firstNames[toks[i].Text] == 0 {
		return false
	}
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		if particleName(toks[k].Text) || nameParticleRun(toks, k) > 0 {
			return true
		}
		if !isCapWord(toks[k]) {
			break
		}
	}
	return false
}

// familyNameFirst applies entity rule "family name first" (fixtures in
// testdata/rules/entities/family-name-first.tsv) to the capitalized sequence
// toks[i:j] of three words or more whose second word is a listed first name: the first
// word is part of the name ("Nguyen Van Thanh", "Kim Jong Un" written with a family
// name first) when it is name-shaped, the document never writes it lowercase, it does
// not end like an ordinary word (isSentenceOpener: "Crooked", "Amazing") nor is an
// adjective of WordNet (lexicon/antonyms_wordnet.txt: "Angry"), it is no people, place,
// group or title word, the name without it never stands elsewhere in the document
// ("Crooked Hillary Clinton" beside "Hillary Clinton"), it ends like no role noun
// (roleNounEndings: "Congressman", "Actor"), and the person has the evidence
// of looksLikePerson: a speech verb, a role, or the last word standing alone.
func (b *entityBuilder) familyNameFirst(toks []scanToken, i, j int) bool {
	w := toks[i]
	if !nameShaped(w.Text) || b.lowercase[w.Lower] || isSentenceOpener(w.Lower) || isAcronym(w.Text) || wordnetAntonyms[w.Lower] != nil {
		return false
	}
	if namesPlaceOrPeople(toks[i:i+1]) || entityWords.gaz[w.Text].canon != "" || entityWords.adjCountry[w.Text] != "" {
		return false
	}
	if _, ok := entityWords.groups[w.Lower]; ok || entityWords.titleFirst[w.Lower] || entityWords.titles[w.Lower] || entityWords.nominals[w.Lower] || personNouns[w.Lower] != 0 {
		return false
	}
	for _, suf := range roleNounEndings {
		if strings.HasSuffix(w.Lower, suf) {
			return false // "Congressman Chris Collins", "Actor Clint Howard": a role before the name
		}
	}
	text := string(b.d.Runes)
	full := collapseSpace(string(b.d.Runes[w.Start:toks[j-1].End]))
	short := collapseSpace(string(b.d.Runes[toks[i+1].Start:toks[j-1].End]))
	if strings.Count(text, short) > strings.Count(text, full) {
		return false
	}
	return speechVerbContext(toks, i, j) || personRoleContext(toks, i, j) || b.standalone[toks[j-1].Text]
}

// unlistedParticleName reports whether the lowercase particles toks[j:j+n] continue
// the name toks[i:j] whose first word no first-name list holds ("Velko von der
// Brakel said"): the name so far is one or two name-shaped words with no organization
// word, one capitalized word follows the particles and ends the name, and a speech
// verb follows it. Only the particles of personalParticles count: the Romance and
// Arabic particles also join the names of places and groups ("Rio de Janeiro", "Ansar
// al Islam").
func unlistedParticleName(toks []scanToken, i, j, n int) bool {
	k := j + n // the capitalized word after the particles
	if j-i > 2 || hasOrgWord(toks[i:j]) || k+1 > len(toks) || k+1 < len(toks) && isCapWord(toks[k+1]) {
		return false
	}
	for _, t := range toks[i:j] {
		if !nameShaped(t.Text) || isAcronym(t.Text) {
			return false
		}
	}
	for _, t := range toks[j:k] {
		if !personalParticles[t.Text] {
			return false
		}
	}
	return speechVerbContext(toks, i, k+1)
}

// unlistedParticlePerson reports whether seq (toks[i:j]), a capitalized sequence whose
// first word no first-name list holds, is a person's name joined by particles that
// unlistedParticleName let in: a particle stands before its last word and a speech
// verb follows it.
func unlistedParticlePerson(toks, seq []scanToken, i, j int) bool {
	if len(seq) < 3 || len(seq) > 5 || !lowercaseNameParticles[seq[len(seq)-2].Text] {
		return false
	}
	first := 0
	for first < len(seq) && !lowercaseNameParticles[seq[first].Text] {
		first++
	}
	return unlistedParticleName(toks, i, i+first, len(seq)-1-first)
}

// personalParticles are the particles that join personal names only ("von der",
// "van", "bin", "ibn").
var personalParticles = lexicon.Set("personal_name_particles.txt") // lexicon/personal_name_particles.txt

// roleNounEndings are the endings of English role nouns written before a name
// ("Congressman", "Actor", "Singer", "Billionaire", "Comedian", "Democrat"): such a
// first word is a role, not a family name, for rule "family name first".
var roleNounEndings = []string{"man", "woman", "or", "er", "ist", "ian", "ant", "ent", "aire", "crat", "can", "ive", "ee"}

// surnameNotPlace applies entity rule "surname that is also a place" (fixtures in
// testdata/rules/entities/surname-that-is-also-a-place.tsv): a single word that the
// gazetteer lists as a place under that same name ("Greenland", "Jordan", "Chad") is
// the person named in full before whose surname it is ("Dr Philip Greenland ...
// Greenland and his co-authors"), unless a preposition of place stands before it ("in
// Greenland") or it is coordinated with a listed place ("Denmark and Greenland"). A word the gazetteer maps to another name (a capital as its country's
// metonym: "Washington" for the United States) stays the place, and so does the name
// of a person with neither a listed first name nor a role, or whose first word the
// document also writes lowercase ("Say Mexico demanded"). It returns the person,
// or nil.
func (b *entityBuilder) surnameNotPlace(toks []scanToken, i, n int, e gazEntry) *entityRecord {
	if n != 1 || e.kind == graph.KindPerson || e.kind == graph.KindOutlet {
		return nil
	}
	base, _ := stripPossessive(toks[i].Text)
	if base != e.canon {
		return nil
	}
	p := b.personBySurname(base)
	if p == nil || p.first >= toks[i].Start {
		return nil
	}
	if f := strings.Fields(p.Name); entityWords.firstNames[f[0]] == 0 && len(p.Roles) == 0 || b.lowercase[strings.ToLower(f[0])] {
		return nil // "Say Mexico demanded": a person only by weak evidence does not take a country's name
	}
	if i > 0 && toks[i-1].Text == toks[i-1].Lower && placePrepositions[toks[i-1].Lower] {
		return nil
	}
	if b.placeCoordinated(toks, i) {
		return nil // "Denmark and Greenland said": a place among places
	}
	return p
}

// placeCoordinated reports whether the word toks[i] is coordinated ("and", "or", a
// comma) with a place that the gazetteer lists, before or after it.
func (b *entityBuilder) placeCoordinated(toks []scanToken, i int) bool {
	coord := func(t scanToken) bool { return t.Lower == "and" || t.Lower == "or" || t.Text == "," }
	isPlace := func(k int) bool {
		if k < 0 || k >= len(toks) {
			return false
		}
		g, _, ok := b.gazMatch(toks, k)
		return ok && g.kind != graph.KindPerson && g.kind != graph.KindOutlet
	}
	return i >= 2 && coord(toks[i-1]) && isPlace(i-2) || i+2 < len(toks) && coord(toks[i+1]) && isPlace(i+2)
}

// placePrepositions are the prepositions before a place ("in Greenland", "to Jordan").
var placePrepositions = lexicon.Set("place_prepositions.txt") // lexicon/place_prepositions.txt
