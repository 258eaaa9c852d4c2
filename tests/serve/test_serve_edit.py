"""The document form: generated from the schema, validated with the CLI's messages, saved as
YAML that keeps the file's comments and layout, and never overwriting someone else's edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from gendoc import api
from gendoc.cli import main
from gendoc.document import discover
from tests.serve.conftest import text_of
from tests.serve.forms import form_fields

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p.relative_to(REPO).as_posix() for p in discover(api.load_workspace(REPO))
                  if p.suffix == ".yaml")


def open_form(client: TestClient, path: str) -> dict[str, str]:
    page = client.get("/edit", params={"path": path})
    assert page.status_code == 200, text_of(page.text)
    return form_fields(page.text, "edit-form")


# A list of groups holding lists and mappings of groups: one biên bản per unit, each with its
# representatives (a list) and its findings by checklist code (a mapping, codes written as numbers).
NESTED = "content/kiem-tra/bien-ban-kiem-tra-2018.yaml"


@pytest.mark.parametrize("path", EXAMPLES)
def test_saving_an_untouched_form_keeps_every_example_byte_for_byte(client: TestClient, ws,
                                                                     path: str) -> None:  # noqa: ANN001
    assert len(EXAMPLES) > 20  # every kind of the example workspace
    before = (ws.root / path).read_bytes()
    fields = open_form(client, path)
    saved = client.post("/edit", data={**fields, "action": "save"}, follow_redirects=False)
    assert saved.status_code == 303, (path, text_of(saved.text))
    assert (ws.root / path).read_bytes() == before, path


def test_an_edit_changes_that_value_only_and_keeps_comments(client: TestClient, ws) -> None:  # noqa: ANN001
    path = "content/ke-hoach/so-y-te-bdg-2016-2020.yaml"
    before = (ws.root / path).read_text(encoding="utf-8")
    fields = open_form(client, path)
    assert fields["f.ngay"] == "16/01/2017"  # dates as a clerk writes them
    assert fields["f.co_quan"] == "so-y-te"  # the unit picker has the file's unit selected
    fields["f.ngay"] = "20/01/2017"
    fields["f.nguoi_ky.ho_ten"] = "Nguyễn Văn <An> & \"Bình\""
    saved = client.post("/edit", data={**fields, "action": "save"}, follow_redirects=False)
    assert saved.status_code == 303, text_of(saved.text)
    after = (ws.root / path).read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert changed == [("ngay: 2017-01-16", "ngay: 2017-01-20"),
                       ("  ho_ten: Nguyễn Văn An", "  ho_ten: Nguyễn Văn <An> & \"Bình\"")]
    assert after.startswith("# Kế hoạch của Sở Y tế")  # the leading comment is kept
    doc = api.load_document(ws, ws.root / path)
    assert (doc.data.ngay.year, doc.data.ngay.month, doc.data.ngay.day) == (2017, 1, 20)
    assert doc.data.nguoi_ky.ho_ten == "Nguyễn Văn <An> & \"Bình\""


def _new_plan(client: TestClient) -> dict[str, str]:
    page = client.get("/new")
    from tests.serve.conftest import csrf_of

    opened = client.post("/new", data={"csrf": csrf_of(page.text), "kind": "ke_hoach",
                                       "co_quan": "so-noi-vu", "folder": "content/ke-hoach",
                                       "name": "so-noi-vu-thu"})
    assert opened.status_code == 200, text_of(opened.text)
    return form_fields(opened.text, "edit-form")


def test_a_new_plan_reports_the_clis_messages_then_saves(client: TestClient, ws,  # noqa: ANN001
                                                          tmp_path: Path) -> None:
    fields = _new_plan(client)
    assert fields["f.co_quan"] == "so-noi-vu"
    fields.update({"f.trich_yeu": "Thực hiện bình đẳng giới năm 2017", "f.ngay": "31/02/2017",
                   "f.nguoi_ky.chuc_vu": "GIÁM ĐỐC", "f.noi_nhan": "Như trên;\nLưu: VT."})
    refused = client.post("/edit", data={**fields, "action": "save"})
    assert refused.status_code == 422
    target = ws.root / "content/ke-hoach/so-noi-vu-thu.yaml"
    assert not target.exists()  # nothing written while invalid
    # The page shows exactly what the CLI prints for the same content.
    same = tmp_path / "same.yaml"
    same.write_text("loai: ke_hoach\nco_quan: so-noi-vu\nngay: 2017-02-31\ntrich_yeu: Thực hiện "
                    "bình đẳng giới năm 2017\nnguoi_ky:\n  chuc_vu: GIÁM ĐỐC\nnoi_nhan:\n"
                    "  - Như trên;\n  - 'Lưu: VT.'\n", encoding="utf-8")
    cli = CliRunner().invoke(main, ["-w", str(ws.root), "render", str(same), "-o",
                                    str(tmp_path / "o.docx")])
    assert cli.exit_code == 1
    cli_problem = [line.strip(" -") for line in cli.output.splitlines() if "ngay" in line][0]
    shown = text_of(refused.text)
    assert "so-noi-vu-thu.yaml" + cli_problem.split("same.yaml", 1)[1] in shown
    assert "dòng 3" in shown and "trường 'ngay'" in shown
    assert 'data-field="ngay"' in refused.text  # and next to the field itself
    again = form_fields(refused.text, "edit-form")
    assert again["f.ngay"] == "31/02/2017"  # the clerk's input is kept for fixing
    again["f.ngay"] = "20/01/2017"
    saved = client.post("/edit", data={**again, "action": "save"}, follow_redirects=False)
    assert saved.status_code == 303, text_of(saved.text)
    doc = api.load_document(ws, target)
    assert doc.kind.name == "ke_hoach" and doc.data.co_quan == "so-noi-vu"
    assert doc.data.noi_nhan == ["Như trên;", "Lưu: VT."]
    assert "ngay: 2017-01-20\n" in target.read_text(encoding="utf-8")


def test_items_are_added_and_removed_as_a_tree(client: TestClient, ws) -> None:  # noqa: ANN001
    fields = _new_plan(client)
    grown = client.post("/edit", data={**fields, "action": "add:noi_dung"})
    fields = form_fields(grown.text, "edit-form")
    assert "f.noi_dung.0.tieu_de" in fields
    fields["f.noi_dung.0.tieu_de"] = "MỤC ĐÍCH, YÊU CẦU"
    grown = client.post("/edit", data={**fields, "action": "add:noi_dung.0.muc"})
    fields = form_fields(grown.text, "edit-form")
    fields["f.noi_dung.0.muc.0.doan"] = "Đoạn một.\nĐoạn hai."
    fields.update({"f.trich_yeu": "Thử", "f.ngay": "12/2016", "f.nguoi_ky.chuc_vu": "GIÁM ĐỐC",
                   "f.noi_nhan": "Như trên;"})
    saved = client.post("/edit", data={**fields, "action": "save"}, follow_redirects=False)
    assert saved.status_code == 303, text_of(saved.text)
    doc = api.load_document(ws, ws.root / "content/ke-hoach/so-noi-vu-thu.yaml")
    assert doc.data.noi_dung[0].tieu_de == "MỤC ĐÍCH, YÊU CẦU"
    assert doc.data.noi_dung[0].muc[0].doan == ["Đoạn một.", "Đoạn hai."]
    fields = open_form(client, "content/ke-hoach/so-noi-vu-thu.yaml")
    shrunk = client.post("/edit", data={**fields, "action": "remove:noi_dung.0.muc.0"})
    assert "f.noi_dung.0.muc.0.doan" not in form_fields(shrunk.text, "edit-form")


def test_two_sessions_editing_one_file_get_a_conflict_not_a_lost_edit(app, ws) -> None:  # noqa: ANN001
    path = "content/ke-hoach/so-y-te-bdg-2016-2020.yaml"
    with TestClient(app) as first, TestClient(app) as second:
        mine, theirs = open_form(first, path), open_form(second, path)
        mine["f.nguoi_ky.ho_ten"] = "Người Thứ Nhất"
        theirs["f.nguoi_ky.ho_ten"] = "Người Thứ Hai"
        assert first.post("/edit", data={**mine, "action": "save"},
                          follow_redirects=False).status_code == 303
        clash = second.post("/edit", data={**theirs, "action": "save"})
        assert clash.status_code == 409
        assert "Người Thứ Nhất" in (ws.root / path).read_text(encoding="utf-8")  # first kept
        kept = form_fields(clash.text, "edit-form")
        assert kept["f.nguoi_ky.ho_ten"] == "Người Thứ Hai"  # second's edit still in the form
        assert "Người Thứ Nhất" in text_of(clash.text)  # and the other version is shown
        assert 'id="conflict"' in clash.text
        overwrite = [v for v in clash.text.split('value="') if v.startswith("overwrite:")]
        action = overwrite[0].split('"', 1)[0]
        done = second.post("/edit", data={**kept, "action": action}, follow_redirects=False)
        assert done.status_code == 303
        assert "Người Thứ Hai" in (ws.root / path).read_text(encoding="utf-8")


def test_check_only_validates_and_writes_nothing(client: TestClient, ws) -> None:  # noqa: ANN001
    path = "content/ke-hoach/so-y-te-bdg-2016-2020.yaml"
    before = (ws.root / path).read_bytes()
    fields = open_form(client, path)
    fields["f.so"] = "năm"
    checked = client.post("/edit", data={**fields, "action": "check"})
    assert checked.status_code == 200
    assert "trường 'so': phải là số nguyên, nhận được 'năm'" in text_of(checked.text)
    assert (ws.root / path).read_bytes() == before


def test_a_file_broken_by_someone_else_meanwhile_keeps_the_form(client: TestClient, ws) -> None:  # noqa: ANN001
    path = "content/ke-hoach/so-y-te-bdg-2016-2020.yaml"
    fields = open_form(client, path)
    fields["f.nguoi_ky.ho_ten"] = "Bản Của Tôi"
    (ws.root / path).write_text("loai: ke_hoach\nco_quan: [chưa đóng\n", encoding="utf-8")
    clash = client.post("/edit", data={**fields, "action": "save"})
    assert clash.status_code == 409
    assert form_fields(clash.text, "edit-form")["f.nguoi_ky.ho_ten"] == "Bản Của Tôi"
    assert "co_quan: [chưa đóng" in text_of(clash.text)
    assert (ws.root / path).read_text(encoding="utf-8") == "loai: ke_hoach\nco_quan: [chưa đóng\n"


def test_nested_groups_are_edited_as_a_tree_and_saved_keeping_the_file(client: TestClient,
                                                                        ws) -> None:  # noqa: ANN001
    before = (ws.root / NESTED).read_text(encoding="utf-8")
    fields = open_form(client, NESTED)
    assert fields["f.don_vi.1.dai_dien.0.ho_ten"] == "Trương Thị Ngọc Ánh"
    assert fields["f.don_vi.0.ket_qua.2._ma"] == "3"  # the third finding, code 3
    assert fields["f.don_vi.0.ket_qua.2.nhan_xet"].startswith("Tỷ lệ nữ giữ chức vụ")
    assert "f.don_vi.0.ket_qua.2.dat" not in fields  # not met: the box is unticked
    # A second representative for the second unit; a finding added, one removed, one changed.
    grown = client.post("/edit", data={**fields, "action": "add:don_vi.1.dai_dien"})
    fields = form_fields(grown.text, "edit-form")
    fields["f.don_vi.1.dai_dien.1.ho_ten"] = "Lê Văn <Tám> & Cộng sự"
    fields["f.don_vi.1.dai_dien.1.chuc_vu"] = "Chánh Văn phòng"
    grown = client.post("/edit", data={**fields, "action": "add=:don_vi.1.ket_qua"})
    fields = form_fields(grown.text, "edit-form")
    assert fields["f.don_vi.1.ket_qua.7._ma"] == "8"  # the next free code
    fields["f.don_vi.1.ket_qua.7.dat"] = "on"
    fields["f.don_vi.1.ket_qua.7.nhan_xet"] = "Nội dung bổ sung: đạt."
    shrunk = client.post("/edit", data={**fields, "action": "remove:don_vi.2.ket_qua.6"})
    fields = form_fields(shrunk.text, "edit-form")
    assert "f.don_vi.2.ket_qua.6._ma" not in fields
    fields["f.don_vi.0.ket_qua.2.dat"] = "on"  # code 3 of the first unit is now met
    saved = client.post("/edit", data={**fields, "action": "save"}, follow_redirects=False)
    assert saved.status_code == 303, text_of(saved.text)
    after = (ws.root / NESTED).read_text(encoding="utf-8")
    assert after.splitlines()[:4] == before.splitlines()[:4]  # the leading comments are kept
    assert "      - ho_ten: Lê Văn <Tám> & Cộng sự\n        chuc_vu: Chánh Văn phòng\n" in after
    assert "      8:\n        dat: true\n        nhan_xet: 'Nội dung bổ sung: đạt.'\n" in after
    doc = api.load_document(ws, ws.root / NESTED)
    first, second, third = doc.data.don_vi[:3]
    assert [p.ho_ten for p in second.dai_dien] == ["Trương Thị Ngọc Ánh", "Lê Văn <Tám> & Cộng sự"]
    assert second.ket_qua["8"].dat and list(second.ket_qua) == [str(i) for i in range(1, 9)]
    assert list(third.ket_qua) == [str(i) for i in range(1, 7)]
    assert first.ket_qua["3"].dat and first.ket_qua["6"].dat is False
    untouched = [line for line in before.splitlines() if "Tổ chức 09 cuộc tuyên truyền" in line]
    assert untouched and untouched[0] in after.splitlines()  # flow-style lines kept as written


def test_a_nested_error_is_shown_beside_its_field(client: TestClient) -> None:
    fields = open_form(client, NESTED)
    fields["f.don_vi.0.ket_qua.5.khac_phuc"] = ""  # not met and nothing to correct
    refused = client.post("/edit", data={**fields, "action": "save"})
    assert refused.status_code == 422
    assert "don_vi[1].ket_qua.6" in text_of(refused.text)  # the CLI's name: the code, 6
    assert 'data-field="don_vi.0.ket_qua.5"' in refused.text  # beside the sixth entry


def test_a_box_ticked_by_default_can_be_unticked(client: TestClient, ws) -> None:  # noqa: ANN001
    path = "content/bao-cao/tong-hop-2017.yaml"
    fields = open_form(client, path)
    assert fields["f.bieu_do"] == "on"  # not in the file: the schema's default, true
    del fields["f.bieu_do"]
    saved = client.post("/edit", data={**fields, "action": "save"}, follow_redirects=False)
    assert saved.status_code == 303, text_of(saved.text)
    assert "\nbieu_do: false\n" in (ws.root / path).read_text(encoding="utf-8")
    assert api.load_document(ws, ws.root / path).data.bieu_do is False


ANNEX = """phu_luc:
  - tieu_de: Bảng theo dõi
    bang:
      - cot: [Nội dung, Ghi chú]
        dong:
          - [Tỷ lệ nữ | nam, "Dòng một\\nDòng hai"]
          - [Thứ hai, "<b>&</b>"]
