#!/usr/bin/env bash
# wrk.sh — cross-check apiload's figures with wrk (Debian package, installed here when
# missing): serves the embedded bench store that `make bench-api` built with the real
# `claimgraph serve` binary, and runs wrk at 50 connections on /healthz (the ceiling of
# this server), provenance, contradictions, a search and the widget's cached answers
# (card JSON, iframe card and its 304, the web component's script gzipped and its 304).
# Prints wrk's figures.
#
#   cmd/apiload/wrk.sh [DB]   (default: $TMPDIR/claimgraph-bench-api/bench-100000-1.db)
#
# WRK_KINDS picks the endpoints (default: all of the above); WRK_SERVE_FLAGS adds flags
# to serve (default --rate-ip 0 --rate-key 0; e.g. "--rate-ip 1000000" keeps the rate
# limiter in the path); CLAIMGRAPH_BIN serves with a binary built elsewhere.
#
# WRK_PIN=1 splits the CPUs: the server runs on the first half (taskset, GOMAXPROCS to
# match) and wrk on the rest, so the load generator no longer competes with the server
# for the same cores. On a 2-core machine that is one core each: the server's latency
# is then what one core of it gives, not what two processes sharing two cores give.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
DB="${1:-${TMPDIR:-/tmp}/claimgraph-bench-api/bench-100000-1.db}"
ADDR="${WRK_ADDR:-127.0.0.1:18089}"
CONNS="${WRK_CONNECTIONS:-50}"
DURATION="${WRK_DURATION:-10s}"
KINDS="${WRK_KINDS:-healthz provenance contradictions search card embed embed304 script script304}"
SERVE_FLAGS="${WRK_SERVE_FLAGS:---rate-ip 0 --rate-key 0}"
PIN="${WRK_PIN:-0}"

# With WRK_PIN=1, SERVER_RUN and WRK_RUN prefix the two processes with their CPU sets.
SERVER_RUN=(env -u NEO4J_URI)
WRK_RUN=()
WRK_THREADS=2
if [[ "$PIN" == 1 ]]; then
	command -v taskset >/dev/null || { echo "wrk.sh: WRK_PIN=1 needs taskset (util-linux)" >&2; exit 1; }
	ncpu=$(nproc)
	((ncpu >= 2)) || { echo "wrk.sh: WRK_PIN=1 needs at least 2 CPUs, this machine has $ncpu" >&2; exit 1; }
	half=$((ncpu / 2))
	SERVER_RUN=(taskset -c "0-$((half - 1))" env -u NEO4J_URI GOMAXPROCS="$half")
	WRK_RUN=(taskset -c "$half-$((ncpu - 1))")
	WRK_THREADS=$((ncpu - half))
fi

