#!/usr/bin/env bash
# Issue 15: Keycloak 26 beside Keyturn on this machine, both on JDK 25, one server at a time, rounds interleaved (each
# round runs every configuration once, starting one further along the list):
#   keycloak        Keycloak (keycloak-quarkus-dist from Maven Central, default $KC_VERSION) with its own JVM
#                   defaults (kc.sh: -Xms64m -Xmx512m, G1, -XX:MaxMetaspaceSize=256m, ...)
#   keycloak-heap   the same with Keyturn's bounded heap: JAVA_OPTS_KC_HEAP="$HEAP" (default -Xmx512m -Xmn320m)
#   keyturn-kcheap  Keyturn as below, but with kc.sh's heap options ($KC_DEFAULT_HEAP) instead of $HEAP: how much of
#                   the difference in memory is the heap policy
#   keyturn         the README's run command on JDK 25: $HEAP -XX:AOTCache=target/keyturn.aot $JDK25_RUN_OPTIONS
#                   -jar payara-micro.jar --deploy target/keyturn.war ... --nohazelcast, default database ./data (H2)
# Keycloak is fetched once into target/bench/keycloak/ (./mvnw dependency:copy), unzipped and built once
# (`kc.sh build --db=dev-file --health-enabled=true`, production mode), so that every start is
#   kc.sh start --optimized --http-enabled=true --http-host=127.0.0.1 --http-port=18780 --http-management-port=18781
#               --hostname-strict=false --cache=local
# (in 26.5 `cache` is a run-time option: `kc.sh build` ignores it, so it is given at each start)
# ready = /health/ready (Keycloak: on the management port 18781; Keyturn: 18080) answering "status":"UP", polled
# every 0.1 s, timed from the launch of kc.sh / java.
# Per configuration and round:
#   cold    launch to ready with a fresh data directory (Keycloak: empty data/, it creates its schema, the master
#           realm and the bootstrap admin; Keyturn: empty ./data); then, for Keycloak, the benchmark realm is made
#           through the admin REST API with curl (realm "bench", revokeRefreshToken=true, refreshTokenMaxReuse=0;
#           public client "bench" with direct access grants; one user); then stopped
#   warm    launch to ready again on the same data; RSS at ready
#   idle    RSS after --settle s
#   max     --warmup s of refreshes at max (not recorded), then --duration s at max, --chains concurrent chains
#           (bench/loadgen/OAuthRefreshLoad.java): refreshes per server CPU-second, the JIT threads' CPU, RSS
#           highest and median while loaded. Keycloak: grant_type=refresh_token on the realm's token endpoint;
#           Keyturn: grant_type=refresh_token on POST /api/oauth2/token with a public client_id (not registered,
#           api-contract.md), each chain's first token from /api/auth/register in body mode
#   login   then --logins s of password logins at max with the same chains (0: none): Keycloak's password grant on
#           the same token endpoint (its default Argon2id hash), Keyturn's POST /api/auth/login in body mode
#           (Argon2id m=19456 KiB, t=2, p=1): the server's CPU per login
# Both sign with RS256 (Keycloak's and Keyturn's default). Then the server is stopped (SIGTERM).
#
# usage: bench/keycloak.sh [--runs 3] [--configs keycloak,keycloak-heap,keyturn] (also: keyturn-kcheap) [--settle 10] [--warmup 60]
#        [--duration 20] [--chains 4] [--logins 15] [--jdk25 /usr/lib/jvm/temurin-25-jdk-amd64] [--kc-version 26.5.6]
source "$(dirname "$0")/lib.sh"

