"""`python -m bot.cli`: the same as the `aebot` command."""

from bot.cli import main

main()
