#!/usr/bin/env bash
# Item 4 by JDK (issue 15): launch to /health/ready UP for the start-up configurations the run command can take,
# side by side, rounds interleaved (each round runs every configuration once, starting one further along the list):
#   jdk17-cds   JDK 17 (`java` on the PATH) with the class-data sharing archive   -XX:SharedArchiveFile=target/keyturn-cds.jsa
#   jdk17       JDK 17 without it
#   jdk25       JDK 25 without any archive of ours (only the JDK's own default CDS archive)
#   jdk25-aot   JDK 25 with the ahead-of-time cache                              -XX:AOTCache=target/keyturn.aot
#   jdk17-launcher-cds, jdk25-launcher-aot   the same two archives, but Payara Micro started through its launcher
#               (`--outputlauncher`: a root directory holding the unpacked runtime and launch-micro.jar, whose
#               manifest puts every runtime jar on the class path), each archive made by this script from that
#               launcher with the pom's training run (--warmup); the root directory's configuration and deployments
#               are reset to the freshly made state before every start, so each start deploys keyturn.war anew as
#               the others do. Not the run command: a candidate for it, measured side by side.
#   jdk25-addlibs-aot   JDK 25, Hibernate ORM and the libraries only it uses (Byte Buddy, ANTLR, classmate, Jandex,
#               JBoss Logging, Hibernate Commons Annotations) taken out of the WAR and given to Payara Micro with
#               `--addlibs`, so that the server's class loader loads them instead of the WAR's; with its own cache,
#               made by this script with the pom's training run. Not the run command (the WAR would no longer carry
#               its JPA provider, and WildFly's JPA subsystem would need the same Hibernate as a module): measured to
#               know what Hibernate's place costs at start.
#   jdk17-floor-cds, jdk25-floor-aot   not Keyturn: the platform's floor. The same launch, archive option and JDK
#               options, but deploying bench/floor (one JAX-RS resource, one CDI bean, one readiness check; no
#               persistence, no libraries; compiled and packaged by this script) with its own archive, trained by the
#               pom's training run; ready = its check "floor-deployed" UP. What Keyturn adds to the platform's start
#               and memory is the difference to jdk17-cds and jdk25-aot.
# Per configuration and round: cold (empty ./data: Flyway creates the schema, the signing key is generated) and warm
# (again on the same ./data, as every later start). The server's CPU time until ready (utime + stime, /proc) is
# recorded beside the wall time: on a machine shared with other work it depends much less on what else runs. Also
# read from the server log: the deployment's own time ("keyturn was successfully deployed in N milliseconds") and
# Payara Micro's "ready in N (ms)".
# The server command is the README's run command (pom.xml, payara-micro-maven-plugin):
#   JAVA -Xmx512m -Xmn320m [ARCHIVE] [JDK 25: $JDK25_RUN_OPTIONS] -jar payara-micro.jar --deploy target/keyturn.war
#        --contextroot / --nohazelcast --prebootcommandfile server-config/payara/preboot.asadmin --systemProperties server-config/payara/system.properties --port 18080
# with the default database (./data/keyturn, H2) in its own directory. Maven's own start-up is not included.
# After the rounds, one more start of each archived configuration logs class loading (-Xlog:class+load) to count
# the classes that came from the archive or cache, and the JVM's cds/aot warnings (a refused cache shows there).
#
# Needs both files, from the same keyturn.war (the build is reproducible):
#   ./mvnw package -DskipTests                                                         (JDK 17: keyturn-cds.jsa)
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw package -DskipTests                (JDK 25: keyturn.aot)
#
# usage: bench/startup-jdk.sh [--runs 3] [--configs jdk17-cds,jdk25,jdk25-aot[,jdk17-launcher-cds,jdk25-launcher-aot,jdk25-addlibs-aot,jdk17-floor-cds,jdk25-floor-aot]] [--jdk25 /usr/lib/jvm/temurin-25-jdk-amd64]
#        [--no-check]
source "$(dirname "$0")/lib.sh"

