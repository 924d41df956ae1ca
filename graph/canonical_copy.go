package graph

import (
	"unicode/utf8"
)

// The deep copy Canonical makes. It was a JSON round trip (Marshal, then Unmarshal);
// on an article of 2 MiB of short attributed sentences that held the bundle's whole
// JSON (over 100 MB with the encoder's buffer) at the peak of the ingest, three times
// per ingest. This copy gives exactly what the round trip gave
// (TestCanonicalCopyIsTheJSONRoundTrip): optional (omitempty) slices that are empty
// become nil, other nil slices stay nil and empty ones empty, pointers are copied, and
// strings that are not valid UTF-8 get U+FFFD for each invalid byte, as encoding/json
// writes them. Strings are shared: they are immutable.

func copyGraph(g *ArticleGraph) ArticleGraph {
	c := ArticleGraph{
		Article:    copyArticle(g.Article),
		Agents:     copyAll(g.Agents, copyAgent),
		Claims:     copyAll(g.Claims, copyClaim),
		Statements: copyAll(g.Statements, copyStatement),
		Disputes:   copyAll(g.Disputes, copyDispute),
		Links:      copyAll(g.Links, copyLink),
		Mentions:   copyAll(g.Mentions, func(m Mention) Mention { return Mention{AgentID: jstr(m.AgentID), Span: copySpan(m.Span)} }),
	}
	if g.Referenced != nil {
		c.Referenced = append([]string{}, g.Referenced...)
	}
	if g.Guard != nil {
		gu := *g.Guard
		c.Guard = &gu
	}
	if g.Outlet != nil {
		o := Outlet{ID: jstr(g.Outlet.ID), Name: jstr(g.Outlet.Name), Domain: jstr(g.Outlet.Domain)}
		c.Outlet = &o
	}
	return c
}

// copyAll copies a slice that is always written (no omitempty): nil stays nil, empty
// stays empty.
func copyAll[T any](in []T, f func(T) T) []T {
	if in == nil {
		return nil
	}
	out := make([]T, len(in))
	for i, x := range in {
		out[i] = f(x)
	}
	return out
}

// copyOpt copies an omitempty slice: empty becomes nil.
func copyOpt[T any](in []T, f func(T) T) []T {
	if len(in) == 0 {
		return nil
	}
	return copyAll(in, f)
}

func jstrs(in []string) []string { return copyOpt(in, jstr) }

// jstr is s as a JSON round trip gives it back: unchanged when it is valid UTF-8, else
// with U+FFFD for each invalid byte.
func jstr(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = utf8.AppendRune(b, utf8.RuneError)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}

func copyArticle(a Article) Article {
	return Article{ID: jstr(a.ID), URL: jstr(a.URL), Title: jstr(a.Title), OutletID: jstr(a.OutletID), Authors: jstrs(a.Authors),
		Published: Date{Value: jstr(a.Published.Value), Precision: DatePrecision(jstr(string(a.Published.Precision)))},
		Text:      jstr(a.Text), ContentHash: jstr(a.ContentHash), Writer: jstr(a.Writer), Version: a.Version,
		PreviousVersions: copyOpt(a.PreviousVersions, func(v ArticleVersion) ArticleVersion {
			return ArticleVersion{Version: v.Version, ContentHash: jstr(v.ContentHash)}
		})}
}

func copyAgent(a Agent) Agent {
	return Agent{ID: jstr(a.ID), Kind: AgentKind(jstr(string(a.Kind))), Name: jstr(a.Name), Aliases: jstrs(a.Aliases), Roles: jstrs(a.Roles)}
}

func copySpan(s Span) Span {
	return Span{Start: s.Start, End: s.End, Text: jstr(s.Text), Fragments: copyOpt(s.Fragments, func(f [2]int) [2]int { return f })}
}

func copyClaim(c Claim) Claim {
	return Claim{ID: jstr(c.ID), Text: jstr(c.Text), Kind: ClaimKind(jstr(string(c.Kind))), Modality: Modality(jstr(string(c.Modality))),
		Quantities: copyOpt(c.Quantities, func(q Quantity) Quantity {
			out := Quantity{Value: q.Value, Unit: jstr(q.Unit), Qualifier: jstr(q.Qualifier), Counted: jstr(q.Counted), Text: jstr(q.Text), Span: copySpan(q.Span)}
			if q.Max != nil {
				m := *q.Max
				out.Max = &m
			}
			return out
		})}
}

func copyStatement(s Statement) Statement {
	out := Statement{ID: jstr(s.ID), ClaimID: jstr(s.ClaimID), ArticleID: jstr(s.ArticleID), SpeakerID: jstr(s.SpeakerID), Via: jstrs(s.Via),
		Kind: SpeechKind(jstr(string(s.Kind))), Cue: copySpan(s.Cue), Content: copySpan(s.Content), Sentence: copySpan(s.Sentence), Confidence: s.Confidence}
	if s.Source != nil {
		src := copySpan(*s.Source)
		out.Source = &src
	}
	return out
}

func copyDispute(d Dispute) Dispute {
	return Dispute{ID: jstr(d.ID), ArticleID: jstr(d.ArticleID), DisputerID: jstr(d.DisputerID), ClaimID: jstr(d.ClaimID),
		TargetAgentID: jstr(d.TargetAgentID), Kind: DisputeKind(jstr(string(d.Kind))), Cue: copySpan(d.Cue), Sentence: copySpan(d.Sentence), Confidence: d.Confidence}
}

func copyLink(l ClaimLink) ClaimLink {
	return ClaimLink{ID: jstr(l.ID), From: jstr(l.From), To: jstr(l.To), Kind: LinkKind(jstr(string(l.Kind))), Reason: jstr(l.Reason), ArticleID: jstr(l.ArticleID)}
}
