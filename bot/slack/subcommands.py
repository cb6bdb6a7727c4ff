"""One way for a command to read its sub-command: a table of the words that name each (in
Chinese and English) and the function each runs, with what runs when nothing was typed, what a
first word that names no sub-command gets, and `help` (帮助, ?) answered with the command's help.

    OUT = Subcommands(
        "/out",
        help="out.help",
        subs={("who", "谁"): who, ("back", "回来"): back, ("leave", "请假"): leave},
        other=register,  # `/out 耐克 提案 14:00-17:00`: the first word is a client
    )

    def out_command(req: Request, deps: WhereaboutsDeps) -> Reply:
        return OUT.run(deps.reader(req), req, deps, req.text)

Each function is `(reader, request, deps, rest) -> Reply`: `rest` is what follows the
sub-command's word, as typed. `empty` and `other` are given the whole text. Without `empty`,
nothing typed gets the help; without `other`, an unknown word gets the one reply that names it
and the command's help (`command.unknown_sub`). A table may run another table on its `rest`
(`/out leave list`, `/aebot agenda add …`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from bot.slack import blocks as bk
from bot.slack.listeners import Reply, Request, asks_help
from bot.slack.texts import Reader

D = TypeVar("D")
Run = Callable[[Reader, Request, D, str], Reply]


class Subcommands(Generic[D]):
    """A command's sub-commands by the words that name them."""

    def __init__(
        self,
        command: str,
        *,
        help: str,
        subs: Mapping[tuple[str, ...], Run[D]],
        empty: Run[D] | None = None,
        other: Run[D] | None = None,
    ) -> None:
        self.command, self.help, self.empty, self.other = command, help, empty, other
        self.by_word: dict[str, Run[D]] = {}
        for words, run in subs.items():
            for word in words:
                if word != word.lower() or word in self.by_word:
                    raise ValueError(f"{command}: {word!r} is not lower case, or named twice")
                self.by_word[word] = run

    def run(self, r: Reader, req: Request, deps: D, text: str) -> Reply:
        """The sub-command `text` names, run on the rest of it."""
        words = text.split(maxsplit=1)
        if not words:
            return self.empty(r, req, deps, "") if self.empty else Reply(text=r.t(self.help))
        word, rest = words[0].lower(), (words[1].strip() if len(words) > 1 else "")
        if asks_help(word):
            return Reply(text=r.t(self.help))
        if (found := self.by_word.get(word)) is not None:
            return found(r, req, deps, rest)
        if self.other is not None:
            return self.other(r, req, deps, text.strip())
        shown = bk.escape(word[:40])
        return Reply(text=r.t("command.unknown_sub", sub=shown, command=self.command))


def says(key: str) -> Run[Any]:
    """A sub-command (or `other`) that answers with one text: a usage line."""
    return lambda r, req, deps, rest: Reply(text=r.t(key))