RUNS=3 CONFIGS=jdk17-cds,jdk25,jdk25-aot JDK25=${KEYTURN_JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} CHECK=1
while (($#)); do
    case $1 in
        --runs) RUNS=$2; shift 2 ;;
        --configs) CONFIGS=$2; shift 2 ;;
        --jdk25) JDK25=$2; shift 2 ;;
        --no-check) CHECK=0; shift ;;
        *) die "unknown option $1" ;;
    esac
done
require curl java python3
JAVA17=$(command -v java)
JAVA25=$JDK25/bin/java
AOT_CACHE=${AOT_CACHE:-$ROOT/target/keyturn.aot}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$RESULTS/startup-jdk-$STAMP.jsonl
: >"$OUT"
unset KEYTURN_DB_URL KEYTURN_DB_USER KEYTURN_DB_PASSWORD || true   # the README's default database
HEAP="-Xmx512m -Xmn320m"                                           # the run command's

IFS=, read -r -a CONFIG_LIST <<<"$CONFIGS"
# config_java NAME / config_option NAME: the java executable and the archive option of a configuration
config_java() { case $1 in jdk17*) echo "$JAVA17" ;; jdk25*) echo "$JAVA25" ;; *) die "unknown configuration $1" ;; esac; }
config_option() {
    case $1 in
        jdk17-cds) echo "-XX:SharedArchiveFile=$CDS_ARCHIVE" ;;
        jdk25-aot) echo "-XX:AOTCache=$AOT_CACHE" ;;
        jdk17-launcher-cds) echo "-XX:SharedArchiveFile=$LAUNCHER_CDS" ;;
        jdk25-launcher-aot) echo "-XX:AOTCache=$LAUNCHER_AOT" ;;
        jdk25-addlibs-aot) echo "-XX:AOTCache=$ADDLIBS_AOT" ;;
        jdk17-floor-cds) echo "-XX:SharedArchiveFile=$FLOOR_CDS" ;;
        jdk25-floor-aot) echo "-XX:AOTCache=$FLOOR_AOT" ;;
        jdk17 | jdk25) echo "" ;;
        *) die "unknown configuration $1" ;;
    esac
}
# Payara Micro's launcher (configurations *-launcher-*): made once per run under target/bench, with its archives
LAUNCHER_ROOT=$BENCH_WORK/payara-micro-root
LAUNCHER_PRISTINE=$BENCH_WORK/payara-micro-root.pristine
LAUNCHER_CDS=$BENCH_WORK/launcher-cds.jsa
LAUNCHER_AOT=$BENCH_WORK/launcher.aot
config_jar() { case $1 in *-launcher-*) echo "$LAUNCHER_ROOT/launch-micro.jar" ;; *) echo "$PAYARA_JAR" ;; esac; }
# reset_launcher_root: back to the state --outputlauncher left (no configuration change, no deployment kept);
# cp -a keeps the jars' times, which the archives check
reset_launcher_root() {
    rm -rf "$LAUNCHER_ROOT"
    cp -a "$LAUNCHER_PRISTINE" "$LAUNCHER_ROOT"
}
# train_launcher JAVA OPTION...: the pom's training run (exec:exec@class-data-sharing-archive or
# @ahead-of-time-cache), started through the launcher
train_launcher() {
    local java=$1 work=$BENCH_WORK/launcher-training; shift
    rm -rf "$work"
    mkdir -p "$work/tmp"
    (cd "$work" && "$java" -Xmx512m "$@" -Djava.io.tmpdir="$work/tmp" -Dkeyturn.db.url=jdbc:h2:mem:launcher-training \
        -jar "$LAUNCHER_ROOT/launch-micro.jar" --deploy "$KEYTURN_WAR" --contextroot / --nohazelcast \
        --prebootcommandfile "$PREBOOT" --systemProperties "$SYSTEM_PROPERTIES" --port 28080 --autobindhttp --warmup >"$work/training.log" 2>&1) ||
        die "training run failed, see $work/training.log"
    reset_launcher_root
}
prepare_launcher() {
    rm -rf "$LAUNCHER_ROOT" "$LAUNCHER_PRISTINE" "$LAUNCHER_CDS" "$LAUNCHER_AOT"
    "$JAVA17" -jar "$PAYARA_JAR" --rootdir "$LAUNCHER_ROOT" --outputlauncher >"$BENCH_WORK/launcher-output.log" 2>&1 ||
        die "--outputlauncher failed, see $BENCH_WORK/launcher-output.log"
    cp -a "$LAUNCHER_ROOT" "$LAUNCHER_PRISTINE"
    ! listed jdk17-launcher-cds ||
        train_launcher "$JAVA17" -XX:ArchiveClassesAtExit="$LAUNCHER_CDS" -Xlog:disable -Xlog:all=error:stderr
    ! listed jdk25-launcher-aot ||
        train_launcher "$JAVA25" -XX:+UseCompactObjectHeaders -XX:AOTCacheOutput="$LAUNCHER_AOT"
    log "launcher in $LAUNCHER_ROOT; archives: $(ls "$LAUNCHER_CDS" "$LAUNCHER_AOT" 2>/dev/null | tr '\n' ' ')"
}

