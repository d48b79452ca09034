"""The pages the main window navigates between, one module each."""

from shiftplan.ui.pages.base import Page
from shiftplan.ui.pages.cover import CoverPage
from shiftplan.ui.pages.holidays import HolidaysPage
from shiftplan.ui.pages.leave import LeavePage
from shiftplan.ui.pages.roles import RolesPage
from shiftplan.ui.pages.rule_sets import RuleSetsPage
from shiftplan.ui.pages.shift_types import ShiftTypesPage
from shiftplan.ui.pages.staff import StaffPage
from shiftplan.ui.pages.stations import StationsPage

__all__ = ["CoverPage", "HolidaysPage", "LeavePage", "Page", "RolesPage", "RuleSetsPage", "ShiftTypesPage",
           "StaffPage", "StationsPage"]
