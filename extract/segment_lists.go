package extract

import "unicode"

// Lists: a paragraph whose lines start with list markers ("- ", "* ", "• ", "1. ",
// "2) ") is a list, and each item is a sentence of its own even when it ends without
// a full stop ("- Exports rose 4.5% to $3.2 billion" / "- Imports fell 1.2%"): without
// this rule the items run together into one sentence and one claim. A marker counts
// inside a paragraph only when at least two lines of the paragraph start with one, so
// that a hard-wrapped line that happens to start with a dash stays inside its
// sentence; a paragraph that starts with a marker (one item a paragraph) starts its
// first sentence after it. Golden lines in
// testdata/segment_rules.tsv (rules list-bullets, list-numbers); the number of a
// numbered item is no quantity (notCountRules "list number").

// minListItems is how many marked lines make a paragraph a list.
const minListItems = 2

// listMarkerEnd returns the end of a list marker that starts at rs[i] (i at a line
// start, after indentation), or -1: a bullet ("-", "*", "•", "–", "·") or one to three
// digits with "." or ")", followed by a space.
func listMarkerEnd(rs []rune, i int) int {
	if i >= len(rs) {
		return -1
	}
	switch rs[i] {
	case '-', '*', '•', '–', '·', '▪':
		if i+1 < len(rs) && rs[i+1] == ' ' {
			return i + 1
		}
		return -1
	}
	j := i
	for j < len(rs) && j-i < 3 && unicode.IsDigit(rs[j]) {
		j++
	}
	if j == i || j+1 >= len(rs) || rs[j] != '.' && rs[j] != ')' || rs[j+1] != ' ' {
		return -1
	}
	return j + 1
}

// atLineStart reports whether only blanks stand between the line start (or the text
// start) and rs[i].
func atLineStart(rs []rune, i int) bool {
	for k := i - 1; k >= 0; k-- {
		if rs[k] == '\n' {
			return true
		}
		if rs[k] != ' ' && rs[k] != '\t' {
			return false
		}
	}
	return true
}

// listItemStarts returns the offsets of the list markers that start lines of
// paragraph p, if at least minListItems lines start with one; else nil.
func listItemStarts(rs []rune, p Span) map[int]bool {
	var out map[int]bool
	n := 0
	for i := p.Start; i < p.End; i++ {
		if (i == p.Start || rs[i-1] == '\n' || rs[i-1] == ' ' || rs[i-1] == '\t') && atLineStart(rs, i) && rs[i] != ' ' && rs[i] != '\t' {
			if listMarkerEnd(rs, i) > 0 {
				if out == nil {
					out = map[int]bool{}
				}
				out[i] = true
				n++
			}
		}
	}
	if n < minListItems {
		return nil
	}
	return out
}

// isListNumber reads rule "list number": the number of a numbered list item ("2." or
// "2)" at a line start, followed by a space) is no quantity.
func isListNumber(r quantityReader, n numberToken, _ string) bool {
	i := n.first
	t := r.toks[i]
	if t.Kind != 'n' || !atLineStart(r.runes, t.Start) || t.Start >= len(r.runes) {
		return false
	}
	e := listMarkerEnd(r.runes, t.Start)
	return e > 0 && e == t.End+1 && r.runes[t.Start] != '-'
}

func init() {
	notCountRules = append(notCountRules, notCountRule{"list number", isListNumber})
}

// afterListMarker returns the index of the first token after the list marker that
// token i starts (a bullet, or a number and its "." or ")"), so that the item's
// sentence starts at its first word; i itself when no marker starts there.
func afterListMarker(toks []Token, rs []rune, i, end int) int {
	e := listMarkerEnd(rs, toks[i].Start)
	if e < 0 {
		return i
	}
	k := i
	for k < end && toks[k].End <= e {
		k++
	}
	if k >= end {
		return i
	}
	return k
}
