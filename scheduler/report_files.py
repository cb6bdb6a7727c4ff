"""The Friday report's files: the .xlsx (sheets "工作"/"Work", "漏斗"/"Funnel" and, in the last
week of a month, "客户日志"/"Client log", named in the reader's language, with native Excel
charts on work and funnel; the work sheet has the hours recorded on jobs this week, per AE and
client and, under it, per job; written by bot/sheets.py)
and the picture people read at a glance (a PNG bar chart of contact days against what the
cadences ask, per AE).

The picture is drawn with matplotlib's object API on the Agg canvas (no pyplot, no global
figure state, no display), in Noto Sans CJK SC: the font comes with the package (the `mplfonts`
wheel ships it) and is registered with matplotlib when this module is loaded, so the picture
reads in Chinese, with people's names, on any server, whatever fonts the machine has.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from contextlib import AbstractContextManager
from importlib import resources

from matplotlib import font_manager, rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from bot import sheets
from bot.rules.week_report import AeWeek, WeekReport
from bot.rules.weekly import FUNNEL_STAGES
from bot.sheets import Bars, Cell, Sheet, Table
from bot.slack.texts import Reader
from bot.slack.views.jobs import department_name, status_name
from bot.slack.views.report import week_number

MAX_BARS = 60  # people in the picture; with more, those furthest behind
FONT_FILE = "NotoSansCJKsc-Regular.otf"  # in the mplfonts wheel (SIL Open Font License)
# the work sheet's columns (their headers: friday.x.*)
WORK_COLUMNS = (
    "ae",
    "user",
    "client",
    "code",
    "cadence",
    "required",
    "days",
    "contacts",
    "short",
    "stage",
    "opened",
    "revised",
    "closed",
    "overdue",
    "hours",
    "note",
)
SUMMARY_COL = 18  # where the work sheet's per-AE table (the chart's data) starts: column R
# the work sheet's table of each job's hours this week, under the rows of AEs and clients
HOURS_COLUMNS = ("number", "project", "client", "owner", "department", "state", "hours")


# --- the workbook --------------------------------------------------------------------------------
def workbook(r: Reader, rep: WeekReport) -> bytes:
    """The week as an .xlsx (bot/sheets.py): one row per AE per client, the funnel, and the
    client log in the last week of a month."""
    out = [
        Sheet(r.t("friday.sheet.work"), _work_tables(r, rep)),
        Sheet(r.t("friday.sheet.funnel"), _funnel_tables(r, rep)),
    ]
    if rep.log_month:
        out.append(Sheet(r.t("friday.sheet.log"), [_log_table(r, rep)]))
    return sheets.workbook(out)


def xlsx_name(rep: WeekReport) -> str:
    return f"weekly-report-{rep.monday.isocalendar().year}-W{week_number(rep.monday):02d}.xlsx"


def _work_tables(r: Reader, rep: WeekReport) -> list[Table]:
    """One row per AE per client (an AE without clients: a row of their own), and beside it
    at column R the per-AE table the chart draws; under them, after an empty row, each job's
    hours this week (when some were recorded)."""
    x = _x(r)
    headers = [x(k) for k in WORK_COLUMNS]
    hours = rep.hours_by_owner()
    rows: list[list[Cell]] = []
    for a in rep.aes:
        if not a.clients:
            rows.append([a.person.name, a.user_id])
        for c in a.clients:
            cid = c.client.id
            rows.append(
                [
                    a.person.name,
                    a.user_id,
                    c.client.name,
                    c.client.code,
                    c.client.cadence_days,
                    c.required,
                    c.days,
                    c.contacts,
                    c.short,
                    _stage(r, c.client.stage),
                    sum(1 for j in a.opened if j.client_id == cid),
                    sum(1 for j in a.revised if j.client_id == cid),
                    sum(1 for j in a.closed if j.client_id == cid),
                    sum(1 for j in a.overdue if j.client_id == cid),
                    _hours(hours.get((a.user_id, cid), 0)),
                    c.note or "",
                ]
            )
    per_ae = Table(
        [x("ae"), x("required"), x("days"), x("contacts")],
        [[a.person.name, a.required, a.contacted_days, a.logged] for a in rep.aes],
        at=(1, SUMMARY_COL),
        chart=Bars(x("work_chart"), 1, 2, (2, SUMMARY_COL + 5)),
    )
    work = Table(headers, rows, formats={WORK_COLUMNS.index("hours"): sheets.HOURS_FORMAT})
    if not rep.job_hours:
        return [work, per_ae]
    return [work, per_ae, _hours_table(r, rep, at=(len(rows) + 3, 1))]


def _hours_table(r: Reader, rep: WeekReport, at: tuple[int, int]) -> Table:
    """Each job with hours recorded this week: its number, project, client, owner, department,
    state and the week's hours; a totals row."""
    x = _x(r)
    rows: list[list[Cell]] = [
        [
            j.number,
            j.project,
            j.client,
            rep.name_of(j.owner_id),
            department_name(r, j.department),
            status_name(r, j.status),
            _hours(j.minutes),
        ]
        for j in rep.job_hours
    ]
    rows.append([x("total"), *[None] * 5, _hours(sum(j.minutes for j in rep.job_hours))])
    last = len(HOURS_COLUMNS) - 1
    return Table([x(k) for k in HOURS_COLUMNS], rows, at=at, formats={last: sheets.HOURS_FORMAT})


