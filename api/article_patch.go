package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// articlePatcher is the part of graph.Store that PATCH /v1/articles/{id} uses.
type articlePatcher interface {
	PatchArticle(ctx context.Context, id string, p graph.ArticlePatch) (*graph.Article, error)
	Article(ctx context.Context, id string) (*graph.Article, error)
}

// ArticleMetadata is an article without its text: what PATCH /v1/articles/{id}
// answers, the article as stored after the change.
type ArticleMetadata struct {
	ID               string                 `json:"id"`
	URL              string                 `json:"url,omitempty"`
	Title            string                 `json:"title,omitempty"`
	OutletID         string                 `json:"outlet_id,omitempty"`
	Authors          []string               `json:"authors,omitempty"`
	Published        graph.Date             `json:"published"`
	ContentHash      string                 `json:"content_hash"`
	Version          int                    `json:"version"`
	PreviousVersions []graph.ArticleVersion `json:"previous_versions,omitempty"`
}

func metadataOf(a *graph.Article) *ArticleMetadata {
	return &ArticleMetadata{ID: a.ID, URL: a.URL, Title: a.Title, OutletID: a.OutletID, Authors: a.Authors,
		Published: a.Published, ContentHash: a.ContentHash, Version: max(a.Version, 1), PreviousVersions: a.PreviousVersions}
}

// maxPatchBytes bounds the body of a metadata patch: its fields are short.
const maxPatchBytes = 64 << 10

// patchFields are the members a metadata patch may hold.
var patchFields = []string{"title", "outlet", "authors", "published"}

// handlePatchArticle serves PATCH /v1/articles/{id}: a JSON merge patch (RFC 7396) of
// the article's metadata. A member present with a value sets the field, present with
// null clears it, absent leaves it; "outlet" is the outlet's name. The text and the
// url (the article's identity) are not patchable: a new text is a new version, posted
// to POST /v1/articles.
func handlePatchArticle(store articlePatcher, maxBody int64, log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.Param("id")
		if err := checkParams(c.Request.URL.Query()); err != nil {
			writeError(c, log, err)
			return
		}
		p, err := decodePatch(c.Request, maxBody)
		if err != nil {
			writeError(c, log, err)
			return
		}
		noteAudit(c, id, "")
		who, _ := principal(c)
		if err := checkPatchOwner(c.Request.Context(), store, who, id); err != nil {
			writeError(c, log, err)
			return
		}
		if who.Name != "" && !who.Scope.covers(ScopeAdmin) {
			// The check above answers early; the guard enforces it in the patch's
			// transaction, against another server process sharing the store too.
			p.Guard = &graph.WriteGuard{Writer: who.Name}
		}
		a, err := store.PatchArticle(c.Request.Context(), id, p)
		if err != nil {
			writeError(c, log, err)
			return
		}
		noteAudit(c, a.ID, graph.OutcomePatched)
		writeJSON(c, http.StatusOK, metadataOf(a))
	}
}

