package api

import (
	"bufio"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"net/http"
	"os"
	"strings"

	"github.com/gin-gonic/gin"
)

// MinKeyLength is the shortest API key accepted in configuration.
const MinKeyLength = 16

// KeySet holds the API keys that may write, as SHA-256 digests: comparing digests of
// equal length in constant time leaks neither a key's content nor its length.
type KeySet struct {
	digests [][sha256.Size]byte
}

// NewKeySet builds a key set. Every key must be at least MinKeyLength characters
// without spaces.
func NewKeySet(keys ...string) (*KeySet, error) {
	ks := &KeySet{}
	for i, k := range keys {
		if len(k) < MinKeyLength {
			return nil, fmt.Errorf("API key %d is %d characters long; use at least %d", i+1, len(k), MinKeyLength)
		}
		if strings.ContainsAny(k, " \t\r\n") {
			return nil, fmt.Errorf("API key %d contains white space", i+1)
		}
		ks.digests = append(ks.digests, sha256.Sum256([]byte(k)))
	}
	return ks, nil
}

// Len returns the number of keys.
func (ks *KeySet) Len() int { return len(ks.digests) }

// Valid reports whether key is one of the set. It compares against every key, so its
// time does not depend on which key matched.
func (ks *KeySet) Valid(key string) bool {
	d := sha256.Sum256([]byte(key))
	match := 0
	for i := range ks.digests {
		match |= subtle.ConstantTimeCompare(d[:], ks.digests[i][:])
	}
	return match == 1
}

// LoadKeys reads API keys from CLAIMGRAPH_API_KEYS (comma-separated) and from the file
// named by CLAIMGRAPH_API_KEYS_FILE (one key per line; blank lines and lines starting
// with # are skipped), through getenv.
func LoadKeys(getenv func(string) string) (*KeySet, error) {
	var keys []string
	for _, k := range strings.Split(getenv("CLAIMGRAPH_API_KEYS"), ",") {
		if k = strings.TrimSpace(k); k != "" {
			keys = append(keys, k)
		}
	}
	if path := strings.TrimSpace(getenv("CLAIMGRAPH_API_KEYS_FILE")); path != "" {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("CLAIMGRAPH_API_KEYS_FILE: %w", err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			keys = append(keys, line)
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("CLAIMGRAPH_API_KEYS_FILE %s: %w", path, err)
		}
	}
	return NewKeySet(keys...)
}

// presentedKey returns the key a request carries: "Authorization: Bearer KEY" or
// "X-API-Key: KEY".
func presentedKey(r *http.Request) (string, bool) {
	if k := r.Header.Get("X-API-Key"); k != "" {
		return k, true
	}
	if a := r.Header.Get("Authorization"); a != "" {
		scheme, k, ok := strings.Cut(a, " ")
		if ok && strings.EqualFold(scheme, "Bearer") && strings.TrimSpace(k) != "" {
			return strings.TrimSpace(k), true
		}
		return "", true // a malformed credential is a wrong one, not a missing one
	}
	return "", false
}

// requireKey lets a request through only with a valid API key: 401 without one, 403
// with a wrong one.
func requireKey(keys *KeySet) gin.HandlerFunc {
	return func(c *gin.Context) {
		key, ok := presentedKey(c.Request)
		if !ok {
			c.Header("WWW-Authenticate", `Bearer realm="claimgraph"`)
			writeProblem(c, http.StatusUnauthorized, "", "This endpoint needs an API key: send Authorization: Bearer KEY or X-API-Key: KEY.")
			return
		}
		if !keys.Valid(key) {
			writeProblem(c, http.StatusForbidden, "", "The API key is not valid.")
			return
		}
		c.Next()
	}
}
