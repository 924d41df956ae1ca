package main

import (
	"os"
	"strconv"
	"testing"
)

func TestParseStat(t *testing.T) {
	tests := []struct {
		name      string
		stat      string
		user, sys float64
		wantErr   bool
	}{
		{"java", "4242 (java) S 1 4242 4242 0 -1 4194560 912 0 0 0 1234 567 0 0 20 0 40 0 100 0 0", 12.34, 5.67, false},
		{"a command name with spaces and a parenthesis", "7 (a b) c) R 1 7 7 0 -1 0 0 0 0 0 200 50 0 0", 2, 0.5, false},
		{"too short", "7 (x) R 1 7", 0, 0, true},
		{"no command name", "7 x R", 0, 0, true},
		{"not a number", "7 (x) R 1 7 7 0 -1 0 0 0 0 0 a 50", 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseStat([]byte(tt.stat), "x")
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err == nil && (got.user != tt.user || got.sys != tt.sys || !got.ok) {
				t.Errorf("got %+v, want user %v sys %v", got, tt.user, tt.sys)
			}
		})
	}
}

// TestServerCPUReadsThisProcess reads this test's own /proc stat through a pid file,
// as serverCPU reads the Neo4j server's.
func TestServerCPUReadsThisProcess(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc (not Linux)")
	}
	pidFile := t.TempDir() + "/neo4j-1.pid"
	if err := os.WriteFile(pidFile, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := serverCPU(pidFile)
	if err != nil || !c.ok || c.user < 0 || c.sys < 0 {
		t.Fatalf("serverCPU = %+v, %v", c, err)
	}
	if _, err := serverCPU(""); err == nil {
		t.Error("serverCPU without a pid file: no error")
	}
}

func TestDefaultPidFile(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, ".neo4j/neo4j-7687.pid"},
		{map[string]string{"NEO4J_PORT": "7702"}, ".neo4j/neo4j-7702.pid"},
		{map[string]string{"NEO4J_PORT": "7702", "NEO4J_STATE_DIR": "/s"}, "/s/neo4j-7702.pid"},
	}
	for _, tt := range tests {
		if got := defaultPidFile(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("defaultPidFile(%v) = %q, want %q", tt.env, got, tt.want)
		}
	}
}
