#!/bin/sh
# Load this claimgraph export into a new, stopped Neo4j database (default: claimgraph):
#   sh import.sh [DATABASE]   (run from this directory, with neo4j-admin on PATH)
# This is the graph as researchers query it; to serve it with the claimgraph API, restore
# the records format with `claimgraph import` instead: the API's Neo4j layout adds what
# claimgraph derives when it writes (search words, per-claim aggregates, each article's
# bundle, mention spans), which these files do not hold.
set -e
cd "$(dirname "$0")"
neo4j-admin database import full "${1:-claimgraph}" --array-delimiter=';' --multiline-fields=true --id-type=string \
  --nodes=Article=nodes_Article.csv \
  --nodes=Outlet=nodes_Outlet.csv \
  --nodes=Agent=nodes_Agent.csv \
  --nodes=Claim=nodes_Claim.csv \
  --nodes=Statement=nodes_Statement.csv \
  --nodes=Dispute=nodes_Dispute.csv \
  --relationships=PUBLISHED_BY=relationships_PUBLISHED_BY.csv \
  --relationships=IN_ARTICLE=relationships_IN_ARTICLE.csv \
  --relationships=OF_CLAIM=relationships_OF_CLAIM.csv \
  --relationships=SAID_BY=relationships_SAID_BY.csv \
  --relationships=VIA=relationships_VIA.csv \
  --relationships=DISPUTED_BY=relationships_DISPUTED_BY.csv \
  --relationships=DISPUTES=relationships_DISPUTES.csv \
  --relationships=TARGETS=relationships_TARGETS.csv \
  --relationships=DISPUTE_IN=relationships_DISPUTE_IN.csv \
  --relationships=MENTIONS=relationships_MENTIONS.csv \
  --relationships=CONFLICTS_WITH=relationships_CONFLICTS_WITH.csv \
  --relationships=CORROBORATES=relationships_CORROBORATES.csv
