package extract

import "strings"

// A dispute participle after a statement and an adjunct of time (issue 7, disp25;
// test sentences in testdata/rules/disputes/inline-noun-that.tsv): "Steve Coll issued a
// statement late Friday rejecting claims that the journalists had erred." When the participle
// stands right after the cue ("issued a statement denying ..."), the attribution's cue
// holds it and its source is the disputer (cueSource). A time expression between the
// cue and the participle ("on Tuesday", "late Friday", "last week") left the verb
// outside the cue and without a subject; the participle still answers for the
// statement's source.

// statementTimeParticipleRule names the disputer rule, for its fixture test
// (testdata/rules/disputers/statement-time-participle.tsv).
var statementTimeParticipleRule = disputerRule{"statement-time-participle"}

// cueSourceAcrossTime returns the speaker of the attribution whose cue ends right
// before a time expression that ends right before the dispute participle at toks[i]
// (a verb in -ing), or "".
func (f *disputeFinder) cueSourceAcrossTime(toks []scanToken, i int) string {
	if !strings.HasSuffix(toks[i].Lower, "ing") || i < 2 {
		return ""
	}
	n := timeBefore(toks, i-1)
	if n == 0 || i-1-n < 0 {
		return ""
	}
	last := toks[i-1-n] // the cue's last word
	k, ok := f.cueAt.at(last.Start)
	if !ok {
		return ""
	}
	a := &f.d.Attributions[k]
	if a.Speaker == nil || a.Source == nil || a.Source.End > last.Start || a.Cue.End != last.End {
		return ""
	}
	return *a.Speaker
}
