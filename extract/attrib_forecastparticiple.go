package extract

import "github.com/claimgraph/claimgraph/graph"

// forecastParticiples are the participles of rule "participle of a forecast with a
// figure" (lexicon/lexical_cues.txt, class forecast_participle).
var forecastParticiples = lexicalCueClasses.Class("forecast_participle")

// maxForecastFigureLead bounds the words between the participle and its figure ("an
// increase of 1.3 million").
const maxForecastFigureLead = 6

// participleForecastsFigure is the lexical cue rule "participle of a forecast with a
// figure" (fixtures in testdata/rules/cues/participle-of-a-forecast-with-a-figure.tsv):
// "CLAUSE, PARTICIPLE ... FIGURE ...", a lowercase forecast participle ("projecting",
// "forecasting", "predicting", "estimating") right after a comma, with a figure within
// maxForecastFigureLead words and no quotation after it: "OPEC kept its demand forecast
// unchanged, projecting an increase of 1.3 million bpd"; "The bank held rates at 4%,
// forecasting inflation of 2.1% next year". The participle's subject is the clause's,
// so the attribution has no source; speaker rule 5 (participleSpeaker, speakers.go)
// gives it the speaker of the attribution before it in the sentence or the subject of
// the clause. The content runs from the participle's object to the sentence end.
func participleForecastsFigure(s *cueSentence, i int) (Attribution, bool) {
	t := s.toks[i]
	if !forecastParticiples[t.Lower] || t.Text != t.Lower || i < 3 || s.toks[i-1].Text != "," {
		return Attribution{}, false
	}
	if !s.figureWithin(i+1, maxForecastFigureLead+1) {
		return Attribution{}, false
	}
	end := len(s.toks) - 1
	for end > i && s.toks[end].Kind != 'w' && s.toks[end].Kind != 'n' {
		end--
	}
	if end <= i || inQuotesRun(s.toks, i+1, end+1) {
		return Attribution{}, false
	}
	return Attribution{Cue: Span{Start: t.Start, End: t.End}, Content: Span{Start: s.toks[i+1].Start, End: s.toks[end].End}}, true
}

// forecastSubject gives the attribution of a forecast participle (the cue token cue)
// the subject that opens its sentence when subjectOf, which needs a verb it knows after
// the name, finds none ("OPEC kept its forecast unchanged, projecting ..."): a mention
// of an organization, country, outlet or person that starts the sentence, after an
// optional "The", and is followed by a lowercase word (the clause's verb); a subject
// "It" or "They" is the pronoun's antecedent.
func (r *speakerResolver) forecastSubject(sent Span, cue scanToken) string {
	if !forecastParticiples[cue.Lower] {
		return ""
	}
	toks := wordTokens(r.tx.scan(sent.Start, cue.Start))
	if len(toks) < 3 {
		return ""
	}
	if toks[0].Lower == "it" || toks[0].Lower == "they" {
		return r.resolvePronoun(toks[0].Lower, toks[0].Start) // "It kept its forecast unchanged, projecting ..."
	}
	first := toks[0].Start
	for _, m := range r.mentionsIn(sent.Start, min(cue.Start, sent.Start+200)) {
		if m.Span.Start != first && !(toks[0].Lower == "the" && m.Span.Start == toks[1].Start) && !(m.Kind == MentionNominal && m.Span.Start == first) {
			continue
		}
		e := r.entity(m.Entity)
		if e == nil || e.Kind == graph.KindGroup {
			return ""
		}
		for _, t := range toks {
			if t.Start >= m.Span.End {
				if t.Kind == 'w' && t.Text == t.Lower && !sourceFunctionWords[t.Lower] {
					return m.Entity
				}
				return ""
			}
		}
		return ""
	}
	return ""
}
