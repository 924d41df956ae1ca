// Package extract finds attributions in news text: who said what (speaker, cue,
// content, direct or reported), through which agency, the claims and quantities they
// carry, and who disputes them. It is a pipeline of plain functions over a Document;
// each stage lives in its own file and fills in its part of the Document. Rules and
// word lists are data (embedded files under lexicon/), documented where they live.
//
// Every span the extractor reports is in Unicode code points of the original text,
// end exclusive, and always lies on character boundaries inside the text.
package extract

import "github.com/claimgraph/claimgraph/graph"

// Span is a stretch of the text in code points, end exclusive; see graph.Span.
type Span = graph.Span

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds.
const (
	TokWord   TokenKind = iota // letters, possibly with inner apostrophes, hyphens, periods (U.S.)
	TokNumber                  // digits with separators: 68,800 1.5 2025
	TokPunct                   // any other single punctuation mark
	TokQuote                   // a quotation mark, straight or curly
)

// Token is one token of the text. Start and End are code-point offsets.
type Token struct {
	Text  string    `json:"text"`
	Lower string    `json:"-"`
	Start int       `json:"start"`
	End   int       `json:"end"`
	Kind  TokenKind `json:"kind"`
}

// Sentence is a sentence: its span and its tokens Tokens[First:Last] in the Document.
type Sentence struct {
	Start     int `json:"start"`
	End       int `json:"end"`
	First     int `json:"first"`
	Last      int `json:"last"`
	Paragraph int `json:"paragraph"`
}

// Entity is a speaker, agency or other agent found in the text, with aliases resolved
// within the document. ID is graph.AgentID(Name) so the same agent in two documents
// gets the same id, except for an agent the text names only by a description with
// nothing named before it to refer to ("the government said ...", "the ruling party"),
// and for every group ("officials", "U.S. officials", "critics"): its ID is
// graph.ArticleScopedAgentID, of this document only (entities_agents.go,
// entities_groups.go).
type Entity struct {
	ID      string          `json:"id"`
	Name    string          `json:"name"`
	Kind    graph.AgentKind `json:"kind"`
	Aliases []string        `json:"aliases"`
	Roles   []string        `json:"roles"`
}

// MentionKind says how an entity is mentioned.
type MentionKind string

// Mention kinds.
const (
	MentionName    MentionKind = "name"    // "John Spencer", "Spencer", "AP"
	MentionNominal MentionKind = "nominal" // "the ministry"
	MentionPronoun MentionKind = "pronoun" // "he"
)

// Mention is one place an entity is referred to.
type Mention struct {
	Entity string      `json:"entity"`
	Span   Span        `json:"span"`
	Kind   MentionKind `json:"kind"`
}

// Attribution is one attribution relation: Source (may be nil when the text names no
// source) says Content, signalled by Cue. Speaker is the resolved entity id of the
// source ("he" → John Spencer), Via the agencies it came through. Kind is "direct",
// "reported" or "mixed". Sentence covers the sentence(s) it stands in.
type Attribution struct {
	ID         string   `json:"id"`
	Cue        Span     `json:"cue"`
	Source     *Span    `json:"source"`
	Content    Span     `json:"content"`
	Kind       string   `json:"kind"`
	Speaker    *string  `json:"speaker"`
	Via        []string `json:"via"`
	Confidence float64  `json:"confidence"`
	Sentence   Span     `json:"sentence"`
	// ViaSpans are the raw spans of news agencies and outlets the attribution came
	// through, as the attribution stage found them in the sentence: "Reuters" and "the
	// Associated Press" in "according to reports from Reuters and the Associated
	// Press", "Axios" in "as reported by Axios", "the Associated Press" in "told the
	// Associated Press". Filled by attrib_rules.go (attribution stage); the speaker
	// resolution stage maps them to entity ids in Via.
	ViaSpans []Span `json:"via_spans,omitempty"`
	// CoSpeakers are the other agents of a coordinated source that say the content
	// together with Speaker, in text order ("Acme and its chief executive, Tom Reyes,
	// said": Speaker Acme, CoSpeakers Tom Reyes); filled by the dispute stage's agent
	// phrase reader (speakers_coordinated.go). Nil when the source names one agent.
	CoSpeakers []string `json:"co_speakers,omitempty"`
}

