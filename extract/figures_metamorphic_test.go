package extract

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// articleQuantities returns the quantities of the article's own claims in text.
func articleQuantities(text string) []Quantity {
	var out []Quantity
	for _, c := range Extract(text).Claims {
		if c.Origin == "article" {
			out = append(out, c.Quantities...)
		}
	}
	return out
}

// TestPeopleCountMetamorphic varies the rule "count in words of people" over every noun
// of its class, several numbers in words and invented names and places: the count is
// an article figure with the same value and counted noun whatever the names, and never
// after a determiner.
func TestPeopleCountMetamorphic(t *testing.T) {
	nouns := sortedKeys(peoplePlurals)
	numbers := []struct {
		words string
		value float64
	}{{"Nine", 9}, {"Thirty-six", 36}, {"Twelve", 12}, {"Seventy-two", 72}}
	places := []string{"Springfield", "Kostrava", "Lake Ombre"}
	for _, noun := range nouns {
		for i, n := range numbers {
			place := places[i%len(places)]
			text := fmt.Sprintf("%s %s were taken to hospitals in %s on Sunday.", n.words, noun, place)
			qs := articleQuantities(text)
			if assert.Len(t, qs, 1, text) {
				assert.Equal(t, n.value, qs[0].Value, text)
				f := strings.Fields(qs[0].Counted)
				assert.Equal(t, noun, f[len(f)-1], text)
			}
			for det := range peopleDeterminers {
				ref := fmt.Sprintf("%s %s %s were taken to hospitals in %s on Sunday.", strings.ToUpper(det[:1])+det[1:], strings.ToLower(n.words), noun, place)
				assert.Empty(t, articleQuantities(ref), ref)
			}
		}
	}
}

// TestPostposedQualifierMetamorphic puts every phrase of lexicon/postposed_qualifiers.txt
// after figures of several shapes (a count before its noun, after its noun, a
// percentage, an amount): each gives its qualifier, and the value stays the same.
func TestPostposedQualifierMetamorphic(t *testing.T) {
	for _, row := range lexicon.Rows("postposed_qualifiers.txt") {
		phrase, want := row[0], row[1]
		sep := " "
		if phrase == "+" {
			sep = ""
		}
		for _, tc := range []struct {
			text  string
			value float64
		}{
			{"Crowds of 1,000" + sep + phrase + " people gathered in Kostrava.", 1000},
			{"The lawsuit in Springfield names 12 companies" + sep + phrase + ".", 12},
			{"Turnout in Lake Ombre reached 64%" + sep + phrase + " last year.", 64},
		} {
			var got []Quantity
			for _, q := range quantitiesOf(t, tc.text) {
				if q.Value == tc.value {
					got = append(got, q)
				}
			}
			if assert.Len(t, got, 1, tc.text) {
				assert.Equal(t, want, got[0].Qualifier, tc.text)
			}
		}
	}
}

// sortedKeys returns the keys of a word set in order.
func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestZeroCasualtyMetamorphic writes "no" and "zero" before every plural casualty noun
// of lexicon/quantity_context.txt, in invented places: each is an article figure of
// nought counting that noun, and "no" before other nouns counts nothing.
func TestZeroCasualtyMetamorphic(t *testing.T) {
	for _, noun := range sortedKeys(casualtyNouns) {
		if !isPluralNoun(noun) {
			continue
		}
		for _, zero := range sortedKeys(zeroCasualtyWords) {
			for _, place := range []string{"Kostrava", "Lake Ombre"} {
				text := fmt.Sprintf("Officials in %s said there were %s %s after the storm.", place, zero, noun)
				qs := articleQuantities(text)
				found := false
				for _, c := range Extract(text).Claims {
					for _, q := range c.Quantities {
						found = found || q.Value == 0 && strings.HasPrefix(q.Counted, noun)
					}
				}
				assert.True(t, found, "%s: %+v", text, qs)
			}
		}
	}
	for _, text := range []string{"Officials in Kostrava said there were no plans to evacuate.", "There is no reason to close the school in Lake Ombre."} {
		for _, c := range Extract(text).Claims {
			assert.Empty(t, c.Quantities, text)
		}
	}
}
