"""Preferences: language, text size, and whether the last database opens on start."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from shiftplan.i18n import _
from shiftplan.ui.settings import FONT_SCALE_LABELS, FONT_SCALES, LANGUAGE, REOPEN_LAST, Preferences
from shiftplan.ui.widgets import quiet_label

LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}  # each in its own language


class PreferencesDialog(QDialog):
    """Shows the preferences and writes them back on OK; the caller applies what changed."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Preferences"))
        self._preferences = preferences
        self.language_box = QComboBox(self)
        for code, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(preferences.language)))
        self.size_box = QComboBox(self)
        for scale in FONT_SCALES:
            self.size_box.addItem(_(FONT_SCALE_LABELS[scale]), scale)
        self.size_box.setCurrentIndex(max(0, self.size_box.findData(preferences.font_scale)))
        self.reopen_box = QCheckBox(_(REOPEN_LAST.title), self)
        self.reopen_box.setChecked(preferences.reopen_last)
        form = QFormLayout()
        form.addRow(_(LANGUAGE.title) + _(":"), self.language_box)
        form.addRow(_("Text size:"), self.size_box)
        form.addRow("", self.reopen_box)
        note = quiet_label(_("A new language or text size applies at once; the window is built again."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def accept(self) -> None:
        """Override QDialog::accept: store the choices."""
        self._preferences.language = str(self.language_box.currentData())
        self._preferences.font_scale = int(self.size_box.currentData())
        self._preferences.reopen_last = self.reopen_box.isChecked()
        super().accept()