# Hibernate on the server's class path (configuration jdk25-addlibs-aot): the WAR without Hibernate's jars, the jars
# in a directory of their own, and a cache trained with both
ADDLIBS_DIR=$BENCH_WORK/addlibs
ADDLIBS_WAR=$ADDLIBS_DIR/keyturn.war
ADDLIBS_AOT=$BENCH_WORK/addlibs.aot
HIBERNATE_JARS="hibernate-core- hibernate-commons-annotations- byte-buddy- antlr4-runtime- classmate- jandex- jboss-logging-"
config_war() { case $1 in *-addlibs-*) echo "$ADDLIBS_WAR" ;; *-floor-*) echo "$FLOOR_WAR" ;; *) echo "$KEYTURN_WAR" ;; esac; }
config_payara_args() { case $1 in *-addlibs-*) echo "--addlibs $ADDLIBS_DIR/lib" ;; *) echo "" ;; esac; }
prepare_addlibs() {
    local exploded=$ADDLIBS_DIR/war prefix work=$BENCH_WORK/addlibs-training
    rm -rf "$ADDLIBS_DIR" "$ADDLIBS_AOT" "$work"
    mkdir -p "$exploded" "$ADDLIBS_DIR/lib" "$work/tmp"
    unzip -q "$KEYTURN_WAR" -d "$exploded"
    for prefix in $HIBERNATE_JARS; do
        mv "$exploded"/WEB-INF/lib/"$prefix"[0-9]*.jar "$ADDLIBS_DIR/lib/" || die "no $prefix jar in $KEYTURN_WAR"
    done
    (cd "$exploded" && zip -q -r -X "$ADDLIBS_WAR" .)
    (cd "$work" && "$JAVA25" -Xmx512m -XX:+UseCompactObjectHeaders -XX:AOTCacheOutput="$ADDLIBS_AOT" \
        -Djava.io.tmpdir="$work/tmp" -Dkeyturn.db.url=jdbc:h2:mem:addlibs-training -jar "$PAYARA_JAR" \
        --deploy "$ADDLIBS_WAR" --contextroot / --nohazelcast --prebootcommandfile "$PREBOOT" --systemProperties "$SYSTEM_PROPERTIES" --port 28080 \
        --autobindhttp --addlibs "$ADDLIBS_DIR/lib" --warmup >"$work/training.log" 2>&1) ||
        die "training run failed, see $work/training.log"
    log "Hibernate's jars in $ADDLIBS_DIR/lib, the WAR without them $ADDLIBS_WAR, cache $ADDLIBS_AOT"
}