RUNS=3 CONFIGS=keycloak,keycloak-heap,keyturn SETTLE=10 WARMUP=60 DURATION=20 CHAINS=4 LOGINS=15
KC_DEFAULT_HEAP="-Xms64m -Xmx512m" # what kc.sh 26.5 gives the JVM when JAVA_OPTS_KC_HEAP is not set
JDK25=${KEYTURN_JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} KC_VERSION=${KC_VERSION:-26.5.6}
while (($#)); do
    case $1 in
        --runs) RUNS=$2 ;;
        --configs) CONFIGS=$2 ;;
        --settle) SETTLE=$2 ;;
        --warmup) WARMUP=$2 ;;
        --duration) DURATION=$2 ;;
        --chains) CHAINS=$2 ;;
        --logins) LOGINS=$2 ;;
        --jdk25) JDK25=$2 ;;
        --kc-version) KC_VERSION=$2 ;;
        *) die "unknown option $1" ;;
    esac
    shift 2
done
require curl java python3 unzip
JAVA25=$JDK25/bin/java
[[ -x $JAVA25 ]] || die "no JDK 25 in $JDK25 (--jdk25 DIR)"
AOT_CACHE=${AOT_CACHE:-$ROOT/target/keyturn.aot}
[[ -f $AOT_CACHE ]] || die "$AOT_CACHE missing: JAVA_HOME=$JDK25 ./mvnw package -DskipTests"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$RESULTS/keycloak-$STAMP.jsonl
: >"$OUT"
unset KEYTURN_DB_URL KEYTURN_DB_USER KEYTURN_DB_PASSWORD || true   # the README's default database
IFS=, read -r -a CONFIG_LIST <<<"$CONFIGS"

KC_PORT=18780 KC_MGMT_PORT=18781 KT_PORT=18080
KC_DIR=$BENCH_WORK/keycloak
KC_HOME=$KC_DIR/keycloak-$KC_VERSION
KC_REALM=bench KC_CLIENT=bench KC_USER=bench
# throwaway credentials, made up for this benchmark only (the bootstrap admin and the realm's one user)
KC_ADMIN_USER=bench-admin KC_ADMIN_PASSWORD=bench-admin-$RANDOM$RANDOM
USER_PASSWORD="bench password 0123456789"
KC_START_ARGS=(start --optimized --http-enabled=true --http-host=127.0.0.1 --http-port=$KC_PORT
    --http-management-port=$KC_MGMT_PORT --hostname-strict=false --cache=local)
KC_BUILD_ARGS=(build --db=dev-file --health-enabled=true)
KEYTURN_CLIENT=bench-public

# Keycloak: fetch, unzip and build once (the build is kept while its options and version stay the same)
prepare_keycloak() {
    local zip=$KC_DIR/keycloak-quarkus-dist-$KC_VERSION.zip stamp=$KC_HOME/.bench-build
    mkdir -p "$KC_DIR"
    if [[ ! -f $zip ]]; then
        log "fetching keycloak-quarkus-dist $KC_VERSION from Maven Central"
        (cd "$ROOT" && ./mvnw -B -q dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip \
            -DoutputDirectory="$KC_DIR") || die "could not fetch Keycloak $KC_VERSION"
    fi
    [[ -d $KC_HOME ]] || unzip -q "$zip" -d "$KC_DIR"
    if [[ ! -f $stamp || $(cat "$stamp") != "${KC_BUILD_ARGS[*]}" ]]; then
        log "kc.sh ${KC_BUILD_ARGS[*]} (JDK 25)"
        JAVA_HOME=$JDK25 "$KC_HOME/bin/kc.sh" "${KC_BUILD_ARGS[@]}" >"$KC_DIR/build.log" 2>&1 ||
            die "kc.sh build failed: $KC_DIR/build.log"
        echo "${KC_BUILD_ARGS[*]}" >"$stamp"
    fi
}

