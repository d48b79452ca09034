"""The Qt desktop interface: the only package that imports PySide6.

It shows domain values and never reaches storage or the solver itself; the composition root
(``shiftplan.app``) hands it everything through :func:`shiftplan.ui.application.run`.
"""

from shiftplan.ui.application import create_application, run

__all__ = ["create_application", "run"]
