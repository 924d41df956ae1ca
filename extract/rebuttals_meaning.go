package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Rebuttals linked by meaning: a bare rebuttal ("'That is total propaganda,' Carson
// replied", "'Nice try, not true,' she said") points back to the claim it answers. The
// fixed search (nearestOther in rebuttals.go) takes the nearest claim of someone else
// within anaphorSentences sentences, else the claim whose subject is the disputer; a
// reply often stands farther from what it answers, after background the reporter puts
// between (a settlement, a date, the question repeated). Two rules read farther back,
// each gated by what ties the rebuttal to one claim, tried only when the fixed search
// found nothing:
//
//   - rebuttal-about-far: the latest claim of another speaker (or an accusation), at
//     most farRebuttalSentences sentences back and in the rebuttal's paragraph or the
//     one before, that is about the disputer: it names the disputer, or a personal
//     pronoun in it ("about his relationship with the company") resolves to the
//     disputer, or it accuses the disputer ("Quintanilla asked Carson about his
//     relationship with Mannatech. [background] 'That is total propaganda,' Carson
//     replied.");
//   - rebuttal-named-accuser: the disputer's own statement in the sentence before names
//     one who accused or claimed ("Palmieri criticized Manafort for accusing the
//     campaign. 'Nice try, not true,' she said."): the latest claim of that one, at most
//     farRebuttalSentences sentences back, an accusation first when the naming statement
//     speaks of accusing.
//
// A third rule reads forward, before the fixed search: rebuttal-said-after, a bare
// rebuttal whose verb of saying is followed in its sentence by "after" or "when" and
// another speaker's statement ("'This is pure fiction,' Whitlow said after Mark Dalton
// claimed that she had taken money from donors") answers that statement.
//
// A wrong dispute is worse than none: a claim that only shares a topic word is never
// taken, the claim must be tied to the disputer or to the one the disputer names.

// rebuttalAboutFarRule, rebuttalNamedAccuserRule and rebuttalSaidAfterRule are the
// rules of this file.
var (
	rebuttalSaidAfterRule    = &disputeRule{name: "rebuttal-said-after", shape: graph.ShapeRebuttal}
	rebuttalAboutFarRule     = &disputeRule{name: "rebuttal-about-far", shape: graph.ShapeRebuttal}
	rebuttalNamedAccuserRule = &disputeRule{name: "rebuttal-named-accuser", shape: graph.ShapeRebuttal}
)

// farRebuttalSentences is how far back the two rules look: twice the reach of an
// anaphor, since a tie to the disputer (or to the accuser named) says which claim is
// meant.
const farRebuttalSentences = 6

// farNamedParagraphs is how many paragraphs back rule rebuttal-named-accuser may find
// the claim of the one the disputer named (rule rebuttal-about-far: one); the name ties
// the rebuttal to its claim across a paragraph of background.
const farNamedParagraphs = 2

// aboutPronouns are the personal pronouns by which a claim may be about the disputer.
var aboutPronouns = rebuttalLinkWords.Class("about_pronoun")

// rebuttalLinkWords are the word classes of lexicon/rebuttal_links.txt.
var rebuttalLinkWords = lexicon.Classes("rebuttal_links.txt")

// rebuttalByMeaning is the last resort of nearestOther: rule rebuttal-named-accuser,
// then rule rebuttal-about-far, for the rebuttal statement a in sentence si by speaker.
func (f *disputeFinder) rebuttalByMeaning(a *Attribution, si, pos int, speaker string) ruleMatch {
	if speaker == "" || speaker == ArticleVoice {
		return ruleMatch{}
	}
	if id := f.namedAccuserClaim(a, si, pos, speaker); id != "" {
		return ruleMatch{claim: &id, rule: rebuttalNamedAccuserRule}
	}
	if id := f.claimAboutFar(si, pos, speaker); id != "" {
		return ruleMatch{claim: &id, rule: rebuttalAboutFarRule}
	}
	return ruleMatch{}
}

// farCandidate reports whether claim c, ending before pos, may be what a rebuttal in
// sentence si by disputer answers from afar: a claim of another named speaker or an
// accusation, at most farRebuttalSentences back and at most paragraphs paragraphs
// before that of si, and one the disputer may answer (antecedent).
func (f *disputeFinder) farCandidate(c *Claim, si, pos int, disputer string, paragraphs int) bool {
	if c.Span.End > pos || c.Span.Start < f.sents[max(0, si-farRebuttalSentences)].Start {
		return false
	}
	if c.Origin != "attribution" && c.Origin != "accusation" {
		return false
	}
	if c.Speaker == nil || *c.Speaker == ArticleVoice {
		return false
	}
	if f.paragraph(si)-f.paragraph(f.sentenceOf(c.Span.Start)) > paragraphs {
		return false
	}
	if f.questionAbout(c) {
		return *c.Speaker != disputer // "asked Carson about his relationship with Mannatech"
	}
	return f.antecedent(c, si, false, disputer)
}

// questionAboutWords is how far into a question's content "about" may stand.
const questionAboutWords = 5

// questionAbout reports whether claim c is the topic of a question ("asked Carson
// about his relationship with a supplement maker"): the content of a verb of asking
// that opens with "about". The antecedent search skips directives; a rebuttal answers
// what such a question presumes.
func (f *disputeFinder) questionAbout(c *Claim) bool {
	ws := strings.Fields(strings.ToLower(c.Text))
	about := false
	for k := 0; k < len(ws) && k < questionAboutWords; k++ {
		about = about || ws[k] == "about" // "asked Senator Tom Arkell about his ties to ..."
	}
	if !about || !f.directive(c) {
		return false
	}
	a := f.attributionOf(c)
	cue := strings.ToLower(string(f.d.Runes[a.Cue.Start:a.Cue.End]))
	return strings.HasPrefix(cue, "ask") || strings.HasPrefix(cue, "question")
}

// claimAboutFar returns the latest far candidate claim about the disputer (named in
// it, a pronoun of it resolving to the disputer, or accusing the disputer), or "".
func (f *disputeFinder) claimAboutFar(si, pos int, disputer string) string {
	best := -1
	for _, k := range f.candidateClaims(f.sents[max(0, si-farRebuttalSentences)].Start, pos) {
		c := &f.d.Claims[k]
		if !f.farCandidate(c, si, pos, disputer, 1) || !f.claimMentions(c, disputer) {
			continue
		}
		if best < 0 || c.Span.End > f.d.Claims[best].Span.End {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	return f.d.Claims[best].ID
}

// claimMentions reports whether claim c is about entity: c accuses it, a name or
// nominal mention of it lies inside c, or a personal pronoun in c resolves to it.
func (f *disputeFinder) claimMentions(c *Claim, entity string) bool {
	if c.Accused != nil && *c.Accused == entity {
		return true
	}
	for _, m := range f.d.Mentions {
		if m.Entity == entity && spanInside(c.Span, m.Span.Start, m.Span.End) {
			return true
		}
	}
	if f.opensWithName(c, entity) {
		return true
	}
	for _, t := range f.r.tx.scan(c.Span.Start, c.Span.End) {
		if t.Kind == 'w' && aboutPronouns[t.Lower] && f.r.resolvePronoun(t.Text, t.Start) == entity {
			return true
		}
	}
	return false
}

// accuseWords mark a naming statement that speaks of accusing ("criticized Manafort
// for accusing the campaign"): the accuser's accusation is meant first.
var accuseWords = rebuttalLinkWords.Class("accuse_stem")

// namedAccuserClaim: the disputer's statement in the sentence before the rebuttal's
// opens its content with a person and "for" with a gerund ("criticized Manafort for
// accusing the Democratic campaign"); the latest far candidate claim of that person, an accusation first when
// the statement speaks of accusing; "" when there is none.
func (f *disputeFinder) namedAccuserClaim(a *Attribution, si, pos int, disputer string) string {
	if si == 0 {
		return ""
	}
	prev := f.sents[si-1]
	var named string
	var content string
	for k := range f.d.Attributions {
		b := &f.d.Attributions[k]
		if b == a || b.Speaker == nil || *b.Speaker != disputer || b.Content.Start < prev.Start || b.Content.Start >= prev.End {
			continue
		}
		m := f.mentionStartingAt(b.Content.Start)
		if m == nil || m.Kind != MentionName {
			continue
		}
		if e := f.r.entity(m.Entity); e == nil || e.Kind != graph.KindPerson || m.Entity == disputer {
			continue
		}
		rest := strings.Fields(strings.ToLower(string(f.d.Runes[m.Span.End:min(b.Content.End, len(f.d.Runes))])))
		if len(rest) < 2 || rest[0] != "for" || !strings.HasSuffix(rest[1], "ing") {
			continue // "criticized Manafort for accusing ...": reproached for what they said or did
		}
		named, content = m.Entity, " "+strings.Join(rest[1:], " ")
	}
	if named == "" {
		return ""
	}
	accusing := false
	for w := range accuseWords {
		if strings.Contains(content, " "+w) {
			accusing = true
		}
	}
	best, accusation := -1, -1
	for _, k := range f.candidateClaims(f.sents[max(0, si-farRebuttalSentences)].Start, pos) {
		c := &f.d.Claims[k]
		if c.Speaker == nil || *c.Speaker != named || !f.farCandidate(c, si, pos, disputer, farNamedParagraphs) {
			continue
		}
		if best < 0 || c.Span.End > f.d.Claims[best].Span.End {
			best = k
		}
		if f.accusationClaim(c) && (accusation < 0 || c.Span.End > f.d.Claims[accusation].Span.End) {
			accusation = k
		}
	}
	if accusing && accusation >= 0 {
		best = accusation
	}
	if best < 0 {
		return ""
	}
	return f.d.Claims[best].ID
}

// accusationClaim reports whether claim c is an accusation: of origin "accusation", or
// the content of an attribution whose cue is a verb of accusing.
func (f *disputeFinder) accusationClaim(c *Claim) bool {
	if c.Origin == "accusation" || c.Accused != nil {
		return true
	}
	if c.Attribution == nil {
		return false
	}
	for k := range f.d.Attributions {
		if b := &f.d.Attributions[k]; b.ID == *c.Attribution {
			return accusingCue(string(f.d.Runes[b.Cue.Start:b.Cue.End]))
		}
	}
	return false
}

// accusingCue reports whether a claim's cue is a verb of accusing ("accused",
// "alleged", "charged", "blamed").
func accusingCue(cue string) bool {
	cue = strings.ToLower(cue)
	for w := range accuseWords {
		if strings.HasPrefix(cue, w) {
			return true
		}
	}
	return false
}

// saidAfterWords are the connectors that make a statement later in the sentence the
// occasion of the rebuttal ("said after", "said when", "said in response to").
var saidAfterWords = rebuttalLinkWords.Class("said_after")

// maxSaidAfterWords bounds the words between the rebuttal's verb of saying and the
// other speaker's statement ("said Monday, two days after a former aide, Dana Quill,").
const maxSaidAfterWords = 10

// claimSaidAfter returns the claim of another speaker that the rebuttal statement a's
// sentence reports after a's cue with a connector of saidAfterWords between (rule
// rebuttal-said-after), or no match.
func (f *disputeFinder) claimSaidAfter(a *Attribution, speaker string) ruleMatch {
	after := max(a.Content.End, a.Cue.End)
	for i := range f.d.Claims[:f.base] {
		c := &f.d.Claims[i]
		if c.Speaker == nil || *c.Speaker == speaker || c.Span.Start < after || c.Span.Start >= a.Sentence.End || isReferenceClaim(c) || f.directive(c) {
			continue
		}
		b := f.attributionOf(c)
		if b == nil || b.Source == nil || b.Source.Start < after {
			continue
		}
		ws := strings.Fields(strings.ToLower(string(f.d.Runes[after:b.Source.Start])))
		if len(ws) > maxSaidAfterWords {
			continue
		}
		for _, w := range ws {
			if saidAfterWords[strings.Trim(w, ",")] {
				id := c.ID
				return ruleMatch{claim: &id, rule: rebuttalSaidAfterRule}
			}
		}
	}
	return ruleMatch{}
}
