"""Phone numbers: one check for the Excel import and the editors; each number in one written form."""

from __future__ import annotations

import pytest

from shiftplan.domain.phones import is_phone, normalize_phone, phone_problem


@pytest.mark.parametrize(("written", "stored"), [
    ("", ""),
    ("  ", ""),
    ("13800138000", "13800138000"),
    ("+86 138 0013 8000", "13800138000"),
    ("+86-13800138000", "13800138000"),
    ("0086 13800138000", "13800138000"),
    ("8613800138000", "13800138000"),
    ("138-0013-8000", "13800138000"),
    ("１３８００１３８０００", "13800138000"),  # full-width digits, as a Chinese input method types them
    ("0371-12345678", "0371-12345678"),
    ("037112345678", "0371-12345678"),
    ("0371-6789 1234", "0371-67891234"),
    ("0371-6789-1234", "0371-67891234"),
    ("(0371) 6789 1234", "0371-67891234"),
    ("（0371）67891234", "0371-67891234"),
    ("0371-1234567", "0371-1234567"),
    ("010-12345678", "010-12345678"),
    ("01012345678", "010-12345678"),
    ("021 1234 5678", "021-12345678"),
    ("+86 371 6789 1234", "0371-67891234"),
    ("+86 (10) 1234 5678", "010-12345678"),
    ("0371-12345678-801", "0371-12345678-801"),
    ("0371-12345678转801", "0371-12345678-801"),
    ("010-12345678 分机 12", "010-12345678-12"),
    ("0371 12345678 ext. 5", "0371-12345678-5"),
    ("400-123-4567", "400-123-4567"),
    ("8001234567", "800-123-4567"),
])
def test_the_ways_people_write_a_phone_number(written: str, stored: str) -> None:
    assert normalize_phone(written) == stored
    assert is_phone(written)
    assert phone_problem(written) is None


@pytest.mark.parametrize("written", [
    "12345",  # a short number: not dialable from everywhere
    "110",
    "1380013800",  # a mobile with a digit missing
    "138001380001",  # one too many
    "12800138000",  # no mobile starts with 12
    "0371-123456",  # a local number too short
    "0371-012345678",  # local numbers do not start with 0
    "67891234",  # no area code
    "0371-12345678-1234567",  # an extension too long
    "tel 13800138000",
    "13800138000/13900139000",  # two numbers in one field
    "1.38E+10",
    "n/a",
])
def test_what_is_not_a_phone_number(written: str) -> None:
    assert normalize_phone(written) is None
    assert not is_phone(written)
    problem = phone_problem(written)
    assert problem is not None and written in problem and "not a phone number" in problem