"""


def test_a_pipe_in_a_cell_and_a_line_break_in_an_item_round_trip(client: TestClient, ws) -> None:  # noqa: ANN001
    path = "content/ke-hoach/so-y-te-bdg-2016-2020.yaml"
    file = ws.root / path
    text = file.read_text(encoding="utf-8").replace(
        "  - Sở Nội vụ\n", '  - "Sở Nội vụ\\n(Phòng Công chức)"\n', 1) + ANNEX
    file.write_text(text, encoding="utf-8")
    fields = open_form(client, path)
    # Each item and each cell has its own box, holding the text as it is.
    assert fields["f.noi_nhan.1"] == "Sở Nội vụ\n(Phòng Công chức)"
    assert fields["f.phu_luc.0.bang.0.dong.0.0"] == "Tỷ lệ nữ | nam"
    assert fields["f.phu_luc.0.bang.0.dong.0.1"] == "Dòng một\nDòng hai"
    assert fields["f.phu_luc.0.bang.0.dong.1.1"] == "<b>&</b>"
    page = client.get("/edit", params={"path": path}).text
    assert "&lt;b&gt;&amp;&lt;/b&gt;</textarea>" in page
    saved = client.post("/edit", data={**fields, "action": "save"}, follow_redirects=False)
    assert saved.status_code == 303, text_of(saved.text)
    assert file.read_text(encoding="utf-8") == text  # untouched: the same bytes
    fields = open_form(client, path)
    fields["f.phu_luc.0.bang.0.dong.1.0"] = "a|b || c"
    fields["f.phu_luc.0.bang.0.dong.2.0"] = "Mới\r\nhai dòng"  # the empty last row adds one
    fields["f.phu_luc.0.bang.0.dong.2.1"] = "x"
    last = max(int(k.split(".")[2]) for k in fields if k.startswith("f.noi_nhan."))
    assert fields[f"f.noi_nhan.{last}"] == ""
    fields[f"f.noi_nhan.{last}"] = "Lưu: VT, TCCB"  # the empty last box adds an item
    saved = client.post("/edit", data={**fields, "action": "save"}, follow_redirects=False)
    assert saved.status_code == 303, text_of(saved.text)
    doc = api.load_document(ws, file)
    assert doc.data.phu_luc[0].bang[0].dong == [["Tỷ lệ nữ | nam", "Dòng một\nDòng hai"],
                                                ["a|b || c", "<b>&</b>"], ["Mới\nhai dòng", "x"]]
    assert doc.data.noi_nhan[1] == "Sở Nội vụ\n(Phòng Công chức)"
    assert doc.data.noi_nhan[-1] == "Lưu: VT, TCCB"


def test_a_list_switches_to_one_box_per_cell_on_request(client: TestClient, ws) -> None:  # noqa: ANN001
    path = "content/ke-hoach/so-y-te-bdg-2016-2020.yaml"
    (ws.root / path).write_text((ws.root / path).read_text(encoding="utf-8") + ANNEX.replace(
        "Tỷ lệ nữ | nam", "Một").replace('"Dòng một\\nDòng hai"', "Hai"), encoding="utf-8")
    fields = open_form(client, path)
    assert fields["f.phu_luc.0.bang.0.dong"].startswith("Một | Hai\n")  # one box: no | in cells
    switched = client.post("/edit", data={**fields, "action": "cells:phu_luc.0.bang.0.dong"})
    fields = form_fields(switched.text, "edit-form")
    assert fields["f.phu_luc.0.bang.0.dong.0.1"] == "Hai" and fields["cells"]
    fields["f.phu_luc.0.bang.0.dong.0.1"] = "Hai | Ba"
    saved = client.post("/edit", data={**fields, "action": "save"}, follow_redirects=False)
    assert saved.status_code == 303, text_of(saved.text)
    doc = api.load_document(ws, ws.root / path)
    assert doc.data.phu_luc[0].bang[0].dong[0] == ["Một", "Hai | Ba"]
