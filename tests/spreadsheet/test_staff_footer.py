"""The last rows of a Chinese office sheet: totals, who made and checked it, remarks. Not people."""

from __future__ import annotations

from pathlib import Path

from .conftest import make_workbook, problems, read


def test_footer_rows_are_skipped_with_a_note_not_read_as_broken_people(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "footer.xlsx", [
        ["序号", "姓名", "电话", "岗位"],
        [1, "张琳", "13800000000", "带班"],
        [2, "王芳", "13900000000", "医务"],
        [3, "欧阳·娜", None, "登记"],
        ["合计", "3人"],
        [],
        ["制表人：张三        审核人：李四"],  # merged across the row
        ["注：请于每周一前报送。"],
        ["2. 电话请填写手机号"],
        [None, "填表日期：2020年1月18日"],
        [None, "周杰"],  # a name alone is still a person (who lacks a role)
        [None, None, "13700000000"],  # a phone without a name is still a broken person
    ], merges=["A7:D7"])
    result = read(path)
    assert [p.name for p in result.valid] == ["张琳", "王芳", "欧阳·娜"]
    assert problems(result) == {
        11: ["岗位 (D11): the role is missing; every person needs at least one (known roles: "
             "民警、医务、登记、消杀、带班)"],
        12: ["姓名 (B12): the name is missing"]}
    skipped = [note for note in result.notes if "is skipped" in note]
    assert skipped == [
        "Row 5 is skipped, it is not a person: “合计 3人”",
        "Row 7 is skipped, it is not a person: “制表人：张三 审核人：李四”",
        "Row 8 is skipped, it is not a person: “注：请于每周一前报送。”",
        "Row 9 is skipped, it is not a person: “2. 电话请填写手机号”",
        "Row 10 is skipped, it is not a person: “填表日期：2020年1月18日”",
    ]
