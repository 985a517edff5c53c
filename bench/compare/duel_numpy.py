"""The reference duel in numpy: all replications advance together, one vectorised step per tick."""
import sys
import time

import numpy as np

from duel_model import A_BLUE, A_RED, B0, DT, R0, TICKS, report, stats


def run(n, seed):
    rng = np.random.default_rng(seed)
    blue = np.full(n, B0, dtype=np.int64)
    red = np.full(n, R0, dtype=np.int64)
    for _ in range(TICKS):
        # Both sides fire at the strength they had at the start of the tick (a side with no one left fires nothing).
        to_red = np.minimum(rng.poisson(A_BLUE * blue * DT), red)
        to_blue = np.minimum(rng.poisson(A_RED * red * DT), blue)
        red -= to_red
        blue -= to_blue
    return blue, red


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    start = time.perf_counter()
    blue, red = run(n, seed)
    seconds = time.perf_counter() - start
    report("numpy", stats(blue.tolist(), red.tolist()), seconds)
