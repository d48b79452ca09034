"""The one exception every layer may raise for the user to read."""

from __future__ import annotations


class UserError(Exception):
    """A failure the user can act on: ``str(error)`` is a complete message in their language.

    Adapters derive their own errors from it (storage, files), so that the screens can show any of
    them in place without knowing where it came from.
    """
