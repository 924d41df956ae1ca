package extract

import "github.com/claimgraph/claimgraph/graph"

// Disputer rule "the-campaign" (issue 7, disp25; test sentences in
// testdata/rules/disputers/the-campaign.tsv): "Fields said Lewandowski grabbed her arm.
// The Trump campaign has not commented. ... The campaign has denied it happened." A
// subject "the campaign" that the entity stage left unresolved is the campaign named
// shortly before it by its candidate: "the Trump campaign", "Trump's campaign", "the
// campaign of Donald Trump", in its sentence or the campaignSentences before it. The
// campaign speaks for its candidate, as "the Clinton campaign denied" does
// (namedRepresentativeSubject). Two candidates' campaigns named in that window give
// nothing: which one is meant is unclear, and a wrong disputer is worse than none.

// theCampaignRule names the rule, for its fixture test.
var theCampaignRule = disputerRule{"the-campaign"}

// campaignSentences is how many sentences back "the campaign" looks for a campaign
// named by its candidate.
const campaignSentences = 3

// campaignSubject resolves "the campaign" ending at toks[k] (lowercase, after "the");
// "" when toks[k] ends no such phrase or not exactly one candidate's campaign is named
// before it.
func (f *disputeFinder) campaignSubject(toks []scanToken, k int) (string, int) {
	if k < 1 || toks[k].Text != "campaign" || toks[k-1].Lower != "the" {
		return "", -1
	}
	si := f.sentenceOf(toks[k].Start)
	found := ""
	for s := max(0, si-campaignSentences); s <= si; s++ {
		sent := f.r.tx.scan(f.sents[s].Start, f.sents[s].End)
		for j := range sent {
			if sent[j].Start >= toks[k-1].Start {
				break
			}
			id := f.campaignCandidate(sent, j)
			if id == "" || id == found {
				continue
			}
			if found != "" {
				return "", -1
			}
			found = id
		}
	}
	if found == "" {
		return "", -1
	}
	f.d.Mentions = append(f.d.Mentions, Mention{Entity: found, Span: makeSpan(f.d.Runes, toks[k-1].Start, toks[k].End), Kind: MentionNominal})
	f.added = true
	return found, k - 1
}

// campaignCandidate returns the person whose campaign toks[j] names ("campaign" after
// "Trump", "Trump's", or before "of Donald Trump"), or "".
func (f *disputeFinder) campaignCandidate(toks []scanToken, j int) string {
	if toks[j].Lower != "campaign" || j < 1 {
		return ""
	}
	person := func(m *Mention) string {
		if m == nil || m.Kind != MentionName {
			return ""
		}
		if e := f.r.entity(m.Entity); e != nil && e.Kind == graph.KindPerson {
			return m.Entity
		}
		return ""
	}
	if id := person(f.mentionEndingAt(toks[j-1].End)); id != "" {
		return id // "the Trump campaign", "Trump's campaign"
	}
	if j+2 < len(toks) && toks[j+1].Lower == "of" {
		return person(f.mentionStartingAt(toks[j+2].Start)) // "the campaign of Donald Trump"
	}
	return ""
}
