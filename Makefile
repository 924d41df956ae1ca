# claimgraph — top-level tasks. `make help` lists them.
#
# `make test` starts the project's own Neo4j (graph/neo4jstore/launcher, fetched from Maven
# Central on first use), runs every Go test against it with the race detector, and stops it
# again even when tests fail, exiting with the tests' status. A Neo4j that was already running
# before `make test` (e.g. from `make neo4j-up`) is left running.

SHELL := /usr/bin/env bash

GO           ?= go
NEO4J_PORT   ?= 7687
NEO4J_URI    ?= bolt://127.0.0.1:$(NEO4J_PORT)
NEO4J        := NEO4J_PORT=$(NEO4J_PORT) ./graph/neo4jstore/launcher/neo4j.sh
TEST_TIMEOUT ?= 30m
TEST_FLAGS   ?=
PKGS         ?= ./...
ARGS         ?=

export NEO4J_PORT

.PHONY: help build run test neo4j-up neo4j-down neo4j-status neo4j-build

help: ## list targets
	@grep -E '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

build: ## build bin/claimgraph
	$(GO) build -o bin/claimgraph ./cmd/claimgraph

run: build ## build and run bin/claimgraph (pass arguments with ARGS="...")
	./bin/claimgraph $(ARGS)

test: ## start Neo4j, go test -race $(PKGS), stop Neo4j (even on failure); keeps the test exit code
	@started=0; \
	trap 'if [ $$started = 1 ]; then $(NEO4J) down || true; fi' EXIT; \
	if ! $(NEO4J) status >/dev/null 2>&1; then \
		$(NEO4J) up >/dev/null || exit $$?; started=1; \
	else \
		echo "make test: using the Neo4j already running on port $(NEO4J_PORT) (left running)"; \
	fi; \
	NEO4J_URI=$(NEO4J_URI) $(GO) test -race -timeout $(TEST_TIMEOUT) $(TEST_FLAGS) $(PKGS)

neo4j-up: ## start the project's Neo4j 5.26 on 127.0.0.1:$(NEO4J_PORT) and wait until it answers
	$(NEO4J) up

neo4j-down: ## stop it cleanly
	$(NEO4J) down

neo4j-status: ## is it running and answering?
	$(NEO4J) status

neo4j-build: ## only fetch the Neo4j jars (Maven Central) and compile the launcher
	$(NEO4J) build

.PHONY: peer-compare
peer-compare: ## spaCy+textacy direct_quotations vs our extractor on PolNeAR dev: scores and speed (ARGS="...")
	./extract/peer/run.sh $(ARGS)

# bench-api fills the embedded store (kept in $TMPDIR/claimgraph-bench-api) and a dedicated
# Neo4j on port $(BENCH_NEO4J_PORT) (started here if not running, stopped after) with a
# generated graph of at least 100,000 claims, then load-tests the API at 50 concurrent
# clients: req/s, p50 and p99 per endpoint and store, with a bare Gin endpoint as the
# ceiling. It prints figures and asserts none. BENCH_API_FLAGS="-stores embedded" skips Neo4j.
BENCH_NEO4J_PORT ?= 7689
BENCH_API_FLAGS  ?=
BENCH_NEO4J      := NEO4J_PORT=$(BENCH_NEO4J_PORT) NEO4J_HEAP=1g NEO4J_PAGECACHE=512m ./graph/neo4jstore/launcher/neo4j.sh

.PHONY: bench-api
bench-api: ## load-test the API over >=100k generated claims in each store (req/s, p50, p99; bare Gin ceiling)
	@started=0; \
	trap 'if [ $$started = 1 ]; then $(BENCH_NEO4J) down || true; fi' EXIT; \
	if ! $(BENCH_NEO4J) status >/dev/null 2>&1; then \
		$(BENCH_NEO4J) up >/dev/null || exit $$?; started=1; \
	fi; \
	NEO4J_URI=bolt://127.0.0.1:$(BENCH_NEO4J_PORT) $(GO) run ./cmd/apiload -neo4j-reset $(BENCH_API_FLAGS)

# bench-export fills an embedded store (kept in .cache/exportperf, reused by later runs)
# with a generated graph of at least $(BENCH_EXPORT_CLAIMS) claims and exports the whole
# store in every format, each in a process of its own: output MB, wall and CPU seconds
# (user, system), MB/s, peak RSS and the load average per format. It prints figures and
# asserts none. BENCH_EXPORT_FLAGS="-formats graphml,records".
BENCH_EXPORT_CLAIMS ?= 1000000
BENCH_EXPORT_FLAGS  ?=

.PHONY: bench-export
bench-export: ## export >=1,000,000 generated claims in every format (MB/s and peak RSS per format)
	$(GO) run ./graph/export/internal/exportperf -claims $(BENCH_EXPORT_CLAIMS) $(BENCH_EXPORT_FLAGS)

