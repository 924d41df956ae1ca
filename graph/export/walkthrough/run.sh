#!/usr/bin/env bash
# run.sh — regenerate the researchers' export walkthrough with real output: builds
# claimgraph, ingests the built-in corpus into a fresh embedded store, exports the disputed
# claims about one topic, opens the GraphML in networkx (explore.py, in a venv with the
# pinned requirements.txt under .cache/export-walkthrough-venv) and draws
# graph/export/docs/export-disputed.png, then exports GEXF 1.3 for Gephi. The Markdown replaces the
# README's section between the lines <!-- export-walkthrough:begin --> and
# <!-- export-walkthrough:end -->.
#
#   graph/export/walkthrough/run.sh   (needs Python >= 3.11, and PyPI the first time)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
README="$REPO/README.md"
grep -q '^<!-- export-walkthrough:begin -->$' "$README" && grep -q '^<!-- export-walkthrough:end -->$' "$README" ||
	{ echo "run.sh: README.md lacks the export-walkthrough begin/end lines" >&2; exit 1; }
VENV="${EXPORT_WALKTHROUGH_VENV:-$REPO/.cache/export-walkthrough-venv}"
FIGURE="graph/export/docs/export-disputed.png"

WORK="$(mktemp -d)"
OUT="$WORK/section.md"
trap 'rm -rf "$WORK"' EXIT

stamp="$VENV/.walkthrough-$(sha256sum "$HERE/requirements.txt" | cut -c1-16)"
if [[ ! -e "$stamp" ]]; then
	rm -rf "$VENV"
	python3 -m venv "$VENV"
	"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$HERE/requirements.txt" >&2
	touch "$stamp"
fi
(cd "$REPO" && go build -o "$WORK/bin/claimgraph" ./cmd/claimgraph)
env -u NEO4J_URI "$WORK/bin/claimgraph" ingest --data "$WORK/data" >/dev/null 2>&1
cp "$HERE/explore.py" "$WORK/"
mkdir -p "$WORK/docs"

# show CMD: a console block with the command as a reader types it (run in $WORK, with
# claimgraph and python on PATH) and its real output.
show() {
	echo '```console'
	echo "\$ $1"
	(cd "$WORK" && env -u NEO4J_URI PATH="$WORK/bin:$VENV/bin:$PATH" CLAIMGRAPH_DATA="$WORK/data" bash -c "$1" 2>&1) |
		sed -e "s|$WORK/data|~/.local/share/claimgraph|g" -e "s|$WORK/||g" -e "s|$REPO/||g"
	echo '```'
}

{
	cat <<'MD'
## Researchers: export a subgraph and open it in networkx or Gephi

Everything below is real output over the built-in corpus, produced by
`graph/export/walkthrough/run.sh` (which regenerates it). The same filters and formats are
served by `GET /v1/export` (`curl -o disputed.graphml
"localhost:8080/v1/export?format=graphml&q=palestinians&disputed=true"`).

### 1. Export the disputed claims about one topic

`--q` takes the words a claim must hold (as `GET /v1/claims?q=`), `--disputed true` keeps
the claims someone disputes. The export holds each claim with its statements, their
articles, outlets, speakers and agencies, the agents the articles mention, the disputes
and the claims it conflicts with or is corroborated by; no edge points at a missing node:

MD
	show "claimgraph export --q palestinians --disputed true --format graphml --out disputed.graphml"
	cat <<'MD'

### 2. Open it in networkx

GraphML keys are typed; every node has a `type` (its label: Claim, Statement, Dispute,
Agent, Article, Outlet), every edge a `type` (OF_CLAIM, SAID_BY, VIA, DISPUTES, …);
lists and maps (aliases, quantities, spans) are JSON text, since GraphML has no list
type. [`graph/export/walkthrough/explore.py`](graph/export/walkthrough/explore.py) reads
the file with `networkx.read_graphml`, walks from each disputed claim to who said it and
who disputes it, and draws the figure:

MD
	mkdir -p "$WORK/$(dirname "$FIGURE")"
	show "python explore.py disputed.graphml $FIGURE"
	cp "$WORK/$FIGURE" "$REPO/$FIGURE"
	cat <<MD

![The disputed claim, its statement, speaker, dispute and disputer, and the agents the article mentions]($FIGURE)

The same graph reads as \`nx.read_gexf\` (\`--format gexf\`), \`nx.node_link_graph(json.load(f),
edges="links")\` (\`--format node-link\`) and \`igraph.Graph.Read_GraphML\`.

### 3. Load it into Gephi

Export GEXF 1.3 (Gephi reads it; \`--format gexf\` is 1.2draft, for networkx), with typed attributes and a \`label\` per
node (a name, a title or the claim's text):

MD
	show "claimgraph export --q palestinians --disputed true --format gexf-1.3 --out disputed.gexf && head -n 3 disputed.gexf && grep -m 2 '<node ' disputed.gexf | cut -c 1-240"
	cat <<'MD'

In Gephi: *File → Open* `disputed.gexf` (directed graph), then *Appearance → Nodes →
Partition → type* colours claims, statements, disputes and agents apart; *Data
Laboratory* lists every attribute; *Filters → Attributes → Equal → type* on edges hides
the MENTIONS fan-out. For a whole-store export, `claimgraph export --format gexf-1.3
--out all.gexf` streams with flat memory (see the figures under Benchmarks).

MD
} >"$OUT"
awk -v section="$OUT" '
	/^<!-- export-walkthrough:end -->$/ { skip = 0 }
	!skip { print }
	/^<!-- export-walkthrough:begin -->$/ { while ((getline line < section) > 0) print line; skip = 1 }
' "$README" >"$WORK/README.md"
cp "$WORK/README.md" "$README"
echo "run.sh: rewrote the export walkthrough in $README and $REPO/$FIGURE" >&2
