#!/usr/bin/env bash
# neo4j.sh — start/stop the project's own throw-away Neo4j Community 5.26 (embedded, Bolt on).
#
#   neo4j.sh up       fetch + compile if needed, start in the background, wait until Bolt answers
#   neo4j.sh down     stop it cleanly (SIGTERM → shutdown hook), SIGKILL after a bound
#   neo4j.sh status   exit 0 and print the URI if it is running and answering, else exit 1
#   neo4j.sh build    only fetch the jars (Maven Central) and compile the launcher
#   neo4j.sh logs     print the launcher log
#   neo4j.sh import DIR
#                     stop it if running, make a new database with `neo4j-admin database import
#                     full` (org.neo4j.cli.AdminTool, in the jars fetched) from the admin-import CSV
#                     files in DIR, whose arguments DIR/neo4j-admin.args gives one per line (what
#                     `claimgraph bulkload` writes), and start the server on it
#
# Environment (all optional):
#   NEO4J_PORT           Bolt port on 127.0.0.1 (default 7687)
#   NEO4J_STATE_DIR      pid file, log and data (default: <repo>/.neo4j)
#   NEO4J_HEAP           JVM heap, -Xms and -Xmx (default 512m)
#   NEO4J_PAGECACHE      page cache size (default 64m)
#   NEO4J_JVM_OPTS       JVM options (word-split) replacing the default JIT and GC settings
#   NEO4J_START_TIMEOUT  seconds to wait for readiness (default 180)
#   NEO4J_STOP_TIMEOUT   seconds to wait for a clean stop before SIGKILL (default 60)
#   NEO4J_PLUGINS        "apoc" serves APOC Core (apoc/pom.xml, Maven Central) as a plugin;
#                        default: none (the project needs no plugin; APOC is only its export's peer)
#   NEO4J_IMPORT_DIR     directory LOAD CSV reads file:/// URLs from (default: the database's own)
#   NEO4J_BOLT_KEEP_ALIVE
#                        server.bolt.connection_keep_alive_for_requests: ALL (default, Neo4j's),
#                        STREAMING or OFF. With ALL the server hands drivers a receive timeout
#                        (connection.recv_timeout_seconds), and the Go driver then races every
#                        socket read against a timer in a goroutine of its own; STREAMING sends
#                        keep-alive NOOPs only while a result streams, and no such hint
#   NEO4J_CDS            "on" (default) maps a class-data sharing archive of the server's classes
#                        (AppCDS, target/cds/): the first server whose JVM has none writes it when
#                        it stops cleanly (-XX:ArchiveClassesAtExit), every later start maps it, so
#                        that the classes it holds are neither parsed nor verified again; a stale
#                        archive (other jars, JDK or options) is ignored by the JVM. "off": none.
#
# Everything comes from Maven Central via Maven (pom.xml next to this script); the jars are
# cached in target/lib (and ~/.m2), so only the first run downloads anything.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
PORT="${NEO4J_PORT:-7687}"
HOST=127.0.0.1
STATE="${NEO4J_STATE_DIR:-$REPO/.neo4j}"
HEAP="${NEO4J_HEAP:-512m}"
PAGECACHE="${NEO4J_PAGECACHE:-64m}"
JVM_OPTS="${NEO4J_JVM_OPTS-}"
START_TIMEOUT="${NEO4J_START_TIMEOUT:-180}"
STOP_TIMEOUT="${NEO4J_STOP_TIMEOUT:-60}"

TARGET="$HERE/target"
LIB="$TARGET/lib"
CLASSES="$TARGET/classes"
# The launcher's class in a jar: a JVM writes a class-data sharing archive only when its
# class path holds no non-empty directory.
LAUNCHER_JAR="$TARGET/launcher.jar"
CDS="${NEO4J_CDS:-on}"
CDSDIR="$TARGET/cds"
PLUGINS="$TARGET/plugins"
PIDFILE="$STATE/neo4j-$PORT.pid"
CDS_TMP_FILE="$CDSDIR/writing-$PORT.jsa"
LOGFILE="$STATE/neo4j-$PORT.log"
DATAPARENT="$STATE/data-$PORT"

say() { echo "neo4j.sh: $*" >&2; }
die() { say "$*"; exit 1; }