def _hours(minutes: int) -> float:
    return round(minutes / 60, 2)


def _funnel_tables(r: Reader, rep: WeekReport) -> list[Table]:
    """Each AE's clients per funnel stage (a stacked chart beside), and under it, after an
    empty row, the week's changes of stage."""
    x = _x(r)
    stages = [_stage(r, s) for s in FUNNEL_STAGES]
    counts = [[a.stages.get(s, 0) for s in FUNNEL_STAGES] for a in rep.aes]
    funnel = Table(
        [x("ae"), *stages, x("total"), x("changes")],
        [[a.person.name, *n, sum(n), len(a.changes)] for a, n in zip(rep.aes, counts, strict=True)],
        chart=Bars(
            x("funnel_chart"), 1, len(FUNNEL_STAGES), (1, len(FUNNEL_STAGES) + 5), stacked=True
        ),
    )
    changes = [
        [
            client,
            a.person.name,
            _stage(r, ch.from_stage),
            _stage(r, ch.to_stage),
            rep.name_of(ch.by),
            ch.at.astimezone(r.zone).replace(tzinfo=None),
        ]
        for a in rep.aes
        for ch, client in a.changes
    ]
    headers = [x("client"), x("ae"), x("from"), x("to"), x("by"), x("at")]
    return [funnel, Table(headers, changes, at=(len(rep.aes) + 3, 1))]


def _log_table(r: Reader, rep: WeekReport) -> Table:
    x = _x(r)
    return Table(
        [x("client"), x("code"), x("owner"), x("month_contacts"), x("last")],
        [
            [client.name, client.code, owner, row.contacts, row.last]
            for client, owner, row in rep.log
        ],
    )


def _x(r: Reader):  # noqa: ANN202 - a short reader of the sheet headers
    return lambda key: r.t(f"friday.x.{key}")


def _stage(r: Reader, stage: str) -> str:
    key = f"friday.stage.{stage}"
    try:
        return r.t(key)
    except KeyError:
        return stage


# --- the picture ---------------------------------------------------------------------------------
def register_font() -> str:
    """Register the CJK font the package ships with matplotlib; its family name."""
    path = str(resources.files("mplfonts") / "fonts" / FONT_FILE)
    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


FONT = register_font()


def _in_font() -> AbstractContextManager[None]:
    return rc_context({"font.family": [FONT, "DejaVu Sans"]})


def chart_png(r: Reader, rep: WeekReport) -> bytes:
    """Contact days against what the cadences ask, per AE (those furthest behind first when
    there are more than fit), as a PNG."""
    out = io.BytesIO()
    with _in_font(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        chart(r, rep).savefig(out, format="png")
    return out.getvalue()


def chart(r: Reader, rep: WeekReport) -> Figure:
    """The picture as a matplotlib figure, its text in the package's CJK font."""
    shown = _furthest_behind(rep.aes)
    week = week_number(rep.monday)
    title = r.t("friday.png_title", week=week)
    if len(shown) < len(rep.aes):
        title = r.t("friday.png_some", week=week, n=len(shown), of=len(rep.aes))
    fig = Figure(figsize=(9, max(2.8, 0.32 * len(shown) + 1.6)), dpi=100)
    FigureCanvasAgg(fig)
    with _in_font(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ax = fig.add_subplot()
        at = list(range(len(shown)))
        ax.barh(
            [i + 0.2 for i in at],
            [a.required for a in shown],
            height=0.4,
            color="#c9ced6",
            label=r.t("friday.png_required"),
        )
        ax.barh(
            [i - 0.2 for i in at],
            [a.contacted_days for a in shown],
            height=0.4,
            color="#2f7d4f",
            label=r.t("friday.png_contacted"),
        )
        ax.set_yticks(at, labels=[a.person.name for a in shown])
        ax.set_ylim(len(shown) - 0.5, -0.5)  # the first person on top, no empty rows
        ax.set_xlabel(r.t("friday.png_ylabel"))
        ax.set_title(title)
        ax.grid(axis="x", alpha=0.3)
        fig.legend(loc="lower center", ncol=2, frameon=False)
        fig.tight_layout(rect=(0, 0.06 if len(shown) < 10 else 0.02, 1, 1))
    return fig


def png_name(rep: WeekReport) -> str:
    return f"contacts-{rep.monday.isocalendar().year}-W{week_number(rep.monday):02d}.png"


def _furthest_behind(aes: Sequence[AeWeek]) -> list[AeWeek]:
    if len(aes) <= MAX_BARS:
        return list(aes)
    behind = sorted(aes, key=lambda a: (-(a.required - a.contacted_days), a.person.name))
    keep = {a.user_id for a in behind[:MAX_BARS]}
    return [a for a in aes if a.user_id in keep]
