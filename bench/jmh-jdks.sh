#!/usr/bin/env bash
# Item 5b: the access token's signature and verification (bench/jmh, AccessTokenBenchmark) on each supported JDK,
# side by side, rounds interleaved (each round runs every JDK once, starting one further along the list):
#   17  `java` on the PATH
#   21  Debian 13's OpenJDK 21, run inside the Debian 13 root of .ci/debian13-root (Debian 12 has no JDK 21; see that
#       script; it makes the root the first time, about a minute)
#   25  --jdk25 (default /usr/lib/jvm/temurin-25-jdk-amd64)
# Each round and JDK is one JMH fork (a fresh JVM): -f 1 -wi 2 -i 3 -w 1 -r 1, single thread, average time per
# operation. The summary gives per JDK, benchmark and algorithm the median of the rounds' means and their spread.
#
# Needs `./mvnw -f bench/jmh/pom.xml -B package` first; the JDK 21 rounds need root (chroot).
#
# usage: bench/jmh-jdks.sh [--runs 3] [--jdks 17,21,25] [--algorithms RS256,ES256] [--jdk25 DIR]
source "$(dirname "$0")/lib.sh"

RUNS=3 JDKS=17,21,25 ALGORITHMS=RS256,ES256 JDK25=${KEYTURN_JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
while (($#)); do
    case $1 in
        --runs) RUNS=$2; shift 2 ;;
        --jdks) JDKS=$2; shift 2 ;;
        --algorithms) ALGORITHMS=$2; shift 2 ;;
        --jdk25) JDK25=$2; shift 2 ;;
        *) die "unknown option $1" ;;
    esac
done
JMH_JAR=$BENCH_DIR/jmh/target/benchmarks.jar
[[ -f $JMH_JAR ]] || die "$JMH_JAR missing: ./mvnw -f bench/jmh/pom.xml -B package"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RAW=$RESULTS/jmh-jdks-$STAMP
mkdir -p "$RAW"
IFS=, read -r -a JDK_LIST <<<"$JDKS"

# run_jmh JDK OUTPUT: one fork of AccessTokenBenchmark on that JDK, JSON result in OUTPUT (a path under the project)
run_jmh() {
    local args=(-jar "$JMH_JAR" AccessTokenBenchmark -p "algorithm=$ALGORITHMS"
        -f 1 -wi 2 -i 3 -w 1 -r 1 -rf json -rff "$2")
    case $1 in
        17) java "${args[@]}" ;;
        21) "$ROOT/.ci/debian13-root" /usr/lib/jvm/java-21-openjdk-amd64/bin/java "${args[@]}" ;;
        25) "$JDK25/bin/java" "${args[@]}" ;;
        *) die "unknown JDK $1 (17, 21 or 25)" ;;
    esac
}

for ((round = 1; round <= RUNS; round++)); do
    for ((i = 0; i < ${#JDK_LIST[@]}; i++)); do
        jdk=${JDK_LIST[$(((i + round - 1) % ${#JDK_LIST[@]}))]}
        log "round $round: JDK $jdk"
        run_jmh "$jdk" "$RAW/jdk$jdk-round$round.json" >"$RAW/jdk$jdk-round$round.log" 2>&1 \
            || die "JMH on JDK $jdk failed: $RAW/jdk$jdk-round$round.log"
    done
done

SUMMARY=$RESULTS/jmh-jdks-$STAMP.md
{
    echo "# Item 5b: access-token signature and verification per JDK ($STAMP)"
    echo
    machine_info
    for jdk in "${JDK_LIST[@]}"; do
        echo "- JDK $jdk: $(grep -m1 -h '"vmVersion"' "$RAW"/jdk"$jdk"-round1.json | sed 's/.*: "\(.*\)".*/\1/')"
    done
    echo
    python3 - "$RAW" <<'EOF'
import glob, json, os, re, statistics, sys
means, units = {}, {}
for path in sorted(glob.glob(os.path.join(sys.argv[1], "jdk*-round*.json"))):
    jdk = re.search(r"jdk(\d+)-round", os.path.basename(path)).group(1)
    for row in json.load(open(path)):
        key = (row["benchmark"].rsplit(".", 1)[-1], row["params"]["algorithm"], jdk)
        means.setdefault(key, []).append(row["primaryMetric"]["score"])
        units[key] = row["primaryMetric"]["scoreUnit"]
print("| benchmark | algorithm | JDK | median | spread (round means) | rounds | unit |")
print("|---|---|---|---|---|---|---|")
for (bench, alg, jdk), values in sorted(means.items(), key=lambda kv: (kv[0][0], kv[0][1], int(kv[0][2]))):
    print(f"| {bench} | {alg} | {jdk} | {statistics.median(values):.1f} | {min(values):.1f} – {max(values):.1f} "
          f"| {len(values)} | {units[(bench, alg, jdk)]} |")
EOF
} | tee "$SUMMARY"
log "summary: $SUMMARY; raw JMH results: $RAW"
