#!/usr/bin/env bash
# Runs the benchmark items one after another and collects their Markdown summaries in one file.
#
# usage: bench/run-all.sh [ITEM...] [--smoke]
#   ITEM: bearer (1), refresh (2), login (3), startup (4), growth (6, H2 and MariaDB); none given = all
#   --smoke: very short runs (1-2 rounds of a few seconds) that only prove the scripts work end to end
# Other options are not passed on; run an item's own script for those (bench/README.md).
source "$(dirname "$0")/lib.sh"

ITEMS=() SMOKE=false
for arg in "$@"; do
    case $arg in
        --smoke) SMOKE=true ;;
        bearer | refresh | login | startup | growth) ITEMS+=("$arg") ;;
        *) die "unknown argument $arg (items: bearer refresh login startup growth; --smoke)" ;;
    esac
done
((${#ITEMS[@]})) || ITEMS=(bearer refresh login startup growth)

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
ALL=$RESULTS/all-$STAMP.md
{
    echo "# Keyturn benchmarks, $STAMP$($SMOKE && echo ' (smoke run: too short to quote)')"
    echo
    machine_info
    echo
} >"$ALL"

# run ITEM-SCRIPT ARGS...: the item's summary (its stdout) goes into $ALL
run() {
    log "=== $* ==="
    "$BENCH_DIR/$1" "${@:2}" | tee -a "$ALL" || { log "FAILED: $*"; echo "**FAILED: $***" >>"$ALL"; }
    echo >>"$ALL"
}

for item in "${ITEMS[@]}"; do
    if $SMOKE; then
        case $item in
            bearer) run bearer.sh --runs 2 --duration 5 --warmup 5 ;;
            refresh) run refresh.sh --runs 2 --duration 5 --warmup 5 ;;
            login) run login.sh --runs 2 --duration 5 --warmup 5 ;;
            startup) run startup.sh --runs 1 --settle 5 --load 5 ;;
            growth) run growth.sh --db h2 --sizes 1000,20000 --runs 2 --duration 5 --warmup 5
                    run growth.sh --db mariadb --sizes 1000,20000 --runs 2 --duration 5 --warmup 5 ;;
        esac
    else
        case $item in
            bearer) run bearer.sh ;;
            refresh) run refresh.sh ;;
            login) run login.sh ;;
            startup) run startup.sh --heaps -Xmx512m,-Xmx256m ;;
            growth) run growth.sh --db h2
                    run growth.sh --db mariadb ;;
        esac
    fi
done
log "all summaries: $ALL"