// decodePatch reads a merge patch of article metadata into a graph.ArticlePatch.
func decodePatch(r *http.Request, maxBody int64) (graph.ArticlePatch, error) {
	var p graph.ArticlePatch
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || (mt != "application/merge-patch+json" && mt != "application/json") {
		return p, &requestError{status: http.StatusUnsupportedMediaType,
			detail: "Send the patch as JSON with Content-Type: application/merge-patch+json (or application/json)."}
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return p, &requestError{status: http.StatusRequestEntityTooLarge, detail: fmt.Sprintf("The request body is over the limit of %d bytes.", maxBody)}
		}
		return p, badRequest("", "The request body could not be read.")
	}
	var m map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&m); err != nil || m == nil {
		return p, badRequest("", "The body must be one JSON object with any of "+strings.Join(patchFields, ", ")+".")
	}
	if _, err := dec.Token(); err != io.EOF {
		return p, badRequest("", "The body holds more than one JSON value; send one object.")
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		raw := m[k]
		null := bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
		switch k {
		case "title":
			s, err := patchString(k, raw, null, 1000)
			if err != nil {
				return p, err
			}
			p.Title = &s
		case "outlet":
			s, err := patchString(k, raw, null, 200)
			if err != nil {
				return p, err
			}
			p.SetOutlet = true
			if name := strings.TrimSpace(s); name != "" {
				p.Outlet = &graph.Outlet{ID: graph.OutletID(name), Name: name}
			}
		case "authors":
			var as []string
			if !null {
				if err := json.Unmarshal(raw, &as); err != nil {
					return p, badRequest(k, "authors must be an array of strings, or null to clear it.")
				}
			}
			if len(as) > 100 {
				return p, badRequest(k, "authors lists over 100 names.")
			}
			for _, au := range as {
				if strings.TrimSpace(au) == "" || len(au) > 200 {
					return p, badRequest(k, "authors must each be a non-blank name of at most 200 bytes.")
				}
			}
			p.Authors = &as
		case "published":
			s, err := patchString(k, raw, null, 10)
			if err != nil {
				return p, err
			}
			d, err := graph.ParseDate(s)
			if err != nil {
				return p, badRequest(k, "published must be YYYY, YYYY-MM or YYYY-MM-DD, or null for unknown.")
			}
			p.Published = &d
		case "url", "id":
			return p, badRequest(k, k+" is the article's identity and cannot be patched: post the article under its new URL to POST /v1/articles.")
		case "text":
			return p, badRequest(k, "A new text is a new version of the article: post it to POST /v1/articles with the same url.")
		default:
			return p, badRequest(safeField(k), fmt.Sprintf("Unknown field %q; a patch may set %s.", safeField(k), strings.Join(patchFields, ", ")))
		}
	}
	return p, nil
}

// patchString reads a string member of at most max bytes; null is "".
func patchString(field string, raw json.RawMessage, null bool, max int) (string, error) {
	if null {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", badRequest(field, field+" must be a string, or null to clear it.")
	}
	if len(s) > max {
		return "", badRequest(field, fmt.Sprintf("%s is over %d bytes.", field, max))
	}
	return s, nil
}

// metadataConflicts lists the metadata fields that an ingest request states (non-empty)
// with another value than the stored article a, whose text it repeats: posting them
// changes nothing, so the client is told to PATCH them instead of losing them silently.
func metadataConflicts(in graph.ArticleInput, a graph.Article) []string {
	var out []string
	if in.Title != "" && in.Title != a.Title {
		out = append(out, "title")
	}
	if name := strings.TrimSpace(in.Outlet); name != "" && graph.OutletID(name) != a.OutletID {
		out = append(out, "outlet")
	}
	if len(in.Authors) > 0 && strings.Join(in.Authors, "\x00") != strings.Join(a.Authors, "\x00") {
		out = append(out, "authors")
	}
	if in.Published.Value != "" && in.Published != a.Published {
		out = append(out, "published")
	}
	return out
}

// checkPatchOwner decides whether who may change the metadata of article id: a key of
// scope admin always, a key of scope ingest only for an article it wrote (the same
// rule as replacing it). A missing article is left for the store to report (404).
func checkPatchOwner(ctx context.Context, store articlePatcher, who Principal, id string) error {
	old, err := store.Article(ctx, id)
	switch {
	case graph.ErrorCode(err) == graph.ENOTFOUND:
		return nil
	case err != nil:
		return err
	case who.Scope.covers(ScopeAdmin) || (old.Writer != "" && old.Writer == who.Name):
		return nil
	}
	owner := "no API key (the operator loaded it)"
	if old.Writer != "" {
		owner = "another API key"
	}
	return &requestError{status: http.StatusForbidden, typ: ProblemNotOwner, field: "id",
		detail: fmt.Sprintf("Article %s was written by %s; only an admin key may change it.", url.PathEscape(id), owner)}
}
