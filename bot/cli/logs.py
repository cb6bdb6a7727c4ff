"""The process's log: one line per record on stderr, as text or (AEBOT_LOG_FORMAT=json) as one
JSON object, so that a log collector never splits a traceback into records of its own. Secrets
never reach it: Slack tokens, the signing secret and a database password are blotted out of
every line, whatever logged them."""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from datetime import UTC, datetime

from dotenv import dotenv_values

FORMATS = ("text", "json")
TOKEN = re.compile(r"\b(xox[a-z]|xapp)-[A-Za-z0-9-]+")
URL_PASSWORD = re.compile(r"(://[^:/@\s]+:)[^@\s]+(@)")
HIDDEN = "[hidden]"


class OneLine(logging.Formatter):
    """A record as one line: text (`time LEVEL logger: message | traceback…`) or JSON."""

    def __init__(self, json_lines: bool, secrets: set[str]) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")
        self.json_lines, self.secrets = json_lines, secrets

    def format(self, record: logging.LogRecord) -> str:
        if not self.json_lines:
            return self.redact(super().format(record)).replace("\n", " | ")
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return self.redact(json.dumps(entry, ensure_ascii=False))

    def redact(self, line: str) -> str:
        line = URL_PASSWORD.sub(rf"\g<1>{HIDDEN}\g<2>", TOKEN.sub(rf"\g<1>-{HIDDEN}", line))
        for secret in self.secrets:
            line = line.replace(secret, HIDDEN)
        return line


_SECRETS: set[str] = set()


def keep_secret(*values: str | None) -> None:
    """Never show these in a log line (the signing secret, a token: read from the settings)."""
    _SECRETS.update(v for v in values if v and len(v) >= 6)


def log_format() -> str:
    """AEBOT_LOG_FORMAT from the environment or .env; text unless it says json."""
    value = os.environ.get("AEBOT_LOG_FORMAT") or dotenv_values(".env").get("AEBOT_LOG_FORMAT")
    return "json" if (value or "").strip().lower() == "json" else "text"


def configure(verbose: bool, noisy: tuple[str, ...]) -> None:
    """Every record through one handler on stderr, one line each."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLine(log_format() == "json", _SECRETS))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for name in noisy:
        logging.getLogger(name).setLevel(logging.WARNING)
