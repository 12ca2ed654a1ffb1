#!/usr/bin/env python3
"""Summarises the JSON lines of a bench run as Markdown: per target and step, the median of the rounds and the
spread (lowest - highest); per round, ratios between targets measured side by side, then their median and spread.

usage: summarize.py RESULTS.jsonl --metrics throughput,p50_ms,p99_ms [--ratio A/B:metric ...] [--title TEXT]
       [--header FILE] [--targets-note TEXT]
"""
import argparse
import json
import statistics
import sys
from collections import OrderedDict, defaultdict

LABELS = {
    "throughput": "requests/s",
    "p50_ms": "p50 ms",
    "p90_ms": "p90 ms",
    "p99_ms": "p99 ms",
    "max_ms": "max ms",
    "per_cpu_s": "per server CPU-s",
    "per_cpu_s_with_db": "per CPU-s with db",
    "per_cpu_s_excl_jit": "per server CPU-s without JIT",
    "jit_cpu_s": "JIT compiler CPU-s",
    "gc_cpu_s": "GC CPU-s",
    "gc_cpu_ms_per_req": "GC CPU ms/request",
    "db_cpu_s": "db CPU-s",
    "cpu_ms_per_req": "server CPU ms/request",
    "server_cpu_s": "server CPU-s",
    "rss_max_mb": "RSS max MB (under load)",
    "rss_idle_mb": "RSS idle MB",
    "rss_ready_mb": "RSS at ready MB",
    "idle_cpu_pct": "idle CPU % of one core",
    "ready_s": "launch to ready s",
    "deploy_s": "deployment s (server log)",
    "cpu_to_ready_s": "server CPU-s to ready",
    "payara_ready_s": "Payara's own ready s",
    "errors": "errors",
    "requests": "requests",
    "rate_target": "target rate/s",
    "load1": "load avg (1 min)",
}


def fmt(v):
    if v is None:
        return "–"
    a = abs(v)
    if a >= 100:
        return f"{v:,.0f}"
    if a >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def cell(values):
    values = [v for v in values if v is not None]
    if not values:
        return "–"
    med = statistics.median(values)
    if len(values) == 1:
        return f"{fmt(med)} (1 run)"
    return f"{fmt(med)} ({fmt(min(values))} – {fmt(max(values))})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("--metrics", default="throughput,p50_ms,p99_ms")
    ap.add_argument("--ratio", action="append", default=[],
                    help="A/B:metric, e.g. me/twin:throughput (A and B are target names, or target@step)")
    ap.add_argument("--title", default=None)
    ap.add_argument("--header", default=None, help="a file whose text goes under the title")
    args = ap.parse_args()

    rows = []
    with open(args.results) as f:
        for line in f:
            line = line.strip()
            if line:
                rows.append(json.loads(line))
    if not rows:
        sys.exit(f"no results in {args.results}")
    metrics = args.metrics.split(",")
    groups = OrderedDict()
    for r in rows:
        groups.setdefault((r["target"], r.get("step", "")), []).append(r)

    out = []
    if args.title:
        out.append(f"### {args.title}\n")
    if args.header:
        with open(args.header) as f:
            out.append(f.read().rstrip() + "\n")
    rounds = sorted({r.get("round", 0) for r in rows})
    out.append(f"Median of {len(rounds)} round(s), spread lowest – highest in brackets.\n")
    out.append("| target | step | " + " | ".join(LABELS.get(m, m) for m in metrics) + " |")
    out.append("|---|---|" + "---|" * len(metrics))
    for (target, step), rs in groups.items():
        out.append(f"| {target} | {step} | " + " | ".join(cell([r.get(m) for r in rs]) for m in metrics) + " |")
    out.append("")

    if args.ratio:
        out.append("Ratios, computed per round between runs of the same round, then median (spread):\n")
        out.append("| ratio | metric | median (spread) | per round |")
        out.append("|---|---|---|---|")
        by_round = defaultdict(dict)
        for r in rows:
            by_round[r.get("round", 0)][(r["target"], r.get("step", ""))] = r
            by_round[r.get("round", 0)].setdefault(r["target"], r)
        for spec in args.ratio:
            pair, metric = spec.split(":")
            a, b = pair.split("/")

            def key(name):
                return tuple(name.split("@", 1)) if "@" in name else name

            ratios = []
            for rnd in rounds:
                ra, rb = by_round[rnd].get(key(a)), by_round[rnd].get(key(b))
                if ra and rb and ra.get(metric) and rb.get(metric):
                    ratios.append(ra[metric] / rb[metric])
            per = ", ".join(f"{x:.3f}" for x in ratios)
            if ratios:
                med = statistics.median(ratios)
                out.append(f"| {a} / {b} | {LABELS.get(metric, metric)} | {med:.3f} ({min(ratios):.3f} – "
                           f"{max(ratios):.3f}) | {per} |")
        out.append("")
    print("\n".join(out))


if __name__ == "__main__":
    main()
