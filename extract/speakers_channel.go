package extract

import "github.com/claimgraph/claimgraph/extract/lexicon"

// Speaker rule "the statement of the last speaker" (fixtures in
// testdata/rules/speakers/the-statement-of-the-last-speaker.tsv): a source that is "the"
// and a noun of a speaker's own communications and nothing else (lexicon/
// speaker_channel_nouns.txt: "the statement", "the letter", "the release"), with no
// document of that noun named as an earlier attribution's source (rule 1's document
// anaphor reads those), is the speaker of the last report when that report's cue lies in
// the source's paragraph or the one before ("The Velmora Health Ministry said in a
// statement that 40 had died. / The statement added that 12 were missing."; "As per the
// relief office, 50 children were killed. “...,” the statement read."): a statement is
// the words of whoever issued it, and news names a new issuer when there is one. A
// report, a study or data may be anyone's: "the report said" after another speaker
// stays unresolved (speakers_unauthored.go).

// speakerChannelNouns are the nouns of a speaker's own communications;
// lexicon/speaker_channel_nouns.txt.
var speakerChannelNouns = lexicon.Set("speaker_channel_nouns.txt")

// channelOfLastSpeaker applies the rule; "" when it does not apply.
func (r *speakerResolver) channelOfLastSpeaker(words []scanToken) string {
	if len(words) != 2 || words[0].Lower != "the" || words[1].Text != words[1].Lower || !speakerChannelNouns[words[1].Lower] {
		return ""
	}
	if !r.speakerJustBefore(words[0].Start) {
		return ""
	}
	r.addMention(Mention{Entity: r.prev.speaker, Span: makeSpan(r.d.Runes, words[0].Start, words[1].End), Kind: MentionNominal})
	return r.prev.speaker
}
