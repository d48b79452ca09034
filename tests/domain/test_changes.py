"""Changes between two rosters pair up per person and date."""

from __future__ import annotations

from shiftplan.domain.changes import ChangeKind, roster_changes

from .builders import a


def test_moves_role_changes_additions_and_removals() -> None:
    before = [a("P1", "2020-02-03", "D", role="medic"), a("P2", "2020-02-03", "N", role="medic"),
              a("P3", "2020-02-04", "E", role="clerk"), a("P4", "2020-02-05", "D")]
    after = [a("P1", "2020-02-03", "N", role="medic"), a("P2", "2020-02-03", "N", role="leader"),
             a("P5", "2020-02-04", "E", role="clerk"), a("P4", "2020-02-05", "D")]
    found = [(c.kind, c.staff, c.date.isoformat(), c.replaces) for c in roster_changes(before, after)]
    assert found == [
        (ChangeKind.MOVED, "P1", "2020-02-03", None),
        (ChangeKind.ROLE, "P2", "2020-02-03", None),
        (ChangeKind.REMOVED, "P3", "2020-02-04", None),
        (ChangeKind.ADDED, "P5", "2020-02-04", "P3"),
    ]


def test_no_change_is_no_change() -> None:
    roster = [a("P1", "2020-02-03", "D"), a("P1", "2020-02-04", "D")]
    assert roster_changes(roster, list(reversed(roster))) == []
