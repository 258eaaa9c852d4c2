"""Properties of the registry over time and of the commune re-wording, over generated inputs."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from gendoc.levels import FORMS
from gendoc.plans.scope import Scope
from gendoc.units import CoQuan

DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


@given(ends=st.lists(DAYS, min_size=0, max_size=5, unique=True), day=DAYS)
def test_a_date_takes_the_name_of_the_period_it_falls_in(ends: list[dt.date], day: dt.date) -> None:
    unit = CoQuan.model_validate({
        "ma": "ubnd-x", "ten": "ỦY BAN NHÂN DÂN\nXÃ MỚI", "ky_hieu": "UBND", "dia_danh": "X",
        "cap": "cap_xa", "ten_cu": [{"den_ngay": end, "ten": f"TÊN {end.isoformat()}"}
                                    for end in reversed(ends)]})
    shown = unit.name_on(day)
    periods = sorted(ends)
    later = [end for end in periods if day <= end]
    if later:  # the first former name whose last day is not before `day`
        assert shown.ten == f"TÊN {later[0].isoformat()}"
        earlier = [end for end in periods if end < later[0]]
        assert all(day > end for end in earlier)
    else:
        assert shown.ten == "ỦY BAN NHÂN DÂN\nXÃ MỚI"
    assert unit.ten == "ỦY BAN NHÂN DÂN\nXÃ MỚI"  # the registry entry itself is never changed


PHRASES = ["cơ quan, đơn vị, địa phương trên địa bàn tỉnh", "các cơ quan, đơn vị trên địa bàn tỉnh",
           "của tỉnh", "trên địa bàn tỉnh", "Kế hoạch này",
           "các sở, ban, ngành tỉnh và Ủy ban nhân dân các xã, phường, đặc khu",
           "Các sở, ban, ngành tỉnh và UBND các huyện, thị xã, thành phố", "bảo đảm tỷ lệ nữ"]


@given(form=st.sampled_from([f for f in FORMS.values() if f.tier == "cap_xa"]),
       words=st.lists(st.sampled_from(PHRASES), min_size=1, max_size=8))
def test_commune_rewording_leaves_no_provincial_scope(form, words: list[str]) -> None:  # noqa: ANN001
    unit = CoQuan(ma="ubnd-x", ten=f"ỦY BAN NHÂN DÂN\n{form.word.upper()} AN PHÚ",
                  ten_day_du=f"Ủy ban nhân dân {form.word} An Phú", ky_hieu="UBND",
                  dia_danh="An Phú", cap="cap_xa")
    text = "; ".join(words)
    out = Scope(unit, "Sông Hậu").reword(text, "Kế hoạch số 12/KH-UBND")
    assert "địa bàn tỉnh" not in out and "của tỉnh" not in out
    assert "sở, ban, ngành" not in out
    assert f"{form.word} {form.word}" not in out and "trên địa bàn xã trên địa bàn" not in out
    assert "huyện" not in out or "huyện" in form.word