# bench-export-apoc compares claimgraph's GraphML, Cypher and neo4j-csv exports with APOC
# Core's apoc.export.graphml/cypher/csv on the same generated graph, in a Neo4j of its own
# with APOC (NEO4J_PLUGINS=apoc, from Maven Central): output MB, best wall seconds, CPU
# seconds (claimgraph's process; for APOC, the Neo4j server process's), MB/s, the load
# average, and whether the two GraphML files hold the same nodes and edges. It prints figures and
# asserts none. BENCH_APOC_FLAGS="-articles 20000 -runs 5". On bench-export's store of a
# million claims, load it with neo4j-admin (minutes; LOAD CSV takes hours):
# BENCH_APOC_FLAGS="-store .cache/exportperf/1000000.db -admin-import -runs 1" BENCH_APOC_HEAP=2g BENCH_APOC_PAGECACHE=2g
BENCH_APOC_PORT  ?= 7690
BENCH_APOC_FLAGS ?=
BENCH_APOC_DIR   := $(CURDIR)/.neo4j/import-$(BENCH_APOC_PORT)
BENCH_APOC_HEAP      ?= 1g
BENCH_APOC_PAGECACHE ?= 512m
# The server's environment: apocpeer -admin-import restarts it through the launcher too.
# NEO4J_CONF: APOC reads apoc.conf there, which lets it write its exports into the import
# directory (apoc.export.file.enabled; its streamed GraphML is one row of gigabytes).
BENCH_APOC_ENV   := NEO4J_PORT=$(BENCH_APOC_PORT) NEO4J_PLUGINS=apoc NEO4J_IMPORT_DIR=$(BENCH_APOC_DIR) NEO4J_HEAP=$(BENCH_APOC_HEAP) NEO4J_PAGECACHE=$(BENCH_APOC_PAGECACHE) NEO4J_CONF=$(CURDIR)/graph/export/internal/apocpeer
BENCH_APOC_NEO4J := $(BENCH_APOC_ENV) ./graph/neo4jstore/launcher/neo4j.sh

.PHONY: bench-export-apoc
bench-export-apoc: ## claimgraph's export beside APOC's (apoc.export.graphml/cypher/csv) on the same graph, in a Neo4j with APOC
	@started=0; \
	trap 'if [ $$started = 1 ]; then $(BENCH_APOC_NEO4J) down || true; fi' EXIT; \
	if ! $(BENCH_APOC_NEO4J) status >/dev/null 2>&1; then \
		$(BENCH_APOC_NEO4J) up >/dev/null || exit $$?; started=1; \
	fi; \
	$(BENCH_APOC_ENV) NEO4J_URI=bolt://127.0.0.1:$(BENCH_APOC_PORT) $(GO) run ./graph/export/internal/apocpeer -import-dir $(BENCH_APOC_DIR) $(BENCH_APOC_FLAGS)

.PHONY: bench-api-wrk
bench-api-wrk: ## cross-check bench-api with wrk (apt-get installs it) on the real binary over the embedded bench store
	./cmd/apiload/wrk.sh

# bench-ingest ingests the PolNeAR train texts (../shared/polnear/train, BENCH_INGEST_ARTICLES
# of them, 0 = all 840) end to end into a dedicated Neo4j on port $(BENCH_NEO4J_PORT)
# (started here if not running, stopped after; emptied first) and prints articles/s, the
# per-article split (extraction, reasoning, writing) and every store call ingest made
# (calls per article, mean ms): where the time goes, and the CPU time per article of the
# ingest and of the Neo4j server (from /proc). BENCH_INGEST_FLAGS="-batch 64", or
# "-pipeline=false" for batches one after the other (the version before pipelining).
# BENCH_INGEST_JVM_OPTS are the JVM options of the Neo4j it starts (NEO4J_JVM_OPTS):
# empty by default, the JVM's own (C1 then C2), as a long-running server has it;
# "-XX:TieredStopAtLevel=1" (C1 only) shows the run without the C2 compiler's CPU, which
# on a fresh server took more CPU than the queries over a run of this length (see
# README, Neo4j ingest, measured). The launcher maps a class-data sharing archive of the
# server's classes once a server has stopped cleanly and written one (NEO4J_CDS=off: none).
BENCH_INGEST_ARTICLES ?= 0
BENCH_INGEST_FLAGS    ?=
BENCH_INGEST_JVM_OPTS ?=

