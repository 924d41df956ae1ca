package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Id prefixes say what an id names, so an id in a URL or a log is self-describing.
const (
	PrefixArticle   = "a_"
	PrefixOutlet    = "o_"
	PrefixAgent     = "ag_"
	PrefixClaim     = "c_"
	PrefixStatement = "s_"
	PrefixDispute   = "d_"
	PrefixLink      = "l_"
)

func digest(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// ContentHash is the hex SHA-256 of an article's text: wire copies of one story share it.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// ArticleID derives an article's id from its URL when it has one (the same page
// fetched twice is one article), otherwise from its text.
func ArticleID(url, text string) string {
	if u := strings.TrimSpace(url); u != "" {
		return PrefixArticle + digest("url", u)
	}
	return PrefixArticle + digest("text", text)
}

// Slug lowercases s, folds accents and quotes away and joins its words with "-":
// "Gaza’s Health Ministry" → "gazas-health-ministry". It is the readable part of
// outlet and agent ids.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == '‘' || r == '.':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	out := b.String()
	if len(out) > 64 {
		out = out[:64]
		for !isASCIIEnd(out) {
			out = out[:len(out)-1]
		}
		out = strings.TrimRight(out, "-")
	}
	return out
}

func isASCIIEnd(s string) bool {
	if s == "" {
		return true
	}
	return s[len(s)-1] < 0x80
}

func slugID(prefix, name string) string {
	if s := Slug(name); s != "" {
		return prefix + s
	}
	return prefix + digest(name)
}

// OutletID derives an outlet's id from its name.
func OutletID(name string) string { return slugID(PrefixOutlet, name) }

// AgentID derives an agent's id from its canonical name, so the same agent named in
// several articles gets the same id. Resolving aliases to the canonical name is the
// extractor's job.
func AgentID(canonicalName string) string { return slugID(PrefixAgent, canonicalName) }

// NormalizeClaimText folds a claim's text for identity: Unicode NFKC, curly quotes and
// dashes to plain ones, case folded, edge quotes and punctuation trimmed, runs of space
// collapsed. Two contents that normalize alike are one Claim.
func NormalizeClaimText(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case '“', '”', '„', '«', '»':
			r = '"'
		case '‘', '’', '‚':
			r = '\''
		case '–', '—', '‒', '―':
			r = '-'
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.Trim(b.String(), " \"'.,;:")
}

// ClaimID derives a claim's id from its normalized text.
func ClaimID(text string) string { return PrefixClaim + digest(NormalizeClaimText(text)) }

// StatementID derives a statement's id from where it stands: its article, its content
// span and its claim.
func StatementID(articleID, claimID string, content Span) string {
	return PrefixStatement + digest(articleID, claimID, strconv.Itoa(content.Start), strconv.Itoa(content.End))
}

// CoStatementID derives the id of the statement that a co-speaker of a coordinated
// source makes ("Acme and its chief executive, Tom Reyes, said ...": Reyes states the
// content as Acme does): StatementID's parts and the co-speaker, so that the statement
// of the first speaker keeps its id.
func CoStatementID(articleID, claimID string, content Span, speakerID string) string {
	return PrefixStatement + digest(articleID, claimID, strconv.Itoa(content.Start), strconv.Itoa(content.End), speakerID)
}

// DisputeID derives a dispute's id from its article, cue position, disputer and targets.
func DisputeID(articleID string, cue Span, disputerID, claimID, targetAgentID string) string {
	return PrefixDispute + digest(articleID, strconv.Itoa(cue.Start), strconv.Itoa(cue.End), disputerID, claimID, targetAgentID)
}

// LinkID derives a claim link's id from the unordered pair of claims and its kind, so
// the link found from either side is one link.
func LinkID(a, b string, kind LinkKind) string {
	if b < a {
		a, b = b, a
	}
	return PrefixLink + digest(a, b, string(kind))
}

// QueryTerms splits a free-text search into the lowercase word terms that every
// matching claim must contain. Both stores use it, so a search means the same thing
// everywhere: a claim matches when each term equals one of its words.
func QueryTerms(q string) []string {
	return Words(q)
}

// Words returns the lowercase letter-or-digit runs of s, in order, with duplicates
// removed. It is the tokenization behind full-text search.
func Words(s string) []string {
	seen := map[string]bool{}
	var out []string
	f := strings.FieldsFunc(norm.NFKC.String(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, w := range f {
		w = strings.ToLower(w)
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}