# The platform's floor (configurations *-floor-*): bench/floor as a WAR (build_floor, lib.sh), and an archive per JDK
# trained as the pom trains Keyturn's
FLOOR_DIR=$BENCH_WORK/floor
FLOOR_WAR=$FLOOR_DIR/floor.war
FLOOR_CDS=$BENCH_WORK/floor-cds.jsa
FLOOR_AOT=$BENCH_WORK/floor.aot
# train_floor JAVA OPTION...: Payara Micro's --warmup run with the floor deployed (it deploys, then exits)
train_floor() {
    local java=$1 work=$BENCH_WORK/floor-training; shift
    rm -rf "$work"
    mkdir -p "$work/tmp"
    (cd "$work" && "$java" -Xmx512m "$@" -Djava.io.tmpdir="$work/tmp" -jar "$PAYARA_JAR" --deploy "$FLOOR_WAR" \
        --contextroot / --nohazelcast --prebootcommandfile "$PREBOOT" --systemProperties "$SYSTEM_PROPERTIES" --port 28080 --autobindhttp --warmup \
        >"$work/training.log" 2>&1) || die "training run failed, see $work/training.log"
}
prepare_floor() {
    rm -rf "$FLOOR_CDS" "$FLOOR_AOT"
    build_floor "$FLOOR_DIR"
    ! listed jdk17-floor-cds ||
        train_floor "$JAVA17" -XX:ArchiveClassesAtExit="$FLOOR_CDS" -Xlog:disable -Xlog:all=error:stderr
    ! listed jdk25-floor-aot || train_floor "$JAVA25" -XX:+UseCompactObjectHeaders -XX:AOTCacheOutput="$FLOOR_AOT"
    log "the floor: $FLOOR_WAR; archives: $(ls "$FLOOR_CDS" "$FLOOR_AOT" 2>/dev/null | tr '\n' ' ')"
}

for c in "${CONFIG_LIST[@]}"; do
    [[ -x $(config_java "$c") ]] || die "$(config_java "$c") not found (configuration $c)"
    case $c in
        jdk17-cds) [[ -f $CDS_ARCHIVE ]] || die "$CDS_ARCHIVE missing: ./mvnw package -DskipTests (JDK 17)" ;;
        jdk25-aot) [[ -f $AOT_CACHE ]] || die "$AOT_CACHE missing: JAVA_HOME=$JDK25 ./mvnw package -DskipTests" ;;
    esac
done

[[ $CONFIGS != *-launcher-* ]] || prepare_launcher
[[ $CONFIGS != *-addlibs-* ]] || prepare_addlibs
[[ $CONFIGS != *-floor-* ]] || prepare_floor

record() { # record TARGET STEP ROUND key=value...
    python3 -c 'import json,sys; r=dict(tag="startup-jdk", target=sys.argv[1], step=sys.argv[2], round=int(sys.argv[3]), load1=float(open("/proc/loadavg").read().split()[0])); r.update({k: float(v) for k, v in (a.split("=") for a in sys.argv[4:])}); print(json.dumps(r))' "$@" >>"$OUT"
}

# log_seconds LOG: the deployment's time and Payara Micro's own "ready in", in seconds ("? ?" if not found)
log_seconds() {
    python3 - "$1" <<'EOF'
import re, sys
text = open(sys.argv[1], errors="replace").read()
d = re.search(r"(?:keyturn|floor) was successfully deployed in ([\d,]+) milliseconds", text)
r = re.search(r"ready in ([\d,]+) \(ms\)", text)
f = lambda m: f"{int(m.group(1).replace(',', '')) / 1000:.3f}" if m else "0"
print(f(d), f(r))
EOF
}

# one_start CONFIG DIR: starts, waits for ready; sets READY (s), CPU (the server's CPU-seconds until ready), RSS (MB)
# and PID (the server, left running)
one_start() {
    local c=$1 dir=$2 t0 opt java
    opt=$(config_option "$c")
    java=$(config_java "$c")
    [[ $c != *-launcher-* ]] || reset_launcher_root
    t0=$(now)
    local run_options=()
    [[ $c != jdk25* ]] || read -r -a run_options <<<"$JDK25_RUN_OPTIONS"
    PAYARA_JAR=$(config_jar "$c") BENCH_JAVA=$java BENCH_STARTUP_OPTION=$opt BENCH_PAYARA_ARGS=$(config_payara_args "$c") \
        start_payara "$dir" 18080 "$(config_war "$c")" \
        "${run_options[@]}"
    if [[ $c == *-floor-* ]]; then
        BENCH_READY_MATCH='"name":"floor-deployed","status":"UP"' wait_ready 18080 "$PID"
    else
        wait_ready 18080 "$PID"
    fi
    READY=$(echo "$(now) - $t0" | bc)
    CPU=$(cpu_seconds "$PID")
    RSS=$(rss_mb "$PID")
}