need() { command -v "$1" >/dev/null 2>&1 || die "$1 not found on PATH ($2)"; }

# build fetches the dependency jars (only when pom.xml changed or they are missing) and
# compiles Launcher.java (only when it changed).
build() {
	need java "install a Java 17 JDK"
	need javac "install a Java 17 JDK"
	local stamp="$LIB/.pom.sha256" want
	want="$(sha256sum "$HERE/pom.xml" | cut -d' ' -f1)"
	if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
		need mvn "install Maven (apt-get install maven)"
		say "fetching Neo4j jars from Maven Central (first run only)…"
		rm -rf "$LIB"
		# (Debian's Maven 3.8 prints ANSI resets even in batch mode: strip them.)
		(cd "$HERE" && mvn -q -B -ntp -Dstyle.color=never dependency:copy-dependencies \
			-DoutputDirectory="$LIB" -DincludeScope=runtime 2>&1 | sed -e $'s/\x1b\\[[0-9;]*m//g' >&2) ||
			die "Maven could not fetch the Neo4j dependencies (see output above)"
		echo "$want" >"$stamp"
	fi
	case "${NEO4J_PLUGINS:-}" in
	"") ;;
	apoc) build_apoc ;;
	*) die "NEO4J_PLUGINS=${NEO4J_PLUGINS}: the only plugin is apoc" ;;
	esac
	if [[ ! -f "$CLASSES/Launcher.class" || "$HERE/Launcher.java" -nt "$CLASSES/Launcher.class" ||
		"$stamp" -nt "$CLASSES/Launcher.class" ]]; then
		mkdir -p "$CLASSES"
		javac -nowarn -cp "$LIB/*" -d "$CLASSES" "$HERE/Launcher.java" || die "javac failed"
	fi
	if [[ ! -f "$LAUNCHER_JAR" || "$CLASSES/Launcher.class" -nt "$LAUNCHER_JAR" ]]; then
		jar --create --file "$LAUNCHER_JAR" -C "$CLASSES" . || die "jar failed"
	fi
}

# build_apoc fetches APOC Core and the jars it needs beyond Neo4j's own (apoc/pom.xml) into
# target/plugins, only when that pom changed or they are missing.
build_apoc() {
	local stamp="$PLUGINS/.pom.sha256" want
	want="$(sha256sum "$HERE/apoc/pom.xml" | cut -d' ' -f1)"
	if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
		need mvn "install Maven (apt-get install maven)"
		say "fetching APOC Core from Maven Central (first run only)…"
		rm -rf "$PLUGINS"
		# Jars Neo4j has already (newer versions) stay out of the plugin directory.
		(cd "$HERE/apoc" && mvn -q -B -ntp -Dstyle.color=never dependency:copy-dependencies \
			-DoutputDirectory="$PLUGINS" -DincludeScope=runtime \
			-DexcludeArtifactIds=asm,commons-lang3,commons-text,slf4j-api 2>&1 | sed -e $'s/\x1b\\[[0-9;]*m//g' >&2) ||
			die "Maven could not fetch APOC Core (see output above)"
		echo "$want" >"$stamp"
	fi
}

# cds_archive names the class-data sharing archive of a class path: it depends on the
# JDK, the jars (names and sizes) and the launcher's class, so a change of any gives a new
# name (the JVM also checks, and ignores an archive that does not match).
cds_archive() {
	local key
	key="$( {
		java -version 2>&1
		echo "$1"
		local f
		for f in "$LAUNCHER_JAR" "$LIB"/*.jar ${NEO4J_PLUGINS:+"$PLUGINS"/*.jar}; do
			stat -c '%n %s' "$f"
		done
		sha256sum "$HERE/Launcher.java"
	} | sha256sum | cut -c1-16)"
	echo "$CDSDIR/neo4j-$key.jsa"
}

pid_alive() {
	[[ -f "$PIDFILE" ]] || return 1
	local pid
	pid="$(cat "$PIDFILE" 2>/dev/null)" || return 1
	[[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

# bolt_ok does a Bolt handshake on the port: the magic preamble 0x6060B017 followed by four
# proposed versions (5.x ranges, then 4.4); a Bolt server answers with the 4-byte version it
# picked, which must be non-zero. A plain open TCP port is not enough.
bolt_ok() {
	local reply
	reply="$(timeout 5 bash -c '
		exec 3<>"/dev/tcp/$1/$2" || exit 1
		printf "\x60\x60\xb0\x17\x00\x08\x08\x05\x00\x00\x04\x04\x00\x00\x00\x00\x00\x00\x00\x00" >&3
		head -c 4 <&3 | od -An -tx1 | tr -d " \n"
	' _ "$HOST" "$PORT" 2>/dev/null)" || return 1
	[[ ${#reply} -eq 8 && "$reply" != "00000000" ]]
}

port_in_use() {
	timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$HOST" "$PORT" 2>/dev/null
}

log_tail() {
	say "---- last lines of $LOGFILE ----"
	tail -n 40 "$LOGFILE" >&2 2>/dev/null || true
	local dbg
	for dbg in "$DATAPARENT"/db-*/logs/debug.log; do
		[[ -f "$dbg" ]] || continue
		say "---- last lines of $dbg ----"
		grep -E ' (ERROR|WARN) ' "$dbg" | tail -n 20 >&2 || true
		tail -n 20 "$dbg" >&2 || true
	done
}

