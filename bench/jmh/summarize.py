#!/usr/bin/env python3
"""Turns a JMH JSON result (-rf json) into the table of docs/benchmarks.md: per benchmark, the median of the
per-fork means (each fork is one run in a fresh JVM) and the spread (lowest to highest fork mean)."""
import json
import statistics
import sys

rows = json.load(open(sys.argv[1]))
print("| benchmark | parameter | median of fork means | spread (fork means) | unit |")
print("|---|---|---|---|---|")
for row in rows:
    forks = row["primaryMetric"]["rawData"]
    means = [statistics.mean(fork) for fork in forks]
    name = row["benchmark"].rsplit(".", 2)[-2] + "." + row["benchmark"].rsplit(".", 1)[-1]
    param = ",".join(f"{k}={v}" for k, v in row.get("params", {}).items()) or "-"
    unit = row["primaryMetric"]["scoreUnit"]
    print(f"| {name} | {param} | {statistics.median(means):.2f} | {min(means):.2f} – {max(means):.2f} | {unit} |")
