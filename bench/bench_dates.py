"""Time bot.dates: warm_up(), the first parse, and p50/p99 over the test phrase table.

Run: .venv/bin/python bench/bench_dates.py

It also starts one fresh interpreter that parses without warm_up(), to show what warm_up saves.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.dates import parse_when, warm_up  # noqa: E402
from tests.date_phrases import NOWS, PHRASES  # noqa: E402

ROUNDS = 20
FIRST_DP = "30 December 2026"  # goes through dateparser; not one of warm_up()'s own phrases


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def _time_one(phrase: str, now_key: str = "MON") -> float:
    start = time.perf_counter()
    parse_when(phrase, NOWS[now_key])
    return time.perf_counter() - start


def cold() -> None:
    """In a fresh process: the first parses without warm_up()."""
    print(f"{_time_one(FIRST_DP):.6f} {_time_one(FIRST_DP):.6f}")


def main() -> None:
    start = time.perf_counter()
    warm_up()
    print(f"{'warm_up()':<46}{_ms(time.perf_counter() - start)}")

    first = _time_one(FIRST_DP)  # the first member's parse after warm_up
    samples: list[float] = []
    for _ in range(ROUNDS):
        for row in PHRASES:
            samples.append(_time_one(row.phrase, row.now))
    samples.sort()
    p50 = statistics.median(samples)
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    dp = sorted(_time_one(FIRST_DP) for _ in range(50))
    print(f"{f'parse p50, {len(PHRASES)} phrases x {ROUNDS}':<46}{_ms(p50)}")
    print(f"{'parse p99':<46}{_ms(p99)}")
    print(f"{'parse max':<46}{_ms(samples[-1])}")
    print(f"{f'first parse after warm_up {FIRST_DP!r}':<46}{_ms(first)}")
    print(f"{'median of the next 50 of the same':<46}{_ms(statistics.median(dp))}")

    out = subprocess.run(
        [sys.executable, __file__, "--cold"], capture_output=True, text=True, check=True
    ).stdout.split()
    print(f"{'no warm_up, fresh process: first parse':<46}{_ms(float(out[0]))}")
    print(f"{'no warm_up, fresh process: second parse':<46}{_ms(float(out[1]))}")


if __name__ == "__main__":
    cold() if sys.argv[1:] == ["--cold"] else main()
