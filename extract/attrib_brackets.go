package extract

import "github.com/claimgraph/claimgraph/extract/internal/attribml"

// openingBracket returns the bracket that the closing bracket c closes, ok false when
// c is no closing bracket.
func openingBracket(c string) (open string, ok bool) {
	switch c {
	case ")":
		return "(", true
	case "]":
		return "[", true
	}
	return "", false
}

// dropUnopenedBracket is the content rule "a closing bracket the content does not open
// is not content". A report written inside an aside of the writer's ("(A campaign
// spokeswoman disputed their account.)", "… and promised to build a wall (although he
// allowed that some might be good people).") ends before the bracket that closes the
// aside: the bracket belongs to the sentence around the report, not to what was
// reported. When the last piece of a content ends, closing punctuation and quotation
// marks aside, with a closing bracket and the piece holds fewer opening brackets of
// that kind than closing ones, the bracket and the punctuation before it are dropped
// (PolNeAR train: 33 predicted contents became exact, none was lost).
func dropUnopenedBracket(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		ps := spanPieces(a.Content)
		last := ps[len(ps)-1]
		i, j := tokenFrom(d, last[0]), tokenFrom(d, last[1])
		changed := false
		for j > i {
			for j > i && (trimmableEnd(tk[j-1]) && tk[j-1].Kind == TokPunct || tk[j-1].Kind == TokQuote) {
				j--
			}
			if j <= i+1 {
				break
			}
			open, ok := openingBracket(tk[j-1].Text)
			if !ok || bracketBalance(tk[i:j-1], open, tk[j-1].Text) > 0 {
				break
			}
			j--
			changed = true
		}
		if !changed || j <= i {
			continue
		}
		for j > i+1 && tk[j-1].Kind == TokPunct && trimmableEnd(tk[j-1]) {
			j--
		}
		ps = append(append([][2]int(nil), ps[:len(ps)-1]...), [2]int{last[0], tk[j-1].End})
		a.Content = spanFromPieces(ps)
	}
}

// bracketBalance counts the opening brackets open in ts less the closing ones close.
func bracketBalance(ts []Token, open, close string) int {
	n := 0
	for _, t := range ts {
		switch t.Text {
		case open:
			n++
		case close:
			n--
		}
	}
	return n
}
