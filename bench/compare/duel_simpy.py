"""The reference duel in SimPy: a discrete-event simulation in which each side is a process that fires every tick
and a referee process applies both sides' casualties together at the end of the tick (simultaneous exchange)."""
import sys
import time

import numpy as np
import simpy

from duel_model import A_BLUE, A_RED, B0, DT, R0, TICKS, report, stats


def duel(env, rng, state):
    incoming = {"blue": 0, "red": 0}

    def side(name, enemy, rate):
        while True:
            yield env.timeout(DT)
            if state[name] > 0 and state[enemy] > 0:
                incoming[enemy] = rng.poisson(rate * state[name] * DT)

    def referee():
        # Created last, so at each tick it runs after both sides have fired.
        while True:
            yield env.timeout(DT)
            for name in ("blue", "red"):
                state[name] -= min(incoming[name], state[name])
                incoming[name] = 0

    env.process(side("blue", "red", A_BLUE))
    env.process(side("red", "blue", A_RED))
    env.process(referee())


def run(n, seed):
    rng = np.random.default_rng(seed)
    blue, red = [], []
    for _ in range(n):
        env = simpy.Environment()
        state = {"blue": B0, "red": R0}
        duel(env, rng, state)
        env.run(until=TICKS * DT + DT / 2)
        blue.append(state["blue"])
        red.append(state["red"])
    return blue, red


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    start = time.perf_counter()
    blue, red = run(n, seed)
    seconds = time.perf_counter() - start
    report("simpy", stats(blue, red), seconds)