up() {
	if pid_alive && bolt_ok; then
		say "already running (pid $(cat "$PIDFILE")) at bolt://$HOST:$PORT"
		return 0
	fi
	if pid_alive; then
		# Started but not answering (e.g. still booting from an earlier 'up'): stop and restart.
		say "a launcher (pid $(cat "$PIDFILE")) is alive but Bolt does not answer; restarting it"
		down
	fi
	if port_in_use; then
		die "port $PORT on $HOST is already in use by another process; set NEO4J_PORT"
	fi
	build
	mkdir -p "$STATE"
	rm -rf "$DATAPARENT"
	start
}

# start runs the launcher in the background with any extra arguments and waits until Bolt
# answers.
start() {
	: >"$LOGFILE"
	local t0=$SECONDS cp="$LAUNCHER_JAR:$LIB/*" cds_opts=()
	if [[ -n "${NEO4J_PLUGINS:-}" ]]; then
		# On the class path for APOC's extension (its configuration), and the plugin
		# directory for its procedures.
		cp="$cp:$PLUGINS/*"
		set -- "$@" --plugins "$PLUGINS"
	fi
	rm -f "$CDS_TMP_FILE" "$CDS_TMP_FILE.want"
	case "$CDS" in
	on)
		local archive
		archive="$(cds_archive "$cp")"
		mkdir -p "$CDSDIR"
		if [[ -s "$archive" ]]; then
			cds_opts=(-XX:SharedArchiveFile="$archive")
		else
			# Written by this JVM when it exits after a clean stop; down moves it in place.
			cds_opts=(-XX:ArchiveClassesAtExit="$CDS_TMP_FILE")
			echo "$archive" >"$CDS_TMP_FILE.want"
		fi
		;;
	off) ;;
	*) die "NEO4J_CDS=$CDS: want on or off" ;;
	esac
	if [[ -n "${NEO4J_IMPORT_DIR:-}" ]]; then
		mkdir -p "$NEO4J_IMPORT_DIR"
		set -- "$@" --import "$NEO4J_IMPORT_DIR"
	fi
	if [[ -n "${NEO4J_BOLT_KEEP_ALIVE:-}" ]]; then
		set -- "$@" --bolt-keep-alive "$NEO4J_BOLT_KEEP_ALIVE"
	fi
	# setsid: own session, so the database survives the make/shell that started it and a
	# Ctrl-C in that terminal does not kill it half-way.
	# shellcheck disable=SC2086 # JVM_OPTS is a list of options
	nohup setsid java -Xms"$HEAP" -Xmx"$HEAP" $JVM_OPTS "${cds_opts[@]}" -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8 \
		-cp "$cp" Launcher \
		--host "$HOST" --port "$PORT" --pagecache "$PAGECACHE" --data-parent "$DATAPARENT" "$@" \
		>>"$LOGFILE" 2>&1 </dev/null &
	local pid=$!
	echo "$pid" >"$PIDFILE"
	while :; do
		if ! kill -0 "$pid" 2>/dev/null; then
			say "Neo4j exited during startup"
			log_tail
			rm -f "$PIDFILE"
			exit 1
		fi
		if grep -q '^READY ' "$LOGFILE" && bolt_ok; then
			break
		fi
		if ((SECONDS - t0 >= START_TIMEOUT)); then
			say "Neo4j did not become ready within ${START_TIMEOUT}s"
			log_tail
			down || true
			exit 1
		fi
		sleep 0.5
	done
	say "up in $((SECONDS - t0))s: $(grep -m1 '^READY ' "$LOGFILE")"
	echo "bolt://$HOST:$PORT"
}

