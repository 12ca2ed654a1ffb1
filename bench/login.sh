#!/usr/bin/env bash
# Item 3, login vs the raw password-hash rate. Interleaved per round:
#   login   POST /api/auth/login (body mode) by --chains users at once, each logging in again as soon as answered
#           (successful logins only: throttling counts failures), for --duration seconds (Keyturn on port 18080, H2)
#   argon2  the same Argon2id check (Keyturn's PasswordHasher and Bouncy Castle from the WAR, Keyturn's default
#           parameters, see bench/loadgen/HashRate.java) in its own JVM with --hash-threads threads, on the same
#           cores, while Keyturn idles; on the server's JDK (BENCH_JAVA, default java on the PATH)
# Framework overhead = 1 - (logins/s) / (checks/s), and CPU ms per login vs per check.
#
# usage: bench/login.sh [--runs 3] [--duration 20] [--warmup 10] [--chains 4] [--hash-threads 2]
source "$(dirname "$0")/lib.sh"

RUNS=3 DURATION=20 WARMUP=10 CHAINS=4 HASH_THREADS=$(nproc)
while (($#)); do
    case $1 in
        --runs) RUNS=$2 ;;
        --duration) DURATION=$2 ;;
        --warmup) WARMUP=$2 ;;
        --chains) CHAINS=$2 ;;
        --hash-threads) HASH_THREADS=$2 ;;
        *) die "unknown option $1" ;;
    esac
    shift 2
done
require curl java python3
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$RESULTS/login-$STAMP.jsonl
: >"$OUT"

# the raw check runs Keyturn's own PasswordHasher: the WAR's classes and its Bouncy Castle jar
LIB=$BENCH_WORK/lib
rm -rf "$LIB" && mkdir -p "$LIB"
unzip -q "$KEYTURN_WAR" 'WEB-INF/classes/*' -d "$LIB"
unzip -p "$KEYTURN_WAR" "$(unzip -Z1 "$KEYTURN_WAR" | grep "WEB-INF/lib/bcprov-")" >"$LIB/bcprov.jar"
# Keyturn's Argon2 settings (defaults unless the environment changes them, as for the server)
MEMORY=${KEYTURN_PASSWORD_ARGON2_MEMORY_KIB:-19456}
ITERATIONS=${KEYTURN_PASSWORD_ARGON2_ITERATIONS:-2}
PARALLELISM=${KEYTURN_PASSWORD_ARGON2_PARALLELISM:-1}

rm -rf "$BENCH_WORK/login"
keyturn_db_env h2 "$BENCH_WORK/login/data"
start_payara login 18080 "$KEYTURN_WAR"
KEYTURN_PID=$PID
wait_ready 18080 $KEYTURN_PID

HEADER=$BENCH_WORK/login-$STAMP.header.md
{
    machine_info
    echo "- server: $HEAP, H2, defaults (Argon2id m=$MEMORY KiB, t=$ITERATIONS, p=$PARALLELISM; signing ${KEYTURN_SIGNING_ALGORITHM:-RS256, the default})"
    echo "- login: bench/loadgen/KeyturnLoad.java --mode login, $CHAINS users logging in concurrently (closed loop, registered once before the warm-up), ${DURATION}s per round after ${WARMUP}s warm-up (10 s before each later round)"
    echo "- argon2id-raw: bench/loadgen/HashRate.java, $HASH_THREADS threads, ${DURATION}s per round (after 2 s warm-up), PasswordHasher and Bouncy Castle from the WAR, $("${BENCH_JAVA:-java}" -version 2>&1 | head -1) $HEAP"
    echo "- command: bench/login.sh --runs $RUNS --duration $DURATION --warmup $WARMUP --chains $CHAINS --hash-threads $HASH_THREADS"
    echo "- 'server CPU ms/request' is the Keyturn JVM's CPU per login, or the hashing JVM's CPU per check"
} >"$HEADER"

# The users register once, before the warm-up: a registration in every round took other paths through the same
# server code (Hibernate's persist, the EJB container) and deoptimized the login's compiled code, so each round
# measured a few CPU-seconds of recompiling (bench/results/login.md, "Registration once")
USERS=l$(date +%s)
# Each round's load generator is a new JVM: rounds after the first give it 10 s of logins before measuring, so its
# own JIT compiler (about 2.5 CPU-s in its first 20 s) does not share the two cores with the measured server
for round in $(seq "$RUNS"); do
    warm=10 registered=()
    ((round == 1)) && warm=$WARMUP
    ((round > 1)) && registered=(--registered yes)
    loadgen --mode login --target "login=http://127.0.0.1:18080@$KEYTURN_PID" --chains "$CHAINS" --plan max \
        --rounds 1 --duration "$DURATION" --warmup "$warm" --out "$BENCH_WORK/login-round.jsonl" --tag login \
        --users "$USERS" "${registered[@]}"
    python3 -c 'import json,sys; [print(json.dumps(dict(json.loads(l), round=int(sys.argv[1])))) for l in sys.stdin]' \
        "$round" <"$BENCH_WORK/login-round.jsonl" >>"$OUT"
    rm -f "$BENCH_WORK/login-round.jsonl"
    "${BENCH_JAVA:-java}" $HEAP -cp "$LIB/WEB-INF/classes:$LIB/bcprov.jar" "$BENCH_DIR/loadgen/HashRate.java" \
        "$HASH_THREADS" "$DURATION" "$MEMORY" "$ITERATIONS" "$PARALLELISM" 2>/dev/null | grep '^{' \
        | python3 -c 'import json,sys; r=json.loads(sys.stdin.read()); r.update(tag="login", target="argon2id-raw", round=int(sys.argv[1]), step="max", load1=float(open("/proc/loadavg").read().split()[0])); print(json.dumps(r))' "$round" >>"$OUT"
    log "round $round: $(tail -2 "$OUT" | python3 -c 'import sys,json; print(", ".join("%s %.1f/s, %.1f CPU ms each (GC %.2f)" % (r["target"], r["throughput"], r["cpu_ms_per_req"], r.get("gc_cpu_ms_per_req") or 0) for r in map(json.loads, sys.stdin)))')"
done

summarize "$OUT" --title "Login vs raw Argon2id ($STAMP)" --header "$HEADER" \
    --metrics throughput,p50_ms,p99_ms,cpu_ms_per_req,per_cpu_s,jit_cpu_s,gc_cpu_ms_per_req,errors,load1 \
    --ratio login/argon2id-raw:throughput --ratio login/argon2id-raw:cpu_ms_per_req | tee "$RESULTS/login-$STAMP.md"
log "framework overhead = 1 - (login / argon2id-raw requests/s); CPU overhead = (login / argon2id-raw CPU ms) - 1"
log "raw: $OUT; summary: $RESULTS/login-$STAMP.md"
