"""Storage under concurrency, on SQLite always and on PostgreSQL when it is reachable."""

from __future__ import annotations

import threading
import time
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from sqlmodel import Session, select

from bot.clock import FixedClock
from sandbox.fake_slack import FakeSlack
from scheduler.timetable import TASKS, run_task
from storage import queries, runs
from storage.db import Database
from storage.migrate import alembic_config, upgrade
from storage.models import Client, ContactLog, TaskRun
from tests.conftest import MONDAY_10, SH, TEAM, make_bot, seed


def _together(n: int, fn) -> list[object]:  # noqa: ANN001
    start, out, errors = threading.Barrier(n), [], []

    def run(i: int) -> None:
        start.wait()
        try:
            out.append(fn(i))
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    return out


def test_datetimes_come_back_aware_utc(db_url: str) -> None:
    db = Database(db_url)
    seed_at = datetime(2026, 11, 2, 9, tzinfo=SH)
    with db.write() as s:
        queries.upsert_member(s, TEAM, "U1", seed_at, name="a", role="ae")
        c = queries.insert_client(
            s, TEAM, name="X", city="上海", in_city=True, owner_id="U1", created_local=seed_at
        )
        queries.add_contact(
            s,
            ContactLog(
                team_id=TEAM, client_id=c.id, author_id="U1", kind="call", at=seed_at, summary="s"
            ),
        )
    with db.read() as s:
        log = s.exec(select(ContactLog)).one()
        last = queries.last_contacts(s, TEAM)
    assert log.at == seed_at and log.at.utcoffset().total_seconds() == 0
    assert last[c.id] == seed_at
    db.dispose()


def _ae_with_two_clients(s: Session, when: datetime) -> tuple[Client, Client]:
    """An AE, U1, owning clients 甲 and 乙 in Shanghai."""
    queries.upsert_member(s, TEAM, "U1", when, name="a", role="ae")
    a, b = (
        queries.insert_client(
            s, TEAM, name=n, city="上海", in_city=True, owner_id="U1", created_local=when
        )
        for n in ("甲", "乙")
    )
    return a, b


def _call(client: Client, at: datetime, deleted_at: datetime | None = None) -> ContactLog:
    """U1's call with `client` at `at` (undone at `deleted_at`)."""
    return ContactLog(
        team_id=TEAM,
        client_id=client.id,
        author_id="U1",
        kind="call",
        at=at,
        summary="s",
        deleted_at=deleted_at,
    )


def test_each_clients_latest_contact_is_its_newest_not_undone(db_url: str) -> None:
    """The nudge's read (`client_rows`): each client with its latest live contact, none for a
    client never contacted, and an undone contact (the newest here) not counted."""
    db = Database(db_url)
    monday = datetime(2026, 11, 23, 9, tzinfo=SH)
    with db.write() as s:
        a, b = _ae_with_two_clients(s, monday)
        for day, deleted in ((16, None), (18, None), (20, monday)):
            queries.add_contact(s, _call(a, datetime(2026, 11, day, 15, tzinfo=SH), deleted))
    with db.read() as s:
        rows = {r.name: r for r in queries.client_rows(s, TEAM)}
    assert rows["甲"].last_contact == datetime(2026, 11, 18, 15, tzinfo=SH)
    assert rows["甲"].last_contact.utcoffset().total_seconds() == 0
    assert rows["乙"].last_contact is None
    db.dispose()


def test_a_clients_latest_contact_follows_every_change_of_its_contacts(db_url: str) -> None:
    """`client.last_contact_at` is kept by the database (0017): a contact logged moves it on (an
    older one does not), an edit of a contact's time or client and an undo read it again, and so
    does a deletion or a contact written without the bot (an import's plain SQL)."""
    db = Database(db_url)
    monday = datetime(2026, 11, 23, 9, tzinfo=SH)

    def at(day: int) -> datetime:
        return datetime(2026, 11, day, 15, tzinfo=SH)

    def latest() -> dict[str, datetime | None]:
        with db.read() as s:
            return {r.name: r.last_contact for r in queries.client_rows(s, TEAM)}

    def change(contact_id: int, **values: object) -> None:
        with db.write() as s:
            contact = s.get(ContactLog, contact_id)
            for k, v in values.items():
                setattr(contact, k, v)
            s.add(contact)

    with db.write() as s:
        a, b = _ae_with_two_clients(s, monday)
        # the older one logged last does not move it back
        ids = [queries.add_contact(s, _call(a, at(day))).id for day in (18, 16)]
    assert latest() == {"甲": at(18), "乙": None}
    change(ids[0], at=at(13))  # the newest edited to an earlier day: the other is now the latest
    assert latest() == {"甲": at(16), "乙": None}
    change(ids[1], deleted_at=monday)  # undone
    assert latest() == {"甲": at(13), "乙": None}
    change(ids[0], client_id=b.id)  # logged against the wrong client, moved to the right one
    assert latest() == {"甲": None, "乙": at(13)}
    engine = sa.create_engine(db_url)
    with engine.begin() as c:  # a contact written without the bot (an import's plain SQL)
        c.execute(
            sa.insert(ContactLog.__table__).values(
                team_id=TEAM,
                client_id=a.id,
                author_id="U1",
                kind="visit",
                at=at(20),
                summary="imported",
                next_steps="",
                report_due=False,
                important=False,
                created_at=monday,
                updated_at=monday,
            )
        )
        assert latest()["甲"] is None  # not committed yet: nothing seen
    assert latest() == {"甲": at(20), "乙": at(13)}
    with engine.begin() as c:  # the moved contact erased from the table
        c.execute(sa.delete(ContactLog.__table__).where(ContactLog.__table__.c.id == ids[0]))
    engine.dispose()
    assert latest() == {"甲": at(20), "乙": None}
    with db.read() as s:
        assert queries.last_contacts(s, TEAM) == {a.id: at(20)}
    db.dispose()


