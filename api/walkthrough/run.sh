#!/usr/bin/env bash
# run.sh — regenerate api/WALKTHROUGH.md with real output: builds claimgraph, starts
# `claimgraph serve` on a fresh embedded store (which loads the built-in corpus), runs
# each curl command of the walkthrough against it, and writes commands and output.
#
#   api/walkthrough/run.sh [OUT]      (default OUT: api/WALKTHROUGH.md; needs curl and jq)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
OUT="${1:-$REPO/api/WALKTHROUGH.md}"
ADDR="${WALKTHROUGH_ADDR:-127.0.0.1:8080}"
BASE="http://$ADDR"
KEY="editor-key-0123456789abcdef"

command -v jq >/dev/null || { echo "run.sh: jq is needed (apt-get install jq)" >&2; exit 1; }
command -v curl >/dev/null || { echo "run.sh: curl is needed" >&2; exit 1; }

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
	if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill -TERM "$SERVER_PID"
		wait "$SERVER_PID" || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

(cd "$REPO" && go build -o "$WORK/claimgraph" ./cmd/claimgraph)
if curl -s -o /dev/null "$BASE/healthz"; then
	echo "run.sh: something already answers on $ADDR; set WALKTHROUGH_ADDR" >&2
	exit 1
fi
env -u NEO4J_URI CLAIMGRAPH_API_KEYS="$KEY" CLAIMGRAPH_LOG_FORMAT=text \
	"$WORK/claimgraph" serve --addr "$ADDR" --data "$WORK/data" >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!
for _ in $(seq 1 600); do
	curl -s -o /dev/null "$BASE/healthz" && break
	sleep 0.1
done
curl -sf -o /dev/null "$BASE/healthz" || { cat "$WORK/serve.out" "$WORK/serve.err" >&2; exit 1; }

# show CMD...: prints a shell block with the command (as a reader types it, against
# localhost:8080) and its real output.
show() {
	local cmd="$1"
	local shown="${cmd//\$BASE/localhost:8080}"
	shown="${shown//\$KEY/$KEY}"
	echo '```console'
	echo "\$ $shown"
	BASE="$BASE" KEY="$KEY" bash -c "$cmd" 2>&1
	echo '```'
}
# q CMD: runs a command and prints only its output (to capture ids).
q() { BASE="$BASE" KEY="$KEY" bash -c "$1"; }

CLAIM=$(q 'curl -s "$BASE/v1/claims?q=68,800+Palestinians+dead" | jq -r ".items[0].claim.id"')
ARTICLE=$(q "curl -s \"\$BASE/v1/claims/$CLAIM/provenance\" | jq -r '.chains[0].article.id'")
SPEAKER=$(q "curl -s \"\$BASE/v1/claims/$CLAIM/provenance\" | jq -r '.chains[0].speaker.id'")
DISPUTER=$(q "curl -s \"\$BASE/v1/claims/$CLAIM/contradictions\" | jq -r '.disputes[0].disputer.id'")

