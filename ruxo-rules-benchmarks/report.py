#!/usr/bin/env python3
"""Turns a JMH JSON result file of ruxo-rules-benchmarks into the Markdown tables of docs/performance.md.

    python3 ruxo-rules-benchmarks/report.py results.json > tables.md

Standard library only. Times are microseconds; "±" is JMH's 99.9 % confidence half-interval of the mean.
"""
import json
import sys
from collections import defaultdict

REQUESTS = ["typical", "heavy", "manyRules"]


def shown(value):
    """A figure as the tables show it (one decimal): ratios are computed from these, so a reader can check them."""
    return round(value, 1)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def short(benchmark):
    cls, method = benchmark.rsplit(".", 2)[-2:]
    return cls, method


def pct(run, p):
    return run["primaryMetric"]["scorePercentiles"][p]


def latency(runs):
    rows = [r for r in runs if short(r["benchmark"])[0] == "CheckLatencyBenchmark"]
    if not rows:
        return
    by = {(r["params"]["request"], r["params"]["engine"]): r for r in rows}
    print("### Latency per check, one thread (JMH SampleTime, µs)\n")
    print("| request | Drools median | Drools p99 | Drools mean ± error | baseline median | baseline p99 "
          "| baseline mean ± error | Drools / baseline (median) |")
    print("|---|---|---|---|---|---|---|---|")
    for req in REQUESTS:
        d, b = by.get((req, "drools")), by.get((req, "baseline"))
        if not d or not b:
            continue
        print(f"| {req} | {pct(d, '50.0'):.1f} | {pct(d, '99.0'):.1f} | "
              f"{d['primaryMetric']['score']:.1f} ± {d['primaryMetric']['scoreError']:.1f} | "
              f"{pct(b, '50.0'):.1f} | {pct(b, '99.0'):.1f} | "
              f"{b['primaryMetric']['score']:.1f} ± {b['primaryMetric']['scoreError']:.1f} | "
              f"{shown(pct(d, '50.0')) / shown(pct(b, '50.0')):.1f}× |")
    print()


def throughput(runs):
    rows = [r for r in runs if short(r["benchmark"])[0] == "CheckThroughputBenchmark"]
    if not rows:
        return
    by = {(r["params"]["request"], r["params"]["engine"], r["threads"]): r["primaryMetric"] for r in rows}
    print("### Throughput (checks per millisecond, all threads together)\n")
    print("| request | engine | 1 thread | 2 threads | 2 threads / 1 thread |")
    print("|---|---|---|---|---|")
    for req in REQUESTS:
        for engine in ("drools", "baseline"):
            one, two = by.get((req, engine, 1)), by.get((req, engine, 2))
            if not one or not two:
                continue
            print(f"| {req} | {engine} | {one['score']:.1f} ± {one['scoreError']:.1f} | "
                  f"{two['score']:.1f} ± {two['scoreError']:.1f} | {shown(two['score']) / shown(one['score']):.2f}× |")
    print()


def breakdown(runs):
    rows = [r for r in runs if short(r["benchmark"])[0] == "WhereTimeGoesBenchmark"]
    if not rows:
        return
    by = {(r["params"]["request"], short(r["benchmark"])[1]): r["primaryMetric"] for r in rows}
    steps = ["validate", "buildFacts", "sessionEmpty", "sessionParams", "sessionAllFacts", "assemble"]
    print("### Where the time of a Drools check goes (JMH AverageTime, µs per call)\n")
    print("| request | " + " | ".join(steps) + " |")
    print("|---|" + "---|" * len(steps))
    for req in REQUESTS:
        cells = []
        for s in steps:
            m = by.get((req, s))
            cells.append(f"{m['score']:.1f} ± {m['scoreError']:.1f}" if m else "–")
        print(f"| {req} | " + " | ".join(cells) + " |")
    print()


def scaling(runs):
    rows = [r for r in runs if short(r["benchmark"])[0] == "ScalingBenchmark"]
    if not rows:
        return
    by = defaultdict(dict)
    sizes = sorted({int(r["params"]["size"]) for r in rows})
    for r in rows:
        by[r["params"]["series"]][int(r["params"]["size"])] = r["primaryMetric"]
    print("### Scaling: mean µs per check as one list grows, the others empty (JMH AverageTime)\n")
    print("| engine / list | " + " | ".join(f"{s:,}" for s in sizes) + " | µs per added entry, 1,000 → 10,000 |")
    print("|---|" + "---|" * len(sizes) + "---|")
    for series in ("drools/medications", "drools/conditions", "drools/dispenses", "baseline/medications"):
        m = by.get(series)
        if not m:
            continue
        cells = [f"{m[s]['score']:,.0f} ± {m[s]['scoreError']:,.0f}" if s in m else "–" for s in sizes]
        a, b = sizes[-2], sizes[-1]
        slope = (m[b]["score"] - m[a]["score"]) / (b - a) if a in m and b in m else float("nan")
        print(f"| {series} | " + " | ".join(cells) + f" | {slope:.2f} |")
    print()


def strategies(runs):
    rows = [r for r in runs if short(r["benchmark"])[0] == "SessionStrategyBenchmark"]
    if not rows:
        return
    by = {(r["params"]["request"], r["params"]["engine"], short(r["benchmark"])[1]): r for r in rows}
    print("### Session strategy: pooled sessions (shipped) vs a new stateless session per check\n")
    print("| request | engine | median µs | p99 µs | checks/ms, 1 thread | checks/ms, 2 threads | 2 / 1 |")
    print("|---|---|---|---|---|---|---|")
    for req in REQUESTS:
        for engine in ("drools", "droolsSessionPerCheck"):
            lat = by.get((req, engine, "latency"))
            one, two = by.get((req, engine, "oneThread")), by.get((req, engine, "twoThreads"))
            if not lat or not two:
                continue
            one_cell = f"{one['primaryMetric']['score']:.1f} ± {one['primaryMetric']['scoreError']:.1f}" if one else "–"
            ratio = (f"{shown(two['primaryMetric']['score']) / shown(one['primaryMetric']['score']):.2f}×"
                     if one else "–")
            print(f"| {req} | {engine} | {pct(lat, '50.0'):.1f} | {pct(lat, '99.0'):.1f} | {one_cell} | "
                  f"{two['primaryMetric']['score']:.1f} ± {two['primaryMetric']['scoreError']:.1f} | {ratio} |")
    print()


def main():
    runs = []
    for path in sys.argv[1:]:
        runs.extend(load(path))
    for section in (latency, throughput, breakdown, scaling, strategies):
        section(runs)


if __name__ == "__main__":
    main()
