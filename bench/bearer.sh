#!/usr/bin/env bash
# Item 1, bearer validation overhead. In one run, interleaved (me, twin, mpjwt, me, twin, mpjwt, ...), with the same
# wrk settings for each:
#   me     GET /api/me with a valid access token (Keyturn's BearerAuthenticationMechanism + @RolesAllowed EJB)
#   twin   GET /api/bench/me-twin without a token: the same JAX-RS application, EJB, user read and JSON, minus authentication
#          (bench/bearer/twin, merged into a copy of target/keyturn.war; the product WAR stays as built)
#   mpjwt  GET /api/me of bench/mpjwt on a second Payara Micro, Payara's own MicroProfile JWT verifying the same
#          token against Keyturn's /.well-known/jwks.json
# Besides throughput and latency, the server CPU per request (from /proc) of each.
#
# usage: bench/bearer.sh [--runs 3] [--duration 20] [--warmup 10] [--threads 2] [--connections 16] [--alg RS256]
source "$(dirname "$0")/lib.sh"

RUNS=3 DURATION=20 WARMUP=10 THREADS=2 CONNECTIONS=16 ALG=
while (($#)); do
    case $1 in
        --runs) RUNS=$2 ;;
        --duration) DURATION=$2 ;;
        --warmup) WARMUP=$2 ;;
        --threads) THREADS=$2 ;;
        --connections) CONNECTIONS=$2 ;;
        --alg) ALG=$2 ;;
        *) die "unknown option $1" ;;
    esac
    shift 2
done
require wrk curl javac jar python3
PORT=18080 MPJWT_PORT=18180
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$RESULTS/bearer-$STAMP.jsonl
: >"$OUT"

# 1. the bench WAR: target/keyturn.war + the twin resource
JAKARTA_API=$M2/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar
[[ -d $ROOT/target/classes ]] || die "$ROOT/target/classes missing: run ./mvnw package -DskipTests"
rm -rf "$BENCH_WORK/twin-build"
mkdir -p "$BENCH_WORK/twin-build/WEB-INF/classes"
javac --release 17 -nowarn -cp "$JAKARTA_API:$ROOT/target/classes" -d "$BENCH_WORK/twin-build/WEB-INF/classes" \
    "$BENCH_DIR/bearer/twin/io/keyturn/bench/MeTwinResource.java"
BENCH_WAR=$BENCH_WORK/keyturn-bench.war
cp "$KEYTURN_WAR" "$BENCH_WAR"
(cd "$BENCH_WORK/twin-build" && jar uf "$BENCH_WAR" WEB-INF)
log "bench WAR: $BENCH_WAR (target/keyturn.war + io.keyturn.bench.MeTwinResource)"

# 2. the MP-JWT verifier WAR
"$ROOT/mvnw" -B -q -f "$BENCH_DIR/mpjwt/pom.xml" package -DskipTests >"$BENCH_WORK/mpjwt-build.log" 2>&1 \
    || die "bench/mpjwt build failed: $BENCH_WORK/mpjwt-build.log"
MPJWT_WAR=$BENCH_DIR/mpjwt/target/mpjwt.war

# 3. both servers, side by side (started together to save time)
rm -rf "$BENCH_WORK/bearer-keyturn" "$BENCH_WORK/bearer-mpjwt"
keyturn_db_env h2 "$BENCH_WORK/bearer-keyturn/data"
export KEYTURN_ACCESS_TOKEN_TTL_SECONDS=7200   # one token for the whole run; the lifetime costs nothing per request
export KEYTURN_ISSUER=http://127.0.0.1:$PORT   # the iss claim the MP-JWT verifier expects
[[ -n $ALG ]] && export KEYTURN_SIGNING_ALGORITHM=$ALG
start_payara bearer-keyturn $PORT "$BENCH_WAR"
KEYTURN_PID=$PID
# BENCH_MPJWT_JAVA: another java for the verifier (Payara 6's EJB authorization fails on JDK 25 in this WAR)
BENCH_JAVA=${BENCH_MPJWT_JAVA:-${BENCH_JAVA:-java}} start_payara bearer-mpjwt $MPJWT_PORT "$MPJWT_WAR" \
    -Dmp.jwt.verify.publickey.location=http://127.0.0.1:$PORT/.well-known/jwks.json \
    -Dmp.jwt.verify.issuer=$KEYTURN_ISSUER -Dmp.jwt.verify.audiences=keyturn \
    -Dmp.jwt.verify.publickey.algorithm="${ALG:-RS256}"
MPJWT_PID=$PID
wait_ready $PORT $KEYTURN_PID
until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$MPJWT_PORT/api/me" | grep -q 401; do
    kill -0 $MPJWT_PID || die "MP-JWT server died: $BENCH_WORK/bearer-mpjwt/server.log"
    sleep 0.2
done

TOKEN=$(register benchuser 'bench password 0123456789' $PORT | json_field accessToken)
AUTH="Authorization: Bearer $TOKEN"
PAD="X-Bench-Bytes: Bearer $TOKEN"   # the twin's request is as long as the authenticated one (13-character name)
ME=http://127.0.0.1:$PORT/api/me
TWIN=http://127.0.0.1:$PORT/api/bench/me-twin
MPJWT=http://127.0.0.1:$MPJWT_PORT/api/me

