package extract

import (
	"go/ast"
	"go/token"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestNoWordListInCode fails when a production file of the extractor (scoring,
// training and error-analysis code under eval/, internal/train and
// internal/attriberrs aside) spells a word list as a map literal keyed by words
// (map[string]bool{"word": true, ...}, map[string]int{"Army": 1}): every word list
// lives in lexicon/, with its documentation, read by the one loader (issue 7, item 6).
// Maps keyed by the names of a list's classes, whose values are code, are no word
// lists.
func TestNoWordListInCode(t *testing.T) {
	var found []string
	forEachProductionFile(t, []string{"eval", "attriberrs", "train"}, func(fset *token.FileSet, file *ast.File) {
		ast.Inspect(file, func(n ast.Node) bool {
			if lit, ok := n.(*ast.CompositeLit); ok && wordSetLiteral(lit) {
				found = append(found, fset.Position(lit.Pos()).String())
			}
			return true
		})
	})
	require.Empty(t, found, "word lists spelled in code: move them to a list in lexicon/")
}

// wordSetLiteral reports whether lit is a map literal keyed by string literals whose
// values are all literals (strings, numbers, true, false, nil or literal lists).
func wordSetLiteral(lit *ast.CompositeLit) bool {
	if _, ok := lit.Type.(*ast.MapType); !ok || len(lit.Elts) == 0 {
		return false
	}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return false
		}
		if b, ok := kv.Key.(*ast.BasicLit); !ok || b.Kind != token.STRING || !literalValue(kv.Value) {
			return false
		}
	}
	return true
}

// literalValue reports whether e is a literal: a basic literal, true, false, nil, or a
// composite literal of literals.
func literalValue(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		return x.Name == "true" || x.Name == "false" || x.Name == "nil"
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			if !literalValue(el) {
				return false
			}
		}
		return true
	}
	return false
}
