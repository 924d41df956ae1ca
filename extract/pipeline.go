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
}

// Extract runs the whole pipeline over text and returns the Document. It never panics
// on any input and its output is deterministic.
func Extract(text string) *Document {
	d := NewDocument(text)
	for _, s := range Stages {
		s(d)
	}
	return d
}