HEADER=$BENCH_WORK/startup-jdk-$STAMP.header.md
{
    machine_info
    echo "- JDK 17: $("$JAVA17" -version 2>&1 | head -1) ($JAVA17); JDK 25: $("$JAVA25" -version 2>&1 | head -1) ($JAVA25)"
    echo "- launch: JAVA $HEAP ARCHIVE (JDK 25: $JDK25_RUN_OPTIONS) -jar payara-micro-$PAYARA_VERSION.jar --deploy target/keyturn.war --contextroot / --nohazelcast --prebootcommandfile server-config/payara/preboot.asadmin --systemProperties server-config/payara/system.properties --port 18080, default database ./data (H2); ready = first /health/ready with \"status\":\"UP\" (polled every 0.1 s)"
    echo "- archives: $(basename "$CDS_ARCHIVE") $(du -m "$CDS_ARCHIVE" 2>/dev/null | cut -f1) MB ($(date -u -r "$CDS_ARCHIVE" +%FT%TZ 2>/dev/null)), $(basename "$AOT_CACHE") $(du -m "$AOT_CACHE" 2>/dev/null | cut -f1) MB ($(date -u -r "$AOT_CACHE" +%FT%TZ 2>/dev/null))"
    [[ $CONFIGS != *-addlibs-* ]] || echo "- jdk25-addlibs-aot: the same with \`$(config_payara_args jdk25-addlibs-aot | sed "s|$ROOT/||")\` (Hibernate's jars: $(ls "$ADDLIBS_DIR/lib" | tr '\n' ' ')), the WAR without them, and the cache \`$(echo "$ADDLIBS_AOT" | sed "s|$ROOT/||")\` trained with both"
    [[ $CONFIGS != *-floor-* ]] || echo "- floor configurations: the same, but \`--deploy target/bench/floor/floor.war\` (bench/floor: JAX-RS, CDI, MicroProfile Health, nothing else) and its own archives \`target/bench/floor-cds.jsa\`, \`target/bench/floor.aot\`, trained as the pom trains Keyturn's; ready = its readiness check \"floor-deployed\" UP"
    [[ $CONFIGS != *-launcher-* ]] || echo "- launcher configurations: the same, but \`-jar target/bench/payara-micro-root/launch-micro.jar\` (made by \`java -jar payara-micro.jar --rootdir target/bench/payara-micro-root --outputlauncher\`, reset before each start) and the archives \`target/bench/launcher-cds.jsa\`, \`target/bench/launcher.aot\` trained through it"
    echo "- deploy s: the server log's \"keyturn was successfully deployed in N milliseconds\"; Payara ready s: its \"ready in N (ms)\""
    echo "- command: bench/startup-jdk.sh --runs $RUNS --configs $CONFIGS"
} >"$HEADER"

