"""How dates, clock times and calendar facts read on paper, in the user's language.

Everything is translated at call time (``_``), so a language switch applies to the next print.
"""

from __future__ import annotations

import datetime as dt

from shiftplan.domain.model import ShiftType
from shiftplan.i18n import N_, _

WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))

# The official calendar names its holidays in English (chinese-calendar); marked here so that
# they are translated like every other label.
HOLIDAY_NAMES = (
    N_("New Year's Day"), N_("Spring Festival"), N_("Tomb-sweeping Day"), N_("Labour Day"),
    N_("Dragon Boat Festival"), N_("Mid-autumn Festival"), N_("National Day"), N_("Anti-Fascist 70th Day"),
)


def weekday(day: dt.date) -> str:
    return _(WEEKDAYS[day.weekday()])


def short_date(day: dt.date) -> str:
    """Month and day, e.g. 1月20日."""
    return _("{month}/{day}").format(month=day.month, day=day.day)


def long_date(day: dt.date) -> str:
    """Year, month and day: 2020-01-20 in English, 2020年1月20日 in Chinese (the padding is the language's)."""
    return _("{year}-{month:02}-{day:02}").format(year=day.year, month=day.month, day=day.day)


def date_range(first: dt.date, last: dt.date) -> str:
    """A span of dates, the year written once when both ends share it."""
    if first == last:
        return long_date(first)
    end = short_date(last) if first.year == last.year else long_date(last)
    return _("{first} to {last}").format(first=long_date(first), last=end)


def clock(minutes: int) -> str:
    return f"{minutes // 60:02}:{minutes % 60:02}"


def shift_times(shift: ShiftType) -> str:
    """08:00–16:00; a shift that ends after midnight reads 20:00–次日08:00 (24:00 stays 24:00)."""
    return "".join(shift_time_parts(shift))


def shift_time_parts(shift: ShiftType) -> tuple[str, str]:
    """The start with its dash, and the end: where the times may break onto two lines."""
    end = clock(shift.end)
    if shift.crosses_midnight:
        end = _("next day {time}").format(time=end)
    return f"{clock(shift.start)}–", end


def holiday_name(name: str) -> str:
    return _(name) if name else ""


def printed_at(moment: dt.datetime) -> str:
    return f"{long_date(moment.date())} {moment:%H:%M}"


def hours(value: float) -> str:
    """Whole hours without decimals, others with one."""
    return f"{value:.0f}" if abs(value - round(value)) < 1e-9 else f"{value:.1f}"
