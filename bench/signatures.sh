#!/usr/bin/env bash
# Issue 15, items 2 and 5: refresh throughput by JDK and signing algorithm, and memory with compact object headers.
# In one run, five Keyturns on their own embedded H2 databases (ports 18080-18084), measured in turn within each
# round (interleaved):
#   jdk17-rs256      JDK 17 (java on the PATH), RS256 (the default)
#   jdk17-es256      JDK 17, KEYTURN_SIGNING_ALGORITHM=ES256
#   jdk25-rs256      JDK 25 (--jdk25 DIR), RS256
#   jdk25-es256      JDK 25, ES256
#   jdk25-es256-256m      JDK 25, ES256, the bounded heap -Xmx256m -Xmn160m, native memory tracking (summary)
#   jdk25-es256-256m-coh  the same with -XX:+UseCompactObjectHeaders
# (not in the default list) -192m: -Xmx192m -Xmn120m, -160m: -Xmx160m -Xmn64m (below the live data
# plus Payara's OpenAPI build: docs/benchmarks.md, item 4c), both with native memory tracking; -lean (last): -XX:+UseSerialGC and
# MALLOC_ARENA_MAX=2, e.g. jdk25-es256-256m-coh-lean, jdk25-es256-192m-coh-lean; -coh alone on the README's heap, e.g.
# jdk25-es256-coh; -parallel: -XX:+UseParallelGC instead of G1, e.g. jdk25-es256-coh-parallel; -base (last): the WAR
# given by --base-war instead of target/keyturn.war, to measure a change side by side with the build it changes, e.g.
# --configs jdk25-es256-coh-parallel-base,jdk25-es256-coh-parallel --base-war /tmp/keyturn-before.war;
# -trim: -XX:TrimNativeHeapInterval=1000 (the JVM gives freed malloc memory back to the system every second);
# -c1: -XX:TieredStopAtLevel=1 (the C1 compiler only: less compiled code and no C2 arenas, slower code);
# -c2: -XX:-TieredCompilation (C2 only: no C1 code or profiles beside it, a longer warm-up);
# -aot: -XX:AOTCache=FILE given by --aot-cache, which must be trained with the same heap and object-header options
# (e.g. the -256m-coh ones; the JVM ignores a cache made with other ones and says so in the server's log)
# Each: body-mode refreshes at max (closed loop, --chains chains) and at half of that max (open loop), refreshes per
# server CPU-second, p50/p99, the JIT's share, and the highest RSS while loaded. Afterwards: each server's RSS and
# heap, and the native memory tracking summary of the 256m ones (what the resident memory is made of).
# No class-data archive or AOT cache for any of them unless -aot (start-up is item 4; the JDK 17 archive would not map
# on 25).
#
# usage: bench/signatures.sh [--runs 3] [--duration 15] [--warmup 45] [--chains 16] [--jdk25 DIR] [--configs a,b,..]
#                            [--base-war FILE] [--aot-cache FILE]
source "$(dirname "$0")/lib.sh"

RUNS=3 DURATION=15 WARMUP=45 CHAINS=16 JDK25=/usr/lib/jvm/temurin-25-jdk-amd64 BASE_WAR= AOT_CACHE=
CONFIGS=jdk17-rs256,jdk17-es256,jdk25-rs256,jdk25-es256,jdk25-es256-256m,jdk25-es256-256m-coh
while (($#)); do
    case $1 in
        --runs) RUNS=$2 ;;
        --duration) DURATION=$2 ;;
        --warmup) WARMUP=$2 ;;
        --chains) CHAINS=$2 ;;
        --jdk25) JDK25=$2 ;;
        --configs) CONFIGS=$2 ;;
        --base-war) BASE_WAR=$2 ;;
        --aot-cache) AOT_CACHE=$(realpath -m "$2") ;;   # each server runs in its own directory
        *) die "unknown option $1" ;;
    esac
    shift 2
done
require curl java python3
[[ -x $JDK25/bin/java ]] || die "no JDK 25 in $JDK25 (--jdk25 DIR)"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$RESULTS/signatures-$STAMP.jsonl
: >"$OUT"
export BENCH_STARTUP_OPTION=
TARGETS=()
declare -A PIDS JAVAS

