#!/bin/sh
# import.sh - load this claimgraph neo4j-store export into Neo4j, for the claimgraph API.
#
# The CSV files are neo4j-admin import files in the layout of claimgraph's Neo4j store
# (what claimgraph bulkload writes): they make a NEW database with
# "neo4j-admin database import full", with the server stopped. Once the server serves
# it, "finish" creates the schema, computes the per-claim aggregates and quantity keys,
# stamps the schema version and checks the counts against counts.json; the API then
# answers as it did on the exported store.
#
#   ./import.sh admin    run neo4j-admin on the files (stop the server first; NEO4J_ADMIN
#                        names the command, default neo4j-admin on PATH)
#   ./import.sh finish   finish the database once the server is started (NEO4J_URI names
#                        the server; CLAIMGRAPH names the command, default claimgraph)
#
# The database is the one neo4j-admin.args names (replace it there to import under
# another name, and set NEO4J_DATABASE to it for finish; add --overwrite-destination to
# replace a database that exists). With claimgraph's own launcher,
# "graph/neo4jstore/launcher/neo4j.sh import DIR" runs the admin step and starts the
# server; then run "./import.sh finish".
set -eu
cd "$(dirname "$0")"
case "${1:-}" in
admin)
	set -f
	# neo4j-admin.args holds one argument a line, none with a space.
	# shellcheck disable=SC2046
	exec ${NEO4J_ADMIN:-neo4j-admin} $(cat neo4j-admin.args)
	;;
finish)
	: "${NEO4J_URI:?set NEO4J_URI to the Neo4j that serves the imported database}"
	exec ${CLAIMGRAPH:-claimgraph} bulkload --finish --csv "$PWD"
	;;
*)
	echo "usage: $0 admin|finish (the comment at the top of this file says more)" >&2
	exit 2
	;;
esac
