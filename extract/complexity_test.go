package extract

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// maxComplexity is the highest cyclomatic complexity a function of the extractor may
// have (issue 7, item 6: the functions of complexity 48–76 were broken up). A rule
// that outgrows it is split into named steps, each of which can be read and tested.
const maxComplexity = 47

// cyclomatic returns a function's cyclomatic complexity, counted the way gocyclo
// counts it: one, plus one per if, for, range, non-default case and select case, and
// per && or ||.
func cyclomatic(fn *ast.FuncDecl) int {
	n := 1
	ast.Inspect(fn, func(node ast.Node) bool {
		switch x := node.(type) {
		case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt:
			n++
		case *ast.CaseClause:
			if x.List != nil {
				n++
			}
		case *ast.CommClause:
			if x.Comm != nil {
				n++
			}
		case *ast.BinaryExpr:
			if x.Op == token.LAND || x.Op == token.LOR {
				n++
			}
		}
		return true
	})
	return n
}

// TestCyclomatic checks that the complexity counter counts each kind of branch once.
func TestCyclomatic(t *testing.T) {
	const src = `package p
func f(a, b bool, xs []int, c chan int) {
	if a && b || a {
	}
	for i := 0; i < 1; i++ {
	}
	for range xs {
	}
	switch {
	case a:
	case b:
	default:
	}
	select {
	case <-c:
	default:
	}
}`
	file, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	require.NoError(t, err)
	// 1 + if + && + || + for + range + 2 cases + 1 select case
	require.Equal(t, 9, cyclomatic(file.Decls[0].(*ast.FuncDecl)))
}

// TestNoFunctionTooComplex fails when a function of the extractor's packages (tests
// excluded) has a cyclomatic complexity above maxComplexity.
func TestNoFunctionTooComplex(t *testing.T) {
	var over []string
	forEachProductionFile(t, nil, func(fset *token.FileSet, file *ast.File) {
		for _, decl := range file.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok {
				if c := cyclomatic(fn); c > maxComplexity {
					over = append(over, fset.Position(fn.Pos()).String()+" "+fn.Name.Name)
				}
			}
		}
	})
	require.Empty(t, over, "functions above cyclomatic complexity %d: split them into named steps", maxComplexity)
}

// forEachProductionFile parses every Go file of the extractor's packages below this
// directory, tests and testdata aside, and of no directory named in skip, and hands it
// to visit.
func forEachProductionFile(t *testing.T, skip []string, visit func(*token.FileSet, *ast.File)) {
	t.Helper()
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || slices.Contains(skip, d.Name())) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		visit(fset, file)
		return nil
	})
	require.NoError(t, err)
}
