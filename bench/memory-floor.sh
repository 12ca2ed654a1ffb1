#!/usr/bin/env bash
# Issue 15, item 5: the platform's floor of resident memory. Two servers on JDK 25 with item 5's options (the
# bounded heap -Xmx256m -Xmn160m, -XX:+UseCompactObjectHeaders, -XX:TrimNativeHeapInterval=1000, native memory
# tracking; no archive or cache), side by side:
#   keyturn   target/keyturn.war, ES256, embedded H2, under refresh load (body mode, as bench/signatures.sh)
#   floor     bench/floor (one JAX-RS resource, one CDI bean, one readiness check: Payara Micro's Jakarta EE 10
#             platform with nothing of Keyturn's), under GET /api/ping load
# Each gets a warm-up at max, then per round (interleaved) a measured run at max with the highest RSS while loaded,
# the requests per server CPU-second and the server's CPU per request. Afterwards: each server's RSS and the native
# memory tracking summary of both, to say what Keyturn adds to the platform and what the platform alone needs.
#
# usage: bench/memory-floor.sh [--runs 3] [--duration 15] [--warmup 120] [--chains 16] [--jdk25 DIR]
source "$(dirname "$0")/lib.sh"

RUNS=3 DURATION=15 WARMUP=120 CHAINS=16 JDK25=${KEYTURN_JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
while (($#)); do
    case $1 in
        --runs) RUNS=$2 ;;
        --duration) DURATION=$2 ;;
        --warmup) WARMUP=$2 ;;
        --chains) CHAINS=$2 ;;
        --jdk25) JDK25=$2 ;;
        *) die "unknown option $1" ;;
    esac
    shift 2
done
require curl java python3
[[ -x $JDK25/bin/java ]] || die "no JDK 25 in $JDK25 (--jdk25 DIR)"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$RESULTS/memory-floor-$STAMP.jsonl
: >"$OUT"
export BENCH_STARTUP_OPTION=
OPTIONS=(-XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=1000 -XX:NativeMemoryTracking=summary)
FLOOR_DIR=$BENCH_WORK/memory-floor-war
build_floor "$FLOOR_DIR"

rm -rf "$BENCH_WORK/memory-floor-keyturn" "$BENCH_WORK/memory-floor-floor"
keyturn_db_env h2 "$BENCH_WORK/memory-floor-keyturn/data"
HEAP="-Xmx256m -Xmn160m" KEYTURN_SIGNING_ALGORITHM=ES256 BENCH_JAVA=$JDK25/bin/java \
    start_payara memory-floor-keyturn 18080 "$KEYTURN_WAR" "${OPTIONS[@]}"
KEYTURN_PID=$PID
wait_ready 18080 "$KEYTURN_PID" 300
HEAP="-Xmx256m -Xmn160m" BENCH_JAVA=$JDK25/bin/java \
    start_payara memory-floor-floor 18081 "$FLOOR_DIR/floor.war" "${OPTIONS[@]}"
FLOOR_PID=$PID
BENCH_READY_MATCH='"name":"floor-deployed","status":"UP"' wait_ready 18081 "$FLOOR_PID" 300
IDLE="keyturn $(rss_mb "$KEYTURN_PID") MB, floor $(rss_mb "$FLOOR_PID") MB"

HEADER=$BENCH_WORK/memory-floor-$STAMP.header.md
{
    machine_info
    echo "- JDK 25: $("$JDK25/bin/java" -version 2>&1 | head -1)"
    echo "- servers: -Xmx256m -Xmn160m ${OPTIONS[*]}, --nohazelcast, preboot.asadmin, no archive or cache; keyturn: target/keyturn.war, ES256, embedded H2; floor: bench/floor (JAX-RS, CDI, MicroProfile Health)"
    echo "- load: bench/loadgen/KeyturnLoad.java, $CHAINS chains, ${WARMUP}s warm-up at max per server, then per round and server ${DURATION}s at max (keyturn: body-mode refreshes; floor: GET /api/ping)"
    echo "- RSS when both were ready, before any load: $IDLE"
    echo "- command: bench/memory-floor.sh --runs $RUNS --duration $DURATION --warmup $WARMUP --chains $CHAINS"
} >"$HEADER"

# measure NAME MODE PORT PID ROUNDS WARMUP: one loadgen run against one server
measure() {
    loadgen --mode "$2" --target "$1=http://127.0.0.1:$3@$4" --chains "$CHAINS" --plan max --rounds "$5" \
        --duration "$DURATION" --warmup "$6" --out "$OUT" --tag memory-floor
}
measure keyturn refresh 18080 "$KEYTURN_PID" 0 "$WARMUP"
measure floor ping 18081 "$FLOOR_PID" 0 "$WARMUP"
for round in $(seq "$RUNS"); do
    # the loadgen numbers its rounds from 1 in every run: renumber this run's lines
    lines=$(wc -l <"$OUT")
    if ((round % 2)); then
        measure keyturn refresh 18080 "$KEYTURN_PID" 1 0
        measure floor ping 18081 "$FLOOR_PID" 1 0
    else
        measure floor ping 18081 "$FLOOR_PID" 1 0
        measure keyturn refresh 18080 "$KEYTURN_PID" 1 0
    fi
    python3 - "$OUT" "$lines" "$round" <<'EOF'
import json, sys
path, keep, rnd = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
lines = open(path).read().splitlines()
fixed = lines[:keep] + [json.dumps(dict(json.loads(l), round=rnd)) for l in lines[keep:]]
open(path, "w").write("\n".join(fixed) + "\n")
EOF
done

{
    echo
    echo "### Memory after the load"
    echo
    echo "| server | RSS MB |"
    echo "|---|---|"
    echo "| keyturn | $(rss_mb "$KEYTURN_PID") |"
    echo "| floor | $(rss_mb "$FLOOR_PID") |"
    for name in keyturn floor; do
        pid=$KEYTURN_PID
        [[ $name == keyturn ]] || pid=$FLOOR_PID
        echo
        echo "### Native memory tracking, $name (jcmd VM.native_memory summary scale=MB)"
        echo
        nmt_summary "$JDK25" "$pid"
    done
} >"$BENCH_WORK/memory-floor-$STAMP.memory.md"
stop_all

summarize "$OUT" --title "Resident memory: Keyturn and the platform's floor ($STAMP)" --header "$HEADER" \
    --metrics throughput,per_cpu_s,cpu_ms_per_req,rss_max_mb,errors,load1 \
    --ratio keyturn@max/floor@max:rss_max_mb |
    cat - "$BENCH_WORK/memory-floor-$STAMP.memory.md" | tee "$RESULTS/memory-floor-$STAMP.md"
log "raw: $OUT; summary: $RESULTS/memory-floor-$STAMP.md"
