#!/usr/bin/env bash
# Item 3's warm-up (issue 15): how long after start the JIT compiler stops dominating a refresh load, and whether
# JDK 25's ahead-of-time cache (classes plus method profiles, JEP 515) shortens it. One server at a time, fast-refresh
# configuration (JDK 25, ES256, the README's heap, embedded H2): start, wait for /health/ready, then refreshes at max
# (closed loop, --chains chains, no warm-up) measured in consecutive windows of --window seconds; stop. Per window:
# refreshes per server CPU-second and the JIT compiler threads' share of the server's CPU.
#   jdk25           no cache (only the JDK's own default CDS archive)
#   jdk25-aot       the cache `./mvnw package` trains on JDK 25 (target/keyturn.aot: Payara Micro --warmup, i.e.
#                   the deployment only, no request)
#   jdk25-aot-load  a cache trained by this script under refresh load: the server runs with -XX:AOTCacheOutput,
#                   --train seconds of refreshes at max, then stops (SIGTERM); the JVM writes the cache at exit
#                   (target/bench/warmup/keyturn-load.aot). Not something the build makes: it measures what a
#                   workload-trained cache would give.
# Runs are interleaved: each run starts every configuration once, one further along the list each time.
#
# Needs the AOT cache of the same keyturn.war: JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw package -DskipTests
#
# usage: bench/warmup.sh [--runs 3] [--windows 15] [--window 10] [--chains 16] [--train 60]
#        [--configs jdk25,jdk25-aot,jdk25-aot-load] [--jdk25 /usr/lib/jvm/temurin-25-jdk-amd64]
source "$(dirname "$0")/lib.sh"

RUNS=3 WINDOWS=15 WINDOW=10 CHAINS=16 TRAIN=60 CONFIGS=jdk25,jdk25-aot,jdk25-aot-load
JDK25=${KEYTURN_JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
while (($#)); do
    case $1 in
        --runs) RUNS=$2 ;;
        --windows) WINDOWS=$2 ;;
        --window) WINDOW=$2 ;;
        --chains) CHAINS=$2 ;;
        --train) TRAIN=$2 ;;
        --configs) CONFIGS=$2 ;;
        --jdk25) JDK25=$2 ;;
        *) die "unknown option $1" ;;
    esac
    shift 2
done
require curl java python3
JAVA25=$JDK25/bin/java
[[ -x $JAVA25 ]] || die "no JDK 25 in $JDK25 (--jdk25 DIR)"
AOT_CACHE=${AOT_CACHE:-$ROOT/target/keyturn.aot}
LOAD_CACHE=$BENCH_WORK/warmup/keyturn-load.aot
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$RESULTS/warmup-$STAMP.jsonl
: >"$OUT"
export KEYTURN_SIGNING_ALGORITHM=ES256
IFS=, read -r -a CONFIG_LIST <<<"$CONFIGS"

config_option() {
    case $1 in
        jdk25) echo "" ;;
        jdk25-aot) echo "-XX:AOTCache=$AOT_CACHE" ;;
        jdk25-aot-load) echo "-XX:AOTCache=$LOAD_CACHE" ;;
        *) die "unknown configuration $1" ;;
    esac
}
! listed jdk25-aot || [[ -f $AOT_CACHE ]] || die "$AOT_CACHE missing: JAVA_HOME=$JDK25 ./mvnw package -DskipTests"

# start_server CONFIG DIR [java options...]: a Keyturn on a fresh H2 database in DIR, port 18080; sets PID
start_server() {
    local c=$1 dir=$2; shift 2
    rm -rf "${BENCH_WORK:?}/$dir"
    keyturn_db_env h2 "$BENCH_WORK/$dir/data"
    local run_options=()
    read -r -a run_options <<<"$JDK25_RUN_OPTIONS"
    BENCH_JAVA=$JAVA25 BENCH_STARTUP_OPTION=$(config_option "$c") start_payara "$dir" 18080 "$KEYTURN_WAR" \
        "${run_options[@]}" "$@"
    wait_ready 18080 "$PID" 300
}

if listed jdk25-aot-load; then
    mkdir -p "$(dirname "$LOAD_CACHE")"
    rm -f "$LOAD_CACHE"
    log "training $LOAD_CACHE: ${TRAIN}s of refreshes at max"
    start_server jdk25 warmup-train "-XX:AOTCacheOutput=$LOAD_CACHE"
    loadgen --mode refresh --target "train=http://127.0.0.1:18080@$PID" --chains "$CHAINS" --plan max --rounds 1 \
        --duration "$TRAIN" --warmup 0 >/dev/null
    stop_pid "$PID"
    [[ -f $LOAD_CACHE ]] || die "no cache written: $BENCH_WORK/warmup-train/server.log"
