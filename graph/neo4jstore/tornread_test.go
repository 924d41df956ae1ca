package neo4jstore

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimgraph/claimgraph/graph"
)

func TestReadWholeRetriesOnlyTornReads(t *testing.T) {
	dangling := graph.Wrap(graph.EINTERNAL, graph.ErrDangling, "claim c names speaker a that is not stored")
	tests := []struct {
		name      string
		errs      []error // what each attempt returns
		wantCalls int
		wantErr   error
	}{
		{"answer at once", []error{nil}, 1, nil},
		{"torn once, then whole", []error{dangling, nil}, 2, nil},
		{"dangling that persists is returned", []error{dangling, dangling, dangling, nil}, tornReadAttempts, graph.ErrDangling},
		{"other errors are not retried", []error{errors.New("boom"), nil}, 1, errors.New("boom")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			v, err := readWhole(func() (int, error) {
				err := tt.errs[calls]
				calls++
				return calls, err
			})
			assert.Equal(t, tt.wantCalls, calls)
			assert.Equal(t, calls, v)
			switch {
			case tt.wantErr == nil:
				assert.NoError(t, err)
			case errors.Is(tt.wantErr, graph.ErrDangling):
				assert.ErrorIs(t, err, graph.ErrDangling)
			default:
				assert.EqualError(t, err, tt.wantErr.Error())
			}
		})
	}
}
