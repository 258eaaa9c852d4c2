"""Render once, fill many: filled documents say exactly what a fresh render says, for any text."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gendoc.docx_render import render_docx, to_bytes
from gendoc.kinds.official import NguoiKy
from gendoc.training import certificate
from gendoc.training.batch import BatchTemplate, escape, split
from gendoc.units import CoQuan

VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐÂ"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / certificate.TEMPLATE
    certificate.make_template().save(path)
    return path


def shared() -> dict:
    unit = CoQuan(ma="so-noi-vu", ten="SỞ NỘI VỤ", ky_hieu="SNV", dia_danh="Kiên Giang",
                  co_quan_chu_quan="UBND tỉnh Kiên Giang", chuc_vu_thu_truong="GIÁM ĐỐC",
                  ten_day_du="Sở Nội vụ", cap="so_ban_nganh")
    lop = SimpleNamespace(ten="Lớp bồi dưỡng năm 2017", tu_ngay=dt.date(2017, 6, 5),
                          den_ngay=dt.date(2017, 6, 9), dia_diem="Trường Chính trị tỉnh")
    signer = NguoiKy(quyen_han=["KT. GIÁM ĐỐC"], chuc_vu="PHÓ GIÁM ĐỐC", ho_ten="Nguyễn Văn Minh")
    return certificate.shared_context(unit, "Kiên Giang", lop, signer, dt.date(2017, 6, 9))


def text(data: bytes) -> list[str]:
    doc = Document(io.BytesIO(data))
    return [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]


BATCH: dict[Path, BatchTemplate] = {}
value = st.text(alphabet=VIET + " &<>\"'-.,()/", min_size=1, max_size=40).map(str.strip).filter(bool)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=value, unit=value)
def test_filled_document_equals_a_fresh_render(template: Path, name: str, unit: str) -> None:
    values = {"xung_ho": "Bà", "ho_ten": name, "nam_sinh": "1980", "chuc_vu_don_vi": unit,
              "xep_loai": "", "so_vao_so": "001/GCN"}
    if template not in BATCH:
        BATCH[template] = BatchTemplate.from_template(template, shared(), certificate.FIELDS)
    batch = BATCH[template]
    fresh = to_bytes(render_docx(template, {**shared(), **values}, None))
    assert text(batch.fill(values)) == text(fresh)
    assert f"Bà: {name.upper()}" in text(batch.fill(values))


def test_characters_xml_cannot_hold_are_dropped_not_fatal(template: Path) -> None:
    batch = BatchTemplate.from_template(template, shared(), certificate.FIELDS)
    data = batch.fill({"ho_ten": "Lê\x00 Thị\x1f An", "chuc_vu_don_vi": "A & B"})
    assert "Bà: LÊ THỊ AN" not in text(data)  # xung_ho missing → empty, never "None"
    assert ": LÊ THỊ AN" in text(data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None


def test_escape_and_split() -> None:
    assert escape('a&b<c>"d"') == "a&amp;b&lt;c&gt;&quot;d&quot;"
    assert escape(None) == ""
    segs = split("<t>@@GD:ho_ten@@ @@GD:HO_TEN@@ @@GD:other@@</t>", ["ho_ten"])
    assert segs == ["<t>", ("ho_ten", False), " ", ("ho_ten", True), " @@GD:other@@</t>"]


def test_template_fields_are_all_used(template: Path) -> None:
    batch = BatchTemplate.from_template(template, shared(), certificate.FIELDS)
    assert batch.used() == set(certificate.FIELDS)


def test_combine_of_one_item_is_a_valid_single_section(template: Path) -> None:
    batch = BatchTemplate.from_template(template, shared(), certificate.FIELDS)
    one = {"xung_ho": "Ông", "ho_ten": "Lê Văn An"}
    combined = batch.combine([one])
    assert text(combined) == text(batch.fill(one))
    with pytest.raises(Exception, match="lô rỗng"):
        batch.combine([])


def test_same_values_give_byte_identical_documents(template: Path) -> None:
    batch = BatchTemplate.from_template(template, shared(), certificate.FIELDS)
    values = {"xung_ho": "Bà", "ho_ten": "Trần Thị Bình"}
    data = batch.fill(values)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:  # no clock in the archive: rebuilds are identical
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert data == batch.fill(dict(values))
    assert data != batch.fill({**values, "ho_ten": "Trần Thị Bính"})


@pytest.mark.parametrize("tag", ["{{ ho_ten|title }}", "{% if nam_sinh %}X{% endif %}"])
def test_template_transforming_a_per_document_value_is_refused(template: Path, tmp_path: Path,
                                                               tag: str) -> None:
    from gendoc.exceptions import RenderError

    doc = Document(str(template))
    for para in doc.paragraphs:  # drop the plain uses so only the transformed one is left
        for run in para.runs:
            run.text = run.text.replace("{{ ho_ten|upper }}", "").replace("{{ nam_sinh }}", "")
    doc.add_paragraph(tag)
    custom = tmp_path / "gcn.docx"
    doc.save(str(custom))
    with pytest.raises(RenderError, match="chỉ được in nguyên văn"):
        BatchTemplate.from_template(custom, shared(), certificate.FIELDS)


def test_threaded_batch_writes_keep_the_umask_and_stay_inside_root(template: Path, tmp_path: Path) -> None:
    import os

    from gendoc.exceptions import OutputError
    from gendoc.training.batch import write_batch

    batch = BatchTemplate.from_template(template, shared(), certificate.FIELDS)
    old = os.umask(0o022)
    try:
        jobs = [(tmp_path / "out" / f"{i:03d}.docx", {"ho_ten": f"Lê Văn {i}"}) for i in range(60)]
        written = write_batch(batch, jobs, tmp_path / "out", threads=8, progress_from=10**9)
        assert os.umask(0o022) == 0o022  # the process umask survived the threads
        assert written == [p for p, _ in jobs]
        assert {p.stat().st_mode & 0o777 for p in written} == {0o644}
        assert not list((tmp_path / "out").glob(".*.tmp"))
        with pytest.raises(OutputError):
            write_batch(batch, [(tmp_path / "out" / ".." / "x.docx", {})], tmp_path / "out")
        assert not (tmp_path / "x.docx").exists()
    finally:
        os.umask(old)


def test_combine_marks_where_each_item_starts_unless_a_header_varies(template: Path) -> None:
    """The marks (gendoc.pdf_split) at the start of each item's first paragraph, in order, the
    seal after the last; none when a per-item value prints outside the body (a header)."""
    from lxml import etree

    from gendoc.pdf_split import find_batches, item_marks

    batch = BatchTemplate.from_template(template, shared(), certificate.FIELDS)
    people = [{"xung_ho": "Ông", "ho_ten": "Lê Văn An"}, {"xung_ho": "Bà", "ho_ten": "Trần Thị Bình"}]
    marks = item_marks(["a/1.docx", "a/2.docx"])
    assert batch.faithful()
    with zipfile.ZipFile(io.BytesIO(batch.combine(people, marks))) as zf:
        xml = zf.read("word/document.xml")
    root = etree.fromstring(xml)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    starts = list(root.iter(f"{w}bookmarkStart"))
    assert [b.get(f"{w}name") for b in starts] == marks
    for mark in starts[:-1]:  # first thing in its item's first paragraph
        para = mark.getparent()
        assert para.tag == f"{w}p" and mark is next(c for c in para if c.tag != f"{w}pPr")
    xml_at = [xml.decode().find(m) for m in marks]
    assert 0 < xml_at[0] < xml_at[1] < xml_at[2]
    between = xml.decode()[xml_at[0]:xml_at[1]]  # each item's name after its own mark
    assert "LÊ VĂN AN" in between and "TRẦN THỊ BÌNH" not in between
    assert "TRẦN THỊ BÌNH" in xml.decode()[xml_at[1]:xml_at[2]]
    assert starts[-1].getparent().tag == f"{w}body"  # the seal, after the last item
    assert len(marks) == 3 and batch.combine(people, marks[:2]) == batch.combine(people)

    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "@@GD:ho_ten@@"
    doc.add_paragraph("Kính gửi @@GD:ho_ten@@")
    package = io.BytesIO()
    doc.save(package)
    varying = BatchTemplate(package.getvalue(), ["ho_ten"])
    assert not varying.faithful()
    assert b"_GdItem_" not in varying.combine([{"ho_ten": "A"}, {"ho_ten": "B"}], marks)
    assert find_batches([Path("x.docx")]) == []  # no such file: nothing to cut
