#!/usr/bin/env python3
"""Where the CPU samples of a JFR recording go (bench/README.md, profiling).

usage: jfr_top.py RECORDING.jfr [--top 25] [--depth 64] [--threads REGEX]

Prints (1) the CPU of each thread group (jdk.ThreadCPULoad: request threads vs JIT compiler, GC, others), (2) the
share of Java execution samples whose stack contains a frame of each of several library groups (inclusive, each
sample counted once per group), (3) the same groups exclusive: each sample counted once, for the group of the frame
nearest the top of its stack that belongs to a group (JDK code counts for the library that called it), so the shares
add up to 100 %, (4) the methods most often on top of the stack (self time), from `jfr print --json`.
--threads REGEX keeps only the samples of threads whose name matches (e.g. http-thread-pool, the request threads).
"""
import argparse
import collections
import json
import re
import subprocess

GROUPS = collections.OrderedDict([
    ("jose4j (JWT sign/verify)", ("org.jose4j.",)),
    ("EC / RSA / signature crypto (sun.security)", ("sun.security.ec.", "sun.security.rsa.", "sun.security.util.math.")),
    ("SecureRandom", ("java.security.SecureRandom", "sun.security.provider.NativePRNG", "sun.security.provider.DRBG")),
    ("Argon2 (Password4j)", ("com.password4j.",)),
    ("Bean Validation (Hibernate Validator)", ("org.hibernate.validator.",)),
    ("Hibernate ORM", ("org.hibernate.",)),
    ("H2", ("org.h2.",)),
    ("MySQL Connector/J", ("com.mysql.",)),
    ("Flyway", ("org.flywaydb.",)),
    ("Jersey (JAX-RS)", ("org.glassfish.jersey.",)),
    ("Yasson / Parsson (JSON)", ("org.eclipse.yasson.", "org.eclipse.parsson.", "org.glassfish.json.")),
    ("Weld (CDI)", ("org.jboss.weld.",)),
    ("EJB container", ("com.sun.ejb.", "org.glassfish.ejb.")),
    ("Jakarta Security / Soteria", ("org.glassfish.soteria.",)),
    ("Grizzly (HTTP)", ("org.glassfish.grizzly.",)),
    ("JTA / connection pool", ("com.sun.enterprise.transaction.", "com.sun.jts.", "com.sun.enterprise.resource.",
                                "com.sun.gjc.")),
    ("Servlet container (Catalina, Payara web)", ("org.apache.catalina.", "com.sun.enterprise.web.",
                                                  "org.glassfish.web.")),
    ("Security (Exousia, Payara security)", ("org.glassfish.exousia.", "com.sun.enterprise.security.",
                                             "com.sun.web.security.")),
    ("Keyturn code", ("io.keyturn.",)),
    ("logging", ("java.util.logging.", "com.sun.enterprise.server.logging.")),
])


def group_of(frame):
    """The first group (in GROUPS order, so Hibernate Validator before Hibernate ORM) a frame belongs to, or None."""
    return next((group for group, prefixes in GROUPS.items() if frame.startswith(prefixes)), None)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("recording")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--depth", type=int, default=64)
    ap.add_argument("--threads", help="only samples of threads whose name matches this regular expression")
    args = ap.parse_args()
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", str(args.depth), "--events",
                          "jdk.ExecutionSample", args.recording], check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    if args.threads:
        wanted = re.compile(args.threads)
        events = [e for e in events
                  if wanted.search((e["values"].get("sampledThread") or {}).get("javaName") or "")]
    self_counts = collections.Counter()
    group_counts = collections.Counter()
    nearest_counts = collections.Counter()
    for e in events:
        frames = (e["values"].get("stackTrace") or {}).get("frames") or []
        names = [f"{f['method']['type']['name']}.{f['method']['name']}".replace("/", ".") for f in frames]
        if names:
            self_counts[names[0]] += 1
        groups = [group_of(n) for n in names]
        for group in set(g for g in groups if g):
            group_counts[group] += 1
        nearest_counts[next((g for g in groups if g), "JDK and others")] += 1
    n = len(events)
    loads = json.loads(subprocess.run(["jfr", "print", "--json", "--events", "jdk.ThreadCPULoad", args.recording],
                                      check=True, capture_output=True, text=True).stdout)["recording"]["events"]
    threads = collections.Counter()
    for e in loads:
        t = e["values"].get("eventThread") or {}
        name = re.sub(r"[-#(]?\d+\)?$", "#", t.get("javaName") or t.get("osName") or "?")
        threads[name] += e["values"]["user"] + e["values"]["system"]
    total = sum(threads.values()) or 1
    print("| thread (group) | share of the JVM's CPU |\n|---|---|")
    for name, c in threads.most_common(12):
        print(f"| {name} | {100 * c / total:.1f} % |")
    print()
    print(f"{n} execution samples (Java threads only; JIT compiler and GC threads are not sampled)\n")
    print("| library group (inclusive) | samples | share |\n|---|---|---|")
    for group, _ in GROUPS.items():
        if group_counts[group]:
            print(f"| {group} | {group_counts[group]} | {100 * group_counts[group] / n:.1f} % |")
    print("\n| library group (exclusive: nearest on the stack) | samples | share |\n|---|---|---|")
    for group, c in nearest_counts.most_common():
        print(f"| {group} | {c} | {100 * c / n:.1f} % |")
    print(f"\n| top-of-stack method (self) | samples | share |\n|---|---|---|")
    for name, c in self_counts.most_common(args.top):
        print(f"| `{name}` | {c} | {100 * c / n:.1f} % |")


if __name__ == "__main__":
    main()