def test_concurrent_client_adds_get_distinct_serials(db_url: str) -> None:
    db = Database(db_url)
    when = datetime(2026, 11, 23, 10, tzinfo=SH)
    with db.write() as s:
        queries.upsert_member(s, TEAM, "U1", when, name="a", role="ae")

    def add(i: int) -> str:
        for _ in range(20):  # PostgreSQL: a unique-serial race is retried, never lost
            try:
                with db.write() as s:
                    return queries.insert_client(
                        s,
                        TEAM,
                        name=f"C{i}",
                        city="上海",
                        in_city=True,
                        owner_id="U1",
                        created_local=when,
                    ).code
            except sa.exc.IntegrityError:
                continue
        raise AssertionError("gave up")

    codes = _together(8, add)
    with db.read() as s:
        serials = sorted(c.serial for c in s.exec(select(Client)))
    assert serials == list(range(1, 9)) and len(set(codes)) == 8
    db.dispose()


def test_job_runs_once_however_many_processes_race(db_url: str, fake: FakeSlack) -> None:
    bots = [make_bot(fake, db_url, FixedClock(MONDAY_10)) for _ in range(4)]
    seed(bots[0])
    fake.reset()
    at = datetime(2026, 11, 23, 9, 30, tzinfo=SH)
    outcomes = _together(4, lambda i: run_task(TASKS["contact-nudge"], at, bots[i].tasks())[0])
    # one process decides; the others find it decided, and may help deliver its messages
    assert sum(o.decided for o in outcomes) == 1
    assert {o.status for o in outcomes} <= {"sent", "already-ran", "resumed", "pending"}
    assert sorted(c.args["channel"] for c in fake.calls_to("chat.postMessage")) == [
        "U0AE1",
        "U0AE2",
    ]
    with bots[0].db.read() as s:
        [run] = s.exec(select(TaskRun)).all()
    assert run.status == "done" and run.finished_at is not None
    for bot in bots:
        bot.close()


def test_a_failed_run_may_be_decided_again_but_a_decided_one_never(db_url: str) -> None:
    db = Database(db_url)
    with db.write() as s:
        runs.record_failure(s, TEAM, "contact-nudge", "2026-11-23", MONDAY_10, "boom")
    with db.write() as s:
        assert runs.decide_run(s, TEAM, "contact-nudge", "2026-11-23", MONDAY_10, "2 DMs")
    with db.write() as s:
        assert not runs.decide_run(s, TEAM, "contact-nudge", "2026-11-23", MONDAY_10, "2 DMs")
    with db.read() as s:
        run = runs.get_run(s, TEAM, "contact-nudge", "2026-11-23")
    assert run is not None and (run.status, run.detail) == ("sending", "2 DMs")
    db.dispose()


def test_migrations_build_exactly_the_models(db_url: str) -> None:
    """`alembic check`: the migrated schema has nothing the models lack, or the reverse."""
    command.check(alembic_config(db_url))


def test_the_sqlite_wal_is_checkpointed_in_the_background(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No commit pays for a checkpoint (autocheckpoint is off); a background thread copies the
    WAL into the database file soon after writes."""
    monkeypatch.setattr("storage.db.CHECKPOINT_EVERY", 0.05)
    path = tmp_path / "wal.db"
    upgrade(f"sqlite:///{path}")
    db = Database(f"sqlite:///{path}")
    before = path.stat().st_size
    with db.write() as s:
        queries.upsert_member(s, TEAM, "U1", MONDAY_10, name="a" * 100, role="ae")
        for i in range(300):
            queries.insert_client(
                s, TEAM, name=f"C{i}" + "x" * 90, city="上海" * 20, in_city=True, owner_id="U1",
                created_local=MONDAY_10,
            )  # fmt: skip
    assert path.stat().st_size == before  # committed to the WAL only
    deadline = time.monotonic() + 5
    while path.stat().st_size == before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert path.stat().st_size > before
    db.dispose()
