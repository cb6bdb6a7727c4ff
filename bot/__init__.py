"""aebot: the account department's Slack bot.

`__version__` is the release: pyproject.toml reads it from here, `aebot --version` prints it, and
CHANGELOG.md's newest entry is it (tests/test_upgrade.py holds the three together)."""

__version__ = "0.5.1"
