"""Time bot.dates.find_dates over a 1,000-character call summary, in Chinese and in English.

Run: .venv/bin/python bench/bench_find.py [--runs 500]

The summaries (tests/test_date_find.py: SUMMARY_ZH, SUMMARY_EN) read like what an AE logs after
a call: ten or eleven dates each (下周五, 下周三下午3点, 12月4日（周五）, "by Friday", "Fri 4 Dec",
"in 3 days", ...) among amounts, percentages, job numbers, client codes, phone numbers and an
e-mail address. Each is found `--runs` times after a warm-up; the issue's target is p99 under
5 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.dates.find import find_dates  # noqa: E402
from tests.date_phrases import NOWS  # noqa: E402
from tests.test_date_find import SUMMARY_EN, SUMMARY_ZH  # noqa: E402

TARGET_P99_MS = 5.0


def _time(text: str, lang: str, runs: int) -> tuple[list[float], int]:
    now = NOWS["MON"]
    found = len(find_dates(text, now, lang=lang))  # warm-up (the folding cache, the CPU's)
    for _ in range(min(runs, 50)):
        find_dates(text, now, lang=lang)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        find_dates(text, now, lang=lang)
        samples.append((time.perf_counter() - start) * 1000)
    return sorted(samples), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=500)
    runs = parser.parse_args().runs
    print(f"find_dates over a call summary, {runs} runs each after a warm-up")
    worst = 0.0
    for lang, text in (("zh", SUMMARY_ZH), ("en", SUMMARY_EN)):
        samples, found = _time(text, lang, runs)
        p50 = statistics.median(samples)
        p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
        worst = max(worst, p99)
        print(
            f"{lang}  {len(text):5d} chars  {found:2d} dates   "
            f"p50 {p50:6.3f} ms   p99 {p99:6.3f} ms   max {samples[-1]:6.3f} ms"
        )
    verdict = "met" if worst < TARGET_P99_MS else "MISSED"
    print(f"target p99 < {TARGET_P99_MS:.0f} ms: {verdict} (worst p99 {worst:.3f} ms)")


if __name__ == "__main__":
    main()
