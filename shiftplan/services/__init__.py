"""Use cases of the desktop app, without Qt: the open database as the editors see it.

The screens (``shiftplan.ui``) call these; the adapters (storage, files, spreadsheets) are reached
only through the Protocols of :mod:`shiftplan.services.ports`, which ``shiftplan.app`` fills.
"""
