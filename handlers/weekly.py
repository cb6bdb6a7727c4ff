"""`/weekly`: weekly notes (周报) — where each active client stands in at most 150 characters,
problems needing coordination and suggestions; in a modal (filled in with this week's notes,
else last week's, to edit) or in one line (`/weekly 耐克 Q1提案已提交，等待客户反馈`). A week's
notes can change until its report is compiled (the `friday-report` run of its last working
day); after that the form and the one-liner refuse, and say when it was compiled.

The 150 characters are checked here whatever the form's own limit let through: counted as
characters, so 150 汉字 fit and a 151st is refused with the count.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from functools import partial
from typing import Any

from slack_bolt import App
from sqlmodel import Session

from bot.rules import weekly as rules
from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Reply, Request
from bot.slack.subcommands import Subcommands
from bot.slack.texts import Reader
from bot.slack.views import weekly as view
from handlers.client_lookup import client_leading
from handlers.deps import Deps
from storage import queries
from storage import weekly as store
from storage.models import WeeklyNote

COMMAND = "/weekly"


def this_week(deps: Deps) -> date:
    """The Monday of this week, in the workspace's zone."""
    return rules.week_of(deps.local_now().date())


def closed(r: Reader, s: Session, deps: Deps, team: str, week: date) -> str | None:
    """Why the week's notes can no longer change (its report is compiled), or None."""
    last_day = deps.calendars.for_team(team).last_working_day_of_week(week)
    at = store.compiled_at(s, team, last_day)
    if at is None:
        return None
    return r.t("weekly.compiled", when=r.when(at), next=r.day(week + timedelta(days=7)))


# --- the command ---------------------------------------------------------------------------
def weekly_command(req: Request, deps: Deps) -> Reply:
    return WEEKLY.run(deps.reader(req), req, deps, req.text)


