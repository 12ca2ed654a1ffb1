#!/usr/bin/env bash
# Idle keep-alive connections: how often a POST sent on a pooled connection at the moment the server closes it for
# idleness gets no answer, with the JDK client's default keep-alive and with a shorter one; rounds interleaved.
# Needs a WildFly configured by keyturn.cli under target/ (./mvnw -Pwildfly verify makes it). See bench/README.md.
source "$(dirname "$0")/lib.sh"
ARGS="$*"

RUNS=3 CONNECTIONS=300 SHORT=5 FROM=14900 SPAN=300
while [[ $# -gt 0 ]]; do
    case $1 in
        --runs) RUNS=$2; shift 2 ;;
        --connections) CONNECTIONS=$2; shift 2 ;;
        --short) SHORT=$2; shift 2 ;;
        --from) FROM=$2; shift 2 ;;
        --span) SPAN=$2; shift 2 ;;
        *) die "unknown option $1" ;;
    esac
done

WILDFLY_HOME=$(ls -d "$ROOT"/target/wildfly-*/ 2>/dev/null | head -1)
[[ -n $WILDFLY_HOME ]] || die "no target/wildfly-*: run ./mvnw -Pwildfly verify (or -DskipTests) first"
PORT_OFFSET=10300
URL="http://127.0.0.1:$((8080 + PORT_OFFSET))/"
RAW="$RESULTS/idle-connections-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
mkdir -p "$BENCH_WORK/idle-connections"

# a copy of the configured server's base directory, so its data and logs stay under target/bench
rm -rf "$BENCH_WORK/idle-connections/standalone"
cp -r "$WILDFLY_HOME/standalone" "$BENCH_WORK/idle-connections/standalone"
rm -rf "$BENCH_WORK/idle-connections/standalone/deployments/"*
log "starting WildFly ($WILDFLY_HOME) on $URL, nothing deployed: the listener is what is measured"
"$WILDFLY_HOME/bin/standalone.sh" -Djboss.socket.binding.port-offset=$PORT_OFFSET \
    -Djboss.server.base.dir="$BENCH_WORK/idle-connections/standalone" > "$BENCH_WORK/idle-connections/server.log" 2>&1 &
STARTED_PIDS+=($!)
# standalone.sh does not pass its TERM on to the server's JVM; stop that one by its base directory
trap 'stop_all; pkill -f "jboss.server.base.dir=$BENCH_WORK/idle-connections/standalone" || true' EXIT
for _ in $(seq 120); do
    curl -s -o /dev/null "$URL" && break
    sleep 0.5
done
curl -s -o /dev/null "$URL" || die "WildFly did not answer on $URL"

for run in $(seq "$RUNS"); do
    for keepalive in default "$SHORT"; do
        option=()
        [[ $keepalive == default ]] || option=(-Djdk.httpclient.keepalive.timeout="$keepalive")
        log "round $run, client keep-alive $keepalive"
        java "${option[@]}" "$BENCH_DIR/loadgen/IdleConnectionRace.java" "$URL" "$CONNECTIONS" "$FROM" "$SPAN" | tee -a "$RAW" >&2
    done
done

python3 - "$RAW" "$FROM" "$SPAN" "$ARGS" <<'PY'
import json, sys
raw, start, span, args = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rows = [json.loads(line) for line in open(raw)]
print(f"## Idle connections: POSTs on a connection idle {start / 1000:.2f}–{(start + span) / 1000:.2f} s (WildFly, keyturn.cli)\n")
print("| client keep-alive | POSTs | answered | no answer | rounds (no answer) |\n|---|---|---|---|---|")
for keepalive in dict.fromkeys(r["keepalive"] for r in rows):
    mine = [r for r in rows if r["keepalive"] == keepalive]
    sent = sum(r["connections"] for r in mine)
    answered = [r["outcomes"].get("answered", 0) for r in mine]
    print(f"| {keepalive} | {sent} | {sum(answered)} | {sent - sum(answered)} | "
          f"{', '.join(str(r['connections'] - a) for r, a in zip(mine, answered))} |")
failures = sorted({k for r in rows for k in r["outcomes"] if k != "answered"})
print("\nFailures: " + ("; ".join(failures) if failures else "none"))
print(f"\nClient JVM: {rows[0]['java']}. Command: `bench/idle-connections.sh {args}`. Raw: `{raw}`.")
PY
