"""The benchmarks still run (tiny sizes; no timing is asserted, figures are for people)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def run(script: str, *args: str) -> str:
    p = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
    )
    assert p.returncode == 0, p.stderr[-2000:]
    return p.stdout


def test_ack_benchmark_runs_and_stores_every_contact() -> None:
    out = run("bench_ack.py", "--requests", "20", "--senders", "2", "--rounds", "1")
    assert "ratio aebot/bare" in out and "CPU per request" in out
    assert "contacts stored by aebot: 30 (expected 30)" in out


def test_report_form_benchmark_runs_and_stores_every_report() -> None:
    out = run(
        "bench_report_form.py", "--requests", "4", "--senders", "2", "--rounds", "1", "--pace", "0"
    )
    assert "bare floor × 1.5" in out
    assert "reports stored after the acks: 8 (expected 8)" in out


def test_nudge_benchmark_statement_count_does_not_grow() -> None:
    out = run("bench_nudge.py", "--aes", "20", "--clients-per-ae", "3")
    deciding = [
        line.split(" statements")[0].split()[-1] for line in out.splitlines() if "deciding" in line
    ]
    assert len(deciding) == 2 and deciding[0] == deciding[1]
    assert "(20 DMs, " in out and "delivered 20, pending 0, failed 0" in out


def test_jobs_benchmark_statement_counts_do_not_grow() -> None:
    out = run("bench_jobs.py", "--people", "200", "--approvals", "60", "--waiting", "30")

    def statements(word: str) -> list[str]:
        return [ln.split(" statements")[0].split()[-1] for ln in out.splitlines() if word in ln]

    tasks = ("job-deadlines", "job-accept-reminders", "job-internal-reminders")
    for task in (*tasks, "job-overdue-notices"):
        deciding = statements(f"{task} ")
        assert len(deciding) == 2 and deciding[0] == deciding[1], task  # 500 jobs, then 5,000
    home, staff = statements("pending requests"), statements("on 50 live jobs")
    assert len(home) == 2 and home[0] == home[1]
    assert len(staff) == 2 and staff[0] == staff[1]
    assert out.count("pending 0, failed 0, expired 0") == 8
    assert "30 requests with buttons" in out and "20 of the jobs shown" in out


def test_find_benchmark_prints_p50_and_p99_for_each_language() -> None:
    out = run("bench_find.py", "--runs", "20")
    rows = [ln.split() for ln in out.splitlines() if ln.startswith(("zh ", "en "))]
    assert [r[0] for r in rows] == ["zh", "en"]
    for r in rows:
        assert r[1].isdigit() and 950 <= int(r[1]) <= 1100 and r[2] == "chars"
        assert r[3].isdigit() and int(r[3]) >= 10 and r[4] == "dates"
        assert r[5] == "p50" and float(r[6]) > 0 and r[7] == "ms"
        assert r[8] == "p99" and float(r[9]) >= float(r[6]) and r[10] == "ms"
    assert "target p99 < 5 ms:" in out


def test_report_benchmark_statement_count_does_not_grow() -> None:
    out = run("bench_report.py", "--aes", "40", "--clients-per-ae", "3")
    deciding = [
        ln.split(" statements")[0].split()[-1] for ln in out.splitlines() if "deciding" in ln
    ]
    assert len(deciding) == 2 and deciding[0] == deciding[1]
    assert "40 thread messages" in out and "2 files" in out
    assert out.count("pending 0, failed 0, expired 0") == 2


def test_export_benchmark_prints_time_and_peak_memory_per_size_and_format() -> None:
    out = run("bench_export.py", "--contacts", "200", "--no-pg")
    rows = [ln.split() for ln in out.splitlines() if "contacts →" in ln]
    assert [(r[0], r[3]) for r in rows] == [
        ("20", ".xlsx"),
        ("20", ".csv"),
        ("200", ".xlsx"),
        ("200", ".csv"),
    ]
    for r in rows:
        assert float(r[4]) > 0 and r[5] == "s" and r[6] == "peak" and float(r[7]) > 0


def test_day_benchmark_statement_counts_do_not_grow() -> None:
    out = run("bench_day.py", "--aes", "100")
    for task in ("day-summary", "day-digest"):
        deciding = [ln.split(" statements")[0].split()[-1] for ln in out.splitlines() if task in ln]
        assert len(deciding) == 2 and deciding[0] == deciding[1], task  # 10 AEs, then 100
    assert "(95 messages: 95 DMs, 95 asked" in out