# 4. same answers?
HEADER=$BENCH_WORK/bearer-$STAMP.header.md
{
    machine_info
    echo "- MP-JWT verifier's java: $("${BENCH_MPJWT_JAVA:-${BENCH_JAVA:-java}}" -version 2>&1 | head -1)"
    echo "- signing algorithm: ${ALG:-the default}; token header: $(cut -d. -f1 <<<"$TOKEN" | tr '_-' '/+' | base64 -d 2>/dev/null || true)"
    echo "- wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (after ${WARMUP}s warm-up of each), $RUNS rounds interleaved me, twin, mpjwt"
    echo "- command: bench/bearer.sh --runs $RUNS --duration $DURATION --warmup $WARMUP --threads $THREADS --connections $CONNECTIONS${ALG:+ --alg $ALG}"
    echo "- answers (status, bytes):"
    for pair in "me|$ME|$AUTH" "twin|$TWIN|$PAD" "mpjwt|$MPJWT|$AUTH"; do
        IFS='|' read -r name url header <<<"$pair"
        echo "  - $name: $(curl -s -o "$BENCH_WORK/body.json" -w '%{http_code}, %{size_download} bytes' -H "$header" "$url"): \`$(cat "$BENCH_WORK/body.json")\`"
    done
    echo "  - me without a token: $(curl -s -o /dev/null -w '%{http_code}' "$ME"); mpjwt without a token: $(curl -s -o /dev/null -w '%{http_code}' "$MPJWT")"
} >"$HEADER"
cat "$HEADER" >&2
grep -q 'me: 200' "$HEADER" && grep -q 'twin: 200' "$HEADER" && grep -q 'mpjwt: 200' "$HEADER" \
    || die "an endpoint did not answer 200 (see above)"

# run_wrk NAME URL HEADER PID ROUND SECONDS: one wrk run, CPU of the serving JVM around it, one JSON line
run_wrk() {
    local name=$1 url=$2 header=$3 pid=$4 round=$5 seconds=$6 cpu0 cpu1 jit0 jit1 line
    cpu0=$(cpu_seconds "$pid")
    jit0=$(jit_seconds "$pid")
    line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" -s "$BENCH_DIR/wrk/report.lua" -H "$header" "$url" \
        | grep '^{')
    cpu1=$(cpu_seconds "$pid")
    jit1=$(jit_seconds "$pid")
    python3 - "$name" "$round" "$cpu0" "$cpu1" "$(rss_mb "$pid")" "$line" "$jit0" "$jit1" <<'EOF'
import json, sys
name, rnd, cpu0, cpu1, rss, line, jit0, jit1 = sys.argv[1:]
r = json.loads(line)
cpu = float(cpu1) - float(cpu0)
ok = r["requests"] - r["non2xx"]
r.update(tag="bearer", target=name, round=int(rnd), step="max", throughput=ok / r["duration_s"],
         server_cpu_s=cpu, per_cpu_s=ok / cpu if cpu else None, cpu_ms_per_req=1000 * cpu / ok if ok else None,
         rss_max_mb=float(rss), load1=float(open("/proc/loadavg").read().split()[0]),
         jit_cpu_s=float(jit1) - float(jit0))
print(json.dumps(r))
EOF
}

# 5. warm up, then the interleaved rounds
log "warm-up ${WARMUP}s each"
run_wrk me "$ME" "$AUTH" $KEYTURN_PID 0 "$WARMUP" >/dev/null
run_wrk twin "$TWIN" "$PAD" $KEYTURN_PID 0 "$WARMUP" >/dev/null
run_wrk mpjwt "$MPJWT" "$AUTH" $MPJWT_PID 0 "$WARMUP" >/dev/null
for round in $(seq "$RUNS"); do
    run_wrk me "$ME" "$AUTH" $KEYTURN_PID "$round" "$DURATION" >>"$OUT"
    run_wrk twin "$TWIN" "$PAD" $KEYTURN_PID "$round" "$DURATION" >>"$OUT"
    run_wrk mpjwt "$MPJWT" "$AUTH" $MPJWT_PID "$round" "$DURATION" >>"$OUT"
    log "round $round: $(tail -3 "$OUT" | python3 -c 'import sys,json; print(", ".join("%s %.0f/s %.3f ms CPU/req" % (r["target"], r["throughput"], r["cpu_ms_per_req"]) for r in map(json.loads, sys.stdin)))')"
done
grep -q '"non2xx": [1-9]' "$OUT" && log "WARNING: some answers were not 2xx (see $OUT)"

summarize "$OUT" --title "Bearer validation overhead ($STAMP)" --header "$HEADER" \
    --metrics throughput,p50_ms,p99_ms,cpu_ms_per_req,jit_cpu_s,non2xx,load1 \
    --ratio me/twin:throughput --ratio me/mpjwt:throughput \
    --ratio me/twin:cpu_ms_per_req --ratio me/mpjwt:cpu_ms_per_req | tee "$RESULTS/bearer-$STAMP.md"
log "raw: $OUT; summary: $RESULTS/bearer-$STAMP.md"