port=18080
IFS=, read -ra NAMES <<<"$CONFIGS"
for name in "${NAMES[@]}"; do
    java=java opts=()
    case $name in
        jdk17-*) ;;
        jdk25-*) java=$JDK25/bin/java ;;
        *) die "unknown configuration $name" ;;
    esac
    case $name in
        *-rs256*) alg=RS256 ;;
        *-es256*) alg=ES256 ;;
    esac
    heap=$HEAP arenas=${MALLOC_ARENA_MAX:-}
    [[ $name == *-256m* ]] && heap="-Xmx256m -Xmn160m" opts+=(-XX:NativeMemoryTracking=summary)
    [[ $name == *-192m* ]] && heap="-Xmx192m -Xmn120m" opts+=(-XX:NativeMemoryTracking=summary)
    [[ $name == *-160m* ]] && heap="-Xmx160m -Xmn64m" opts+=(-XX:NativeMemoryTracking=summary)
    [[ $name == *-coh* ]] && opts+=(-XX:+UseCompactObjectHeaders)
    [[ $name == *-lean* ]] && opts+=(-XX:+UseSerialGC) arenas=2
    [[ $name == *-parallel* ]] && opts+=(-XX:+UseParallelGC)
    [[ $name == *-trim* ]] && opts+=(-XX:TrimNativeHeapInterval=1000)
    [[ $name == *-c1* ]] && opts+=(-XX:TieredStopAtLevel=1)
    [[ $name == *-c2* ]] && opts+=(-XX:-TieredCompilation)
    if [[ $name == *-aot* ]]; then
        [[ -f $AOT_CACHE ]] || die "$name needs --aot-cache FILE, trained with the same heap and header options"
        opts+=(-XX:AOTCache="$AOT_CACHE")
    fi
    war=$KEYTURN_WAR
    if [[ $name == *-base ]]; then
        [[ -f $BASE_WAR ]] || die "$name needs --base-war FILE"
        war=$BASE_WAR
    fi
    rm -rf "$BENCH_WORK/signatures-$name"
    keyturn_db_env h2 "$BENCH_WORK/signatures-$name/data"
    HEAP=$heap KEYTURN_SIGNING_ALGORITHM=$alg BENCH_JAVA=$java MALLOC_ARENA_MAX=$arenas \
        start_payara "signatures-$name" $port "$war" "${opts[@]}"
    PIDS[$name]=$PID
    JAVAS[$name]=$java
    TARGETS+=(--target "$name=http://127.0.0.1:$port@$PID")
    port=$((port + 1))
done
port=18080
for name in "${NAMES[@]}"; do
    wait_ready $port "${PIDS[$name]}" 300
    port=$((port + 1))
done

HEADER=$BENCH_WORK/signatures-$STAMP.header.md
{
    machine_info
    echo "- JDK 25: $("$JDK25/bin/java" -version 2>&1 | head -1)"
    echo "- servers: $HEAP (-256m: -Xmx256m -Xmn160m, -192m: -Xmx192m -Xmn120m, -160m: -Xmx160m -Xmn64m, all with -XX:NativeMemoryTracking=summary; -coh: -XX:+UseCompactObjectHeaders; -lean: -XX:+UseSerialGC and MALLOC_ARENA_MAX=2; -parallel: -XX:+UseParallelGC; -trim: -XX:TrimNativeHeapInterval=1000; -c1: -XX:TieredStopAtLevel=1; -c2: -XX:-TieredCompilation; -aot: -XX:AOTCache=${AOT_CACHE:-none}; -base: ${BASE_WAR:-no base WAR}), --nohazelcast, preboot.asadmin, no class-data archive or AOT cache unless -aot, embedded H2 each"
    echo "- load: bench/loadgen/KeyturnLoad.java, $CHAINS chains, ${WARMUP}s warm-up at max per server, then per round and server: ${DURATION}s at max, ${DURATION}s at half of that max"
    echo "- command: bench/signatures.sh --runs $RUNS --duration $DURATION --warmup $WARMUP --chains $CHAINS --configs $CONFIGS${BASE_WAR:+ --base-war $BASE_WAR}${AOT_CACHE:+ --aot-cache $AOT_CACHE}"
} >"$HEADER"

loadgen --mode refresh "${TARGETS[@]}" --chains "$CHAINS" --plan max,half --rounds "$RUNS" \
    --duration "$DURATION" --warmup "$WARMUP" --out "$OUT" --tag signatures

# memory after the load, before anything stops
{
    echo
    echo "### Memory after the load"
    echo
    echo "| server | RSS MB | heap used / committed (GC.heap_info) |"
    echo "|---|---|---|"
    for name in "${NAMES[@]}"; do
        jcmd=$(dirname "${JAVAS[$name]}")/jcmd
        [[ ${JAVAS[$name]} == java ]] && jcmd=jcmd
        heap=$("$jcmd" "${PIDS[$name]}" GC.heap_info 2>/dev/null | grep -E 'total|garbage-first heap' | sed -e 's/^ *//' -e 's/ *\[.*//' | paste -sd ';' | sed 's/;/; /g')
        echo "| $name | $(rss_mb "${PIDS[$name]}") | ${heap:-?} |"
    done
    for name in "${NAMES[@]}"; do
        [[ $name == *-256m* || $name == *-192m* || $name == *-160m* ]] || continue
        echo
        echo "### Native memory tracking, $name (jcmd VM.native_memory summary scale=MB)"
        echo
        nmt_summary "$JDK25" "${PIDS[$name]}"
    done
} >"$BENCH_WORK/signatures-$STAMP.memory.md"

# every configuration against the first of the list (by default jdk17-rs256, today's default), per round
RATIOS=()
for name in "${NAMES[@]:1}"; do
    RATIOS+=(--ratio "$name@max/${NAMES[0]}@max:per_cpu_s" --ratio "$name@max/${NAMES[0]}@max:rss_max_mb")
done
summarize "$OUT" --title "Refresh by JDK and signing algorithm ($STAMP)" --header "$HEADER" \
    --metrics throughput,p50_ms,p99_ms,per_cpu_s,per_cpu_s_excl_jit,jit_cpu_s,cpu_ms_per_req,rss_max_mb,errors,load1 \
    "${RATIOS[@]}" | cat - "$BENCH_WORK/signatures-$STAMP.memory.md" | tee "$RESULTS/signatures-$STAMP.md"
log "raw: $OUT; summary: $RESULTS/signatures-$STAMP.md"
