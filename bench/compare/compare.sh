#!/usr/bin/env bash
# Compares Salient with two reference implementations of the same stochastic Lanchester duel (SimPy and numpy):
# checks they agree on blue's mean survivors and win probability, and prints replications per second and the
# ratios. Then times a synthetic theatre scaled 1x, 4x, 16x and 64x (nanoseconds per unit-tick) and the speed-up from
# 1 to 2 threads (on the 4x theatre, and on Kursk with KURSK_THREAD_REPLICATIONS, default 400; 0 skips it), and times
# the bundled Kursk scenario as a whole process (KURSK_REPLICATIONS, default 10,000, on KURSK_THREADS, default 2; peak
# resident memory from /usr/bin/time), and its peak memory at the sizes KURSK_MEMORY_SIZES lists (default 1000; the
# issue's 10^3/10^4/10^5 is KURSK_MEMORY_SIZES="1000 10000 100000", about 45 minutes more), with the largest peak over
# the smallest. Not run by test.sh.
# Usage: bench/compare/compare.sh [DUEL_REPLICATIONS]; KURSK_REPLICATIONS=0 skips Kursk; KURSK_PREVIOUS=<reps/s> prints
# the ratio to an earlier figure; KURSK_MEMORY_SIZES="" skips the memory sizes.
# The last two lines read:
#   kursk: N reps/s on T threads, peak M MB
#   duel: salient/simpy = R1x, salient/numpy = R2x
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
py=/usr/bin/python3
reps="${1:-200000}"         # Salient and numpy: enough that start-up (JIT, Parquet's native library) is amortised
simpy_reps=$((reps / 10))   # SimPy is far slower; fewer replications keep it to seconds
seed=1

if ! "$py" -c 'import numpy, simpy' 2>/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "compare: needs python3-numpy and python3-simpy3 (run as root to install them)" >&2; exit 1; }
  echo "compare: installing python3-numpy and python3-simpy3 with apt" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-numpy python3-simpy3 >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$repo/salient" validate "$repo/scenarios/validation/duel" >/dev/null   # builds Release on first use

