"""Dialogs: adding a person, changing several at once, importing a staff workbook, preferences."""
