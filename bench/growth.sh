#!/usr/bin/env bash
# Item 6, growth with stored sessions. One Keyturn per size runs side by side (ports 18080, 18081, ...), each on its
# own database seeded directly with SQL (bench/growth/seed_sql.py: users, active sessions, one live refresh token
# each); each round measures every size in turn at the same fixed open-loop refresh rate, then the p50 (and p99)
# ratio of the largest to the smallest size is taken per round.
#   H2: each server starts once on an empty database (Flyway creates the schema), stops, the seed runs through
#       H2's RunScript (the H2 jar from the WAR), and the server starts again.
#   MariaDB: one mariadbd (as in refresh.sh), one database per size, seeded after Flyway ran.
#
# usage: bench/growth.sh [--db h2|mariadb] [--sizes 10000,1000000] [--rate 50] [--runs 3] [--duration 20]
#                        [--warmup 30] [--chains 16]
source "$(dirname "$0")/lib.sh"

DB=h2 SIZES=10000,1000000 RATE=50 RUNS=3 DURATION=20 WARMUP=30 CHAINS=16
while (($#)); do
    case $1 in
        --db) DB=$2 ;;
        --sizes) SIZES=$2 ;;
        --rate) RATE=$2 ;;
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
OUT=$RESULTS/growth-$DB-$STAMP.jsonl
: >"$OUT"
IFS=, read -r -a SIZE_LIST <<<"$SIZES"
label() { python3 -c 'import sys; n=int(sys.argv[1]); print(f"{n//1000000}M" if n % 1000000 == 0 else f"{n//1000}k" if n % 1000 == 0 else str(n))' "$1"; }

[[ $DB == mariadb ]] && start_mariadb
declare -A PIDS PORTS
# 1. a migrated, empty database per size
i=0
for size in "${SIZE_LIST[@]}"; do
    name=$(label "$size")
    PORTS[$name]=$((18080 + i))
    i=$((i + 1))
    rm -rf "$BENCH_WORK/growth-$DB-$name"
    if [[ $DB == h2 ]]; then
        keyturn_db_env h2 "$BENCH_WORK/growth-$DB-$name/data"
    else
        keyturn_db_env mariadb "keyturn_$name"
    fi
    start_payara "growth-$DB-$name" "${PORTS[$name]}" "$KEYTURN_WAR" "${DB_JVM_OPTS[@]}"
    PIDS[$name]=$PID
done
for size in "${SIZE_LIST[@]}"; do
    name=$(label "$size")
    wait_ready "${PORTS[$name]}" "${PIDS[$name]}"
done

# 2. seed
SEED_LOG=$BENCH_WORK/growth-$DB-$STAMP.seed.md
: >"$SEED_LOG"
for size in "${SIZE_LIST[@]}"; do
    name=$(label "$size")
    sql=$BENCH_WORK/growth-$DB-$name/seed.sql
    python3 "$BENCH_DIR/growth/seed_sql.py" "$DB" "$size" >"$sql"
    t0=$(now)
    if [[ $DB == h2 ]]; then
        stop_pid "${PIDS[$name]}"
        url="jdbc:h2:file:$BENCH_WORK/growth-$DB-$name/data/keyturn"
        java -Xmx2g -cp "$(h2_jar)" org.h2.tools.RunScript -url "$url" -script "$sql"
        counts=$(java -cp "$(h2_jar)" org.h2.tools.Shell -url "$url" -sql \
            "SELECT (SELECT COUNT(*) FROM users) AS u, (SELECT COUNT(*) FROM sessions) AS s, (SELECT COUNT(*) FROM refresh_tokens) AS t" \
            | sed -n 2p | tr -s ' |' ' ' | sed 's/^ //')
        size_mb=$(du -m "$BENCH_WORK/growth-$DB-$name/data/keyturn.mv.db" | cut -f1)
    else
        mariadb --no-defaults -uroot -h127.0.0.1 -P"$MARIADB_PORT" --protocol=TCP "keyturn_$name" <"$sql"
        counts=$(mariadb_sql "SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM sessions), (SELECT COUNT(*) FROM refresh_tokens)" "keyturn_$name" | tr '\t' ' ')
        size_mb=$(mariadb_sql "SELECT ROUND(SUM(data_length + index_length) / 1048576) FROM information_schema.tables WHERE table_schema = 'keyturn_$name'")
    fi
    seconds=$(echo "$(now) - $t0" | bc)
    echo "- $name: seeded in $(printf '%.0f' "$seconds") s; users, sessions, refresh_tokens: $counts; database $size_mb MB" | tee -a "$SEED_LOG" >&2
    rm -f "$sql"
done

# 3. the H2 servers again, on their seeded databases
TARGETS=()
for size in "${SIZE_LIST[@]}"; do
    name=$(label "$size")
    if [[ $DB == h2 ]]; then
        keyturn_db_env h2 "$BENCH_WORK/growth-$DB-$name/data"
        start_payara "growth-$DB-$name" "${PORTS[$name]}" "$KEYTURN_WAR"
        PIDS[$name]=$PID
    fi
done
for size in "${SIZE_LIST[@]}"; do
    name=$(label "$size")
    wait_ready "${PORTS[$name]}" "${PIDS[$name]}"
    pids=${PIDS[$name]}
    [[ $DB == mariadb ]] && pids+=",$MARIADB_PID"
    TARGETS+=(--target "$name=http://127.0.0.1:${PORTS[$name]}@$pids")
done
SMALL=$(label "${SIZE_LIST[0]}")
LARGE=$(label "${SIZE_LIST[-1]}")

HEADER=$BENCH_WORK/growth-$DB-$STAMP.header.md
{
    machine_info
    [[ $DB == mariadb ]] && echo "- MariaDB: $(mariadb_sql 'SELECT VERSION()') (bench/lib.sh start_mariadb, --innodb-buffer-pool-size=${MARIADB_BUFFER_POOL:-1G})"
    echo "- database: $DB; server: $HEAP, defaults otherwise; seeded rows (bench/growth/seed_sql.py):"
    cat "$SEED_LOG"
    echo "- load: bench/loadgen/KeyturnLoad.java, $CHAINS chains (new users), ${WARMUP}s warm-up at max per server, then per round and size ${DURATION}s at a fixed $RATE refreshes/s (open loop)"
    echo "- command: bench/growth.sh --db $DB --sizes $SIZES --rate $RATE --runs $RUNS --duration $DURATION --warmup $WARMUP --chains $CHAINS"
} >"$HEADER"

loadgen --mode refresh "${TARGETS[@]}" --chains "$CHAINS" --plan "rate:$RATE" --rounds "$RUNS" \
    --duration "$DURATION" --warmup "$WARMUP" --out "$OUT" --tag "growth-$DB"

summarize "$OUT" --title "Growth with stored sessions, $DB ($STAMP)" --header "$HEADER" \
    --metrics throughput,p50_ms,p90_ms,p99_ms,cpu_ms_per_req,jit_cpu_s,errors,load1 \
    --ratio "$LARGE/$SMALL:p50_ms" --ratio "$LARGE/$SMALL:p99_ms" --ratio "$LARGE/$SMALL:cpu_ms_per_req" \
    | tee "$RESULTS/growth-$DB-$STAMP.md"
log "raw: $OUT; summary: $RESULTS/growth-$DB-$STAMP.md"