# Seconds of simulation (plus streaming replications.parquet) recorded in a shard folder's manifest.json. The timed
# runs are one block (--checkpoint-every above the count): checkpoint saves are I/O, not engine speed.
seconds_of() { "$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["timing"]["seconds"])' "$1/manifest.json"; }

echo "== duel: 1,000 blue vs 800 red, aimed fire, a_blue = 1.0, a_red = 1.5 per day, dt = 1 h, 10 days"
"$repo/salient" run "$repo/scenarios/validation/duel" -n "$reps" --seed "$seed" --threads 1 --no-report --out "$work/duel" >/dev/null
"$repo/salient" run "$repo/scenarios/validation/duel" -n "$reps" --seed "$seed" --threads 1 --shard 1/1 --checkpoint-every 10000000 --out "$work/duel-timed" >/dev/null
salient_seconds="$(seconds_of "$work/duel-timed")"
(cd "$here" && "$py" duel_numpy.py "$reps" "$seed") >"$work/numpy.json"
(cd "$here" && "$py" duel_simpy.py "$simpy_reps" "$seed") >"$work/simpy.json"

"$py" - "$work/duel/replications.csv" "$salient_seconds" "$work/numpy.json" "$work/simpy.json" <<'PY'
import csv, json, math, sys
rows = list(csv.DictReader(open(sys.argv[1])))
blue = [float(r["personnel_final_blue"]) for r in rows]
red = [float(r["personnel_final_red"]) for r in rows]
n = len(blue); mean = sum(blue) / n
var = sum((b - mean) ** 2 for b in blue) / (n - 1)
p = sum(1 for b, r in zip(blue, red) if r == 0 and b > 0) / n
seconds = float(sys.argv[2])
results = [{"name": "salient", "n": n, "mean_blue": mean, "var_blue": var, "p_blue_wins": p, "seconds": seconds, "reps_per_second": n / seconds}]
results += [json.loads(open(f).read()) for f in sys.argv[3:5]]
print(f"{'implementation':<15}{'replications':>13}{'mean blue survivors':>22}{'P(blue wins)':>14}{'reps/s':>12}")
for r in results:
    print(f"{r['name']:<15}{r['n']:>13,}{r['mean_blue']:>16.2f} ±{math.sqrt(r['var_blue'] / r['n']):5.2f}{r['p_blue_wins']:>14.4f}{r['reps_per_second']:>12,.0f}")
# Agreement: each reference against Salient within 4 combined standard errors (a false alarm about 6 times in 100,000).
ok = True
s = results[0]
for r in results[1:]:
    se_mean = math.sqrt(s["var_blue"] / s["n"] + r["var_blue"] / r["n"])
    pp = (s["p_blue_wins"] * s["n"] + r["p_blue_wins"] * r["n"]) / (s["n"] + r["n"])
    se_p = math.sqrt(max(pp * (1 - pp), 1e-12) * (1 / s["n"] + 1 / r["n"]))
    dm, dp = abs(s["mean_blue"] - r["mean_blue"]), abs(s["p_blue_wins"] - r["p_blue_wins"])
    agree = dm <= 4 * se_mean and dp <= 4 * se_p
    ok &= agree
    print(f"salient vs {r['name']}: |d mean| = {dm:.2f} (tolerance {4 * se_mean:.2f}), |d P(win)| = {dp:.4f} (tolerance {4 * se_p:.4f}): {'agree' if agree else 'DISAGREE'}")
json.dump({r["name"]: r["reps_per_second"] for r in results}, open(sys.argv[1] + ".rates.json", "w"))
sys.exit(0 if ok else 1)
PY

echo "== synthetic theatre: ns per unit-tick (1 thread; simulation and Parquet streaming, no summary)"
declare -A nspt
for scale in 1 4 16 64; do
  units="$("$py" "$here/synthetic.py" "$scale" "$work/synthetic-$scale")"
  n=$((6400 / scale))
  "$repo/salient" run "$work/synthetic-$scale" -n "$n" --seed 1 --threads 1 --shard 1/1 --checkpoint-every 10000000 --out "$work/synthetic-$scale-out" >/dev/null 2>&1
  s="$(seconds_of "$work/synthetic-$scale-out")"
  # 30 days x 4 ticks a day.
  nspt[$scale]="$("$py" -c "print(f'{$s * 1e9 / ($n * 120 * $units):.0f}')")"
  printf '%3sx: %4s units, %4s replications, %6.2f s, %6s ns per unit-tick\n' "$scale" "$units" "$n" "$s" "${nspt[$scale]}"
done

echo "== threads: the 4x theatre, 6,400 replications"
"$repo/salient" run "$work/synthetic-4" -n 6400 --seed 1 --threads 1 --shard 1/1 --checkpoint-every 10000000 --out "$work/t1" >/dev/null 2>&1
"$repo/salient" run "$work/synthetic-4" -n 6400 --seed 1 --threads 2 --shard 1/1 --checkpoint-every 10000000 --out "$work/t2" >/dev/null 2>&1
t1="$(seconds_of "$work/t1")"; t2="$(seconds_of "$work/t2")"
"$py" -c "print(f'1 thread {$t1:.2f} s, 2 threads {$t2:.2f} s: speed-up {$t1 / $t2:.2f}x on $(nproc) core(s)')"

kursk_thread_reps="${KURSK_THREAD_REPLICATIONS:-400}"
if [ "$kursk_thread_reps" -gt 0 ]; then
  echo "== threads: kursk-2024, $kursk_thread_reps replications"
  for t in 1 2; do
    "$repo/salient" run "$repo/scenarios/kursk-2024" -n "$kursk_thread_reps" --seed "$seed" --threads "$t" --shard 1/1 \
      --checkpoint-every 10000000 --out "$work/kt$t" >/dev/null 2>&1
  done
  k1="$(seconds_of "$work/kt1")"; k2="$(seconds_of "$work/kt2")"
  "$py" -c "print(f'1 thread {$k1:.2f} s, 2 threads {$k2:.2f} s: speed-up {$k1 / $k2:.2f}x on $(nproc) core(s)')"
fi

kursk_line=""
kursk_reps="${KURSK_REPLICATIONS:-10000}"
kursk_threads="${KURSK_THREADS:-2}"
if [ "$kursk_reps" -gt 0 ]; then
  echo "== kursk-2024: $kursk_reps replications, $kursk_threads threads, whole process (start-up, JIT and output files included)"
  /usr/bin/time -f '%e %M' -o "$work/kursk.time" "$repo/salient" run "$repo/scenarios/kursk-2024" -n "$kursk_reps" --seed "$seed" \
    --threads "$kursk_threads" --no-report --out "$work/kursk" >/dev/null
  read -r kursk_seconds kursk_kb <"$work/kursk.time"
  kursk_line="$("$py" -c "print(f'kursk: {$kursk_reps / $kursk_seconds:.1f} reps/s on $kursk_threads threads, peak {$kursk_kb / 1024:.0f} MB')")"
  echo "$kursk_reps replications in ${kursk_seconds} s"
  if [ -n "${KURSK_PREVIOUS:-}" ]; then
    "$py" -c "print(f'against the previous figure of ${KURSK_PREVIOUS} reps/s: {$kursk_reps / $kursk_seconds / ${KURSK_PREVIOUS}:.2f}x')"
  fi
fi

memory_sizes="${KURSK_MEMORY_SIZES-1000}"
if [ -n "$memory_sizes" ]; then
  echo "== kursk-2024: peak resident memory by replications ($kursk_threads threads, whole process)"
  peaks=()
  for n in $memory_sizes; do
    if [ "$n" = "$kursk_reps" ] && [ -f "$work/kursk.time" ]; then
      read -r _ kb <"$work/kursk.time"   # the timed run above is this size
    else
      /usr/bin/time -f '%e %M' -o "$work/memory-$n.time" "$repo/salient" run "$repo/scenarios/kursk-2024" -n "$n" \
        --seed "$seed" --threads "$kursk_threads" --no-report --out "$work/memory-$n" >/dev/null
      read -r _ kb <"$work/memory-$n.time"
      rm -rf "$work/memory-$n"
    fi
    peaks+=("$n:$kb")
  done
  "$py" - "${peaks[@]}" <<'PY'
import sys
rows = [(int(n), int(kb)) for n, kb in (a.split(":") for a in sys.argv[1:])]
for n, kb in rows:
    print(f"{n:>9,} replications: peak {kb / 1024:.0f} MB")
if len(rows) > 1:
    (n0, k0), (n1, k1) = min(rows), max(rows)
    print(f"peak at {n1:,} over peak at {n0:,}: {k1 / k0:.2f}x")
PY
fi

[ -z "$kursk_line" ] || echo "$kursk_line"
"$py" - "$work/duel/replications.csv.rates.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"duel: salient/simpy = {r['salient'] / r['simpy']:.1f}x, salient/numpy = {r['salient'] / r['numpy']:.2f}x")
PY
