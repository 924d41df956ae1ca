package api

import (
	"archive/zip"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/export"
)

// exportParams are the query parameters of GET /v1/export.
var exportParams = append([]string{"format"}, export.FilterParams...)

// handleExport serves GET /v1/export: the store, or what the filters select, streamed
// in a researchers' format (package export). One-file formats stream as they are;
// multi-file formats (neo4j-csv, dataset, neo4j-store) stream as a zip. It has no request deadline
// (a whole-store export takes as long as it takes); the client's disconnect stops it.
// Until the first byte is sent an error is a problem+json answer; after it, the
// response is cut short and the error logged (a records export then lacks its end line,
// which import detects).
func handleExport(store graph.Store, log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		v := c.Request.URL.Query()
		if err := checkParams(v, exportParams...); err != nil {
			writeError(c, log, err)
			return
		}
		name := v.Get("format")
		if name == "" {
			writeError(c, log, badRequest("format", "format is required: one of graphml, gexf, gexf-1.3, node-link, neo4j-csv, cypher, prov-json, prov-turtle, jsonld, dataset, records, neo4j-store, neo4j-store-cypher"))
			return
		}
		info, err := export.LookupFormat(name)
		if err != nil {
			writeError(c, log, badRequest("format", graph.ErrorMessage(err)))
			return
		}
		if err := checkExportParams(v); err != nil {
			writeError(c, log, err)
			return
		}
		f, err := export.ParseFilter(v)
		var pe *export.ParamError
		if errors.As(err, &pe) {
			writeError(c, log, badRequest(pe.Param, pe.Message))
			return
		}
		if info.Name == export.FormatRecords && !f.IsWhole() {
			writeError(c, log, badRequest("format", "the "+info.Name+" format is the whole store: drop the filters"))
			return
		}
		out := &lazyBody{c: c, mediaType: info.MediaType, file: info.FileName}
		var dir export.Dir = export.OneFile(out)
		var zw *zip.Writer
		if info.Multi() {
			out.file = "claimgraph-" + info.Name + ".zip"
			zw = zip.NewWriter(out)
			dir = zw
		}
		meta := export.Meta{Version: export.BuildVersion(), Extractor: export.DefaultExtractor, Store: storeKind(store), Created: time.Now().UTC()}
		_, err = export.Export(c.Request.Context(), store, info.Name, f, meta, dir)
		if err == nil && zw != nil {
			err = zw.Close()
		}
		if err != nil {
			if !out.started {
				writeError(c, log, err)
				return
			}
			log.ErrorContext(c.Request.Context(), "export cut short", "request_id", requestID(c), "format", info.Name, "err", err)
			c.Abort()
		}
	}
}

// storeKind names the store's backend for the export's metadata.
func storeKind(s graph.Store) string {
	switch s.(type) {
	case interface{ Path() string }:
		return "embedded"
	}
	return "graph store"
}

// lazyBody writes the response headers with the first byte, so an error found before
// it can still be answered with a problem.
type lazyBody struct {
	c               *gin.Context
	mediaType, file string
	started         bool
}

func (b *lazyBody) Write(p []byte) (int, error) {
	if !b.started {
		b.started = true
		h := b.c.Writer.Header()
		h.Set("Content-Type", b.mediaType)
		h.Set("Content-Disposition", `attachment; filename="`+b.file+`"`)
		h.Set("Cache-Control", "no-store")
		b.c.Status(http.StatusOK)
	}
	return b.c.Writer.Write(p)
}

// ExportDatePattern is the form of from and to: empty (no bound), YYYY, YYYY-MM or
// YYYY-MM-DD, as the OpenAPI document states it.
const ExportDatePattern = `^([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)?$`

var validExportDate = regexp.MustCompile(ExportDatePattern)

// checkExportParams applies to the export's filters the rules of the same parameters
// of /v1/claims and /v1/subgraph, which the document states as patterns and lengths;
// export.ParseFilter then checks how they combine.
func checkExportParams(v url.Values) error {
	if _, err := parseText(v, "q"); err != nil {
		return err
	}
	for _, p := range []struct{ name, prefix, what string }{
		{"speaker", graph.PrefixAgent, "an agent"}, {"article", graph.PrefixArticle, "an article"}, {"outlet", graph.PrefixOutlet, "an outlet"},
	} {
		if _, err := parseIDParam(v, p.name, p.prefix, p.what); err != nil {
			return err
		}
	}
	if v.Has("root") {
		if err := checkRoot(v.Get("root")); err != nil {
			return err
		}
	}
	for _, name := range []string{"from", "to"} {
		if !validExportDate.MatchString(v.Get(name)) {
			return badRequest(name, name+" must be YYYY, YYYY-MM or YYYY-MM-DD")
		}
	}
	return nil
}