[[ -f "$DB" ]] || { echo "wrk.sh: no bench store at $DB: run make bench-api first" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
	echo "wrk.sh: installing wrk (apt-get)" >&2
	apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
command -v jq >/dev/null || apt-get install -y jq >/dev/null

WORK="$(mktemp -d)"
PID=""
cleanup() {
	[[ -n "$PID" ]] && kill -TERM "$PID" 2>/dev/null && wait "$PID" || true
	rm -rf "$WORK"
}
trap cleanup EXIT

if [[ -n "${CLAIMGRAPH_BIN:-}" ]]; then
	cp "$CLAIMGRAPH_BIN" "$WORK/claimgraph"
else
	(cd "$REPO" && go build -o "$WORK/claimgraph" ./cmd/claimgraph)
fi
mkdir -p "$WORK/data"
ln -s "$(realpath "$DB")" "$WORK/data/graph.db"
# shellcheck disable=SC2086 # SERVE_FLAGS is a list of flags
"${SERVER_RUN[@]}" "$WORK/claimgraph" serve --no-corpus --addr "$ADDR" --data "$WORK/data" $SERVE_FLAGS >"$WORK/serve.out" 2>/dev/null &
PID=$!
for _ in $(seq 1 300); do curl -sf -o /dev/null "http://$ADDR/healthz" && break; sleep 0.1; done
curl -sf -o /dev/null "http://$ADDR/healthz" || { cat "$WORK/serve.out" >&2; exit 1; }

# Sample claims uniformly: listings started at random cursors.
# A cursor is 8 hex digits (a count, unused when listing by id), a dot and a claim id.
cursor() { printf '00000000.c_%s' "$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"; }
: >"$WORK/claims"; : >"$WORK/disputed"; : >"$WORK/words"
for _ in $(seq 1 40); do
	c=$(cursor)
	curl -s "http://$ADDR/v1/claims?limit=25&cursor=$c" | jq -r '.items[].claim.id' >>"$WORK/claims"
	curl -s "http://$ADDR/v1/claims?limit=25&disputed=true&cursor=$c" | jq -r '.items[].claim.id' >>"$WORK/disputed"
	curl -s "http://$ADDR/v1/claims?limit=25&cursor=$c" | jq -r '.items[].claim.text | split(" ") | .[length/2|floor]' |
		tr -cd 'a-zA-Z0-9\n' >>"$WORK/words"
done
sed 's#^#/v1/claims/#; s#$#/provenance#' "$WORK/claims" >"$WORK/provenance"
sed 's#^#/v1/claims/#; s#$#/contradictions#' "$WORK/disputed" >"$WORK/contradictions"
grep . "$WORK/words" | sed 's#^#/v1/claims?q=#' >"$WORK/search"
echo "/healthz" >"$WORK/healthz"
# The widget, as a popular page loads it: cached cards (read once here to fill the
# server's cache), their revalidation with the ETag each had, and the script.
sed 's#^#/v1/claims/#; s#$#/card#' "$WORK/claims" >"$WORK/card"
sed 's#^#/embed/claims/#' "$WORK/claims" >"$WORK/embed"
: >"$WORK/embed304"
while read -r p; do
	tag=$(curl -s -o /dev/null -D - "http://$ADDR$p" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
	printf '%s\tIf-None-Match: %s\n' "$p" "$tag" >>"$WORK/embed304"
done <"$WORK/embed"
while read -r p; do curl -s -o /dev/null "http://$ADDR$p"; done <"$WORK/card"
printf '/widget/claim-provenance.js\tAccept-Encoding: gzip\n' >"$WORK/script"
tag=$(curl -s -o /dev/null -D - -H 'Accept-Encoding: gzip' "http://$ADDR/widget/claim-provenance.js" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
printf '/widget/claim-provenance.js\tAccept-Encoding: gzip\tIf-None-Match: %s\n' "$tag" >"$WORK/script304"
echo "wrk.sh: $(wc -l <"$WORK/claims") claims, $(wc -l <"$WORK/disputed") disputed claims sampled; wrk -t$WRK_THREADS -c$CONNS -d$DURATION on $(nproc) CPUs (pinned: $PIN), serve $SERVE_FLAGS, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# cpu prints the server's CPU time so far (user + system), in clock ticks.
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
# faults prints the server's minor and major page faults so far: a read of the store
# maps its file's pages, and a major fault (the page read from disk) stalls the thread
# that took it, with GOMAXPROCS=1 the whole server.
faults() { awk '{print $10, $12}' "/proc/$PID/stat"; }
TICK=$(getconf CLK_TCK)
# settle waits (up to 10 s) until the server has used no CPU for 300 ms: requests that
# wrk gave up on (timeouts) are still answered after it stops, and were measured as
# the next kind's tail (card JSON's p99 of 112 ms after a one-core search).
settle() {
	local a b
	for _ in $(seq 1 33); do
		a=$(cpu); sleep 0.3; b=$(cpu)
		((a == b)) && return
	done
}
for kind in $KINDS; do
	settle
	echo "== $kind"
	before=$(cpu)
	read -r minb majb < <(faults)
	"${WRK_RUN[@]}" wrk -t"$WRK_THREADS" -c"$CONNS" -d"$DURATION" --latency -s "$HERE/paths.lua" "http://$ADDR" -- "$WORK/$kind" >"$WORK/wrk.out"
	after=$(cpu)
	read -r mina maja < <(faults)
	grep -E 'Requests/sec|^ +(50|99)%|Non-2xx|Socket errors' "$WORK/wrk.out"
	# The server's CPU per answer is much less sensitive to the machine's load than
	# latencies are: it is what the answers cost, not how long they waited.
	n=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$WORK/wrk.out")
	echo "   server CPU per answer: $(awk -v d=$((after - before)) -v t="$TICK" -v n="$n" 'BEGIN { printf "%.1f", d / t / n * 1e6 }') µs over $n answers (load average $(cut -d' ' -f1-3 /proc/loadavg))"
	echo "   server page faults per answer: $(awk -v a=$((mina - minb)) -v b=$((maja - majb)) -v n="$n" 'BEGIN { printf "%.2f minor, %.3f major", a / n, b / n }')"
done
