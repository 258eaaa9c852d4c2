"""The form → YAML path without HTTP: any text a clerk types comes back literally, dates typed
dd/mm/yyyy are stored as content dates, and of two saves from one loaded version only one wins."""

from __future__ import annotations

import threading
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from gendoc import api
from gendoc.kinds import get_kind
from gendoc.serve import content_edit
from gendoc.serve.form_data import date_from_form, decode
from gendoc.serve.schema_form import date_for_form

REPO = Path(__file__).resolve().parents[2]
WS = api.load_workspace(REPO)
PLAN = get_kind("ke_hoach")
# Text a clerk may type in one line: letters with diacritics, YAML's special characters, markup.
TYPED = st.text(alphabet=st.sampled_from(list("aăâđêôơưAĂĐ áàảãạếỆữỮ09:#-'\"&<>{}[]|!%*?,.@`~\\/"
                                              "\t")), min_size=1, max_size=60).map(str.strip).filter(bool)


def _form(**values: str) -> dict[str, str]:
    base = {"f.co_quan": "so-noi-vu", "f.trich_yeu": "Thử", "f.nguoi_ky.chuc_vu": "GIÁM ĐỐC",
            "f.noi_nhan": "Như trên;"}
    return {**base, **{f"f.{k.replace('__', '.')}": v for k, v in values.items()}}


@given(title=TYPED, signer=TYPED, recipient=TYPED)
def test_typed_text_is_stored_and_read_back_literally(title: str, signer: str, recipient: str) -> None:
    form = _form(trich_yeu=title, nguoi_ky__ho_ten=signer, noi_nhan=recipient)
    text = content_edit.updated_text("", decode(PLAN.schema, form), "ke_hoach", PLAN.schema)
    doc = api.load_document(WS, WS.content_dir / "ke-hoach" / "thu.yaml", text=text)
    assert doc.data.trich_yeu == title.strip()
    assert doc.data.nguoi_ky.ho_ten == signer.strip()
    assert doc.data.noi_nhan == [recipient.strip()]


@given(st.dates(min_value=__import__("datetime").date(1990, 1, 1),
                max_value=__import__("datetime").date(2060, 12, 31)))
def test_dates_round_trip_between_the_form_and_the_file(day) -> None:  # noqa: ANN001
    shown = date_for_form(day.isoformat())
    assert shown == day.strftime("%d/%m/%Y")
    assert date_from_form(shown) == day.isoformat()
    assert date_from_form(day.strftime("%m/%Y")) == day.strftime("%Y-%m")


def test_an_untyped_number_stays_text_so_the_schema_names_it() -> None:
    data = decode(PLAN.schema, _form(so="mười hai"))
    assert data["so"] == "mười hai"
    checked = content_edit.check_text(WS, WS.content_dir / "x.yaml", content_edit.updated_text(
        "", data, "ke_hoach", PLAN.schema))
    assert not checked.ok
    assert [p.field for p in checked.problems] == ["so"]


def test_of_two_saves_from_one_version_exactly_one_wins(tmp_path: Path) -> None:
    path = tmp_path / "content" / "a.yaml"
    path.parent.mkdir()
    path.write_text("loai: ke_hoach\n", encoding="utf-8")
    base = content_edit.digest(path.read_bytes())
    outcomes: list[str] = []

    def save(text: str) -> None:
        try:
            content_edit.save(path, tmp_path / "content", base, text)
            outcomes.append("saved")
        except content_edit.Conflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=save, args=(f"loai: ke_hoach\n# {i}\n",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict"] * 7 + ["saved"]
    assert path.read_text(encoding="utf-8").startswith("loai: ke_hoach\n# ")


CELL = st.text(alphabet=st.sampled_from(list("aăđê ữ09|:#-'\"&<>{}[]\n*")), min_size=1,
               max_size=30).map(str.strip).filter(bool)


@given(cells=st.lists(st.lists(CELL, min_size=2, max_size=2), min_size=1, max_size=3),
       items=st.lists(CELL, min_size=1, max_size=3))
def test_cells_and_items_edited_box_by_box_are_stored_literally(cells: list[list[str]],
                                                               items: list[str]) -> None:
    form = _form(phu_luc__0__tieu_de="Phụ lục", phu_luc__0__bang__0__cot="A\nB")
    form = {k: v for k, v in form.items() if k != "f.noi_nhan"}
    form.update({f"f.noi_nhan.{i}": item for i, item in enumerate(items)})
    form.update({f"f.phu_luc.0.bang.0.dong.{r}.{c}": cell.replace("\n", "\r\n")  # as browsers send
                 for r, row in enumerate(cells) for c, cell in enumerate(row)})
    text = content_edit.updated_text("", decode(PLAN.schema, form), "ke_hoach", PLAN.schema)
    doc = api.load_document(WS, WS.content_dir / "ke-hoach" / "thu.yaml", text=text)
    assert doc.data.noi_nhan == items
    assert doc.data.phu_luc[0].bang[0].dong == cells
