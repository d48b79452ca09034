"""Shared test set-up: offscreen Qt, a fixed language, the official calendar."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from shiftplan import i18n


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Messages in English unless a test switches; the previous language comes back after."""
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)
