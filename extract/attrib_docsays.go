package extract

// Lexical cue rule "postposed document says" (fixtures in
// testdata/rules/cues/postposed-document-says.tsv): "CONTENT, SUBJECT said [ADJUNCT]."
// where the subject's head, the word right before the verb of saying, is a lowercase
// document noun (lexicon/document_nouns.txt): "..., a Directorate General of Health
// Services press release said on Tuesday.", "..., a Velmora Statistics Office report
// said." The subject noun phrase of the other postposed rules must end in a name, group,
// body or title noun; a document's subject, often a long name before the noun, is read
// here. The subject runs from the comma to the verb (at most maxDocumentSubject words,
// numbers and brackets), the adjunct (an adjunct opener or a weekday, then words and
// numbers) to the sentence end; the content is the sentence before the comma.
func postposedDocumentSays(s *cueSentence, i int) (Attribution, bool) {
	if !cueSayVerbs[s.toks[i].Lower] || i < 2 {
		return Attribution{}, false
	}
	head := s.toks[i-1]
	if head.Kind != 'w' || head.Text != head.Lower || !authorDocumentNouns[head.Lower] {
		return Attribution{}, false
	}
	c, ok := s.documentSubjectBefore(i, true, true)
	if !ok {
		return Attribution{}, false
	}
	content, ok := s.contentBeforeComma(c)
	if !ok {
		return Attribution{}, false
	}
	src := Span{Start: s.toks[c+1].Start, End: head.End}
	return s.attribution(i, src, content), true
}