# import_csv makes a new database from admin-import CSV files with neo4j-admin (the
# AdminTool of the jars fetched), in a Neo4j home of its own, and starts the server on
# it. The database it replaces is throw-away, as with up.
import_csv() {
	local dir="${1:-}"
	[[ -n "$dir" && -f "$dir/neo4j-admin.args" ]] || die "import DIR: DIR must hold neo4j-admin.args (written by claimgraph bulkload)"
	if pid_alive; then
		say "stopping the running server: an import makes a new database"
		down
	fi
	if port_in_use; then
		die "port $PORT on $HOST is already in use by another process; set NEO4J_PORT"
	fi
	build
	mkdir -p "$STATE"
	rm -rf "$DATAPARENT"
	local home="$DATAPARENT/db-import"
	mkdir -p "$home/conf"
	: >"$home/conf/neo4j.conf"
	local args=() line t0=$SECONDS
	while IFS= read -r line || [[ -n "$line" ]]; do
		[[ -n "$line" ]] && args+=("$line")
	done <"$dir/neo4j-admin.args"
	say "neo4j-admin ${args[*]}"
	(cd "$dir" && NEO4J_HOME="$home" NEO4J_CONF="$home/conf" java -Xmx"$HEAP" -Dfile.encoding=UTF-8 \
		-cp "$LIB/*" org.neo4j.cli.AdminTool "${args[@]}" >&2) || die "neo4j-admin import failed (see above)"
	say "imported in $((SECONDS - t0))s"
	start --home "$home"
}

down() {
	if ! pid_alive; then
		rm -f "$PIDFILE"
		rm -rf "$DATAPARENT"
		say "not running"
		return 0
	fi
	local pid t0=$SECONDS clean=1 limit=$STOP_TIMEOUT
	pid="$(cat "$PIDFILE")"
	# A JVM writing its class-data sharing archive at exit takes longer to stop.
	if [[ -f "$CDS_TMP_FILE.want" ]] && ((limit < 300)); then
		limit=300
	fi
	kill -TERM "$pid" 2>/dev/null || true
	while kill -0 "$pid" 2>/dev/null; do
		if ((SECONDS - t0 >= limit)); then
			say "no clean stop after ${limit}s; sending SIGKILL to $pid"
			kill -KILL "$pid" 2>/dev/null || true
			clean=0
			break
		fi
		sleep 0.2
	done
	# The class-data sharing archive this JVM wrote at exit, if any (see NEO4J_CDS): kept
	# only after a clean stop, under the name later starts with the same class path look for.
	if [[ -f "$CDS_TMP_FILE.want" ]]; then
		if ((clean)) && [[ -s "$CDS_TMP_FILE" ]]; then
			mv -f "$CDS_TMP_FILE" "$(cat "$CDS_TMP_FILE.want")"
			say "class-data sharing archive written: $(cat "$CDS_TMP_FILE.want")"
		fi
		rm -f "$CDS_TMP_FILE" "$CDS_TMP_FILE.want"
	fi
	rm -f "$PIDFILE"
	rm -rf "$DATAPARENT"
	say "stopped (pid $pid) in $((SECONDS - t0))s"
}

status() {
	if pid_alive && bolt_ok; then
		echo "running pid=$(cat "$PIDFILE") bolt://$HOST:$PORT"
		return 0
	fi
	if pid_alive; then
		echo "starting or unhealthy pid=$(cat "$PIDFILE") (Bolt on $HOST:$PORT does not answer)"
		return 1
	fi
	echo "not running"
	return 1
}

case "${1:-}" in
up) up ;;
down) down ;;
status) status ;;
build) build ;;
logs) cat "$LOGFILE" ;;
import) import_csv "${2:-}" ;;
*)
	echo "usage: $0 up|down|status|build|logs|import DIR" >&2
	exit 2
	;;
esac