.PHONY: bench-ingest
bench-ingest: ## ingest the PolNeAR train texts into Neo4j: articles/s and where the time goes (per store call)
	@started=0; \
	trap 'if [ $$started = 1 ]; then $(BENCH_NEO4J) down || true; fi' EXIT; \
	if ! $(BENCH_NEO4J) status >/dev/null 2>&1; then \
		NEO4J_JVM_OPTS="$(BENCH_INGEST_JVM_OPTS)" $(BENCH_NEO4J) up >/dev/null || exit $$?; started=1; \
	fi; \
	NEO4J_URI=bolt://127.0.0.1:$(BENCH_NEO4J_PORT) $(GO) run ./graph/ingest/internal/ingestperf -articles $(BENCH_INGEST_ARTICLES) \
		-server-pid "$$(cat $${NEO4J_STATE_DIR:-.neo4j}/neo4j-$(BENCH_NEO4J_PORT).pid 2>/dev/null || echo 0)" $(BENCH_INGEST_FLAGS)

# bench-bulkload generates BENCH_BULK_ARTICLES articles and loads them into a dedicated
# Neo4j on port $(BENCH_NEO4J_PORT) through neo4j-admin import (graph/neo4jstore/internal/
# bulkperf: import files written streaming, `neo4j.sh import`, then the store finished
# and its counts checked): time per phase, articles/s, peak memory. The Neo4j it made
# is stopped after. It prints figures and asserts none beyond the counts.
BENCH_BULK_ARTICLES ?= 100000

.PHONY: bench-bulkload
bench-bulkload: ## first load of >=100,000 generated articles into Neo4j via neo4j-admin import (time, articles/s, peak memory)
	@trap '$(BENCH_NEO4J) down || true' EXIT; \
	NEO4J_URI=bolt://127.0.0.1:$(BENCH_NEO4J_PORT) NEO4J_PORT=$(BENCH_NEO4J_PORT) NEO4J_HEAP=2g NEO4J_PAGECACHE=1g \
		$(GO) run ./graph/neo4jstore/internal/bulkperf -articles $(BENCH_BULK_ARTICLES)

# bench-widget measures the embeddable widget beside the JSON API in one run, over the
# embedded bench store of bench-api (generated on first use): the iframe card and the
# card JSON with the server's render cache filled, their 304 revalidation, and the web
# component's script gzipped and revalidated, at 50 clients; the bare Gin ceiling and
# the provenance and contradictions endpoints for comparison, with the process's CPU
# time and allocations per request beside the latencies. It prints figures and asserts
# none.
.PHONY: bench-widget
bench-widget: ## load-test the widget (iframe card, card JSON, script; cached and 304) beside the JSON API at 50 clients
	nice -n 10 $(GO) run ./cmd/apiload -stores embedded -ingest-posts 0 -only 'ceiling,provenance,contradictions,widget' $(BENCH_API_FLAGS)
# bench-memory runs the real server over a fresh embedded store in one process with its
# clients: it ingests an article of the largest allowed size (2 MiB of short attributed
# sentences; BENCH_MEMORY_FLAGS="-text corpus" for the built-in corpus repeated,
# "-store neo4j" with NEO4J_URI of a throwaway Neo4j, which it empties, for Neo4j) and
# runs 50 clients on it for 60 s, printing the ingest's and the reads' peak RSS, the
# statuses, latencies and the largest answer. It prints figures and asserts none.
BENCH_MEMORY_FLAGS ?=

.PHONY: bench-memory
bench-memory: ## peak RSS of ingesting the largest article and of 50 clients reading it for 60 s
	nice -n 10 $(GO) run ./cmd/loadcheck article $(BENCH_MEMORY_FLAGS)

# soak runs mixed reads (every GET route) and writes (POSTs of new articles) against the
# real server for SOAK_DURATION (30 minutes by default; not part of CI) and prints RSS,
# Go heap, goroutines and open files at the start, every minute and at the end: they
# must stay flat.
SOAK_DURATION ?= 30m
SOAK_FLAGS    ?=

.PHONY: soak
soak: ## mixed reads and writes for SOAK_DURATION (default 30m): RSS, goroutines, open files at start and end
	nice -n 10 $(GO) run ./cmd/loadcheck soak -duration $(SOAK_DURATION) $(SOAK_FLAGS)

# soak-fixed is the soak with writes that rewrite a fixed set of SOAK_ARTICLES urls
# (new versions of the same articles), so that the store keeps its size and memory
# can be judged flat: growth there is a leak, not a bigger store.
SOAK_ARTICLES ?= 40

.PHONY: soak-fixed
soak-fixed: ## the soak over a fixed set of SOAK_ARTICLES articles rewritten again and again: memory must be flat
	nice -n 10 $(GO) run ./cmd/loadcheck soak -duration $(SOAK_DURATION) -articles $(SOAK_ARTICLES) $(SOAK_FLAGS)

.PHONY: retrain-check
retrain-check: ## do the committed attribution models come from today's code? digest of the training examples, then a full retrain on ../shared/polnear/train compared byte for byte (about a minute of CPU)
	CG_RETRAIN_CHECK=1 $(GO) test -count=1 -run 'TestTrainingExamplesUnchanged|TestRetrainGivesCommittedModels' -v ./extract/internal/train
