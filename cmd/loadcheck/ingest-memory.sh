#!/bin/sh
# ingest-memory.sh prints the peak RSS of ingesting the 2 MiB articles of loadcheck
# (dense: the worst case; corpus: the built-in news corpus repeated) on both paths:
# the CLI (`claimgraph ingest` into a fresh embedded store, /usr/bin/time -v's maximum
# resident set size) and the API (`loadcheck article`: POST to the real server, its
# peak RSS printed). It prints figures and asserts none. Run from the repository root:
#
#	sh cmd/loadcheck/ingest-memory.sh [CLAIMGRAPH_BINARY]
#
# A binary given (e.g. one built from another commit) is measured instead of this
# tree's. CLI runs: the default flags (--workers = cores, --batch 16, the default
# memory limit), under `nice -n 19`.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/loadcheck" ./cmd/loadcheck
cg=${1:-}
case $cg in
"" | /*) ;;
*) cg=$(pwd)/$cg ;;
esac
if [ -z "$cg" ]; then
	go build -o "$tmp/claimgraph" ./cmd/claimgraph
	cg=$tmp/claimgraph
fi
for kind in dense corpus; do
	"$tmp/loadcheck" text -text "$kind" >"$tmp/$kind.txt"
	rm -rf "$tmp/data"
	# (claimgraph ingest reads a file by a path relative to the working directory)
	(cd "$tmp" && nice -n 19 /usr/bin/time -v "$cg" ingest --data data "$kind.txt" >out 2>err) || { cat "$tmp/err"; exit 1; }
	printf 'CLI %s: %s; peak RSS %s MB (%s)\n' "$kind" \
		"$(grep '^store now holds' "$tmp/out")" \
		"$(awk '/Maximum resident/ {printf "%.0f", $6/1000}' "$tmp/err")" \
		"$(grep 'Elapsed' "$tmp/err" | sed 's/.*: //') wall"
	nice -n 19 "$tmp/loadcheck" article -text "$kind" -clients 1 -duration 1s | grep '^ingest' | sed "s/^/API $kind: /"
done
