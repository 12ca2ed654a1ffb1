# Common functions of the Keyturn benchmark scripts (sourced, not run). See bench/README.md.
#
# Everything generated (bench WARs, databases, logs, raw results) goes under $BENCH_WORK (default target/bench),
# which git ignores. Every process started here is recorded and stopped on exit.

set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
M2=${M2_REPO:-$HOME/.m2/repository}
PAYARA_VERSION=${PAYARA_VERSION:-6.2025.10}
PAYARA_JAR=${PAYARA_JAR:-$M2/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar}
KEYTURN_WAR=${KEYTURN_WAR:-$ROOT/target/keyturn.war}
PREBOOT=$ROOT/server-config/payara/preboot.asadmin
SYSTEM_PROPERTIES=$ROOT/server-config/payara/system.properties
BENCH_WORK=${BENCH_WORK:-$ROOT/target/bench}
RESULTS=${RESULTS:-$BENCH_WORK/results}
CLK_TCK=$(getconf CLK_TCK)
# the heap options of the README's run command (pom.xml: payara-micro-maven-plugin javaCommandLineOptions)
HEAP=${HEAP:--Xmx512m -Xmn320m}
# the class-data sharing archive `./mvnw package` writes and the run command maps (pom.xml, keyturn.cds.archive);
# BENCH_CDS=off starts the servers without it
CDS_ARCHIVE=${CDS_ARCHIVE:-$ROOT/target/keyturn-cds.jsa}
# what the run command adds on JDK 25 (pom.xml, profile jdk25-aot-cache): compact object headers, which the AOT cache
# is trained with and refused without, and trimming the C heap every second
JDK25_RUN_OPTIONS=${JDK25_RUN_OPTIONS-"-XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=1000"}
mkdir -p "$BENCH_WORK" "$RESULTS"

STARTED_PIDS=()

log() { printf '%s [bench] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

require() {
    [[ -f $KEYTURN_WAR ]] || die "$KEYTURN_WAR missing: run ./mvnw package -DskipTests first"
    [[ -f $PAYARA_JAR ]] || die "$PAYARA_JAR missing: ./mvnw package downloads it (test dependency)"
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || die "$tool not found (see bench/README.md, prerequisites)"
    done
}

# The machine and versions, for the head of every summary.
machine_info() {
    local cpu
    cpu=$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)
    echo "- machine: $(nproc) CPUs ($cpu), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
    echo "- java: $("${BENCH_JAVA:-java}" -version 2>&1 | head -1); Payara Micro $PAYARA_VERSION; wrk: $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
    echo "- keyturn: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') ($(basename "$KEYTURN_WAR"), $(date -u -r "$KEYTURN_WAR" +%FT%TZ))"
    echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg); date: $(date -u +%FT%TZ)"
}

# start_payara NAME PORT WAR [java options...]
#   Starts `java $HEAP -XX:SharedArchiveFile=$CDS_ARCHIVE [options] -jar payara-micro.jar --deploy WAR --contextroot / --nohazelcast
#   --prebootcommandfile preboot.asadmin --systemProperties system.properties --port PORT` in $BENCH_WORK/NAME (its working directory, so a relative
#   ./data lands there), the same options as the README's `./mvnw package payara-micro:start`. Settings come from
#   the environment (KEYTURN_*), as in the README. Sets PID (the server JVM) and records it for stop_all.
start_payara() {
    local name=$1 port=$2 war=$3; shift 3
    local dir=$BENCH_WORK/$name
    mkdir -p "$dir/tmp"
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
        die "port $port is already in use"
    fi
    local cds=-XX:SharedArchiveFile=$CDS_ARCHIVE
    [[ ${BENCH_CDS:-on} == on ]] || cds=
    # BENCH_STARTUP_OPTION (set, even empty): replaces the archive option, e.g. -XX:AOTCache=target/keyturn.aot
    [[ -z ${BENCH_STARTUP_OPTION+set} ]] || cds=$BENCH_STARTUP_OPTION
    # the load generators register all their users from 127.0.0.1: lift the per-address registration throttle
    export KEYTURN_THROTTLE_REGISTRATION_MAX_PER_ADDRESS=${KEYTURN_THROTTLE_REGISTRATION_MAX_PER_ADDRESS:-1000000}
    # BENCH_JAVA: the java executable of the server (default: java on the PATH), e.g. a JDK 25's
    # BENCH_JVM_OPTS: extra options for every server JVM, e.g. a JFR recording (bench/README.md, profiling)
    # BENCH_PAYARA_ARGS: extra Payara Micro options, e.g. --addlibs DIR
    # -XX:+ExitOnOutOfMemoryError as the run command: a server that ran out of heap dies (and wait_ready or the
    # load generator says so) instead of being measured with its timers gone
    (cd "$dir" && exec "${BENCH_JAVA:-java}" $HEAP -XX:+ExitOnOutOfMemoryError $cds ${BENCH_JVM_OPTS:-} -Djava.io.tmpdir="$dir/tmp" "$@" -jar "$PAYARA_JAR" \
        --deploy "$war" --contextroot / --nohazelcast --prebootcommandfile "$PREBOOT" --systemProperties "$SYSTEM_PROPERTIES" --port "$port" \
        ${BENCH_PAYARA_ARGS:-} >"$dir/server.log" 2>&1) &
    PID=$!
    STARTED_PIDS+=("$PID")
    echo "$PID" >"$dir/server.pid"
    log "started $name (pid $PID) on port $port, log $dir/server.log"
}

