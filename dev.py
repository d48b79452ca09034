#!/usr/bin/env python3
"""Set up and run shiftplan from a checkout, on Linux, macOS and Windows alike.

    python3 dev.py app      create .venv, install everything, open the desktop app on the demo
    python3 dev.py test     create .venv, install everything, run ruff, mypy, the layering check and pytest
    python3 dev.py setup    only create and fill .venv

Standard library only, so it runs before anything is installed. The environment is rebuilt
only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".shiftplan-installed"


def setup() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036  (dev.py itself runs on any Python 3)
        sys.exit(f"shiftplan needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("Creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    print("Installing shiftplan and its dependencies into .venv …", flush=True)
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--editable", f"{ROOT}[dev]")
    STAMP.write_text(wanted)


def run(*command: object) -> None:
    result = subprocess.run([str(c) for c in command], cwd=ROOT)
    if result.returncode:
        sys.exit(result.returncode)


def test(pytest_args: list[str]) -> None:
    steps = [
        ("ruff", [PYTHON, "-m", "ruff", "check", "."]),
        ("mypy", [PYTHON, "-m", "mypy"]),
        ("import-linter", [BIN / "lint-imports"]),
        ("pytest", [PYTHON, "-m", "pytest", *pytest_args]),
    ]
    for name, command in steps:
        print(f"\n=== {name} ===", flush=True)
        run(*command)


def main() -> None:
    action, *rest = sys.argv[1:] or ["app"]
    if action not in ("app", "test", "setup"):
        sys.exit(__doc__)
    setup()
    if action == "app":
        run(BIN / "shiftplan", *rest)
    elif action == "test":
        test(rest)


if __name__ == "__main__":
    main()
