"""One settings object, read once from the environment and `.env`."""

from __future__ import annotations

from functools import cached_property
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
from pydantic import ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# How to fix each setting, shown in the one-line start-up error.
HINTS: dict[str, str] = {
    "SLACK_BOT_TOKEN": "the app's Bot User OAuth Token, starting xoxb- (OAuth & Permissions page)",
    "SLACK_SIGNING_SECRET": "the app's Signing Secret (Basic Information page)",
    "SLACK_APP_TOKEN": "an app-level token starting xapp- with connections:write, or leave it unset for HTTP mode",
    "SLACK_API_URL": "an http(s) URL ending in /api/, or leave it unset for Slack's own",
    "DATABASE_URL": "e.g. sqlite:///aebot.db or postgresql+psycopg://user@host/db",
    "AEBOT_TZ": "an IANA time zone such as Asia/Shanghai",
    "AEBOT_LANG": "zh or en",
    "AEBOT_ADMINS": "comma-separated Slack user ids such as U012ABC,U034DEF",
    "AEBOT_COUNTRY": "a country code such as CN",
    "PORT": "a TCP port number such as 3000",
    "AEBOT_HEALTH_PORT": "a TCP port number such as 8080, or leave it unset",
    "AEBOT_LOG_FORMAT": "text or json",
}


class SettingsError(Exception):
    """A setting is missing or wrong; the message is one line naming it."""


class Settings(BaseSettings):
    """Everything aebot reads from its environment (names are the public contract)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str = "https://slack.com/api/"
    database_url: str = "sqlite:///aebot.db"
    aebot_tz: str = "Asia/Shanghai"
    aebot_lang: str = "zh"
    aebot_admins: str = ""
    aebot_country: str = "CN"
    port: int = 3000
    aebot_health_port: int | None = None  # /healthz on its own port (Socket Mode has no other)
    aebot_log_format: str = "text"  # read for the log before the settings (bot/cli/logs.py)

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token(cls, v: str | None) -> str | None:
        if v is not None and not v.startswith("xoxb-"):
            raise ValueError("must start with xoxb-")
        return v

    @field_validator("slack_app_token")
    @classmethod
    def _app_token(cls, v: str | None) -> str | None:
        if v == "":
            return None
        if v is not None and not v.startswith("xapp-"):
            raise ValueError("must start with xapp-")
        return v

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, v: str) -> str:
        if not v.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL")
        return v if v.endswith("/") else v + "/"

    @field_validator("database_url")
    @classmethod
    def _db_url(cls, v: str) -> str:
        if not v.startswith(("sqlite://", "postgresql")):
            raise ValueError("must be a sqlite:// or postgresql+psycopg:// URL")
        if v.startswith("postgresql://") or v.startswith("postgres://"):
            v = "postgresql+psycopg://" + v.split("://", 1)[1]
        return v

    @field_validator("aebot_tz")
    @classmethod
    def _tz(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {v!r}") from None
        return v

    @field_validator("aebot_lang")
    @classmethod
    def _lang(cls, v: str) -> str:
        v = v.strip().lower()
        if v not in ("zh", "en"):
            raise ValueError(f"must be zh or en, not {v!r}")
        return v

    @field_validator("aebot_admins")
    @classmethod
    def _admins(cls, v: str) -> str:
        for uid in (p.strip() for p in v.split(",")):
            if uid and not (uid[0] in "UW" and uid[1:].isalnum()):
                raise ValueError(f"{uid!r} is not a Slack user id")
        return v

    @field_validator("aebot_health_port", mode="before")
    @classmethod
    def _health_port(cls, v: object) -> object:
        if v in ("", None):
            return None
        if not str(v).isdigit() or not 1 <= int(str(v)) <= 65535:
            raise ValueError(f"{v!r} is not a port number")
        return int(str(v))

    @field_validator("aebot_log_format")
    @classmethod
    def _log_format(cls, v: str) -> str:
        v = v.strip().lower()
        if v not in ("text", "json"):
            raise ValueError(f"must be text or json, not {v!r}")
        return v

    @field_validator("aebot_country")
    @classmethod
    def _country(cls, v: str) -> str:
        v = v.strip().upper()
        if v not in holidays.list_supported_countries():
            raise ValueError(f"unknown country code {v!r}")
        return v

    @cached_property
    def admins(self) -> frozenset[str]:
        return frozenset(p.strip() for p in self.aebot_admins.split(",") if p.strip())

    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.aebot_tz)

    def require_slack(self) -> None:
        """Stop when the Slack credentials the bot needs are missing."""
        for name in ("slack_bot_token", "slack_signing_secret"):
            if not getattr(self, name):
                key = name.upper()
                raise SettingsError(f"setting {key} is missing: set it to {HINTS[key]}")


def load_settings(**overrides: object) -> Settings:
    """Read the settings; any problem becomes one SettingsError line naming the setting."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        err = exc.errors()[0]
        key = str(err["loc"][0]).upper() if err["loc"] else "setting"
        msg = str(err["msg"]).removeprefix("Value error, ")
        raise SettingsError(
            f"setting {key} is wrong ({msg}): set it to {HINTS.get(key, 'a valid value')}"
        ) from None