fi

HEADER=$BENCH_WORK/warmup-$STAMP.header.md
{
    machine_info
    echo "- JDK 25: $("$JAVA25" -version 2>&1 | head -1)"
    echo "- servers: $HEAP $JDK25_RUN_OPTIONS, KEYTURN_SIGNING_ALGORITHM=ES256, --nohazelcast, preboot.asadmin, a fresh embedded H2 each start; caches: $(basename "$AOT_CACHE") $(du -m "$AOT_CACHE" 2>/dev/null | cut -f1) MB, $(basename "$LOAD_CACHE") $(du -m "$LOAD_CACHE" 2>/dev/null | cut -f1) MB (trained with ${TRAIN}s of refreshes)"
    echo "- load: bench/loadgen/KeyturnLoad.java, $CHAINS chains at max from /health/ready on (users registered first), $WINDOWS windows of ${WINDOW}s"
    echo "- command: bench/warmup.sh --runs $RUNS --windows $WINDOWS --window $WINDOW --chains $CHAINS --train $TRAIN --configs $CONFIGS"
} >"$HEADER"

n=${#CONFIG_LIST[@]}
for run in $(seq "$RUNS"); do
    for i in $(seq 0 $((n - 1))); do
        c=${CONFIG_LIST[$(((i + run - 1) % n))]}
        start_server "$c" "warmup-$c"
        log "run $run $c: ready, $WINDOWS windows of ${WINDOW}s"
        loadgen --mode refresh --target "$c=http://127.0.0.1:18080@$PID" --chains "$CHAINS" --plan max \
            --rounds "$WINDOWS" --duration "$WINDOW" --warmup 0 --out "$OUT" --tag "warmup-run$run" >/dev/null
        stop_pid "$PID"
    done
done

python3 - "$OUT" "$HEADER" "$WINDOW" "$STAMP" <<'EOF' | tee "$RESULTS/warmup-$STAMP.md"
import json, statistics, sys
from collections import defaultdict
out, header, window, stamp = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
rows = [json.loads(line) for line in open(out)]
by = defaultdict(lambda: defaultdict(list))  # config -> window -> [row of each run]
for r in rows:
    by[r["target"]][r["round"]].append(r)
med = lambda xs: statistics.median(xs) if xs else float("nan")
share = lambda r: 100 * r["jit_cpu_s"] / r["server_cpu_s"] if r.get("server_cpu_s") else float("nan")
print(f"## Refresh warm-up after start, JDK 25 ES256 ({stamp})\n")
print(open(header).read())
configs = list(by)
print("Median of the runs per window (spread in brackets): refreshes per server CPU-second | JIT compiler share of the server's CPU\n")
print("| seconds of load | " + " | ".join(configs) + " |")
print("|---|" + "---|" * len(configs))
windows = sorted({w for c in configs for w in by[c]})
for w in windows:
    cells = []
    for c in configs:
        rs = by[c].get(w, [])
        p = [r["per_cpu_s"] for r in rs]
        j = [share(r) for r in rs]
        cells.append(f"{med(p):.0f} ({min(p):.0f} – {max(p):.0f}) \\| JIT {med(j):.0f} %" if rs else "")
    print(f"| {int((w - 1) * window)}–{int(w * window)} | " + " | ".join(cells) + " |")
print()
for c in configs:
    last = [med([r["per_cpu_s"] for r in by[c][w]]) for w in windows[-3:]]
    steady = med(last)
    jit_below = next((w for w in windows if med([share(r) for r in by[c][w]]) < 10), None)
    at90 = next((w for w in windows if med([r["per_cpu_s"] for r in by[c][w]]) >= 0.9 * steady), None)
    total = sum(r["requests"] for w in windows for r in by[c][w])
    cpu = sum(r["server_cpu_s"] for w in windows for r in by[c][w])
    print(f"- {c}: last three windows {steady:.0f} per CPU-s; 90 % of that from "
          + (f"{int((at90 - 1) * window)} s of load" if at90 else "never")
          + "; JIT below 10 % of the CPU from "
          + (f"{int((jit_below - 1) * window)} s" if jit_below else "never (within the windows)")
          + f"; whole run {total / cpu:.0f} refreshes per CPU-s (mean of the runs' totals)")
EOF
log "raw: $OUT; summary: $RESULTS/warmup-$STAMP.md"
