"""Core properties of a course's documents: the title says what each is, the author and last
editor are the issuing unit, nothing is left from python-docx's blank document, and the PDFs
made from them (LibreOffice, and the items cut from a combined PDF) carry the same."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from coursefix import SINGLE_CERTIFICATE
from lxml import etree

from gendoc.build import build
from gendoc.workspace import load_workspace

OUT = Path("output/tap-huan/lop")
UNIT = 'Sở "Nội vụ" & <Đào tạo>'
COURSE = "Lớp tập huấn kỹ năng lãnh đạo cho nữ cán bộ năm 2017 & <K1>"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"


def tricky_unit(ws: Path) -> Path:
    """The workspace with `&`, `<` and quotes in the full name of Sở Nội vụ."""
    config = ws / "gendoc.yaml"
    text = config.read_text(encoding="utf-8")
    assert "    ten_day_du: Sở Nội vụ\n" in text
    config.write_text(text.replace("    ten_day_du: Sở Nội vụ\n", f"    ten_day_du: '{UNIT}'\n", 1),
                      encoding="utf-8")
    return ws


def tricky(ws: Path) -> Path:
    """The course workspace with `&`, `<` and quotes in the unit's and the course's names."""
    tricky_unit(ws)
    course = ws / "content/tap-huan/lop.yaml"
    text = course.read_text(encoding="utf-8")
    course.write_text(text.replace("  ten: Lớp tập huấn kỹ năng lãnh đạo cho nữ cán bộ năm 2017\n",
                                   f"  ten: '{COURSE}'\n"), encoding="utf-8")
    return ws


def core(path: Path) -> tuple[bytes, dict[str, list[str]]]:
    """docProps/core.xml of a .docx (parsed, so it is well-formed) → (raw, {tag: [texts]})."""
    with zipfile.ZipFile(path) as zf:
        raw = zf.read("docProps/core.xml")
    root = etree.fromstring(raw)
    found: dict[str, list[str]] = {}
    for child in root:
        found.setdefault(child.tag, []).append(child.text or "")
    return raw, found


def assert_properties(path: Path, title: str, author: str = UNIT) -> None:
    raw, props = core(path)
    assert b"python-docx" not in raw, path.name
    assert props[f"{{{DC}}}title"] == [title], path.name
    assert props[f"{{{DC}}}creator"] == [author], path.name
    assert props[f"{{{CP}}}lastModifiedBy"] == [author], path.name  # one, in its own namespace
    assert f"{{{DC}}}description" not in props and f"{{{CP}}}keywords" not in props
    assert all(tag.startswith(("{http://purl.org/", f"{{{CP}}}")) for tag in props), sorted(props)


def test_course_documents_carry_title_and_author(course_ws) -> None:  # noqa: ANN001
    ws = tricky(course_ws())
    build(load_workspace(ws))
    out = ws / OUT
    certificates = sorted((out / "giay-chung-nhan").glob("*.docx"))
    invitations = sorted((out / "giay-moi").glob("*.docx"))
    assert certificates and invitations
    for path in [*certificates, out / "giay-chung-nhan-tong-hop.docx"]:
        assert_properties(path, f"Giấy chứng nhận – {COURSE}")
    invitation = "Tham dự " + COURSE[:1].lower() + COURSE[1:]  # the Giấy mời's trích yếu
    for path in [*invitations, out / "giay-moi-tong-hop.docx"]:
        assert_properties(path, invitation)
        assert core(path)[1][f"{{{DC}}}subject"] == ["Số: /GM-SNV"]
    assert_properties(out / "danh-sach-hoc-vien.docx", f"Danh sách học viên – {COURSE}")
    assert_properties(out / "thong-bao.docx",
                      "Về việc tổ chức lớp tập huấn kỹ năng lãnh đạo cho nữ cán bộ")
    # The certificates are dated by their date of issue (the last course day), not python-docx's.
    raw, _ = core(certificates[0])
    assert b">2017-06-06T00:00:00Z</dcterms:created>" in raw and b"2013" not in raw


def test_same_inputs_give_the_same_bytes(course_ws) -> None:  # noqa: ANN001
    """Two workspaces, same inputs: every .docx of the course byte for byte the same."""
    first, second = tricky(course_ws(name="a")), tricky(course_ws(name="b"))
    for ws in (first, second):
        build(load_workspace(ws))
    made = sorted(p.relative_to(first) for p in (first / OUT).rglob("*.docx"))
    assert len(made) > 10
    for path in made:
        assert (first / path).read_bytes() == (second / path).read_bytes(), path


def test_a_certificate_by_hand_carries_them_too(make_ws, cli) -> None:  # noqa: ANN001
    ws = tricky_unit(make_ws({"content/gcn.yaml": SINGLE_CERTIFICATE}))
    result = cli("build", ws=ws)
    assert result.exit_code == 0, result.stderr
    assert_properties(ws / "output/gcn.docx", "Giấy chứng nhận – Lớp tập huấn bình đẳng giới")


def test_set_properties_writes_plain_text_in_the_right_namespaces() -> None:
    import docx
    import docxtpl  # noqa: F401 - docxcompose rebinds the `cp` prefix python-docx's setters use

    from gendoc.docx_meta import set_properties

    doc = docx.Document()
    set_properties(doc, "  A\x00 &  <b>\n\"c\" ", "Sở & <X>", "Số: 1/GCN")
    xml = etree.tostring(doc.core_properties._element)
    root = etree.fromstring(xml)
    assert root.findtext(f"{{{DC}}}title") == 'A & <b> "c"'
    assert root.findtext(f"{{{DC}}}creator") == "Sở & <X>"
    assert root.findtext(f"{{{CP}}}lastModifiedBy") == "Sở & <X>"
    assert root.findtext(f"{{{DC}}}subject") == "Số: 1/GCN"
    assert b"python-docx" not in xml and b"custom-properties" not in xml
    assert len(root.findall(f"{{{CP}}}lastModifiedBy")) == 1


def test_pdf_of_a_certificate_names_its_unit_and_course(make_ws, cli) -> None:  # noqa: ANN001
    """LibreOffice copies the properties into the PDF's document information and XMP."""
    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice is required (installed by .ci/run)")
    import pikepdf

    ws = tricky_unit(make_ws({"content/gcn.yaml": SINGLE_CERTIFICATE}))
    result = cli("build", "--pdf", ws=ws)
    assert result.exit_code == 0, result.stderr
    with pikepdf.open(ws / "output/gcn.pdf") as pdf:
        info = {str(k): str(v) for k, v in pdf.docinfo.items()}
        with pdf.open_metadata() as meta:
            xmp = str(meta)
    assert info["/Title"] == "Giấy chứng nhận – Lớp tập huấn bình đẳng giới"
    assert info["/Author"] == UNIT
    assert "python-docx" not in repr(info) and "python-docx" not in xmp