# start_keycloak NAME [heap options]: kc.sh start --optimized in the background (JAVA_HOME = JDK 25, the bootstrap
# admin in the environment, JAVA_OPTS_KC_HEAP when heap options are given). Sets PID (the Keycloak JVM, a child of
# kc.sh) and SH_PID (kc.sh).
start_keycloak() {
    local name=$1 heap=${2:-} dir=$BENCH_WORK/$1 i
    mkdir -p "$dir"
    if curl -s -o /dev/null "http://127.0.0.1:$KC_PORT/" || curl -s -o /dev/null "http://127.0.0.1:$KC_MGMT_PORT/"; then
        die "port $KC_PORT or $KC_MGMT_PORT is already in use"
    fi
    (
        export JAVA_HOME=$JDK25 KC_BOOTSTRAP_ADMIN_USERNAME=$KC_ADMIN_USER KC_BOOTSTRAP_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD
        if [[ -n $heap ]]; then export JAVA_OPTS_KC_HEAP=$heap; else unset JAVA_OPTS_KC_HEAP; fi
        [[ -z ${BENCH_JVM_OPTS:-} ]] || export JAVA_OPTS_APPEND=$BENCH_JVM_OPTS
        cd "$KC_HOME" && exec bin/kc.sh "${KC_START_ARGS[@]}"
    ) >"$dir/server.log" 2>&1 &
    SH_PID=$!
    STARTED_PIDS+=("$SH_PID")
    PID=
    for i in $(seq 200); do
        PID=$(pgrep -P "$SH_PID" -x java || true)
        [[ -z $PID ]] || break
        kill -0 "$SH_PID" 2>/dev/null || die "kc.sh died: $dir/server.log"
        sleep 0.05
    done
    [[ -n $PID ]] || die "no Keycloak JVM under kc.sh (pid $SH_PID)"
    STARTED_PIDS+=("$PID")
    log "started $name (kc.sh pid $SH_PID, JVM pid $PID) on ports $KC_PORT/$KC_MGMT_PORT, log $dir/server.log"
}

stop_keycloak() {
    stop_pid "$PID"
    stop_pid "$SH_PID"
}

# kc_admin_token: an access token of the bootstrap admin (master realm, admin-cli)
kc_admin_token() {
    curl -sf "http://127.0.0.1:$KC_PORT/realms/master/protocol/openid-connect/token" \
        --data-urlencode grant_type=password --data-urlencode client_id=admin-cli \
        --data-urlencode "username=$KC_ADMIN_USER" --data-urlencode "password=$KC_ADMIN_PASSWORD" | json_field access_token
}

# kc_make_realm: the benchmark realm through the admin REST API: refresh-token rotation with one-time use
# (revokeRefreshToken=true, refreshTokenMaxReuse=0), a public client with direct access grants (the password grant
# gives each chain its first refresh token), one user with every profile attribute set (Keycloak 26's user profile
# refuses a login of a user missing email, first or last name). RS256, the realm's default key, is left as it is.
kc_make_realm() {
    local token realm
    token=$(kc_admin_token) || die "no admin token from Keycloak"
    realm=$(python3 - "$KC_REALM" "$KC_CLIENT" "$KC_USER" "$USER_PASSWORD" <<'EOF'
import json, sys
realm, client, user, password = sys.argv[1:5]
print(json.dumps({
    "realm": realm, "enabled": True,
    "revokeRefreshToken": True, "refreshTokenMaxReuse": 0,
    "clients": [{"clientId": client, "enabled": True, "publicClient": True, "directAccessGrantsEnabled": True,
                 "standardFlowEnabled": False, "protocol": "openid-connect"}],
    "users": [{"username": user, "enabled": True, "email": user + "@example.com", "emailVerified": True,
               "firstName": "Bench", "lastName": "User",
               "credentials": [{"type": "password", "value": password, "temporary": False}]}],
}))
EOF
)
    curl -sf -o /dev/null -X POST "http://127.0.0.1:$KC_PORT/admin/realms" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d "$realm" || die "could not create realm $KC_REALM"
    # check what was made
    curl -sf "http://127.0.0.1:$KC_PORT/admin/realms/$KC_REALM" -H "Authorization: Bearer $token" |
        python3 -c 'import json,sys; r=json.load(sys.stdin); assert r["revokeRefreshToken"] is True and r["refreshTokenMaxReuse"] == 0, r; print("realm", r["realm"], "revokeRefreshToken", r["revokeRefreshToken"], "refreshTokenMaxReuse", r["refreshTokenMaxReuse"], "defaultSignatureAlgorithm", r.get("defaultSignatureAlgorithm"))' >&2
}

