package api

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/gin-gonic/gin"
)

// MinKeyLength is the shortest API key accepted in configuration.
const MinKeyLength = 16

// Scope says what a key may do. Every scope may do what the ones before it may.
type Scope string

// Scopes, least to most.
const (
	// ScopeIngest posts articles, and replaces only the articles it wrote itself.
	ScopeIngest Scope = "ingest"
	// ScopeAdmin also replaces any article and reads the audit log.
	ScopeAdmin Scope = "admin"
)

// covers reports whether a key of scope s may do what needs scope need.
func (s Scope) covers(need Scope) bool {
	return s == need || s == ScopeAdmin
}

// validKeyName is the form of a key's name: it is stored on articles and in the audit
// log, so it is short and plain.
var validKeyName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// APIKey is one configured key: the name the audit log and the articles it writes
// carry (never the value), its scope, and its secret value.
type APIKey struct {
	Name  string
	Scope Scope
	Value string
}

// Principal is who a valid key says the caller is.
type Principal struct {
	Name  string `json:"name"`
	Scope Scope  `json:"scope"`
}

// ParseKey reads one key of configuration. "NAME:SCOPE:VALUE" (scope ingest or admin)
// is a named key; anything else is a plain key, as configured before keys had names:
// scope ingest, named "key-" and the first 12 hex digits of the value's SHA-256, so
// that its name stays the same wherever it is listed.
func ParseKey(s string) APIKey {
	if parts := strings.SplitN(s, ":", 3); len(parts) == 3 && validKeyName.MatchString(parts[0]) &&
		(Scope(parts[1]) == ScopeIngest || Scope(parts[1]) == ScopeAdmin) {
		return APIKey{Name: parts[0], Scope: Scope(parts[1]), Value: parts[2]}
	}
	return APIKey{Name: plainKeyName(s), Scope: ScopeIngest, Value: s}
}

// plainKeyName names a key configured without a name by a fingerprint of its value.
func plainKeyName(value string) string {
	d := sha256.Sum256([]byte(value))
	return "key-" + hex.EncodeToString(d[:6])
}

// KeySet holds the API keys, as SHA-256 digests of their values with their names and
// scopes: comparing digests of equal length in constant time leaks neither a key's
// content nor its length. A KeySet never changes; a Keyring swaps whole sets.
type KeySet struct {
	keys []keyEntry
}

type keyEntry struct {
	digest [sha256.Size]byte
	who    Principal
}

// NewKeySet builds a key set of plain keys (ParseKey names them; scope ingest). Every
// key must be at least MinKeyLength characters without spaces.
func NewKeySet(keys ...string) (*KeySet, error) {
	ks := make([]APIKey, len(keys))
	for i, k := range keys {
		ks[i] = APIKey{Name: plainKeyName(k), Scope: ScopeIngest, Value: k}
	}
	return NewScopedKeySet(ks...)
}

// NewScopedKeySet builds a key set of named keys. Names must match
// [A-Za-z0-9][A-Za-z0-9._-]{0,63} and be distinct, scopes be ingest or admin, values
// be at least MinKeyLength characters without spaces and distinct.
func NewScopedKeySet(keys ...APIKey) (*KeySet, error) {
	ks := &KeySet{}
	names := map[string]bool{}
	values := map[[sha256.Size]byte]bool{}
	for i, k := range keys {
		switch {
		case !validKeyName.MatchString(k.Name):
			return nil, fmt.Errorf("API key %d: name %q must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit", i+1, k.Name)
		case k.Scope != ScopeIngest && k.Scope != ScopeAdmin:
			return nil, fmt.Errorf("API key %d (%s): scope %q must be ingest or admin", i+1, k.Name, k.Scope)
		case len(k.Value) < MinKeyLength:
			return nil, fmt.Errorf("API key %d (%s) is %d characters long; use at least %d", i+1, k.Name, len(k.Value), MinKeyLength)
		case strings.ContainsAny(k.Value, " \t\r\n"):
			return nil, fmt.Errorf("API key %d (%s) contains white space", i+1, k.Name)
		case names[k.Name]:
			return nil, fmt.Errorf("API key %d: the name %s is given twice; names must be distinct", i+1, k.Name)
		}
		d := sha256.Sum256([]byte(k.Value))
		if values[d] {
			return nil, fmt.Errorf("API key %d (%s) has the value of an earlier key; values must be distinct", i+1, k.Name)
		}
		names[k.Name], values[d] = true, true
		ks.keys = append(ks.keys, keyEntry{digest: d, who: Principal{Name: k.Name, Scope: k.Scope}})
	}
	return ks, nil
}

