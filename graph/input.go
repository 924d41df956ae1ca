package graph

import (
	"context"
	"fmt"
	"strings"
)

// ArticleInput is an article as it is given to ingest: its text and what its source
// knows about it. It is graph's own type, so that ingest and the API depend on no
// corpus reader or extractor.
type ArticleInput struct {
	// Name says which article an error is about: a collection id, a file path,
	// "api:ID". Empty names it by its URL.
	Name      string
	URL       string
	Title     string
	Outlet    string // the publishing outlet's name
	Authors   []string
	Published Date
	Text      string
	// Writer is the name of the API key that posts the article; ingest stores it as
	// Article.Writer. Empty outside the API.
	Writer string
	// WriterOnly makes the write replace a stored article only when Writer wrote it,
	// checked in the store's write transaction (ingest sets the bundle's Guard to
	// WriteGuard{Writer: Writer}); the API sets it for keys without the admin scope.
	// It is kept with a queued job's input, so that a job is held to it too.
	WriterOnly bool `json:",omitempty"`
}

// Describe names the article in messages: "article NAME", else "article URL", else
// "article".
func (a ArticleInput) Describe() string {
	switch {
	case a.Name != "":
		return "article " + a.Name
	case a.URL != "":
		return "article " + a.URL
	}
	return "article"
}

// ExtractedDispute is a dispute as an extractor found it, before ingest ties it to
// the graph: ClaimID and TargetAgentID name the claim and agent it found, if any,
// which need not be in the bundle (a dispute of "the report" its article never
// states).
type ExtractedDispute struct {
	DisputerID    string
	ClaimID       string
	TargetAgentID string
	Kind          DisputeKind
	Cue           Span
	Sentence      Span
}

// Extraction is what an extractor found in one article: the bundle, and every dispute
// it found, those the bundle holds as Disputes included.
type Extraction struct {
	Graph    *ArticleGraph
	Disputes []ExtractedDispute
}

// Extractor turns an article's text into an Extraction. Ingest takes one, so that the
// graph packages do not depend on a particular extractor; extract.Extractor is
// claimgraph's. Implementations must be safe for concurrent use.
type Extractor interface {
	Extract(ctx context.Context, a ArticleInput) (*Extraction, error)
}

// ExtractorFunc adapts a function to Extractor.
type ExtractorFunc func(ctx context.Context, a ArticleInput) (*Extraction, error)

// Extract calls f.
func (f ExtractorFunc) Extract(ctx context.Context, a ArticleInput) (*Extraction, error) {
	return f(ctx, a)
}

// ParseDate reads "YYYY", "YYYY-MM" or "YYYY-MM-DD" into a Date with that precision;
// "" or "unknown" is the unknown date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "unknown") {
		return Date{}, nil
	}
	var d Date
	switch len(s) {
	case 4:
		d = Date{Value: s, Precision: PrecisionYear}
	case 7:
		d = Date{Value: s, Precision: PrecisionMonth}
	case 10:
		d = Date{Value: s, Precision: PrecisionDay}
	default:
		return Date{}, fmt.Errorf("published %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	if err := d.Validate(); err != nil {
		return Date{}, fmt.Errorf("published %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	return d, nil
}

// LimitedExtractor is an Extractor that can stop early: ExtractLimited is Extract,
// except that once the bundle would hold more than maxStatements statements (when over
// 0) it stops making them and refuses the article (EINVALID) instead of making them
// all. Ingest uses it, when its extractor has it, for Options.MaxStatements.
type LimitedExtractor interface {
	Extractor
	ExtractLimited(ctx context.Context, a ArticleInput, maxStatements int) (*Extraction, error)
}
