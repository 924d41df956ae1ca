package api

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/gin-gonic/gin"
)

//go:embed openapi.yaml
var openapiYAML []byte

var (
	openapiOnce sync.Once
	openapiDoc  *openapi3.T
	openapiJSON []byte
	openapiErr  error
)

// OpenAPI returns the API's OpenAPI 3.1 document, loaded and validated from the
// embedded openapi.yaml, and its JSON form.
func OpenAPI() (*openapi3.T, []byte, error) {
	openapiOnce.Do(func() {
		loader := openapi3.NewLoader()
		doc, err := loader.LoadFromData(openapiYAML)
		if err != nil {
			openapiErr = fmt.Errorf("api: openapi.yaml: %w", err)
			return
		}
		if err := doc.Validate(context.Background()); err != nil {
			openapiErr = fmt.Errorf("api: openapi.yaml is not valid: %w", err)
			return
		}
		b, err := json.Marshal(doc)
		if err != nil {
			openapiErr = fmt.Errorf("api: openapi.yaml: %w", err)
			return
		}
		openapiDoc, openapiJSON = doc, b
	})
	return openapiDoc, openapiJSON, openapiErr
}

// handleOpenAPI serves GET /openapi.json.
func handleOpenAPI() gin.HandlerFunc {
	return func(c *gin.Context) {
		_, b, err := OpenAPI()
		if err != nil {
			// The document is embedded and checked by tests: this is a build defect.
			writeProblem(c, http.StatusInternalServerError, "", "Internal error.")
			return
		}
		c.Data(http.StatusOK, "application/json; charset=utf-8", b)
	}
}
