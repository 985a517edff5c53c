#!/usr/bin/env bash
# Prints the SHA-256 of every output that must not change under a refactor or an optimisation (the brief's
# "same scenario + seed, same bytes" discipline): summary.json, replications.csv and daily.csv of every bundled
# scenario at a fixed seed, the Kursk claims check, a what-if comparison, and the analytic validation report.
# Usage: tools/output-hashes.sh > before.txt; (change); tools/output-hashes.sh > after.txt; diff before.txt after.txt
#        tools/output-hashes.sh --check tests/output-hashes.txt   (test.sh: fails on any difference from the baseline)
# A deliberate model change updates the baseline in its own commit, saying why:
#        tools/output-hashes.sh > tests/output-hashes.txt
set -euo pipefail
if [ "${1:-}" = "--check" ]; then
  baseline="${2:?usage: tools/output-hashes.sh --check BASELINE}"
  [ -f "$baseline" ] || { echo "output-hashes: no baseline file $baseline" >&2; exit 2; }
  now="$(mktemp)"
  "$0" >"$now" || { rm -f "$now"; echo "output-hashes: producing the outputs failed" >&2; exit 1; }
  if ! diff -u "$baseline" "$now" >&2; then
    rm -f "$now"
    echo "output-hashes: outputs differ from $baseline (lines above). Same scenario + seed must give the same bytes:" >&2
    echo "  an optimisation or refactor that changes them is a model change. If it is deliberate, commit it on its own," >&2
    echo "  say why, and regenerate the baseline with: tools/output-hashes.sh > $baseline" >&2
    exit 1
  fi
  rm -f "$now"
  echo "output-hashes: all $(wc -l <"$baseline") outputs byte-identical to $baseline"
  exit 0
fi
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
