package extract

// maxListHeadWords bounds the first conjunct of a coordinated subject that
// listSubjectStart reads ("German broadcasters ARD").
const maxListHeadWords = 5

// listSubjectStart is the speaker rule "source inside a list": a source that is the
// tail of a coordinated subject ("German broadcasters ARD, the New York Times and
// Australian paper Daily Telegraph reported ...": the source read is "the New York
// Times and Australian paper Daily Telegraph") is read from the list's first conjunct,
// which opens the sentence, so that the speaker is the first one named, as for any
// coordinated source. It applies when the source holds "and" or "or", a comma stands
// right before it, and the words between the sentence's start and that comma are one
// to maxListHeadWords words, no verb of saying or clause word among them, at least one
// of them a mention of an entity. It returns where the list starts. Fixtures:
// testdata/rules/speakers/source-inside-a-list.tsv.
func (r *speakerResolver) listSubjectStart(words []scanToken) (int, bool) {
	coordinated := false
	for _, w := range words {
		if w.Lower == "and" || w.Lower == "or" {
			coordinated = true
		}
	}
	if !coordinated {
		return 0, false
	}
	start := r.sentenceStartOf(words[0].Start)
	before := r.tx.scan(start, words[0].Start)
	if len(before) < 2 || before[len(before)-1].Text != "," {
		return 0, false
	}
	head := before[:len(before)-1]
	if len(head) > maxListHeadWords {
		return 0, false
	}
	for _, t := range head {
		if t.Kind != 'w' || t.Text == t.Lower && (clauseWords[t.Lower] || lexicalCueVerb(t.Lower) || functionWords[t.Lower]) {
			return 0, false
		}
	}
	if len(r.mentionsIn(head[0].Start, head[len(head)-1].End)) == 0 {
		return 0, false
	}
	return head[0].Start, true
}

// companionWords are the phrases that add a companion to a subject ("its
// investigation together with the New York Times revealed"): what follows them is
// no subject of its own.
var companionWords = [][]string{{"together", "with"}, {"along", "with"}, {"in", "cooperation", "with"}, {"in", "collaboration", "with"}, {"in", "partnership", "with"}}

// companionSource is the speaker rule "a companion is no speaker": a source right
// after "together with", "along with" or "in collaboration with" is the companion
// of the real subject, which stands before those words ("ARD said that its
// investigation together with the New York Times revealed ..."): the source
// resolves to nobody rather than to the companion. Fixtures:
// testdata/rules/speakers/source-inside-a-list.tsv.
func (r *speakerResolver) companionSource(words []scanToken) bool {
	before := wordTokens(r.tx.scan(max(0, words[0].Start-40), words[0].Start))
	for _, c := range companionWords {
		if len(before) < len(c) {
			continue
		}
		tail := before[len(before)-len(c):]
		match := true
		for k, w := range c {
			if tail[k].Lower != w {
				match = false
				break
			}
		}
		if match && tail[len(tail)-1].End <= words[0].Start {
			return true
		}
	}
	return false
}