def _show_or_note(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    """`/weekly show`; but `/weekly Show Co 进展` is a note on a client whose name starts so."""
    return quick(r, req, deps, req.text) if rest else _show(r, req, deps)


def _open(r: Reader, req: Request, deps: Deps, _: str = "") -> Reply:
    week = this_week(deps)
    with deps.db.read() as s:
        refusal = closed(r, s, deps, req.team, week)
    if refusal:
        return Reply(text=refusal)
    return Reply(then=(partial(open_form, req, deps, week),))


def open_form(req: Request, deps: Deps, week: date) -> None:
    """The form of the week: my active clients, each filled in with this week's note, else
    last week's; my problems and suggestions of the week."""
    r = deps.reader(req)
    last_week = week - timedelta(days=7)
    with deps.db.read() as s:
        clients = store.active_clients_of(s, req.team, req.user, week, deps.settings.tz)
        notes = store.notes_of(s, req.team, req.user, (week, last_week))
    now = {store.key_of(n): n.text for n in notes if n.week == week}
    before = {store.key_of(n): n.text for n in notes if n.week == last_week}
    fields = []
    for c in clients:
        assert c.id is not None
        key = (rules.CLIENT, c.id)
        text = now.get(key) or before.get(key, "")
        fields.append(view.Field(c.id, c.name, text, key not in now and bool(text)))
    extras = {kind: now.get((kind, None), "") for kind in view.EXTRA_BLOCKS}
    meta = {"week": week.isoformat(), "channel": req.channel}
    deps.sender.open_modal(str(req.trigger_id), view.weekly_modal(r, week, fields, extras, meta))


def open_click(req: Request, deps: Deps) -> Reply:
    """The weekly prompt's "Write this week's notes": the form, unless the week is compiled."""
    r = deps.reader(req)
    week = this_week(deps)
    with deps.db.read() as s:
        refusal = closed(r, s, deps, req.team, week)
    if refusal:
        return Reply(then=(partial(deps.sender.answer, req.response_url, req.user, refusal),))
    return Reply(then=(partial(open_form, req, deps, week),))


# --- the form ------------------------------------------------------------------------------
def read_form(
    r: Reader, form: Mapping[str, Any]
) -> tuple[dict[store.NoteKey, str], dict[str, str]]:
    """The notes as typed, by (kind, client), and what is too long, by field."""
    texts: dict[store.NoteKey, str] = {}
    errors: dict[str, str] = {}
    for block_id, value in form.items():
        client_id = view.client_of(block_id)
        if client_id is None and block_id not in view.EXTRA_BLOCKS:
            continue
        kind = rules.CLIENT if client_id is not None else block_id
        text = rules.clean(str(value or ""))
        limit = rules.NOTE_MAX if kind == rules.CLIENT else rules.TEXT_MAX
        if problem := rules.note_problem(text, limit):
            errors[block_id] = r.problem(problem)
        texts[(kind, client_id)] = text
    return texts, errors


def submit_form(req: Request, deps: Deps) -> Reply:
    """The form: the week's notes stored (an emptied field removes its note), or what is
    wrong shown under the fields; refused once the week is compiled."""
    r = deps.reader(req)
    week = _week(req.metadata, deps)
    texts, errors = read_form(r, req.form)
    if errors:
        return Reply(errors=errors)
    with deps.db.write() as s:
        if refusal := closed(r, s, deps, req.team, week):
            return Reply(errors={next(iter(req.form), view.EXTRA_BLOCKS[0]): refusal})
        ids = {c.id for c in queries.list_clients(s, req.team)}
        texts = {k: v for k, v in texts.items() if k[1] is None or k[1] in ids}
        got = store.save_notes(s, req.team, req.user, week, texts, deps.clock.now())
        mine = store.notes_for_week(s, req.team, week, req.user)
    kinds = [n.kind for n in mine]
    extras = {k: k in kinds for k in view.EXTRA_BLOCKS}
    said = view.saved(r, kinds.count(rules.CLIENT), got.removed, extras)
    channel = req.metadata.get("channel")
    tell = partial(deps.sender.tell, req.user, channel if isinstance(channel, str) else None, said)
    return Reply(then=(tell,))


def _week(meta: Mapping[str, Any], deps: Deps) -> date:
    """The week the form was opened for (a form opened on Sunday night and saved on Monday
    is last week's)."""
    try:
        return rules.week_of(date.fromisoformat(str(meta.get("week"))))
    except ValueError:
        return this_week(deps)


# --- the one-liner and /weekly show ----------------------------------------------------------
def quick(r: Reader, req: Request, deps: Deps, text: str) -> Reply:
    """`/weekly 耐克 Q1提案已提交，等待客户反馈`: that client's note of the week, stored or
    replaced; an unknown or ambiguous client gets the candidates."""
    week = this_week(deps)
    with deps.db.write() as s:
        found = client_leading(r, queries.list_clients(s, req.team), text)
        c = found.client
        if c is None or c.id is None:
            return Reply(text=found.said)
        text = rules.clean(found.rest)
        if not text:
            return Reply(text=r.t("weekly.quick.need_text", name=bk.escape(c.name)))
        if problem := rules.note_problem(text):
            return Reply(text=r.problem(problem))
        if refusal := closed(r, s, deps, req.team, week):
            return Reply(text=refusal)
        got = store.save_notes(
            s, req.team, req.user, week, {(rules.CLIENT, c.id): text}, deps.clock.now()
        )
    key = "weekly.quick.replaced" if got.replaced or got.kept else "weekly.quick.saved"
    return Reply(text=r.t(key, name=bk.escape(c.name), n=rules.length(text)))


def _show(r: Reader, req: Request, deps: Deps) -> Reply:
    week = this_week(deps)
    with deps.db.read() as s:
        notes = store.notes_for_week(s, req.team, week, req.user)
        names = {c.id: c.name for c in queries.list_clients(s, req.team)}
    if not notes:
        return Reply(text=r.t("weekly.show.none"))
    clients = sorted((names.get(n.client_id, "?"), n.text) for n in notes if _is_client(n))
    extras = {n.kind: n.text for n in notes if not _is_client(n)}
    text, blocks = view.my_notes(r, week, clients, extras)
    return Reply(text=text, blocks=blocks)


def _is_client(n: WeeklyNote) -> bool:
    return n.kind == rules.CLIENT


WEEKLY = Subcommands[Deps](
    COMMAND,
    help="weekly.help",
    subs={("show", "list", "mine", "查看", "列表"): _show_or_note},
    empty=_open,
    other=quick,
)


def register(app: App, listen: Listen, deps: Deps) -> None:
    app.command(COMMAND)(listen.ack(weekly_command, deps))
    app.view(view.FORM)(listen.ack(submit_form, deps))
    app.action(view.OPEN)(listen.ack(open_click, deps))
