package ingest

import (
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// broadNames are the lowercased words of country and territory names and their
// demonyms, singular and plural ("india", "united", "states", "american",
// "americans", "gaza", "palestinians"), from extract/lexicon/countries.txt. A casualty
// count of another article that shares only such a name with a claim is not the same
// toll: "at least 24 deaths" in landslides in southern India and "killing at least 24
// people" when a bus plunged into a gorge in northern India are two events of one
// country (read on the out-of-domain tuning sets, where every casualty link across
// articles was of that kind). Capitals are left out: a city names an event's place
// ("the four Americans killed in Benghazi").
var broadNames = func() map[string]bool {
	m := map[string]bool{}
	for _, row := range lexicon.Rows("countries.txt") {
		if len(row) == 0 {
			continue
		}
		for _, w := range graph.Words(row[0]) {
			m[w] = true
		}
		if len(row) > 2 {
			for _, d := range strings.Split(row[2], "|") {
				for _, w := range graph.Words(d) {
					m[w] = true
					m[w+"s"] = true
				}
			}
		}
	}
	return m
}()

// functionWords and honorifics are the closed-class words and titles of
// extract/lexicon: capitalized, they are no names.
var (
	functionWords = lexicon.Set("function_words.txt")
	honorifics    = lexicon.Map("honorifics.txt")
)

// casualtyFrame are the words of any casualty count, which say nothing about which
// event it counts ("people killed", "the death toll rose to").
var casualtyFrame = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`people person persons killed killing kill kills died die dies dying
		dead death deaths toll tolls injured injuring injuries wounded wounding least more than nearly
		about over including others several rose risen rises reached climbed stood total number
		lives life claimed victims casualties bodies`) {
		casualtyFrame[w] = true
	}
}

// sameEvent reports whether two casualty counts of different articles name one event:
// a proper noun in common that is no country or demonym (broadNames) nor the counted
// group; else, when each names a place or event of its own ("two Americans were killed
// in a bombing in Kabul", "three Americans were killed in a boat fire off Santa Cruz
// Island"), none; else the counted group in common ("68,800 Palestinians dead" and
// "52,000 Palestinians dead" are two figures of one war's toll), or a common country
// and a common content word beyond the casualty frame ("earthquake", "floods").
func sameEvent(a, b, counted string) bool {
	group := map[string]bool{}
	for _, w := range graph.Words(counted) {
		group[w] = true
	}
	pa, pb := properNouns(a), properNouns(b)
	specific := func(p map[string]bool) map[string]bool {
		m := map[string]bool{}
		for w := range p {
			if !broadNames[w] && !group[w] {
				m[w] = true
			}
		}
		return m
	}
	sa, sb := specific(pa), specific(pb)
	for w := range sa {
		if sb[w] {
			return true
		}
	}
	if len(sa) > 0 && len(sb) > 0 {
		return false // each names its own place or event: "Kabul" and "Santa Cruz Island"
	}
	shared, groupShared := false, false
	for w := range pa {
		if pb[w] {
			shared = true
			groupShared = groupShared || group[w]
		}
	}
	if !shared {
		return false
	}
	if groupShared {
		return true
	}
	words := func(t string) map[string]bool {
		m := map[string]bool{}
		for _, w := range graph.Words(t) {
			if len(w) > 2 && !stopwords[w] && !casualtyFrame[w] && !broadNames[w] && !calendarWords[w] && !isNumberToken(w) {
				m[w] = true
			}
		}
		return m
	}
	wb := words(b)
	for w := range words(a) {
		if wb[w] {
			return true
		}
	}
	return false
}

// otherCountries reports whether two casualty counts of one article each name a
// country or demonym (broadNames) and share none: "the death toll was four in India"
// and "In Sri Lanka, 16 people were killed" are the tolls of two countries, not two
// figures of one toll.
func otherCountries(a, b string) bool {
	na, nb := countryWords(a), countryWords(b)
	if len(na) == 0 || len(nb) == 0 {
		return false
	}
	for w := range na {
		if nb[w] {
			return false
		}
	}
	return true
}

// countryWords returns the words of a text that belong to a country name or demonym,
// lowercased; a capitalized word only, so that "south" or "states" in lower case
// count for nothing.
func countryWords(text string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(text) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		if w == "" || !unicode.IsUpper([]rune(w)[0]) {
			continue
		}
		if lw := strings.ToLower(w); broadNames[lw] {
			m[lw] = true
		}
	}
	return m
}