// Len returns the number of keys.
func (ks *KeySet) Len() int { return len(ks.keys) }

// Principals lists the keys' names and scopes, by name: what start-up prints, since
// names are not secret.
func (ks *KeySet) Principals() []Principal {
	out := make([]Principal, len(ks.keys))
	for i, k := range ks.keys {
		out[i] = k.who
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Describe says which keys are configured, names and scopes only: "3 (ops: admin,
// bot: ingest, key-0a1b2c3d4e5f: ingest)".
func (ks *KeySet) Describe() string {
	if ks.Len() == 0 {
		return "none"
	}
	var b strings.Builder
	for i, p := range ks.Principals() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(p.Name + ": " + string(p.Scope))
	}
	return fmt.Sprintf("%d (%s; values hidden)", ks.Len(), b.String())
}

// Lookup returns who key belongs to. It compares against every key, so its time does
// not depend on which key matched.
func (ks *KeySet) Lookup(key string) (Principal, bool) {
	d := sha256.Sum256([]byte(key))
	var who Principal
	match := 0
	for i := range ks.keys {
		eq := subtle.ConstantTimeCompare(d[:], ks.keys[i].digest[:])
		if eq == 1 {
			who = ks.keys[i].who
		}
		match |= eq
	}
	return who, match == 1
}

// Valid reports whether key is one of the set.
func (ks *KeySet) Valid(key string) bool {
	_, ok := ks.Lookup(key)
	return ok
}

// Current returns ks itself: a fixed KeySet is a KeySource that never changes.
func (ks *KeySet) Current() *KeySet { return ks }

// KeySource gives the keys in force now. *KeySet is a fixed one; *Keyring re-reads
// its file, so keys rotate without a restart.
type KeySource interface {
	Current() *KeySet
}

// Environment variables that configure the keys.
const (
	EnvAPIKeys     = "CLAIMGRAPH_API_KEYS"
	EnvAPIKeysFile = "CLAIMGRAPH_API_KEYS_FILE"
)

// LoadKeys reads API keys from CLAIMGRAPH_API_KEYS (comma-separated) and from the file
// named by CLAIMGRAPH_API_KEYS_FILE (one key per line; blank lines and lines starting
// with # are skipped), through getenv. Each key is NAME:SCOPE:VALUE or a plain value
// (see ParseKey).
func LoadKeys(getenv func(string) string) (*KeySet, error) {
	var keys []APIKey
	for _, k := range strings.Split(getenv(EnvAPIKeys), ",") {
		if k = strings.TrimSpace(k); k != "" {
			keys = append(keys, ParseKey(k))
		}
	}
	if path := strings.TrimSpace(getenv(EnvAPIKeysFile)); path != "" {
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", EnvAPIKeysFile, err)
		}
		fileKeys, err := parseKeyFile(raw)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", EnvAPIKeysFile, path, err)
		}
		keys = append(keys, fileKeys...)
	}
	return NewScopedKeySet(keys...)
}

// parseKeyFile reads one key a line, skipping blank lines and # comments.
func parseKeyFile(raw []byte) ([]APIKey, error) {
	var keys []APIKey
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		keys = append(keys, ParseKey(line))
	}
	return keys, sc.Err()
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

const ctxPrincipal = "claimgraph.principal"

// principal returns who the request's key belongs to (set by requireKey).
func principal(c *gin.Context) (Principal, bool) {
	p, ok := c.Get(ctxPrincipal)
	if !ok {
		return Principal{}, false
	}
	who, ok := p.(Principal)
	return who, ok
}

// requireKey lets a request through only with a valid API key of a scope that covers
// need: 401 without a key, 403 with a wrong one or one of too narrow a scope. The
// keys are read from keys on every request, so a rotation applies at once.
func requireKey(keys KeySource, need Scope) gin.HandlerFunc {
	return func(c *gin.Context) {
		key, ok := presentedKey(c.Request)
		if !ok {
			c.Header("WWW-Authenticate", `Bearer realm="claimgraph"`)
			writeProblem(c, http.StatusUnauthorized, "", "This endpoint needs an API key: send Authorization: Bearer KEY or X-API-Key: KEY.")
			return
		}
		who, ok := keys.Current().Lookup(key)
		if !ok {
			writeProblem(c, http.StatusForbidden, "", "The API key is not valid.")
			return
		}
		if !who.Scope.covers(need) {
			writeProblem(c, http.StatusForbidden, "", fmt.Sprintf("The API key %s has scope %s; this endpoint needs scope %s.", who.Name, who.Scope, need))
			return
		}
		c.Set(ctxPrincipal, who)
		c.Next()
	}
}