# kc_hash_parameters: the stored password hash's algorithm and parameters of the realm's user (for the report)
kc_hash_parameters() {
    local token id
    token=$(kc_admin_token)
    id=$(curl -sf "http://127.0.0.1:$KC_PORT/admin/realms/$KC_REALM/users?username=$KC_USER&exact=true" \
        -H "Authorization: Bearer $token" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
    curl -sf "http://127.0.0.1:$KC_PORT/admin/realms/$KC_REALM/users/$id/credentials" -H "Authorization: Bearer $token" |
        python3 -c 'import json,sys; c=json.load(sys.stdin)[0]; print(c.get("credentialData"))'
}

# check_rotation CONFIG: one chain by hand with curl before the rounds' load: its first refresh must return a new
# refresh token; on Keycloak, presenting the old token again must be refused (one-time use). Keyturn's contract
# answers a second use within its grace window (30 s) with the same successor, so only the rotation is checked there.
check_rotation() {
    local c=$1 url rt0 rt1 again client=$KC_CLIENT
    case $c in
        keycloak*)
            url=http://127.0.0.1:$KC_PORT/realms/$KC_REALM/protocol/openid-connect/token
            rt0=$(curl -sf "$url" --data-urlencode grant_type=password --data-urlencode client_id=$KC_CLIENT \
                --data-urlencode username=$KC_USER --data-urlencode "password=$USER_PASSWORD" | json_field refresh_token) ;;
        keyturn*)
            url=http://127.0.0.1:$KT_PORT/api/oauth2/token
            rt0=$(register "check$RANDOM$RANDOM" "$USER_PASSWORD" $KT_PORT | json_field refreshToken)
            client=$KEYTURN_CLIENT ;;
    esac
    rt1=$(curl -sf "$url" --data-urlencode grant_type=refresh_token --data-urlencode "refresh_token=$rt0" \
        --data-urlencode client_id=$client | json_field refresh_token) || die "$c: the first refresh failed"
    [[ -n $rt1 && $rt1 != "$rt0" ]] || die "$c: the refresh returned no new refresh token"
    again=$(curl -s -o /dev/null -w '%{http_code}' "$url" --data-urlencode grant_type=refresh_token \
        --data-urlencode "refresh_token=$rt0" --data-urlencode client_id=$client)
    if [[ $c == keycloak* && $again != 400 ]]; then
        die "$c: the old refresh token was accepted again ($again): rotation with one-time use is not on"
    fi
    log "$c: rotation checked (new refresh token on refresh; the old one again: HTTP $again)"
}

start_keyturn() {
    local read_opts=()
    read -r -a read_opts <<<"$JDK25_RUN_OPTIONS"
    local heap=$HEAP
    [[ $2 == keyturn-kcheap ]] && heap=$KC_DEFAULT_HEAP
    HEAP=$heap BENCH_JAVA=$JAVA25 BENCH_STARTUP_OPTION=-XX:AOTCache=$AOT_CACHE start_payara "$1" $KT_PORT "$KEYTURN_WAR" "${read_opts[@]}"
}

config_heap() { case $1 in keycloak-heap) echo "$HEAP" ;; *) echo "" ;; esac; }

record() { # record TARGET STEP ROUND key=value...
    python3 -c 'import json,sys; r=dict(tag="keycloak", target=sys.argv[1], step=sys.argv[2], round=int(sys.argv[3]), load1=float(open("/proc/loadavg").read().split()[0])); r.update({k: float(v) for k, v in (a.split("=") for a in sys.argv[4:])}); print(json.dumps(r))' "$@" >>"$OUT"
}

# start_config CONFIG: starts one configuration and waits for ready; sets READY (s), CPU (the JVM's CPU-s until
# ready), RSS (MB), PID (the JVM)
start_config() {
    local c=$1 t0
    t0=$(now)
    case $c in
        keycloak*)
            start_keycloak "kc-$c" "$(config_heap "$c")"
            wait_ready $KC_MGMT_PORT "$PID" 300
            ;;
        keyturn*)
            start_keyturn "kc-$c" "$c"
            wait_ready $KT_PORT "$PID" 300
            ;;
        *) die "unknown configuration $c" ;;
    esac
    READY=$(echo "$(now) - $t0" | bc)
    CPU=$(cpu_seconds "$PID")
    RSS=$(rss_mb "$PID")
}

