"""Decoding posted fields loses nothing silently: a code repeated or missing in a mapping of
groups (at any depth), a name repeated in 'name: value' lines, items nested deeper than the
numbering's five levels — each is either kept or reported where the form shows it."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel
from ruamel.yaml import YAML

from gendoc.kinds import get_kind
from gendoc.serve import content_edit
from gendoc.serve.form_data import FormProblems, apply_action, decode, read_form
from gendoc.serve.schema_form import Entries, entries_of


class Leaf(BaseModel):
    ten: str | None = None
    dat: bool = False


class Mid(BaseModel):
    ten: str | None = None
    con: dict[str, Leaf] | None = None


class Top(BaseModel):
    loai: str = "thu"
    nhom: dict[str, Mid] | None = None
    ds: list[Mid] | None = None


def test_a_repeated_code_keeps_both_entries_and_names_the_second() -> None:
    form = {"f.nhom.0._ma": "KL-01", "f.nhom.0.ten": "một",
            "f.nhom.1._ma": "KL-02", "f.nhom.1.ten": "hai",
            "f.nhom.2._ma": " KL-01 ", "f.nhom.2.ten": "ba"}
    data, problems = read_form(Top, form)
    assert entries_of(data["nhom"]) == [("KL-01", {"ten": "một"}), ("KL-02", {"ten": "hai"}),
                                        ("KL-01", {"ten": "ba"})]
    assert [(p.name, p.field) for p in problems] == [("nhom.2", "nhom")]
    assert "mục thứ 3 trùng mã 'KL-01' với mục thứ 1" in problems[0].message
    assert "đổi mã của mục thứ 3" in problems[0].message
    with pytest.raises(FormProblems) as refused:  # nobody can take the data without the problem
        decode(Top, form)
    assert refused.value.problems == problems


def test_an_entry_with_content_but_no_code_is_reported_and_a_blank_one_is_cleared() -> None:
    form = {"f.nhom.0._ma": "A", "f.nhom.0.ten": "một",
            "f.nhom.1._ma": " ", "f.nhom.1.ten": "",  # nothing typed: the way to clear an entry
            "f.nhom.2._ma": "", "f.nhom.2.con.0._ma": "k", "f.nhom.2.con.0.dat": "on"}
    data, problems = read_form(Top, form)  # the third has content: an entry of its own
    assert entries_of(data["nhom"]) == [("A", {"ten": "một"}), ("", {"con": {"k": {"dat": True}}})]
    assert [p.name for p in problems] == ["nhom.1"]  # its position in the form shown again
    assert "mục thứ 2 có nội dung nhưng chưa có mã" in problems[0].message


def test_codes_equal_once_normalised_clash_but_letter_case_does_not() -> None:
    composed, decomposed = "TỔ-1", unicodedata.normalize("NFD", "TỔ-1")
    assert composed != decomposed
    data, problems = read_form(Top, {"f.nhom.0._ma": composed, "f.nhom.0.ten": "a",
                                     "f.nhom.1._ma": decomposed, "f.nhom.1.ten": "b"})
    assert [p.name for p in problems] == ["nhom.1"] and len(entries_of(data["nhom"])) == 2
    data, problems = read_form(Top, {"f.nhom.0._ma": "kl-01", "f.nhom.0.ten": "a",
                                     "f.nhom.1._ma": "KL-01", "f.nhom.1.ten": "b"})
    assert problems == [] and data["nhom"] == {"kl-01": {"ten": "a"}, "KL-01": {"ten": "b"}}


def test_a_repeated_code_in_a_nested_mapping_is_named_by_the_forms_positions() -> None:
    form = {"f.ds.0.ten": "",  # an empty first item: left out, so the next one is the first
            "f.ds.1.ten": "đơn vị", "f.ds.1.con.0._ma": "x", "f.ds.1.con.0.ten": "1",
            "f.ds.1.con.4._ma": "x", "f.ds.1.con.4.ten": "2",
            "f.nhom.0._ma": "A", "f.nhom.0.con.0._ma": "y", "f.nhom.0.con.1._ma": "y",
            "f.nhom.1._ma": "A", "f.nhom.1.ten": "lặp"}
    data, problems = read_form(Top, form)
    assert sorted((p.name, p.field) for p in problems) == [
        ("ds.0.con.1", "ds[1].con"), ("nhom.0.con.1", "nhom.A.con"), ("nhom.1", "nhom")]
    assert entries_of(data["ds"][0]["con"]) == [("x", {"ten": "1"}), ("x", {"ten": "2"})]
    assert [code for code, _ in entries_of(data["nhom"])] == ["A", "A"]


def test_distinct_codes_make_a_mapping_in_the_forms_order() -> None:
    data = decode(Top, {"f.nhom.3._ma": "b", "f.nhom.3.ten": "2", "f.nhom.1._ma": "a"})
    assert type(data["nhom"]) is dict and list(data["nhom"].items()) == [("a", {}),
                                                                         ("b", {"ten": "2"})]


def test_a_name_repeated_in_pairs_keeps_the_text_and_is_reported() -> None:
    schema = get_kind("kich_ban_truyen_hinh").schema
    typed = "bien_tap: Lê A\n\nquay_phim: Trần B\nbien_tap : Võ C & <D>"
    data, problems = read_form(schema, {"f.thuc_hien": typed})
    assert data["thuc_hien"] == typed
    assert [(p.name, p.field) for p in problems] == [("thuc_hien", "thuc_hien")]
    assert "dòng 4 lặp lại tên 'bien_tap' của dòng 1" in problems[0].message
    assert decode(schema, {"f.thuc_hien": "bien_tap: Lê A\nquay_phim: B"})["thuc_hien"] == {
        "bien_tap": "Lê A", "quay_phim": "B"}


def test_items_deeper_than_the_numbering_are_kept_and_absurd_depth_is_refused() -> None:
    schema = get_kind("ke_hoach").schema

    def nested(levels: int) -> dict[str, str]:
        form, key = {}, "noi_dung.0"
        for level in range(levels):
            form[f"f.{key}.tieu_de"] = f"L{level}"
            key += ".muc.0"
        return form

    node: Any = decode(schema, nested(9))
    titles = []
    while node.get("noi_dung", node.get("muc")):
        node = node.get("noi_dung", node.get("muc"))[0]
        titles.append(node["tieu_de"])
    assert titles == [f"L{level}" for level in range(9)]  # levels 7 to 9 used to be dropped
    text = content_edit.updated_text("", decode(schema, nested(9)), "ke_hoach", schema)
    assert "tieu_de: L8" in text  # and deleted from the file by the save
    assert content_edit.updated_text(text, decode(schema, nested(9)), "ke_hoach", schema) == text
    _, problems = read_form(schema, nested(60))
    assert len(problems) == 1 and "quá nhiều tầng" in problems[0].message


def test_actions_on_entries_with_a_repeated_code_keep_every_entry() -> None:
    data = {"nhom": Entries([("A", {"ten": "1"}), ("A", {"ten": "2"})])}
    apply_action(data, "add=:nhom")
    assert [code for code, _ in data["nhom"]] == ["A", "A", "1"]
    apply_action(data, "add:nhom.1.con")  # into the second entry, not the first with its code
    assert data["nhom"][1][1] == {"ten": "2", "con": [{}]}
    apply_action(data, "remove:nhom.0")
    assert [entry for _, entry in data["nhom"]] == [{"ten": "2", "con": [{}]}, {}]


@pytest.mark.parametrize("action", ["add:ds.5.con", "remove:ds.7", "remove:nhom.9",
                                    "add:nhom.4.con", "add:ds.0.ten.x", "add:ds.0.ten"])
def test_an_action_naming_nothing_there_changes_nothing(action: str) -> None:
    data: dict[str, Any] = {"ds": [{"ten": "giữ"}], "nhom": {"a": {"ten": "b"}}}
    apply_action(data, action)
    assert data == {"ds": [{"ten": "giữ"}], "nhom": {"a": {"ten": "b"}}}


# Codes as clerks type them: repeats, stray spaces, decomposed accents, empty.
CODE = st.sampled_from(["1", "2", " 1", "1 ", "KL-01", "kl-01", "TỔ", "", " ",
                        unicodedata.normalize("NFD", "TỔ"), "Đ&<'\""])


@given(codes=st.lists(CODE, min_size=1, max_size=8), blank=st.lists(st.booleans(), max_size=8))
def test_every_entry_typed_is_saved_or_the_form_says_why(codes: list[str],
                                                         blank: list[bool]) -> None:
    form = {}
    for i, code in enumerate(codes):
        form[f"f.nhom.{i}._ma"] = code
        if not (i < len(blank) and blank[i]):
            form[f"f.nhom.{i}.ten"] = f"nội dung {i}"
    typed = [i for i in range(len(codes)) if f"f.nhom.{i}.ten" in form or codes[i].strip()]
    compared = [unicodedata.normalize("NFC", codes[i]).strip() for i in typed]
    clash = "" in compared or len(set(compared)) < len(compared)
    data, problems = read_form(Top, form)
    assert bool(problems) == clash
    assert len(entries_of(data.get("nhom"))) == len(typed)  # shown again: every one of them
    if problems:
        return
    text = content_edit.updated_text("", data, "thu", Top)
    saved = YAML(typ="safe").load(text).get("nhom") or {}
    assert len(saved) == len(typed)
    assert [v.get("ten") for v in saved.values()] == [form.get(f"f.nhom.{i}.ten") for i in typed]


def test_for_an_action_blank_entries_keep_their_place_in_the_form() -> None:
    form = {"f.ds.0.ten": "", "f.ds.1.ten": "hai", "f.ds.2.ten": "ba",
            "f.nhom.0._ma": "", "f.nhom.1._ma": "b", "f.nhom.2._ma": "c"}
    data, _ = read_form(Top, form, keep_blank=True)
    apply_action(data, "remove:ds.1")
    apply_action(data, "remove:nhom.1")
    assert data["ds"] == [{}, {"ten": "ba"}]
    assert [code for code, _ in entries_of(data["nhom"])] == ["", "c"]
    assert read_form(Top, form)[0] == {"ds": [{"ten": "hai"}, {"ten": "ba"}],
                                       "nhom": {"b": {}, "c": {}}}  # saved: blanks cleared