n=${#CONFIG_LIST[@]}
# measured_start CONFIG DIR STEP ROUND: one start to ready, recorded as STEP (cold or warm), then stopped;
# leaves READY and DEPLOY (seconds) for the round's log line
measured_start() {
    local c=$1 dir=$2 step=$3 round=$4 deploy payara_ready
    one_start "$c" "$dir"
    sleep 1
    read -r deploy payara_ready < <(log_seconds "$BENCH_WORK/$dir/server.log")
    record "$c" "$step" "$round" ready_s="$READY" cpu_to_ready_s="$CPU" deploy_s="$deploy" payara_ready_s="$payara_ready" rss_ready_mb="$RSS"
    stop_pid "$PID"
    DEPLOY=$deploy
}

for round in $(seq "$RUNS"); do
    for i in $(seq 0 $((n - 1))); do
        c=${CONFIG_LIST[$(((i + round - 1) % n))]}
        dir=startup-jdk-$c
        rm -rf "${BENCH_WORK:?}/$dir"
        measured_start "$c" "$dir" cold "$round"
        cold=$READY dep_cold=$DEPLOY
        mv "$BENCH_WORK/$dir/server.log" "$BENCH_WORK/$dir/server-cold.log"
        measured_start "$c" "$dir" warm "$round"
        log "round $round $c: cold ${cold}s (deployment ${dep_cold}s), warm ${READY}s (deployment ${DEPLOY}s)"
    done
done

CHECKS=$BENCH_WORK/startup-jdk-$STAMP.checks.md
: >"$CHECKS"
if ((CHECK)); then
    echo "Classes loaded from the archive or cache (one more warm start each, -Xlog:class+load; not in the figures above):" >>"$CHECKS"
    echo >>"$CHECKS"
    for c in "${CONFIG_LIST[@]}"; do
        [[ -n $(config_option "$c") ]] || continue
        dir=startup-jdk-$c
        tags=cds=warning
        [[ $c == jdk17* ]] || tags=cds=warning,aot=warning   # JDK 17 has no aot log tag
        BENCH_JVM_OPTS="-Xlog:class+load=info:file=$BENCH_WORK/$dir/class-load.log -Xlog:$tags:file=$BENCH_WORK/$dir/archive-warnings.log" \
            one_start "$c" "$dir"
        stop_pid "$PID"
        total=$(grep -c "source:" "$BENCH_WORK/$dir/class-load.log" || true)
        shared=$(grep -c "source: shared objects file" "$BENCH_WORK/$dir/class-load.log" || true)
        warnings=$(grep -c . "$BENCH_WORK/$dir/archive-warnings.log" || true)
        echo "- $c: $shared of $total classes from \`$(config_option "$c" | sed "s|$ROOT/||")\`; $warnings cds/aot warning line(s)" >>"$CHECKS"
        head -3 "$BENCH_WORK/$dir/archive-warnings.log" | sed 's/^/    /' >>"$CHECKS"
    done
    echo >>"$CHECKS"
fi

{
    summarize "$OUT" --title "Start-up by JDK ($STAMP)" --header "$HEADER" \
        --metrics ready_s,cpu_to_ready_s,deploy_s,payara_ready_s,rss_ready_mb,load1 \
        $(for c in "${CONFIG_LIST[@]}"; do [[ $c == jdk17-cds || $c == *-floor-* ]] || for m in ready_s cpu_to_ready_s; do echo "--ratio $c@cold/jdk17-cds@cold:$m --ratio $c@warm/jdk17-cds@warm:$m"; done; done) \
        $(listed jdk25-floor-aot && listed jdk25-aot && for m in ready_s cpu_to_ready_s rss_ready_mb; do echo "--ratio jdk25-aot@cold/jdk25-floor-aot@cold:$m --ratio jdk25-aot@warm/jdk25-floor-aot@warm:$m"; done) \
        $(listed jdk17-floor-cds && listed jdk17-cds && for m in ready_s cpu_to_ready_s rss_ready_mb; do echo "--ratio jdk17-cds@cold/jdk17-floor-cds@cold:$m --ratio jdk17-cds@warm/jdk17-floor-cds@warm:$m"; done) \
        $(for v in jdk25-launcher-aot jdk25-addlibs-aot; do listed $v && listed jdk25-aot && for m in ready_s cpu_to_ready_s; do echo "--ratio $v@cold/jdk25-aot@cold:$m --ratio $v@warm/jdk25-aot@warm:$m"; done; done)
    cat "$CHECKS"
} | tee "$RESULTS/startup-jdk-$STAMP.md"
log "raw: $OUT; summary: $RESULTS/startup-jdk-$STAMP.md"
