"""Forms whose fields say, right under themselves, what is wrong with what was typed."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

ERROR_STYLE = "color: #b3261e;"


class Form:
    """A QFormLayout in which each field can show a problem beneath it (see services.checks)."""

    def __init__(self, layout: QFormLayout) -> None:
        self.layout = layout
        self.errors: dict[str, QLabel] = {}
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def add(self, label: str, field: QWidget, key: str = "") -> QWidget:
        """Add a row; with ``key`` the row can show the problem ``problems[key]``."""
        if not key:
            self.layout.addRow(label, field)
            return field
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        error = QLabel(holder)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.errors[key] = error
        self.layout.addRow(label, holder)
        label_widget = self.layout.labelForField(holder)
        if isinstance(label_widget, QLabel):
            label_widget.setBuddy(field)
        return field

    def show_problems(self, problems: dict[str, str]) -> bool:
        """Show each problem under its field (others are cleared); True when there is none."""
        for key, label in self.errors.items():
            text = problems.get(key, "")
            label.setText(text)
            label.setVisible(bool(text))
        return not problems

    def problem(self, key: str) -> str:
        label = self.errors.get(key)
        return label.text() if label is not None and not label.isHidden() else ""
