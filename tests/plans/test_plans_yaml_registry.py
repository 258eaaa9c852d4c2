"""The derived files' YAML writer (exact round trip for any text) and the example unit registry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gendoc.plans.scope import Scope
from gendoc.plans.yamlout import Comment, Commented, dump
from gendoc.textwidth import width_cm
from gendoc.yamlio import load_yaml, plain
from tests.plans.conftest import REPO, registry

# Control characters are refused by the reader (a document cannot carry them), so the round trip
# is over printable text plus tab and line feed.
texts = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\x85")
                | st.sampled_from(["\t", "\n"]), max_size=120)
words = st.lists(st.sampled_from(["Sở", "nữ", "cán bộ,", "a:", "#1", "- x", "'q'", '"d"', "&", "<b>",
                                  "ngày", "  ", "…", "2017-01-16", "yes", "null", "~", "{x}"]),
                 max_size=60).map(" ".join)
values = st.one_of(texts, words)
trees = st.recursive(
    values,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True),
                                            inner, max_size=4)),
    max_leaves=12)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True), trees, min_size=1,
                       max_size=5))
def test_dump_reads_back_exactly(data: dict) -> None:
    text = dump(data, header=["tiêu đề"])
    assert plain(load_yaml(Path("x.yaml"), text=text)) == data


def test_a_control_character_is_refused_not_written() -> None:
    from gendoc.exceptions import GendocError

    with pytest.raises(GendocError):
        dump({"a": "x\x1fy"})


def test_comments_are_written_and_ignored_on_read() -> None:
    data = {"loai": "ke_hoach", "c": Comment("ghi chú cho cán bộ"),
            "so": Commented(None, "văn thư cấp số"), "mo_dau": ("chữ " * 60).strip()}
    text = dump(data)
    assert "# ghi chú cho cán bộ\n" in text and "so:  # văn thư cấp số\n" in text
    assert "mo_dau: >-\n" in text and max(len(line) for line in text.splitlines()) <= 96
    assert plain(load_yaml(Path("x.yaml"), text=text)) == {
        "loai": "ke_hoach", "so": None, "mo_dau": ("chữ " * 60).strip()}


def test_registry_is_complete_and_well_formed() -> None:
    units = registry()
    codes = [u["ma"] for u in units]
    assert {"ubnd-tinh", "so-noi-vu", "so-y-te"} <= set(codes)
    assert len(codes) == len(set(codes))
    districts = [u for u in units if u.get("cap") == "cap_huyen"]
    assert {u["dia_danh"] for u in districts} >= {"Rạch Giá", "Hà Tiên", "Phú Quốc", "Kiên Lương",
                                                  "Hòn Đất", "U Minh Thượng", "Giang Thành"}
    assert len(districts) == 15
    for unit in units:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", unit["ma"])
        # ND30: symbols in capitals; "TTr" (thanh tra) is the customary exception the checker knows
        assert unit["ky_hieu"] in (unit["ky_hieu"].upper(), "TTr"), unit["ma"]
        assert unit.get("chuc_vu_thu_truong"), unit["ma"]
        for line in unit["ten"].split("\n"):  # each header line fits the 6 cm header column
            assert width_cm(line, 13, bold=True) < 5.7, (unit["ma"], line)
    for unit in units:
        if unit.get("cap") == "so_ban_nganh":
            assert unit["co_quan_chu_quan"] == "UBND TỈNH KIÊN GIANG"
        if unit.get("cap") == "cap_huyen":
            assert unit["ten"].startswith("ỦY BAN NHÂN DÂN\n") and unit["tap_the"] == "ỦY BAN NHÂN DÂN"
    assert "DỮ LIỆU VÍ DỤ" in (REPO / "gendoc.yaml").read_text(encoding="utf-8")


def test_every_unit_gets_sensible_self_references() -> None:
    from gendoc.workspace import load_workspace

    ws = load_workspace(REPO)
    for unit in ws.config.co_quan:
        scope = Scope(unit, "Kiên Giang")
        if unit.cap == "cap_huyen":
            assert scope.area_name.lower().endswith(unit.dia_danh.lower())
            assert scope.head == f"Chủ tịch Ủy ban nhân dân {scope.area}"
        elif unit.cap == "so_ban_nganh":
            assert scope.name in scope.unit.ten_day_du
            assert not scope.lead.startswith("Văn phòng Văn phòng")
            assert scope.head[0].isupper() and scope.head.split()[-1] in scope.short.split()
        if unit.cap in ("so_ban_nganh", "cap_huyen"):
            text = scope.reword("Tại cơ quan, đơn vị, địa phương trên địa bàn tỉnh", "Kế hoạch")
            assert "địa bàn tỉnh" not in text and text[0].isupper()


PHRASES = ["cơ quan, đơn vị, địa phương trên địa bàn tỉnh", "các cơ quan, đơn vị trên địa bàn tỉnh",
           "các sở, ban, ngành, địa phương", "Kế hoạch này", "của tỉnh", "trên địa bàn tỉnh",
           "Các sở, ban, ngành tỉnh và Ủy ban nhân dân các huyện, thị xã, thành phố",
           "cơ quan, đơn vị và địa phương", "nữ cán bộ", "; ", "Ủy ban nhân dân tỉnh", "tỉnh Kiên Giang"]


_SCOPES: dict[str, Scope] = {}


def _scope(code: str) -> Scope:
    if code not in _SCOPES:
        from gendoc.workspace import load_workspace

        _SCOPES[code] = Scope(load_workspace(REPO).unit(code), "Kiên Giang")
    return _SCOPES[code]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PHRASES), min_size=1, max_size=8),
       st.sampled_from(["so-y-te", "ubnd-huyen-hon-dat", "ubnd-thanh-pho-rach-gia", "thanh-tra-tinh"]))
def test_rewording_leaves_no_provincial_scope(parts: list[str], code: str) -> None:
    scope = _scope(code)
    text = " ".join(parts)
    once = scope.reword(text, "Kế hoạch của Ủy ban nhân dân tỉnh")
    assert "địa phương trên địa bàn tỉnh" not in once and "Kế hoạch này" not in once
    assert "sở, ban, ngành" not in once.lower()
    if scope.district:
        assert "địa bàn tỉnh" not in once
        # a phrase and its place are replaced together, never one after the other
        if "tỉnh trên địa bàn" not in text:
            assert f"trên địa bàn {scope.area} trên địa bàn" not in once
    # the province's own name is kept
    assert once.count("tỉnh Kiên Giang") == text.count("tỉnh Kiên Giang")
