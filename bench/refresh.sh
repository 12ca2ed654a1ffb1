#!/usr/bin/env bash
# Item 2, refresh rotation. Keyturn on the embedded H2 database (port 18080) and on MariaDB (port 18081, Debian's
# mariadb-server in its own data directory on port 18306) run side by side; each round measures each in turn:
#   max   as many body-mode refreshes as --chains token chains (one user each) drive, closed loop
#   half  an open-loop fixed rate at half of that round's max; latency counted from each request's due time
# and reports refreshes/s, p50/p99, and refreshes per CPU-second of the Keyturn JVM (utime + stime from /proc;
# for MariaDB also with mariadbd's CPU added).
#
# usage: bench/refresh.sh [--db both|h2|mariadb] [--runs 3] [--duration 20] [--warmup 30] [--chains 16]
source "$(dirname "$0")/lib.sh"

DB=both RUNS=3 DURATION=20 WARMUP=30 CHAINS=16
while (($#)); do
    case $1 in
        --db) DB=$2 ;;
        --runs) RUNS=$2 ;;
        --duration) DURATION=$2 ;;
        --warmup) WARMUP=$2 ;;
        --chains) CHAINS=$2 ;;
        *) die "unknown option $1" ;;
    esac
    shift 2
done
require curl java python3
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$RESULTS/refresh-$STAMP.jsonl
: >"$OUT"
TARGETS=()
RATIOS=()

if [[ $DB == both || $DB == mariadb ]]; then
    start_mariadb
fi
if [[ $DB == both || $DB == h2 ]]; then
    rm -rf "$BENCH_WORK/refresh-h2"
    keyturn_db_env h2 "$BENCH_WORK/refresh-h2/data"
    start_payara refresh-h2 18080 "$KEYTURN_WAR" "${DB_JVM_OPTS[@]}"
    H2_PID=$PID
    TARGETS+=(--target "h2=http://127.0.0.1:18080@$H2_PID")
fi
if [[ $DB == both || $DB == mariadb ]]; then
    rm -rf "$BENCH_WORK/refresh-mariadb"
    keyturn_db_env mariadb keyturn
    start_payara refresh-mariadb 18081 "$KEYTURN_WAR" "${DB_JVM_OPTS[@]}"
    MARIADB_KEYTURN_PID=$PID
    TARGETS+=(--target "mariadb=http://127.0.0.1:18081@$MARIADB_KEYTURN_PID,$MARIADB_PID")
fi
[[ -n ${H2_PID:-} ]] && wait_ready 18080 "$H2_PID"
[[ -n ${MARIADB_KEYTURN_PID:-} ]] && wait_ready 18081 "$MARIADB_KEYTURN_PID"
[[ $DB == both ]] && RATIOS=(--ratio mariadb@max/h2@max:throughput --ratio mariadb@max/h2@max:per_cpu_s)

HEADER=$BENCH_WORK/refresh-$STAMP.header.md
{
    machine_info
    [[ -n ${MARIADB_PID:-} ]] && echo "- MariaDB: $(mariadb_sql 'SELECT VERSION()') (bench/lib.sh start_mariadb: --innodb-buffer-pool-size=${MARIADB_BUFFER_POOL:-1G}, defaults otherwise)"
    echo "- server: $HEAP, --nohazelcast, preboot.asadmin, defaults otherwise (grace window 30 s, signing ${KEYTURN_SIGNING_ALGORITHM:-RS256, the default})"
    echo "- load: bench/loadgen/KeyturnLoad.java, $CHAINS chains, ${WARMUP}s warm-up at max per server, then per round and server: ${DURATION}s at max, ${DURATION}s at half of that max"
    echo "- command: bench/refresh.sh --db $DB --runs $RUNS --duration $DURATION --warmup $WARMUP --chains $CHAINS"
    echo "- per CPU-s: refreshes per CPU-second of the Keyturn JVM; 'with db' adds mariadbd's CPU; 'without JIT' leaves out the CPU of its C1/C2 compiler threads (still compiling after a short warm-up)"
} >"$HEADER"

loadgen --mode refresh "${TARGETS[@]}" --chains "$CHAINS" --plan max,half --rounds "$RUNS" \
    --duration "$DURATION" --warmup "$WARMUP" --out "$OUT" --tag refresh

summarize "$OUT" --title "Refresh rotation ($STAMP)" --header "$HEADER" \
    --metrics throughput,p50_ms,p99_ms,per_cpu_s,per_cpu_s_with_db,per_cpu_s_excl_jit,jit_cpu_s,cpu_ms_per_req,rss_max_mb,errors,load1 \
    "${RATIOS[@]}" | tee "$RESULTS/refresh-$STAMP.md"
log "raw: $OUT; summary: $RESULTS/refresh-$STAMP.md"
