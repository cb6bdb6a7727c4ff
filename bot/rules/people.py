"""People: the department's roles, who may administer, and the language each person reads."""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

ROLES = ("aae", "ae", "am", "ad", "ped", "gm", "cs", "fin", "dh", "staff")
DH, STAFF = "dh", "staff"  # a job department's head, and a member of it (their `department`)
DEPARTMENT_ROLES = frozenset({DH, STAFF})
PED = "ped"  # the project execution director (项目执行总监), who signs overtime forms
CS = "cs"  # the customer-support head (客户支持主管): the last review of a contract, copied
FIN = "fin"  # finance (财务): copied on money forms once approved
GM = "gm"
# Managers: they see their teams' reports, who is out, and record receivables.
MANAGER_ROLES = frozenset({"am", "ad", "gm", PED})
LANGS = ("zh", "en")


def is_admin(user_id: str, admins: Collection[str]) -> bool:
    """Admins (AEBOT_ADMINS) configure aebot: roles, calendar, settings; and may edit anything."""
    return user_id in admins


def sees_as_manager(role: str | None, admin: bool) -> bool:
    """Managers (AM, AD, GM, the project execution director) and admins."""
    return admin or role in MANAGER_ROLES


def lang_from_locale(locale: str | None) -> str | None:
    """Slack locale ("en-US", "zh-CN", "zh-TW") to an aebot language, or None."""
    if not locale:
        return None
    prefix = locale.split("-")[0].lower()
    return prefix if prefix in LANGS else None


def language_of(chosen: str | None, slack_locale: str | None, default: str) -> str:
    """The language a person reads: the one they chose, else their Slack locale's, else the
    workspace default."""
    return chosen or lang_from_locale(slack_locale) or default


def language_word(word: str) -> str | None:
    """What someone typed to choose a language ("en", "English", "中文") → "zh" / "en", or None."""
    w = word.strip().lower()
    w = {"中文": "zh", "chinese": "zh", "english": "en", "英文": "en"}.get(w, w)
    return w if w in LANGS else None


class MemberRecord(Protocol):
    """A member of the department as the rules and views read it (storage's Member is one)."""

    user_id: str
    name: str
    role: str
    manager_id: str | None
    department: str | None
