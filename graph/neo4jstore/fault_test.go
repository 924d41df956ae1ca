package neo4jstore

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// boltCommit is a Bolt COMMIT message as the driver sends it: a chunk of two bytes
// (a struct of no fields, signature 0x12), then the end-of-message marker.
var boltCommit = []byte{0x00, 0x02, 0xB0, 0x12, 0x00, 0x00}

// boltBookmark is in the server's SUCCESS answer to a COMMIT (its "bookmark" field).
var boltBookmark = []byte("bookmark")

// commitCutter is a TCP proxy in front of Neo4j that, once armed, lets the next COMMIT
// through to the server, waits for the server's answer that the transaction committed
// (its bookmark; the answers to messages sent before it pass) and, instead of passing
// it on, drops both connections: the client sees its connection fail during COMMIT
// and cannot know whether the transaction committed.
type commitCutter struct {
	ln     net.Listener
	target string
	armed  atomic.Bool
	cuts   atomic.Int32
	wg     sync.WaitGroup
}

func newCommitCutter(t *testing.T, target string) *commitCutter {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	p := &commitCutter{ln: ln, target: target}
	p.wg.Add(1)
	go p.serve()
	t.Cleanup(func() { _ = ln.Close(); p.wg.Wait() })
	return p
}

func (p *commitCutter) addr() string { return p.ln.Addr().String() }

func (p *commitCutter) serve() {
	defer p.wg.Done()
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return // listener closed
		}
		p.wg.Add(1)
		go func() { defer p.wg.Done(); p.handle(c) }()
	}
}

// handle relays one client connection.
func (p *commitCutter) handle(client net.Conn) {
	defer client.Close()
	server, err := net.Dial("tcp", p.target)
	if err != nil {
		return
	}
	defer server.Close()
	var cut atomic.Bool // a COMMIT went through: drop the server's answer and both connections
	done := make(chan struct{})
	go func() { // server → client
		defer close(done)
		buf := make([]byte, 32<<10)
		var tail []byte // the end of the previous read, for a bookmark split across reads
		for {
			n, err := server.Read(buf)
			seen := append(tail, buf[:n]...)
			tail = append([]byte(nil), seen[max(0, len(seen)-len(boltBookmark)):]...)
			if n > 0 && cut.Load() && bytes.Contains(seen, boltBookmark) {
				p.cuts.Add(1)
				_ = client.Close()
				_ = server.Close()
				return
			}
			if n > 0 {
				if _, werr := client.Write(buf[:n]); werr != nil {
					return
				}
			}
			if err != nil {
				_ = client.Close()
				return
			}
		}
	}()
	buf := make([]byte, 32<<10)
	var tail []byte // the end of the previous read, for a COMMIT split across reads
	for {
		n, err := client.Read(buf)
		if n > 0 {
			seen := append(tail, buf[:n]...)
			if p.armed.Load() && bytes.Contains(seen, boltCommit) && p.armed.CompareAndSwap(true, false) {
				cut.Store(true)
			}
			if _, werr := server.Write(buf[:n]); werr != nil {
				break
			}
			tail = append([]byte(nil), seen[max(0, len(seen)-len(boltCommit)):]...)
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				_ = server.Close()
			}
			break
		}
	}
	_ = server.Close()
	<-done
}

// A connection dropped during COMMIT, after the server committed, leaves exactly one
// copy of what was written: PutArticle and Batch run the transaction again, which
// finds the articles stored (Created false) and changes nothing.
func TestCommitConnectionDropped(t *testing.T) {
	direct := newTestStore(t)
	u, err := url.Parse(direct.Config().URI)
	require.NoError(t, err)
	if u.Scheme != "bolt" {
		t.Skipf("NEO4J_URI %s is not bolt://: the proxy relays one server", direct.Config().URI)
	}
	proxy := newCommitCutter(t, u.Host)
	cfg := direct.Config()
	cfg.URI = "bolt://" + proxy.addr()
	s, err := New(t.Context(), cfg)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	gaza := storetest.Gaza()

	proxy.armed.Store(true)
	res, err := s.PutArticle(t.Context(), gaza[0])
	require.NoError(t, err, "PutArticle is retried after its COMMIT's connection dropped")
	assert.Equal(t, int32(1), proxy.cuts.Load(), "the proxy cut one COMMIT")
	assert.False(t, res.Created, "the retry found the article committed by the first attempt")

	proxy.armed.Store(true)
	calls := 0
	var created []bool
	err = s.Batch(t.Context(), func(ctx context.Context, tx graph.Store) error {
		calls++
		created = created[:0]
		for _, g := range gaza[1:] {
			r, err := tx.PutArticle(ctx, g)
			if err != nil {
				return err
			}
			created = append(created, r.Created)
		}
		return nil
	})
	require.NoError(t, err, "Batch is retried after its COMMIT's connection dropped")
	assert.Equal(t, int32(2), proxy.cuts.Load(), "the proxy cut a second COMMIT")
	assert.Equal(t, 2, calls, "the batch ran again")
	assert.Equal(t, []bool{false, false}, created, "the retry found the batch committed")

	st, err := direct.Stats(t.Context())
	require.NoError(t, err)
	assert.Equal(t, storetest.ExpectedStats(gaza), st, "one copy of everything")
	for _, g := range gaza {
		got, err := direct.ArticleGraph(t.Context(), g.Article.ID)
		require.NoError(t, err)
		assert.Equal(t, graph.Canonical(g).Statements, got.Statements, "article %s", g.Article.ID)
	}
}
