package attribml

import "sort"

// Units is the view of a token range that the taggers read: a run of consecutive name
// tokens (Tok.Name, see names.go) in one paragraph is one unit, and every other token
// is a unit of its own. "as reported by Axios" and "as reported by Kestrel Times" then
// give the taggers the same sequence, so that a name's length in words, like its
// spelling, does not change the attributions found. A unit is read through its last
// token, which carries a possessive ending if the name has one ("Mike Waltz’s").
//
// A Units value is reused between calls to Build to save allocations; it is not safe
// for concurrent use.
type Units struct {
	Lo   int   // first token of the range
	Ends []int // Ends[k] is the token index just after unit k
	Toks []Tok // Toks[k] is the token that stands for unit k
}

// Build makes u the unit view of toks[lo:hi). A unit also begins at every index in
// cuts (the bounds of a cue, which the role tagger must see as they are).
func (u *Units) Build(toks []Tok, lo, hi int, cuts ...int) {
	u.Lo = lo
	u.Ends = u.Ends[:0]
	u.Toks = u.Toks[:0]
	for i := lo; i < hi; i++ {
		if i > lo && joinsRun(toks, i, cuts) {
			u.Ends[len(u.Ends)-1] = i + 1
			u.Toks[len(u.Toks)-1] = toks[i]
			continue
		}
		u.Ends = append(u.Ends, i+1)
		u.Toks = append(u.Toks, toks[i])
	}
}

// joinsRun reports whether token i continues the name run of token i-1.
func joinsRun(toks []Tok, i int, cuts []int) bool {
	if !toks[i].Name || !toks[i-1].Name || toks[i].Para != toks[i-1].Para {
		return false
	}
	for _, c := range cuts {
		if c == i {
			return false
		}
	}
	return true
}

// Of returns the index of the unit holding token i (lo <= i < hi).
func (u *Units) Of(i int) int { return sort.SearchInts(u.Ends, i+1) }

// Start returns the first token of unit k.
func (u *Units) Start(k int) int {
	if k == 0 {
		return u.Lo
	}
	return u.Ends[k-1]
}

// ExpandRoles returns the role tags of the tokens of the range from the tags of its
// units: every token takes its unit's tag.
func (u *Units) ExpandRoles(utags []uint8, dst []uint8) []uint8 {
	dst = dst[:0]
	for k, t := range utags {
		for i := u.Start(k); i < u.Ends[k]; i++ {
			dst = append(dst, t)
		}
	}
	return dst
}

// ExpandCues returns the cue tags of the tokens of the range from the tags of its
// units: a unit tagged B begins the cue at its first token and goes on (I) over the
// rest; other tags are copied.
func (u *Units) ExpandCues(utags []uint8, dst []uint8) []uint8 {
	dst = dst[:0]
	for k, t := range utags {
		for i := u.Start(k); i < u.Ends[k]; i++ {
			if t == CueB && i > u.Start(k) {
				dst = append(dst, CueI)
			} else {
				dst = append(dst, t)
			}
		}
	}
	return dst
}

// Gold returns the tags of the units from the tags of the tokens of the range (tags[0]
// is token Lo's), for training: a unit takes the tag of its last token, except that
// a cue that begins inside a unit begins at the unit.
func (u *Units) Gold(tags []uint8, cue bool) []uint8 {
	out := make([]uint8, len(u.Ends))
	for k, e := range u.Ends {
		out[k] = tags[e-1-u.Lo]
		if cue {
			for i := u.Start(k); i < e; i++ {
				if tags[i-u.Lo] == CueB {
					out[k] = CueB
					break
				}
			}
		}
	}
	return out
}