stop_config() {
    case $1 in
        keycloak*) stop_keycloak ;;
        *) stop_pid "$PID" ;;
    esac
}

data_reset() {
    case $1 in
        keycloak*) rm -rf "$KC_HOME/data" ;;
        keyturn*) rm -rf "${BENCH_WORK:?}/kc-$1" ;;
    esac
}

# load CONFIG ROUND: warm-up and one measured run at max against the running server
load() {
    local c=$1 round=$2 args=()
    case $c in
        keycloak*) args=(--token-url "http://127.0.0.1:$KC_PORT/realms/$KC_REALM/protocol/openid-connect/token"
                         --client-id "$KC_CLIENT" --username "$KC_USER" --password "$USER_PASSWORD") ;;
        keyturn*) args=(--token-url "http://127.0.0.1:$KT_PORT/api/oauth2/token" --client-id "$KEYTURN_CLIENT"
                       --register-url "http://127.0.0.1:$KT_PORT/api/auth/register" --password "$USER_PASSWORD") ;;
    esac
    java -Xmx256m -XX:+UseSerialGC "$BENCH_DIR/loadgen/OAuthRefreshLoad.java" --target "$c" --pid "$PID" \
        --chains "$CHAINS" --warmup "$WARMUP" --duration "$DURATION" --rounds 1 --round "$round" \
        --login-duration "$LOGINS" --out "$OUT" --tag keycloak "${args[@]}"
}

if listed keycloak || listed keycloak-heap; then prepare_keycloak; fi

HEADER=$BENCH_WORK/keycloak-$STAMP.header.md
{
    BENCH_JAVA=$JAVA25 machine_info | grep -v '^- java'
    echo "- JDK 25 for both servers: $("$JAVA25" -version 2>&1 | head -1) ($JAVA25); load generator and tools: $(java -version 2>&1 | head -1)"
    echo "- Keycloak $KC_VERSION (org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip from Maven Central), built once with \`kc.sh ${KC_BUILD_ARGS[*]}\`, each start \`kc.sh ${KC_START_ARGS[*]}\` (production mode, dev-file H2 database in its data/)"
    echo "  - keycloak: kc.sh's JVM defaults (JAVA_OPTS_KC_HEAP unset: -Xms64m -Xmx512m; -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError ...)"
    echo "  - keycloak-heap: the same with JAVA_OPTS_KC_HEAP=\"$HEAP\" (replaces -Xms64m -Xmx512m)"
    echo "  - keyturn-kcheap: Keyturn as keyturn, but $KC_DEFAULT_HEAP (kc.sh's heap options) instead of $HEAP"
    echo "  - realm \"$KC_REALM\": revokeRefreshToken=true, refreshTokenMaxReuse=0, public client \"$KC_CLIENT\" (direct access grants), one user; RS256 (default key); refresh without scope=openid (no ID token)"
    echo "- keyturn: Payara Micro $PAYARA_VERSION, \`JAVA25 $HEAP -XX:AOTCache=target/keyturn.aot $JDK25_RUN_OPTIONS -jar payara-micro.jar --deploy target/keyturn.war --contextroot / --nohazelcast --prebootcommandfile server-config/payara/preboot.asadmin --systemProperties server-config/payara/system.properties --port $KT_PORT\`, default database ./data (H2), RS256 (default); AOT cache $(du -m "$AOT_CACHE" | cut -f1) MB ($(date -u -r "$AOT_CACHE" +%FT%TZ))"
    echo "- ready: first /health/ready with \"status\":\"UP\" (Keycloak: management port $KC_MGMT_PORT), polled every 0.1 s, from the launch of kc.sh / java; cold = fresh data, warm = second start on the same data"
    echo "- load: bench/loadgen/OAuthRefreshLoad.java, $CHAINS chains, grant_type=refresh_token with the chain's newest token, closed loop at max; ${WARMUP}s warm-up then ${DURATION}s measured, per configuration and round, one server running at a time; Keyturn: POST /api/oauth2/token, client_id=$KEYTURN_CLIENT (public, unregistered), first tokens from /api/auth/register (body mode)"
    echo "- command: bench/keycloak.sh --runs $RUNS --configs $CONFIGS --settle $SETTLE --warmup $WARMUP --duration $DURATION --chains $CHAINS --logins $LOGINS --kc-version $KC_VERSION"
} >"$HEADER"

