package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Speaker rule "repeated single name" (fixtures in
// testdata/rules/speakers/repeated-single-name.tsv): a source that is one capitalized
// word no list knows ("Boeing said in a video message", "Frelimo said the elections
// were free") is an agent of that name when the text writes that word at least
// repeatedNameMin times, always alone: never right after another capitalized word
// (a person introduced by a full name or a title, "Mark Brodie ... Brodie said", "Mr.
// Brodie", is found as that person), never written lowercase, and it is no first
// name, people, group, nominal, title, calendar word or sentence opener. The word
// names one agent throughout, so the speaker is right; what kind of agent it is the
// text does not say (mostly a company, party or movement, sometimes a person named by
// surname alone), so the agent's kind is unknown. A name seen fewer times gets no
// speaker, as before.

// repeatedNameMin is how many times a lone unknown word must be written for the rule.
const repeatedNameMin = 3

// repeatedNameSource applies the rule to a one-word head; "" when it does not apply.
func (r *speakerResolver) repeatedNameSource(head []scanToken) string {
	if len(head) != 1 {
		return ""
	}
	w := head[0]
	l := strings.ToLower(w.Text)
	if !nameShaped(w.Text) || isCommonCapitalized(w.Text) || sentenceStarters[w.Text] || sentenceStarters[l] ||
		entityWords.firstNames[w.Text] != 0 || entityWords.peoples[w.Text] || entityWords.titleFirst[l] ||
		calendarWords[l] || r.namedInOtherCase(w.Text) {
		return ""
	}
	if _, ok := entityWords.adjCountry[w.Text]; ok {
		return ""
	}
	toks := r.tx.scan(0, len(r.d.Runes))
	n := 0
	for i, t := range toks {
		if t.Kind != 'w' {
			continue
		}
		text, _ := stripPossessive(t.Text)
		if strings.EqualFold(text, w.Text) && text != w.Text {
			return "" // written in another case too: an ordinary word
		}
		if text != w.Text {
			continue
		}
		if i > 0 && toks[i-1].Kind == 'w' && isCapitalized(toks[i-1].Text) && toks[i-1].End+1 >= t.Start {
			return "" // "Mark Brodie", "Mr. Brodie", "President Brodie": part of a longer name
		}
		n++
	}
	if n < repeatedNameMin {
		return ""
	}
	return r.newSourceEntity(w.Text, graph.KindUnknown, w.Start, w.End, MentionName)
}