// Quantity is a number in the text with its unit, qualifier and counted thing; see
// graph.Quantity.
type Quantity = graph.Quantity

// Claim is a claim found in the text: the content of an attribution, or a factual
// sentence the article asserts itself (Attribution and Speaker nil).
type Claim struct {
	ID          string         `json:"id"`
	Text        string         `json:"text"`
	Span        Span           `json:"span"`
	Attribution *string        `json:"attribution"`
	Speaker     *string        `json:"speaker"`
	Quantities  []Quantity     `json:"quantities"`
	Modality    graph.Modality `json:"modality"`
	// Origin says where the claim comes from: "attribution" (an attribution's
	// content), "article" (asserted by the article itself), "accusation" (what the
	// Speaker accuses or criticizes someone of: "Israel accused Hamas of violating the
	// ceasefire"), "estimate" (a speaker's figure: "the opposition put the death toll
	// at 40"), "disputed" (a proposition a dispute targets that nobody in the text
	// asserts, such as the content of a denial) or "quotation" (a quotation paragraph
	// with no cue, spoken by the last speaker: claims_continued.go) or "sourced" (the
	// article's figures whose source the next sentence names: "This was stated in a
	// report by X", claims_sourced.go). Set by
	// findClaims/findDisputes.
	Origin string `json:"origin"`
	// Cue is the words that mark an accusation claim ("accused") or a sourced one
	// ("stated"); zero otherwise.
	Cue Span `json:"-"`
	// Accused is the entity an accusation claim accuses ("Israel accused Hamas of
	// violating the ceasefire" → Hamas); the accused's denial of it is a dispute of
	// shape accusation. Nil for other claims.
	Accused *string `json:"accused,omitempty"`
}

// Dispute is a dispute found in the text: Disputer disputes, denies, rejects... the
// truth of the claim Claim, said by or about the agent Target (Claim may be nil when
// only the agent is known: "Israel disputed the Health Ministry's figures" in an
// article without them). Kind is the cue's verb, Shape the form the text states it
// in, Rule the named rule of disputes_rules.go (or disputes_article.go, rebuttals.go,
// counterclaims.go) that found it.
type Dispute struct {
	ID string `json:"id"`
	// Disputer is the entity id of who disputes, or ArticleVoice ("") when the article
	// disputes the claim in its own voice, with no speaker ("Trump falsely claimed that
	// ...", "the baseless claim that ..."): its outlet and reporter dispute it, and
	// nobody the text names. ToGraph makes the outlet the disputer, when the article's
	// metadata names one.
	Disputer string             `json:"disputer"`
	Claim    *string            `json:"claim"`
	Target   *string            `json:"target"`
	Cue      Span               `json:"cue"`
	Kind     graph.DisputeKind  `json:"kind"`
	Shape    graph.DisputeShape `json:"shape"`
	Rule     string             `json:"rule"`
	Sentence Span               `json:"sentence"`
}

// ArticleVoice is the Disputer of a dispute that the article states in its own
// voice, with no speaker (see Dispute.Disputer).
const ArticleVoice = ""

// IsArticleVoice reports whether the article itself disputes, in its own voice, with
// no speaker.
func (d Dispute) IsArticleVoice() bool { return d.Disputer == ArticleVoice }

// Document is the text being analysed and everything found in it so far. Stages of the
// pipeline each fill in their part.
type Document struct {
	// Text is the text as given, after invalid UTF-8 is replaced (see Warnings).
	Text string `json:"-"`
	// Runes is Text as code points; all offsets index it.
	Runes []rune `json:"-"`

	Tokens       []Token       `json:"-"`
	Sentences    []Sentence    `json:"-"`
	Paragraphs   []Span        `json:"-"`
	Entities     []Entity      `json:"entities"`
	Mentions     []Mention     `json:"mentions"`
	Attributions []Attribution `json:"attributions"`
	Claims       []Claim       `json:"claims"`
	Disputes     []Dispute     `json:"disputes"`
	// Warnings reports what was repaired in the input (invalid bytes replaced, ...).
	Warnings []string `json:"warnings,omitempty"`

	sem  *scanText      // the scan shared by the semantic stages (entities_lex.go); nil after Extract
	ents *entityIDIndex // entityIndex's index of Entities (entities.go); nil after Extract
}
