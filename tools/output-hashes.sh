#!/usr/bin/env bash
# Prints the SHA-256 of every output that must not change under a refactor or an optimisation (the brief's
# "same scenario + seed, same bytes" discipline): summary.json, replications.csv and daily.csv of every bundled
# scenario at a fixed seed, the Kursk claims check, a what-if comparison, and the analytic validation report.
# Usage: tools/output-hashes.sh > before.txt; (change); tools/output-hashes.sh > after.txt; diff before.txt after.txt
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
salient() { "$here/salient" "$@" >/dev/null; }
hash() { sha256sum "$1" | cut -c1-16; }
n="${REPLICATIONS:-40}"
for dir in scenarios/kursk-2024 scenarios/examples/* scenarios/validation/*; do
  name="$(basename "$dir")"
  salient run "$dir" -n "$n" --seed 3 --threads 2 --no-report --out "$work/$name"
  for f in summary.json replications.csv daily.csv; do echo "$name/$f $(hash "$work/$name/$f")"; done
done
salient run scenarios/kursk-2024 -n "$n" --seed 3 --uncalibrated --no-report --out "$work/kursk-uncal"
echo "kursk-uncalibrated/summary.json $(hash "$work/kursk-uncal/summary.json")"
salient check "$work/kursk-2024" --implied-replications 5 --threads 2
for f in check.csv check.json; do echo "kursk-check/$f $(hash "$work/kursk-2024/$f")"; done
salient compare scenarios/kursk-2024 --variants no-dprk -n 20 --seed 3 --threads 2 --out "$work/compare"
for f in "$work"/compare/*.json "$work"/compare/*.csv; do [ -e "$f" ] && echo "kursk-compare/$(basename "$f") $(hash "$f")"; done
salient validation --threads 2 --write "$work/validation.md"
echo "validation.md $(hash "$work/validation.md")"
