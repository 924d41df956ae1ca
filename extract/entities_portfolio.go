package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// portfolioTitleRule is the entity rule "title with a portfolio", a part of rule 2
// ("title and name", titled): a title may be followed by its portfolio before the
// holder's name, "Minister for Tourism and Culture Jane Roe", "Secretary of State for
// Health and Social Care John Doe", and by its own acronym in parentheses, "Minister of
// State (MoS) External Affairs Jane Roe". The portfolio is capitalized words of
// lexicon/portfolio_words.txt joined by "and", "&" or commas, after "for" or "of" or
// right after the title; at least two capitalized words that are no portfolio words
// must follow, and they are the name. The portfolio joins the person's role. An acronym
// so defined is a title for the rest of the article: "MoS Singh" is the person named
// in full before with that surname (honorificCanon). Fixtures:
// testdata/rules/speakers/title-with-a-portfolio.tsv.
const portfolioTitleRule = "title with a portfolio"

// portfolioWords are the words of a government portfolio (lexicon/portfolio_words.txt).
var portfolioWords = lexicon.Set("portfolio_words.txt")

// portfolioWord reports whether t is a capitalized portfolio word.
func portfolioWord(t scanToken) bool {
	base, _ := stripPossessive(t.Lower)
	return t.Kind == 'w' && isCapitalized(t.Text) && portfolioWords[base]
}

// titleAcronymAt reads "(ACRONYM)" at toks[k]: a word of two to six letters with at
// least two capitals and no period. It returns the acronym and its token count.
func titleAcronymAt(toks []scanToken, k int) (string, int) {
	if k+2 >= len(toks) || toks[k].Text != "(" || toks[k+2].Text != ")" || toks[k+1].Kind != 'w' {
		return "", 0
	}
	a := toks[k+1].Text
	caps := 0
	for _, r := range a {
		if r >= 'A' && r <= 'Z' {
			caps++
		}
	}
	if n := len([]rune(a)); n < 2 || n > 6 || caps < 2 || strings.ContainsAny(a, ".-") {
		return "", 0
	}
	return a, 3
}

// portfolioAfterTitle returns how many tokens from toks[k] (right after a title) are
// the title's acronym and portfolio, with the acronym ("" for none), or 0 when no
// portfolio or acronym is there or no name of two capitalized words follows it.
func portfolioAfterTitle(toks []scanToken, k int) (int, string) {
	j := k
	acronym, an := titleAcronymAt(toks, j)
	j += an
	if j < len(toks) && (toks[j].Lower == "for" || toks[j].Lower == "of") && j+1 < len(toks) && portfolioWord(toks[j+1]) {
		j++
	}
	words := 0
	for j < len(toks) {
		t := toks[j]
		if portfolioWord(t) {
			words++
			j++
			continue
		}
		if words > 0 && (t.Lower == "and" || t.Text == "&" || t.Text == ",") && j+1 < len(toks) && portfolioWord(toks[j+1]) {
			j++
			continue
		}
		break
	}
	if j == k || (words == 0 && acronym == "") {
		return 0, ""
	}
	for n := 0; n < 2; n++ {
		if j+n >= len(toks) || !isCapWord(toks[j+n]) || portfolioWord(toks[j+n]) || titleAt(toks, j+n) > 0 {
			return 0, ""
		}
	}
	return j - k, acronym
}

// noteTitleAcronym records an acronym defined after a title ("Minister of State
// (MoS)") as a title of the document.
func (b *entityBuilder) noteTitleAcronym(acronym string) {
	if b.titleAcronyms == nil {
		b.titleAcronyms = map[string]bool{}
	}
	b.titleAcronyms[acronym] = true
}

// portfolioTitleAt returns where a title starts at or after toks[j] and its length in
// tokens (0 for none): a title of the lexicon (titleAt); else an acronym of a title
// defined before in the document ("MoS"); else a capitalized modifier and a title that
// a portfolio follows ("Union Minister for Tourism and Culture Jane Roe", "Federal
// Minister of Health John Doe"), the modifier joining the role.
func (b *entityBuilder) portfolioTitleAt(toks []scanToken, j int) (int, int) {
	if tn := titleAt(toks, j); tn > 0 || j >= len(toks) {
		return j, tn
	}
	if b.titleAcronyms[toks[j].Text] {
		return j, 1
	}
	if !isCapWord(toks[j]) || portfolioWord(toks[j]) {
		return j, 0
	}
	if tn := titleAt(toks, j+1); tn > 0 {
		if pn, _ := portfolioAfterTitle(toks, j+1+tn); pn > 0 {
			return j + 1, tn
		}
	}
	return j, 0
}
