"""The house stays in order: one direction of imports (import-linter contracts in
pyproject.toml), every module in a layer, no import hidden in a function, short listeners."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent
PACKAGES = ("bot", "handlers", "scheduler", "storage", "sandbox", "forms")
MODULE_MAX_LINES = 400
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CONFIG = PYPROJECT["tool"]["importlinter"]


def modules() -> list[tuple[str, Path]]:
    out = []
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            if "migrations" in path.parts:  # Alembic's scripts, loaded by Alembic
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            out.append((name, path))
    return out


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    p = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-2000:]
    kept = len(CONFIG["contracts"])
    assert f"Contracts: {kept} kept, 0 broken." in p.stdout


def test_every_module_sits_in_a_layer() -> None:
    """A new module outside the layers would escape the contract; name its layer first."""
    [layers] = [c["layers"] for c in CONFIG["contracts"] if c["type"] == "layers"]
    placed = {m.strip() for layer in layers for m in layer.replace(":", "|").split("|")}
    outside = [
        name
        for name, _ in modules()
        if name not in PACKAGES and not any(name == p or name.startswith(p + ".") for p in placed)
    ]
    assert outside == []


def test_no_import_inside_a_function() -> None:
    """A cycle is fixed by moving the shared piece down a layer, not by a late import."""
    late = []
    for name, path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                late += [
                    f"{name}.{node.name}:{sub.lineno}"
                    for sub in ast.walk(node)
                    if isinstance(sub, ast.Import | ast.ImportFrom)
                ]
    assert late == []


def test_listeners_are_short_and_registration_is_one_short_function() -> None:
    long = []
    for name, path in modules():
        if not name.startswith("handlers."):
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef):
                lines = node.end_lineno - node.lineno + 1  # type: ignore[operator]
                limit = 12 if node.name == "register" else 40
                if lines > limit:
                    long.append(f"{name}.{node.name}: {lines} lines")
    assert long == []


def test_the_formatter_decides_layout_and_modules_stay_small() -> None:
    """No `# fmt: skip` in product code: a function too long once formatted is too long. No
    product module over 400 lines (as the formatter writes it)."""
    skipped, large = [], []
    for name, path in modules():
        text = path.read_text(encoding="utf-8")
        skipped += [
            f"{name}:{i}" for i, line in enumerate(text.splitlines(), 1) if "fmt: skip" in line
        ]
        lines = text.count("\n")
        if lines > MODULE_MAX_LINES:
            large.append(f"{name}: {lines} lines")
    assert skipped == []
    assert large == []
