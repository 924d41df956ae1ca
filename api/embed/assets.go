package embed

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/gin-gonic/gin"
)

// asset is one static file of the widget, with its gzip form prepared once.
type asset struct {
	contentType []string // a header value (fixedHeader)
	plain       *rendered
	gzipped     *rendered
}

var (
	hdrGzip               = fixedHeader("gzip")
	hdrVaryOriginEncoding = []string{"Origin", "Accept-Encoding"}[:2:2]
)

// assetTypes gives the content type of each kind of asset file.
var assetTypes = map[string]string{
	".js":  "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
}

// loadAssets reads the embedded asset files and compresses each once.
func loadAssets() (map[string]*asset, error) {
	out := map[string]*asset{}
	entries, err := fs.ReadDir(files, "assets")
	if err != nil {
		return nil, fmt.Errorf("embed: assets: %w", err)
	}
	for _, e := range entries {
		ct, ok := assetTypes[path.Ext(e.Name())]
		if !ok || e.IsDir() {
			continue
		}
		b, err := fs.ReadFile(files, "assets/"+e.Name())
		if err != nil {
			return nil, fmt.Errorf("embed: assets: %w", err)
		}
		gz, err := gzipBytes(b)
		if err != nil {
			return nil, fmt.Errorf("embed: compressing %s: %w", e.Name(), err)
		}
		out[e.Name()] = &asset{contentType: fixedHeader(ct), plain: newRendered(b, nil), gzipped: newRendered(gz, nil)}
	}
	return out, nil
}

// gzipBytes compresses b at the best compression: assets are compressed once.
func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip (and does not
// refuse it with q=0).
func acceptsGzip(header string) bool {
	for header != "" {
		var part string
		part, header, _ = strings.Cut(header, ",")
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), "gzip") {
			continue
		}
		q := strings.ReplaceAll(params, " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}

// Asset serves GET /widget/{file}: the web component (claim-provenance.js), the
// iframe card's script and stylesheet (embed-frame.js, card.css) and the resizer
// for embedding pages (embed-resize.js), gzipped when the client accepts it. Each
// encoding has its own strong ETag. Query parameters are ignored.
func (h *Handler) Asset() gin.HandlerFunc {
	return func(c *gin.Context) {
		a, ok := h.assets[c.Param("file")]
		if !ok {
			h.deps.WriteProblem(c, 404, "", "No widget file "+clip(c.Param("file"), 60)+"; the files are "+strings.Join(AssetNames(), ", ")+".")
			return
		}
		hd := c.Writer.Header()
		if v := hd["Vary"]; len(v) == 1 && v[0] == "Origin" {
			hd["Vary"] = hdrVaryOriginEncoding // what every answer has (withCORS), without an append
		} else {
			hd["Vary"] = append(v, "Accept-Encoding")
		}
		hd["Cross-Origin-Resource-Policy"] = hdrCrossOrigin
		r := a.plain
		if acceptsGzip(c.GetHeader("Accept-Encoding")) {
			r = a.gzipped
			hd["Content-Encoding"] = hdrGzip
		}
		sendCached(c, a.contentType, hdrCacheAsset, r)
	}
}

// AssetNames lists the files served under /widget/, sorted.
func AssetNames() []string {
	entries, _ := fs.ReadDir(files, "assets")
	var out []string
	for _, e := range entries {
		if _, ok := assetTypes[path.Ext(e.Name())]; ok && !e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out
}
