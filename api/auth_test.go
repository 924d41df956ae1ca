package api

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseKey reads the two forms of a configured key: named (NAME:SCOPE:VALUE) and
// plain, which stays scope ingest as before keys had names, named by a fingerprint.
func TestParseKey(t *testing.T) {
	plain := "plain-key-0123456789abcdef"
	cases := []struct {
		in   string
		want APIKey
	}{
		{"ops:admin:ops-secret-0123456789", APIKey{Name: "ops", Scope: ScopeAdmin, Value: "ops-secret-0123456789"}},
		{"bot-1:ingest:bot-secret-0123456789", APIKey{Name: "bot-1", Scope: ScopeIngest, Value: "bot-secret-0123456789"}},
		{"bot:ingest:with:colons:0123456789", APIKey{Name: "bot", Scope: ScopeIngest, Value: "with:colons:0123456789"}},
		{plain, APIKey{Name: "key-9f0e4b4f9f28", Scope: ScopeIngest, Value: plain}},
		// Not a scope, or not a name: the whole string is a plain key.
		{"ops:root:secret-0123456789", APIKey{Name: plainKeyName("ops:root:secret-0123456789"), Scope: ScopeIngest, Value: "ops:root:secret-0123456789"}},
		{"-x:admin:secret-0123456789", APIKey{Name: plainKeyName("-x:admin:secret-0123456789"), Scope: ScopeIngest, Value: "-x:admin:secret-0123456789"}},
	}
	for _, tc := range cases {
		got := ParseKey(tc.in)
		if tc.want.Name == "key-9f0e4b4f9f28" {
			tc.want.Name = plainKeyName(plain)
		}
		assert.Equal(t, tc.want, got, tc.in)
	}
	assert.Regexp(t, `^key-[0-9a-f]{12}$`, plainKeyName(plain))
	assert.NotContains(t, plainKeyName(plain), plain)
}

// TestScopedKeySet checks lookups (name and scope of the key that matched) and the
// configuration errors.
func TestScopedKeySet(t *testing.T) {
	ks, err := NewScopedKeySet(
		APIKey{Name: "ops", Scope: ScopeAdmin, Value: "ops-secret-0123456789"},
		APIKey{Name: "bot", Scope: ScopeIngest, Value: "bot-secret-0123456789"})
	require.NoError(t, err)
	who, ok := ks.Lookup("ops-secret-0123456789")
	assert.True(t, ok)
	assert.Equal(t, Principal{Name: "ops", Scope: ScopeAdmin}, who)
	who, ok = ks.Lookup("bot-secret-0123456789")
	assert.True(t, ok)
	assert.Equal(t, Principal{Name: "bot", Scope: ScopeIngest}, who)
	_, ok = ks.Lookup("ops-secret-012345678")
	assert.False(t, ok)
	assert.Equal(t, "2 (bot: ingest, ops: admin; values hidden)", ks.Describe())
	assert.NotContains(t, ks.Describe(), "secret")
	assert.True(t, ScopeAdmin.covers(ScopeIngest))
	assert.False(t, ScopeIngest.covers(ScopeAdmin))

	bad := []struct {
		name string
		keys []APIKey
		msg  string
	}{
		{"bad name", []APIKey{{Name: "a b", Scope: ScopeIngest, Value: "v-0123456789abcdef"}}, "name"},
		{"bad scope", []APIKey{{Name: "a", Scope: "root", Value: "v-0123456789abcdef"}}, "scope"},
		{"short", []APIKey{{Name: "a", Scope: ScopeIngest, Value: "short"}}, "at least 16"},
		{"space", []APIKey{{Name: "a", Scope: ScopeIngest, Value: "has space 0123456789"}}, "white space"},
		{"same name", []APIKey{{Name: "a", Scope: ScopeIngest, Value: "v1-0123456789abcdef"}, {Name: "a", Scope: ScopeAdmin, Value: "v2-0123456789abcdef"}}, "twice"},
		{"same value", []APIKey{{Name: "a", Scope: ScopeIngest, Value: "v1-0123456789abcdef"}, {Name: "b", Scope: ScopeAdmin, Value: "v1-0123456789abcdef"}}, "distinct"},
	}
	for _, tc := range bad {
		_, err := NewScopedKeySet(tc.keys...)
		assert.ErrorContains(t, err, tc.msg, tc.name)
	}
}

// TestKeyringRotates rewrites the keys file under a watching Keyring: the new keys
// are in force, the old ones out, without a restart; a broken file keeps the keys in
// force; Reload (what SIGHUP calls) applies at once.
func TestKeyringRotates(t *testing.T) {
	file := filepath.Join(t.TempDir(), "keys")
	write := func(content string) {
		t.Helper()
		tmp := file + ".tmp"
		require.NoError(t, os.WriteFile(tmp, []byte(content), 0o600))
		require.NoError(t, os.Rename(tmp, file)) // atomic, as an operator's tool would
	}
	write("# first\nbot:ingest:old-secret-0123456789\n")
	env := map[string]string{EnvAPIKeysFile: file, EnvAPIKeys: "envkey:admin:env-secret-0123456789"}
	kr, err := NewKeyring(func(k string) string { return env[k] })
	require.NoError(t, err)
	valid := func(key string) bool { _, ok := kr.Current().Lookup(key); return ok }
	require.True(t, valid("old-secret-0123456789"))
	require.True(t, valid("env-secret-0123456789"))

	log := slog.New(slog.NewTextHandler(testWriter{t}, nil))
	ctx, stop := context.WithCancel(t.Context())
	watching := make(chan struct{})
	go func() { defer close(watching); kr.Watch(ctx, 10*time.Millisecond, log) }()

	write("bot:ingest:new-secret-0123456789\nops:admin:ops-secret-0123456789\n")
	require.Eventually(t, func() bool { return valid("new-secret-0123456789") }, 5*time.Second, 10*time.Millisecond, "the watcher loads the new file")
	assert.False(t, valid("old-secret-0123456789"), "the old key is out")
	assert.True(t, valid("ops-secret-0123456789"))
	assert.True(t, valid("env-secret-0123456789"), "environment keys stay")

	write("bot:ingest:short\n") // invalid: the keys in force stay
	time.Sleep(100 * time.Millisecond)
	assert.True(t, valid("new-secret-0123456789"))
	stop()
	<-watching
	// Reload is what SIGHUP calls; the watcher is stopped so that it cannot take the
	// change first.
	_, err = kr.Reload()
	assert.ErrorContains(t, err, "at least 16")
	assert.True(t, valid("new-secret-0123456789"))

	write("bot:ingest:third-secret-0123456789\n")
	changed, err := kr.Reload()
	require.NoError(t, err)
	assert.True(t, changed)
	assert.True(t, valid("third-secret-0123456789"))
	assert.False(t, valid("new-secret-0123456789"))
	changed, err = kr.Reload()
	require.NoError(t, err)
	assert.False(t, changed, "an unchanged file changes nothing")
}
