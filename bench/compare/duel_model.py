"""The reference duel shared by the SimPy and numpy implementations (and scenarios/validation/duel for Salient).

Stochastic Lanchester square law, aimed fire, in discrete time as Salient's positional fighting plays it:
each tick of dt = 1/24 day, simultaneously,
    red casualties  X_r ~ min(Poisson(A_BLUE * B * dt), R)
    blue casualties X_b ~ min(Poisson(A_RED  * R * dt), B)
until one side has no one left or the 10 days (240 ticks) run out.
"""
import json
import math
import sys

B0, R0 = 1000, 800          # personnel at the start
A_BLUE, A_RED = 1.0, 1.5    # casualties inflicted per day per person (lethality x positional intensity)
TICKS_PER_DAY, DAYS = 24, 10
DT = 1.0 / TICKS_PER_DAY
TICKS = TICKS_PER_DAY * DAYS


def stats(blue_final, red_final):
    """Mean blue survivors, its variance, blue's win probability (red gone, blue not) and the count."""
    n = len(blue_final)
    mean = sum(blue_final) / n
    var = sum((b - mean) ** 2 for b in blue_final) / max(n - 1, 1)
    wins = sum(1 for b, r in zip(blue_final, red_final) if r == 0 and b > 0)
    return {"n": n, "mean_blue": mean, "var_blue": var, "p_blue_wins": wins / n}


def report(name, result, seconds):
    result = dict(result, name=name, seconds=seconds, reps_per_second=result["n"] / seconds if seconds > 0 else math.inf)
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
