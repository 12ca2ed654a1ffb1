#!/usr/bin/env bash
# Item 4, start and memory. Per round and heap setting:
#   cold    seconds from launching the README's server command to /health/ready UP, in an empty directory (the
#           first start: Flyway creates the schema in ./data, the signing key is generated)
#   memory  resident memory (VmRSS) idle (--settle seconds after ready) and the most seen under the refresh load
#           of item 2 (--load seconds at max); also the idle server's CPU use over 10 s
#   warm    launch to ready again, on the same ./data (every later start)
# The command is the one `./mvnw package payara-micro:start` runs (pom.xml, payara-micro-maven-plugin):
#   java -Xmx512m -Xmn320m -XX:SharedArchiveFile=target/keyturn-cds.jsa -jar payara-micro.jar --deploy target/keyturn.war --contextroot / --nohazelcast
#        --prebootcommandfile server-config/payara/preboot.asadmin --systemProperties server-config/payara/system.properties --port PORT
# with the default database (./data/keyturn, H2), only on port 18080 instead of 8080. Maven's own start-up
# (resolving the plugin, about a few seconds) is not included.
#
# usage: bench/startup.sh [--runs 3] [--heaps "-Xmx512m -Xmn320m,-Xmx256m -Xmn160m"] [--settle 10] [--load 20] [--chains 16]
source "$(dirname "$0")/lib.sh"

RUNS=3 HEAPS="-Xmx512m -Xmn320m,-Xmx256m -Xmn160m" SETTLE=10 LOAD=20 CHAINS=16
while (($#)); do
    case $1 in
        --runs) RUNS=$2 ;;
        --heaps) HEAPS=$2 ;;
        --settle) SETTLE=$2 ;;
        --load) LOAD=$2 ;;
        --chains) CHAINS=$2 ;;
        *) die "unknown option $1" ;;
    esac
    shift 2
done
require curl java python3
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$RESULTS/startup-$STAMP.jsonl
: >"$OUT"
unset KEYTURN_DB_URL KEYTURN_DB_USER KEYTURN_DB_PASSWORD || true   # the README's default database

record() { # record TARGET ROUND key=value...
    python3 -c 'import json,sys; r=dict(tag="startup", target=sys.argv[1], round=int(sys.argv[2]), step="", load1=float(open("/proc/loadavg").read().split()[0])); r.update({k: float(v) for k, v in (a.split("=") for a in sys.argv[3:])}); print(json.dumps(r))' "$@" >>"$OUT"
}

HEADER=$BENCH_WORK/startup-$STAMP.header.md
{
    machine_info
    echo "- launch: java HEAP -XX:SharedArchiveFile=target/keyturn-cds.jsa -jar payara-micro-$PAYARA_VERSION.jar --deploy target/keyturn.war --contextroot / --nohazelcast --prebootcommandfile server-config/payara/preboot.asadmin --systemProperties server-config/payara/system.properties --port 18080, default database ./data (H2); ready = first /health/ready with \"status\":\"UP\" (polled every 0.1 s)"
    echo "- RSS idle: ${SETTLE}s after ready; RSS under load: most seen (every 0.25 s) during ${LOAD}s of refreshes at max with $CHAINS chains (bench/loadgen/KeyturnLoad.java)"
    echo "- class-data sharing archive: $([[ ${BENCH_CDS:-on} == on ]] && echo "$CDS_ARCHIVE (written by ./mvnw package)" || echo off)"
    echo "- command: bench/startup.sh --runs $RUNS --heaps \"$HEAPS\" --settle $SETTLE --load $LOAD --chains $CHAINS"
} >"$HEADER"

IFS=, read -r -a HEAP_LIST <<<"$HEAPS"
for round in $(seq "$RUNS"); do
    for heap in "${HEAP_LIST[@]}"; do
        name=$(sed 's/^-Xmx//; s/ -Xmn/-young/; s/ /_/g' <<<"$heap")
        dir=startup-$name
        rm -rf "${BENCH_WORK:?}/$dir"
        # cold start
        t0=$(now)
        HEAP=$heap start_payara "$dir" 18080 "$KEYTURN_WAR"
        pid=$PID
        wait_ready 18080 $pid
        cold=$(echo "$(now) - $t0" | bc)
        record "cold $name" "$round" ready_s="$cold"
        # idle, then under load
        sleep "$SETTLE"
        rss_idle=$(rss_mb $pid)
        c0=$(cpu_seconds $pid)
        sleep 10
        idle_cpu=$(echo "($(cpu_seconds $pid) - $c0) * 10" | bc -l)   # percent of one CPU
        loadgen --mode refresh --target "s=http://127.0.0.1:18080@$pid" --chains "$CHAINS" --plan max --rounds 1 \
            --duration "$LOAD" --warmup 0 --out "$BENCH_WORK/startup-load.jsonl" --tag startup 2>/dev/null
        read -r rss_load refreshes < <(python3 -c 'import json,sys; r=json.loads(open(sys.argv[1]).readlines()[-1]); print(r["rss_max_mb"], r["throughput"])' "$BENCH_WORK/startup-load.jsonl")
        rm -f "$BENCH_WORK/startup-load.jsonl"
        record "memory $name" "$round" rss_idle_mb="$rss_idle" rss_max_mb="$rss_load" idle_cpu_pct="$idle_cpu" \
            throughput="$refreshes"
        stop_pid $pid
        # warm start on the same ./data
        t0=$(now)
        HEAP=$heap start_payara "$dir" 18080 "$KEYTURN_WAR"
        pid=$PID
        wait_ready 18080 $pid
        warm=$(echo "$(now) - $t0" | bc)
        record "warm $name" "$round" ready_s="$warm" rss_ready_mb="$(rss_mb $pid)"
        stop_pid $pid
        log "round $round $heap: cold ${cold}s, warm ${warm}s, RSS idle ${rss_idle} MB, under load ${rss_load} MB, idle CPU ${idle_cpu}%"
    done
done

summarize "$OUT" --title "Start and memory ($STAMP)" --header "$HEADER" \
    --metrics ready_s,rss_ready_mb,rss_idle_mb,rss_max_mb,idle_cpu_pct,throughput,load1 | tee "$RESULTS/startup-$STAMP.md"
log "raw: $OUT; summary: $RESULTS/startup-$STAMP.md"