# wait_ready PORT PID [timeout s]: until /health/ready answers UP (BENCH_READY_MATCH: what the answer must contain
# instead, e.g. one check by name); fails if the process dies.
wait_ready() {
    local port=$1 pid=$2 timeout=${3:-180} t0=$SECONDS
    until curl -s "http://127.0.0.1:$port/health/ready" 2>/dev/null | tr -d ' \n' |
            grep -q -F "${BENCH_READY_MATCH:-\"status\":\"UP\"}"; do
        kill -0 "$pid" 2>/dev/null || die "server pid $pid died (see its server.log)"
        ((SECONDS - t0 < timeout)) || die "server on port $port not ready after ${timeout}s"
        sleep 0.1
    done
}

# stop_pid PID: TERM, then KILL after 30 s.
stop_pid() {
    local pid=$1 i
    kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid" 2>/dev/null || true
    for i in $(seq 300); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

stop_all() {
    local pid
    for pid in "${STARTED_PIDS[@]}"; do
        stop_pid "$pid"
    done
    STARTED_PIDS=()
}
trap 'stop_all' EXIT
trap 'exit 130' INT TERM

# CPU seconds (user + system) the process has used so far.
cpu_seconds() {
    # fields after "pid (comm) ": utime and stime are the 12th and 13th
    sed 's/^.*) //' "/proc/$1/stat" | awk -v hz="$CLK_TCK" '{printf "%.2f\n", ($12 + $13) / hz}'
}

# CPU seconds used so far by the process's JIT compiler threads (C1, C2) that exist now.
jit_seconds() {
    local t ticks=0 comm
    for t in /proc/"$1"/task/*; do
        comm=$(cat "$t/comm" 2>/dev/null) || continue
        [[ $comm == "C1 CompilerThre"* || $comm == "C2 CompilerThre"* ]] || continue
        ticks=$((ticks + $(sed 's/^.*) //' "$t/stat" 2>/dev/null | awk '{print $12 + $13}')))
    done
    echo "scale=2; $ticks / $CLK_TCK" | bc
}

# Resident memory in MB.
rss_mb() {
    awk '/^VmRSS/{printf "%.0f\n", $2 / 1024}' "/proc/$1/status"
}

# Seconds since the epoch, with fractions.
now() { date +%s.%N; }

# listed NAME: whether NAME is one of the configurations the script was asked for (its CONFIG_LIST)
listed() { [[ " ${CONFIG_LIST[*]} " == *" $1 "* ]]; }

# register USERNAME PASSWORD PORT: prints the body-mode token response.
register() {
    curl -sf -X POST "http://127.0.0.1:$3/api/auth/register" -H 'Content-Type: application/json' \
        -H 'X-Token-Mode: body' -d "{\"username\":\"$1\",\"email\":\"$1@example.com\",\"password\":\"$2\"}"
}

json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# The bench load generator (a single-file Java program, no dependencies).
loadgen() {
    java -Xmx256m -XX:+UseSerialGC "$BENCH_DIR/loadgen/KeyturnLoad.java" "$@"
}

# build_floor DIR: bench/floor (the platform's floor: JAX-RS, CDI, MicroProfile Health, nothing of Keyturn's)
# compiled against the APIs Payara Micro provides and packaged as DIR/floor.war
build_floor() {
    local dir=$1 m2=${MAVEN_REPOSITORY:-$HOME/.m2/repository} jdk_bin
    local api=$m2/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar
    local health=$m2/org/eclipse/microprofile/health/microprofile-health-api/4.0.1/microprofile-health-api-4.0.1.jar
    [[ -f $api && -f $health ]] || die "the floor needs $api and $health (./mvnw package fetches both)"
    jdk_bin=$(dirname "$(readlink -f "$(command -v java)")")
    rm -rf "$dir"
    mkdir -p "$dir/war/WEB-INF/classes"
    "$jdk_bin/javac" --release 17 -nowarn -cp "$api:$health" -d "$dir/war/WEB-INF/classes" "$BENCH_DIR"/floor/src/floor/*.java ||
        die "bench/floor does not compile"
    (cd "$dir/war" && "$jdk_bin/jar" --create --file "$dir/floor.war" .)
}

# nmt_summary JAVA_HOME PID: the native memory tracking summary of a server started with
# -XX:NativeMemoryTracking=summary, in MB, as a Markdown code block (each part with its mmap and malloc lines)
nmt_summary() {
    echo '```'
    "$1/bin/jcmd" "$2" VM.native_memory summary scale=MB | sed -n '/^Total/,$p' \
        | grep -E '^(Total|-|  +\(mmap|  +\(malloc)' | grep -vE '^\s*$' | head -80
    echo '```'
}

# The H2 jar the WAR bundles (to seed an H2 database while the server is stopped).
h2_jar() {
    local jar=$BENCH_WORK/lib/h2.jar
    if [[ ! -f $jar ]]; then
        mkdir -p "$BENCH_WORK/lib"
        unzip -p "$KEYTURN_WAR" "$(unzip -Z1 "$KEYTURN_WAR" | grep 'WEB-INF/lib/h2-')" >"$jar"
    fi
    echo "$jar"
}

summarize() {
    python3 "$BENCH_DIR/summarize.py" "$@"
}

# MariaDB (Debian's mariadb-server, its own data directory and port; not the system service).
MARIADB_PORT=${MARIADB_PORT:-18306}
MARIADB_DIR=$BENCH_WORK/mariadb
# mariadb_url DATABASE: the JDBC URL Keyturn gets (as in the MariaDB pass of the integration tests)
mariadb_url() {
    echo "jdbc:mysql://127.0.0.1:$MARIADB_PORT/${1:-keyturn}?createDatabaseIfNotExist=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&sslMode=DISABLED"
}
MARIADB_JVM_OPTS=(-Dhibernate.dialect=org.hibernate.dialect.MariaDBDialect -Dhibernate.boot.allow_jdbc_metadata_access=false)

# start_mariadb: a fresh, empty MariaDB on $MARIADB_PORT (user root, no password, skip-grant-tables).
start_mariadb() {
    command -v mariadbd >/dev/null || command -v mysqld >/dev/null \
        || die "mariadbd not found: apt-get install -y mariadb-server (see bench/README.md)"
    local mariadbd
    mariadbd=$(command -v mariadbd || command -v mysqld)
    rm -rf "$MARIADB_DIR"
    mkdir -p "$MARIADB_DIR/data"
    mariadb-install-db --no-defaults --user=root --datadir="$MARIADB_DIR/data" --auth-root-authentication-method=normal \
        >"$MARIADB_DIR/install.log" 2>&1 || die "mariadb-install-db failed: $MARIADB_DIR/install.log"
    # a buffer pool that holds the 1M-session table (about 0.6 GB with indexes), flush at commit as by default
    "$mariadbd" --no-defaults --user=root --datadir="$MARIADB_DIR/data" --port="$MARIADB_PORT" \
        --bind-address=127.0.0.1 --socket="$MARIADB_DIR/mariadb.sock" --pid-file="$MARIADB_DIR/mariadb.pid" \
        --skip-grant-tables --skip-ssl --character-set-server=utf8mb4 --collation-server=utf8mb4_bin \
        --innodb-buffer-pool-size=${MARIADB_BUFFER_POOL:-1G} --max-connections=200 \
        >"$MARIADB_DIR/mariadb.log" 2>&1 &
    MARIADB_PID=$!
    STARTED_PIDS+=("$MARIADB_PID")
    local i
    for i in $(seq 300); do
        mariadb_sql 'SELECT 1' >/dev/null 2>&1 && break
        kill -0 "$MARIADB_PID" 2>/dev/null || die "mariadbd died: $MARIADB_DIR/mariadb.log"
        sleep 0.1
    done
    log "started MariaDB $("$mariadbd" --version | awk '{print $3}') (pid $MARIADB_PID) on port $MARIADB_PORT"
}

mariadb_sql() {
    mariadb --no-defaults -uroot -h127.0.0.1 -P"$MARIADB_PORT" --protocol=TCP -N -B -e "$1" ${2:-}
}

# keyturn_db_env h2 DIR | mariadb DATABASE: the KEYTURN_DB_* environment and JVM options for a server.
# Sets DB_JVM_OPTS (array) and exports KEYTURN_DB_URL / KEYTURN_DB_USER.
keyturn_db_env() {
    case $1 in
        h2)
            export KEYTURN_DB_URL="jdbc:h2:file:$2/keyturn;LOCK_TIMEOUT=10000"
            unset KEYTURN_DB_USER || true
            DB_JVM_OPTS=()
            ;;
        mariadb)
            mariadb_sql "CREATE DATABASE IF NOT EXISTS ${2:-keyturn} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
            export KEYTURN_DB_URL=$(mariadb_url "${2:-keyturn}") KEYTURN_DB_USER=root
            DB_JVM_OPTS=("${MARIADB_JVM_OPTS[@]}")
            ;;
        *) die "unknown database $1 (h2 or mariadb)" ;;
    esac
}