{
cat <<'MD'
## Walkthrough: from a number to who said it and who disputes it

Everything below is real output of `claimgraph serve` over the built-in corpus, produced
by `api/walkthrough/run.sh` (which regenerates this file). Start the server; with no
`NEO4J_URI` it uses the embedded store and loads the built-in corpus on first start:

MD
echo '```console'
echo '$ CLAIMGRAPH_API_KEYS='"$KEY"' claimgraph serve'
sed -e "s#$WORK/data#~/.local/share/claimgraph#" -e "s#(data directory from --data)#(data directory from the default (~/.local/share))#" \
	-e "s#http://$ADDR#http://127.0.0.1:8080#" -e 's/loaded the built-in corpus \(.*\) in [0-9.]*m\?s/loaded the built-in corpus \1 in …/' "$WORK/serve.out"
echo '```'
cat <<'MD'

### 1. Find the claim

A fact-checker has read "more than 68,800 Palestinians dead" and searches for it. `q` takes
plain words; each must occur in the claim. Each result says how many statements report the
claim, who said it and who disputes it:

MD
show 'curl -s "$BASE/v1/claims?q=68,800+Palestinians+dead" | jq ".items[] | {id: .claim.id, text: .claim.text, quantities: [.claim.quantities[] | {value, qualifier, counted}], statements, speaker_ids, disputes, disputer_ids}"'
cat <<MD

### 2. Its provenance: who said it, in which article, on what evidence

Every chain runs from the article through the agencies it cites to the original speaker,
with the cue, whether the words are quoted or reported, the extractor's confidence and the
evidence as character offsets with the sentence around them:

MD
show "curl -s \$BASE/v1/claims/$CLAIM/provenance | jq '.chains[] | {article: .article.id, speaker: .speaker.name, speaker_kind: .speaker.kind, via: [.via[].name], speech: .statement.kind, cue: .statement.cue.text, content: .statement.content, evidence: .statement.sentence.text, confidence: .statement.confidence}'"
cat <<MD

The article (the built-in corpus states no title, outlet or date for it, so none is shown
rather than guessed). \`GET /v1/articles/{id}\` returns its text (in windows of up to 65,536 code points) and its extracted spans (in pages of up to 500),
so that a page can highlight them:

MD
show "curl -s \$BASE/v1/articles/$ARTICLE | jq '{id: .article.id, opening: .article.text[0:120], statements: (.statements | length), disputes: (.disputes | length), spans: (.spans | group_by(.kind) | map({(.[0].kind): length}) | add)}'"
show "curl -s \$BASE/v1/articles/$ARTICLE | jq -c '.spans[] | select(.claim_id == \"$CLAIM\") | {kind, span: [.start, .end], text}'"
cat <<MD

### 3. Its contradictions: who disputes it

MD
show "curl -s \$BASE/v1/claims/$CLAIM/contradictions | jq '{disputes: [.disputes[] | {disputer: .disputer.name, kind: .dispute.kind, cue: .dispute.cue.text, evidence: .dispute.sentence.text, article: .article.id}], conflicts: [.conflicts[] | {claim: .claim.text, reason: .link.reason}], corroborations: [.corroborations[] | .claim.text], origins, independent_origins}'"
cat <<MD

### 4. The agents: the speaker's other claims, and who disputes them

MD
show "curl -s \"\$BASE/v1/agents?name=health+ministry\" | jq -c '.items[]'"
show "curl -s \$BASE/v1/agents/$SPEAKER/claims | jq -c '.items[] | {text: .claim.text[0:90], disputer_ids}'"
show "curl -s \$BASE/v1/agents/$DISPUTER | jq -c ."
cat <<'MD'

### 5. Add an article

`POST /v1/articles` extracts one article, reasons across what is stored and writes it. It
needs a key from `CLAIMGRAPH_API_KEYS` or `CLAIMGRAPH_API_KEYS_FILE`, and is idempotent:
posting the same article again answers 200 with `"created": false`.

MD
show 'curl -s -X POST $BASE/v1/articles -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '"'"'{"url": "https://example.org/2025/11/toll", "title": "Toll disputed", "outlet": "Example Times", "published": "2025-11-06", "text": "Gaza\u2019s Health Ministry said more than 68,800 Palestinians have been killed in the war. Israel disputes the ministry\u2019s figures."}'"'"' | jq "{article_id, created, claims: [.claims[].text], statements: [.statements[] | {speaker_id, cue: .cue.text}], disputes: [.disputes[] | {disputer_id, kind, claim_id}]}"'
show 'curl -s -o /dev/null -w "%{http_code}\n" -X POST $BASE/v1/articles -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '"'"'{"url": "https://example.org/2025/11/toll", "title": "Toll disputed", "outlet": "Example Times", "published": "2025-11-06", "text": "Gaza\u2019s Health Ministry said more than 68,800 Palestinians have been killed in the war. Israel disputes the ministry\u2019s figures."}'"'"''
cat <<'MD'

The search now finds the ministry's toll in both articles, each disputed by Israel:

MD
show 'curl -s "$BASE/v1/claims?q=68,800&disputed=true" | jq -c ".items[] | {text: .claim.text, speaker_ids, disputer_ids, article_ids}"'
cat <<'MD'

### 6. Errors

Errors are RFC 9457 problem details with a stable `type`; a bad parameter is named in
`field`. Search has no operators, so query syntax is refused rather than guessed at:

MD
show 'curl -s "$BASE/v1/claims?q=%22)+OR+1%3D1" | jq .'
show 'curl -s "$BASE/v1/claims?limit=500" | jq -c .'
show 'curl -s -X POST $BASE/v1/articles -H "Content-Type: application/json" -d "{}" | jq -c .'
show 'curl -s $BASE/v1/claims/c_0000000000000000 | jq -c .'
cat <<'MD'

The whole API is described by the OpenAPI 3.1 document at `GET /openapi.json`.
MD
} >"$OUT"
echo "run.sh: wrote $OUT" >&2
