"""The zip guard every Office reader opens through: bombs, DTDs and junk are refused up front."""

from __future__ import annotations

import io
import zipfile

import pytest

from gendoc.exceptions import UnusableInputError
from gendoc.safezip import open_zip, read_member


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_a_bomb_is_refused_from_its_declared_size_without_inflating() -> None:
    data = _zip({"xl/worksheets/sheet1.xml": b"<a/>" + b" " * (3 << 20)})
    assert len(data) < 50_000
    with pytest.raises(UnusableInputError, match=r"mau\.xlsx: tệp bung ra 3 MB, vượt giới hạn 1 MB"):
        open_zip(data, "mau.xlsx", limit=1 << 20)


def test_a_forged_small_declared_size_still_stops_at_the_limit() -> None:
    archive = zipfile.ZipFile(io.BytesIO(_zip({"a.xml": b"x" * (3 << 20)})))
    with pytest.raises(UnusableInputError, match="bung ra hơn 1 MB"):
        read_member(archive, "a.xml", "mau.xlsx", limit=1 << 20)


@pytest.mark.parametrize("head", [b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>',
                                  b"<!doctype x><x/>"])
def test_a_dtd_in_any_xml_part_is_refused(head: bytes) -> None:
    with pytest.raises(UnusableInputError, match="'xl/sharedStrings.xml' khai báo DOCTYPE"):
        open_zip(_zip({"xl/sharedStrings.xml": head}), "mau.xlsx")


def test_not_a_zip_names_the_file() -> None:
    with pytest.raises(UnusableInputError, match="mau.xlsx: không phải tệp Office hợp lệ"):
        open_zip(b"PK\x03\x04 broken", "mau.xlsx")


def test_an_ordinary_office_file_opens() -> None:
    from gendoc.workspace import builtin_templates_dir

    data = (builtin_templates_dir() / "ke_hoach.docx").read_bytes()
    with open_zip(data, "ke_hoach.docx") as archive:
        assert b"<w:document" in read_member(archive, "word/document.xml", "ke_hoach.docx")


@pytest.mark.parametrize(("stored", "meant"), [("a_x000B_b", "a\x0bb"), ("_x005F_x000D_", "_x000D_"),
                                               ("Hà_x000D__x000A_Tiên", "Hà\r\nTiên"),
                                               ("no escape_x12_", "no escape_x12_")])
def test_excel_escapes_are_decoded(stored: str, meant: str) -> None:
    from gendoc.xlsx_text import decode_excel_escapes

    assert decode_excel_escapes(stored) == meant
