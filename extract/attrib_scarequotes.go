package extract

// Content rule "scare quotes inside a reported clause" (fixtures in
// testdata/rules/cues/as-per-source.tsv): a clause that quotes a few words inside it
// ('Temperatures will remain “above normal by 6-8°C” over the north, as per the
// weather office.') is no quotation of the speaker's: the clause opens and ends
// outside the quotes, so "CONTENT, as per SOURCE." reads it as it reads an unquoted
// clause. A clause that opens with a quotation mark, or whose quotation marks do not
// pair up, stays the model's to read.

// maxScareQuoteWords bounds the words of one quoted fragment inside a clause.
const maxScareQuoteWords = 8

// scareQuotesOnly reports whether every quotation mark in toks[a:b] belongs to a short
// fragment quoted inside the clause: the clause's first word stands before any
// quotation mark, curly marks open and close in pairs, straight double quotes come in
// pairs, each fragment holds at most maxScareQuoteWords words, and the clause does not
// end inside a fragment.
func scareQuotesOnly(toks []scanToken, a, b int) bool {
	in, words, seenWord := false, 0, false
	for k := a; k < b; k++ {
		t := toks[k]
		switch {
		case t.Kind == 'w' || t.Kind == 'n':
			seenWord = true
			if in {
				words++
				if words > maxScareQuoteWords {
					return false
				}
			}
		case t.Kind == 'q' && (t.Text == "’" || t.Text == "'"):
			// an apostrophe
		case t.Kind == 'q':
			if !seenWord {
				return false // the clause opens with a quotation
			}
			switch t.Text {
			case "“":
				if in {
					return false
				}
				in, words = true, 0
			case "”":
				if !in {
					return false
				}
				in = false
			case "\"":
				in, words = !in, 0
			default:
				return false
			}
		}
	}
	return !in
}