n=${#CONFIG_LIST[@]}
HASH_INFO=
for round in $(seq "$RUNS"); do
    for i in $(seq 0 $((n - 1))); do
        c=${CONFIG_LIST[$(((i + round - 1) % n))]}
        data_reset "$c"
        start_config "$c"
        record "$c" cold "$round" ready_s="$READY" cpu_to_ready_s="$CPU" rss_ready_mb="$RSS"
        cold=$READY
        if [[ $c == keycloak* ]]; then
            kc_make_realm
            [[ -n $HASH_INFO ]] || HASH_INFO=$(kc_hash_parameters || echo '?')
        fi
        ((round > 1)) || check_rotation "$c"
        stop_config "$c"
        start_config "$c"
        record "$c" warm "$round" ready_s="$READY" cpu_to_ready_s="$CPU" rss_ready_mb="$RSS"
        warm=$READY
        sleep "$SETTLE"
        record "$c" idle "$round" rss_idle_mb="$(rss_mb "$PID")"
        log "round $round $c: cold ${cold}s, warm ${warm}s, RSS idle $(rss_mb "$PID") MB"
        load "$c" "$round"
        stop_config "$c"
    done
done
stop_all

ratios() { # ratios METRIC STEP...
    local m=$1 s k; shift
    for s in "$@"; do
        for k in keycloak keycloak-heap keyturn-kcheap; do
            if listed $k && listed keyturn; then echo "--ratio $k@$s/keyturn@$s:$m"; fi
        done
    done
}
{
    summarize "$OUT" --title "Keycloak $KC_VERSION beside Keyturn, JDK 25: start-up and memory ($STAMP)" --header "$HEADER" \
        --metrics ready_s,cpu_to_ready_s,rss_ready_mb,rss_idle_mb,load1 \
        $(ratios ready_s cold warm) $(ratios cpu_to_ready_s cold warm) $(ratios rss_idle_mb idle) | grep -v -E '\| (max|login) \|'
    echo
    summarize "$OUT" --title "Refreshes at max, $CHAINS chains, after ${WARMUP}s warm-up ($STAMP)" \
        --metrics throughput,per_cpu_s,per_cpu_s_excl_jit,jit_cpu_s,gc_cpu_ms_per_req,cpu_ms_per_req,p50_ms,p99_ms,rss_max_mb,rss_median_mb,errors,client_cpu_s,load1 \
        $(ratios per_cpu_s max) $(ratios per_cpu_s_excl_jit max) $(ratios rss_max_mb max) $(ratios rss_median_mb max) |
        grep -v -E '\| (cold|warm|idle|login) \|'
    echo
    if ((LOGINS > 0)); then
        summarize "$OUT" --title "Password logins at max, $CHAINS chains, ${LOGINS}s after the refresh run ($STAMP)" \
            --metrics throughput,cpu_ms_per_req,jit_cpu_s,gc_cpu_ms_per_req,p50_ms,rss_max_mb,errors,load1 \
            $(ratios cpu_ms_per_req login) | grep -v -E '\| (cold|warm|idle|max) \|'
        echo
    fi
    echo "Keycloak's stored password hash (credentialData of the realm's user): $HASH_INFO"
} | tee "$RESULTS/keycloak-$STAMP.md"
log "raw: $OUT; summary: $RESULTS/keycloak-$STAMP.md"
