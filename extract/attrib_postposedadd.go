package extract

import "github.com/claimgraph/claimgraph/extract/lexicon"

// Cue rule "a plural subject adds after the content" (fixtures in
// testdata/rules/cues/postposed-subject-tells.tsv): "Many parts of the north will stay
// hot over the next days, they add." The base form of a say verb
// (lexicon/postposed_say_verbs.txt) closes a report as "adds" does, but only after a
// plural subject (a plural pronoun, a plural group noun, a coordination or a
// lowercase plural head: pluralSubject), and only in the postposed position, where
// the content stands before it.

// postposedSayVerbs are the verbs of lexicon/postposed_say_verbs.txt.
var postposedSayVerbs = lexicon.Set("postposed_say_verbs.txt")

// postposedPlainSay reports whether the verb at toks[i] is such a base form after a
// plural subject that follows a comma.
func (s *cueSentence) postposedPlainSay(i int) bool {
	if !postposedSayVerbs[s.toks[i].Lower] {
		return false
	}
	_, c, ok := s.commaSubjectBefore(i)
	k := skipBeforeVerb(s.toks, i)
	if !ok || c+1 > k {
		return false
	}
	return pluralSubject(s.toks[c+1 : k+1])
}
