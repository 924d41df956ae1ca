package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
)

// runBackup writes a consistent copy of the embedded store to --out (embedded.Store.Backup).
func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := storeFlag(fs)
	out := fs.String("out", "", "the backup file to write (required; replaced atomically when it exists)")
	server := fs.String("server", "", "take the backup from a running claimgraph serve at this URL (GET /v1/backup, key from CLAIMGRAPH_API_KEY) instead of opening the store")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimgraph backup [--data DIR | --server URL] --out FILE")
		fmt.Fprintln(stderr, "Copies the embedded store to FILE as it is at one moment, in one read transaction:")
		fmt.Fprintln(stderr, "every article whole, even while other writes run. A running server holds the store's")
		fmt.Fprintln(stderr, "lock: take its backup with --server. Restore it with claimgraph restore.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() != 0 {
		fs.Usage()
		return fmt.Errorf("give the backup file with --out FILE")
	}
	if *server != "" {
		if *data != "" {
			return fmt.Errorf("--data and --server both name the store: give one")
		}
		st, err := backupFromServer(ctx, *server, osGetenv("CLAIMGRAPH_API_KEY"), *out)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "backed up %d articles, %d claims, %d statements from %s to %s\n", st.Articles, st.Claims, st.Statements, *server, *out)
		return nil
	}
	cfg, err := embeddedOnly("backup", *data)
	if err != nil {
		return err
	}
	s, err := embedded.Open(ctx, cfg.Path, nil)
	if err != nil {
		return fmt.Errorf("%s: %s", graph.ErrorMessage(err), lockHint(err))
	}
	defer s.Close(context.WithoutCancel(ctx))
	fmt.Fprintln(stderr, "claimgraph backup:", cfg)
	info, err := s.BackupFile(ctx, *out)
	if err != nil {
		return fmt.Errorf("backup to %s: %s", *out, graph.ErrorMessage(err))
	}
	fmt.Fprintf(stdout, "backed up %d articles, %d claims, %d statements (%d bytes) to %s\n",
		info.Stats.Articles, info.Stats.Claims, info.Stats.Statements, info.Bytes, *out)
	return nil
}

// runRestore puts a backup in place of the embedded store (embedded.Restore).
func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := storeFlag(fs)
	in := fs.String("in", "", "the backup file to restore (required)")
	force := fs.Bool("force", false, "replace a store that holds articles")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimgraph restore [--data DIR] [--force] --in FILE")
		fmt.Fprintln(stderr, "Checks FILE (a claimgraph backup of this version, pages consistent) and puts it in place")
		fmt.Fprintln(stderr, "of the embedded store. The store must not be open (stop the server first); a store that")
		fmt.Fprintln(stderr, "holds articles is replaced only with --force.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *in == "" || fs.NArg() != 0 {
		fs.Usage()
		return fmt.Errorf("give the backup file with --in FILE")
	}
	cfg, err := embeddedOnly("restore", *data)
	if err != nil {
		return err
	}
	fmt.Fprintln(stderr, "claimgraph restore:", cfg)
	st, err := embedded.Restore(ctx, *in, cfg.Path, *force)
	if err != nil {
		return fmt.Errorf("restore %s: %s: %s", *in, graph.ErrorMessage(err), lockHint(err))
	}
	fmt.Fprintf(stdout, "restored %d articles, %d claims, %d statements into %s\n", st.Articles, st.Claims, st.Statements, cfg.Path)
	return nil
}

// embeddedOnly resolves the store of a command that works on the embedded store only.
func embeddedOnly(cmd, data string) (storeConfig, error) {
	cfg, err := resolveStore(osGetenv, data)
	if err != nil {
		return cfg, err
	}
	if cfg.Backend != "embedded" {
		return cfg, fmt.Errorf("%s works on the embedded store, but NEO4J_URI is set: unset it, or for Neo4j use `claimgraph export --format records` (and import) or neo4j-admin database dump", cmd)
	}
	return cfg, nil
}

// lockHint says what to do about an error opening the store.
func lockHint(err error) string {
	if strings.Contains(graph.ErrorMessage(err), "locked") {
		return "a running claimgraph (serve or ingest) has the store open: stop it first, or use another --data directory"
	}
	return "check the file and directory, or choose another with --data or CLAIMGRAPH_DATA"
}

// backupFromServer downloads GET /v1/backup of a running server to out: into a
// temporary file beside it, checked (embedded.CheckBackup) and renamed into place.
func backupFromServer(ctx context.Context, server, key, out string) (graph.Stats, error) {
	if key == "" {
		return graph.Stats{}, fmt.Errorf("set CLAIMGRAPH_API_KEY to one of the server's API keys")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(server, "/")+"/v1/backup", nil)
	if err != nil {
		return graph.Stats{}, fmt.Errorf("--server %q is not a URL: %w", server, err)
	}
	req.Header.Set("Authorization", "Bearer "+key)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return graph.Stats{}, fmt.Errorf("reach %s: %w", server, err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		var p api.Problem
		_ = json.NewDecoder(io.LimitReader(res.Body, 1<<16)).Decode(&p)
		return graph.Stats{}, fmt.Errorf("%s answered %d: %s", server, res.StatusCode, p.Detail)
	}
	dir := filepath.Dir(out)
	f, err := os.CreateTemp(dir, "."+filepath.Base(out)+".tmp-*")
	if err != nil {
		return graph.Stats{}, fmt.Errorf("create a file in %s (is it writable?): %w", dir, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // a no-op once renamed
	if _, err := io.Copy(f, res.Body); err != nil {
		_ = f.Close()
		return graph.Stats{}, fmt.Errorf("download the backup from %s: %w", server, err)
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return graph.Stats{}, fmt.Errorf("sync %s: %w", tmp, err)
	}
	if err := f.Close(); err != nil {
		return graph.Stats{}, err
	}
	st, err := embedded.CheckBackup(ctx, tmp)
	if err != nil {
		return graph.Stats{}, fmt.Errorf("the backup from %s is not usable: %s", server, graph.ErrorMessage(err))
	}
	if err := os.Rename(tmp, out); err != nil {
		return graph.Stats{}, fmt.Errorf("move the backup to %s: %w", out, err)
	}
	return st, nil
}
