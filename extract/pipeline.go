package extract

// Stage is one step of the pipeline: it reads what earlier stages put into the
// Document and fills in its own part.
type Stage func(*Document)

// Stages lists the pipeline stages in the order Extract runs them, after NewDocument
// has tokenized and segmented the text. To add a stage, add one line here (each
// stage lives in its own file):
//
//	entities, speakers, quantities, claims, disputes go after findAttributions.
var Stages = []Stage{
	findAttributions, // attrib.go: cue, source, content spans; raw agency spans in ViaSpans
	findEntities,     // entities.go: entities, aliases, name and nominal mentions
	resolveSpeakers,  // speakers.go: Attribution.Speaker (pronouns too) and Via
	findClaims,       // claims.go: claims with quantities (quantities.go) and modality
	findDisputes,     // disputes.go: disputes and the claims they target
}

// Extract runs the whole pipeline over text and returns the Document. It never panics
// on any input and its output is deterministic.
func Extract(text string) *Document {
	d := NewDocument(text)
	for _, s := range Stages {
		s(d)
	}
	d.sem, d.ents = nil, nil
	return d
}
