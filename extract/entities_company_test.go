package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Each rule of entities_company.go has its fixture file, named after the rule.
func TestCompanyRulesHaveFixtures(t *testing.T) {
	for _, c := range []struct{ dir, name string }{
		{"entities", companyByContext.name},
		{"speakers", companyNominal.name},
	} {
		p := filepath.Join("testdata", "rules", c.dir, strings.ReplaceAll(c.name, " ", "-")+".tsv")
		_, err := os.Stat(p)
		assert.NoError(t, err, "rule %q needs its fixture file %s", c.name, p)
	}
}

// companyPhraseAt reads a definite business noun phrase only where its noun phrase ends.
func TestCompanyPhraseAt(t *testing.T) {
	for _, c := range []struct {
		text, want string
	}{
		{"the company said", "company"},
		{"the troubled carmaker denied it", "carmaker"},
		{"the firm's shares fell", "firm"},
		{"the company town grew", ""},
		{"the firm of lawyers", ""},
		{"the new plan said", ""},
		{"a company said", ""},
	} {
		r := []rune(c.text)
		toks := scanRunes(r, 0, len(r))
		_, _, noun, ok := companyPhraseAt(toks, 0)
		if c.want == "" {
			assert.False(t, ok, "%q", c.text)
			continue
		}
		assert.True(t, ok, "%q", c.text)
		assert.Equal(t, c.want, noun, "%q", c.text)
	}
}
