"""`gendoc issue` flow: number, write back, render, record; refusal, correction, crash, series."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from register_fakes import (
    KE_HOACH,
    RenderCrash,
    crashing_render,
    fake_load,
    fake_render,
    make_workspace,
    write_content,
)

from gendoc.exceptions import ContentError, GendocError
from gendoc.register.errors import AlreadyIssuedError, RegisterError
from gendoc.register.issue import issue, register_for
from gendoc.register.schema import STATUS_ALLOCATED, STATUS_ISSUED, STATUS_REPLACED

DAY = dt.date(2026, 3, 5)


def _issue(ws, path, **kw):
    kw.setdefault("date", DAY)
    return issue(ws, path, load=fake_load, render=kw.pop("render", fake_render), **kw)


def _entries(ws, **kw):
    register, _ = register_for(ws)
    with register:
        return register.entries(**kw)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_issue_numbers_writes_back_renders_and_records(tmp_path: Path, ws_db: str) -> None:
    ws = make_workspace(tmp_path / "ws")
    path = write_content(ws, "kh-dich-benh.yaml")
    outcome = _issue(ws, path)
    entry = outcome.entry
    assert entry.full_symbol == "01/KH-SYT"
    assert entry.status == STATUS_ISSUED and entry.doc_date == DAY

    text = path.read_text(encoding="utf-8")
    # the two values were added under co_quan; every comment and the list style were kept
    assert "co_quan: so-y-te\nso: 1\nngay: 2026-03-05\ntrich_yeu:" in text
    assert text.replace("so: 1\nngay: 2026-03-05\n", "") == KE_HOACH

    output = ws.root / entry.output_path
    assert output.read_text(encoding="utf-8").startswith("Số: 01/KH-SYT")
    assert entry.output_sha256 == _sha(output)
    assert entry.content_sha256 == _sha(path)
    assert entry.template_sha256 == _sha(ws.templates_dir / "fake.md.j2")
    assert entry.content_path == "content/kh-dich-benh.yaml"
    assert entry.summary == "Phòng, chống dịch bệnh năm 2026"
    assert entry.type_name == "KẾ HOẠCH"
    assert entry.signer == "Trần Thị B (KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC)"
    assert entry.recipients == "UBND tỉnh\nCác phòng chức năng"
    assert entry.archive == "VT, NVY" and entry.copies == 5
    if ws_db == "sqlite":
        assert (ws.root / ".gendoc" / "register.sqlite3").is_file()

    second = _issue(ws, write_content(ws, "kh-2.yaml"))
    assert second.entry.full_symbol == "02/KH-SYT"


def test_existing_so_value_is_replaced_in_place(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    text = KE_HOACH.replace("co_quan: so-y-te\n", "co_quan: so-y-te\nso:     # để trống\n")
    path = write_content(ws, "kh.yaml", text)
    _issue(ws, path)
    # the comment stays in its column
    assert "so: 1   # để trống\nngay: 2026-03-05\n" in path.read_text(encoding="utf-8")


def test_issued_document_is_refused_without_force(tmp_path: Path, ws_db: str) -> None:
    ws = make_workspace(tmp_path / "ws")
    path = write_content(ws, "kh.yaml")
    _issue(ws, path)
    before = path.read_bytes()
    with pytest.raises(AlreadyIssuedError) as err:
        _issue(ws, path)
    message = err.value.message
    assert str(path) in message and "'so'" in message and "01/KH-SYT" in message
    assert "--force" in message
    assert err.value.exit_code == 1
    assert path.read_bytes() == before
    assert [e.number for e in _entries(ws)] == [1]


def test_force_records_a_correction_with_a_new_number(tmp_path: Path, ws_db: str) -> None:
    ws = make_workspace(tmp_path / "ws")
    path = write_content(ws, "kh.yaml")
    _issue(ws, path)
    outcome = _issue(ws, path, force=True)
    assert outcome.entry.full_symbol == "02/KH-SYT"
    assert outcome.replaced is not None and outcome.replaced.number == 1
    assert "so: 2\n" in path.read_text(encoding="utf-8")
    old, new = _entries(ws)
    assert (old.number, old.status) == (1, STATUS_REPLACED)  # kept, never deleted
    assert "Đã thay bằng số 02/KH-SYT" in old.note
    assert (new.number, new.status, new.replaces_id) == (2, STATUS_ISSUED, old.id)
    assert new.note == "Thay cho số 01/KH-SYT"
    # the next document does not reuse number 1
    assert _issue(ws, write_content(ws, "kh-3.yaml")).entry.number == 3


def test_hand_written_number_is_refused(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    path = write_content(ws, "kh.yaml", KE_HOACH.replace("trich_yeu:", "so: 5\ntrich_yeu:"))
    with pytest.raises(AlreadyIssuedError, match="05/KH-SYT"):
        _issue(ws, path)
    assert _entries(ws) == []
    outcome = _issue(ws, path, force=True)
    assert outcome.entry.number == 1 and "ghi sẵn số 5" in outcome.entry.note


def test_crash_between_allocation_and_rendering(tmp_path: Path, ws_db: str) -> None:
    ws = make_workspace(tmp_path / "ws")
    crashed = write_content(ws, "kh-a.yaml")
    with pytest.raises(RegisterError) as err:
        _issue(ws, crashed, render=crashing_render)
    assert isinstance(err.value.__cause__, RenderCrash)
    assert "01/KH-SYT" in err.value.message and "đã cấp số, chưa dựng" in err.value.message
    (pending,) = _entries(ws)
    assert (pending.number, pending.status) == (1, STATUS_ALLOCATED)  # recorded, visible

    # another clerk's document meanwhile gets the next number, not the allocated one
    assert _issue(ws, write_content(ws, "kh-b.yaml")).entry.number == 2

    # re-running issue on the crashed file finishes it with its own number
    outcome = _issue(ws, crashed, date=None)
    assert outcome.resumed and outcome.entry.number == 1 and outcome.entry.doc_date == DAY
    assert [(e.number, e.status) for e in _entries(ws)] == [(1, STATUS_ISSUED), (2, STATUS_ISSUED)]


def test_resume_refuses_a_different_date(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    path = write_content(ws, "kh.yaml")
    with pytest.raises(RegisterError):
        _issue(ws, path, render=crashing_render)
    with pytest.raises(RegisterError, match="--date 2026-03-05"):
        _issue(ws, path, date=dt.date(2026, 3, 9))


def test_invalid_content_takes_no_number(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    path = write_content(ws, "kh.yaml")

    def broken_load(ws, path):
        raise ContentError(path, "trường 'trich_yeu' bị thiếu")

    with pytest.raises(ContentError):
        issue(ws, path, date=DAY, load=broken_load, render=fake_render)
    no_name = write_content(ws, "kh2.yaml", KE_HOACH.replace("  ho_ten: Trần Thị B\n", ""))
    with pytest.raises(ContentError, match="nguoi_ky.ho_ten"):
        _issue(ws, no_name)
    assert _entries(ws) == []
    assert "so:" not in no_name.read_text(encoding="utf-8")


def test_numbers_restart_every_year(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    got = []
    for i, day in enumerate([dt.date(2025, 12, 30), dt.date(2025, 12, 31), dt.date(2026, 1, 2),
                             dt.date(2026, 1, 2)]):
        got.append(_issue(ws, write_content(ws, f"kh{i}.yaml"), date=day).entry.full_symbol)
    assert got == ["01/KH-SYT", "02/KH-SYT", "01/KH-SYT", "02/KH-SYT"]
    assert [e.number for e in _entries(ws, year=2026)] == [1, 2]


def _decision(text: str = KE_HOACH) -> str:
    return text.replace("loai: ke_hoach", "loai: quyet_dinh")


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("", ["01/KH-SYT", "02/QĐ-SYT", "03/KH-SYT", "01/KH-UBND"]),  # one series per issuer
        ("so_dang_ky:\n  so_rieng: [QĐ]\n", ["01/KH-SYT", "01/QĐ-SYT", "02/KH-SYT", "01/KH-UBND"]),
        ("so_dang_ky:\n  so_rieng: [quyet_dinh]\n",
         ["01/KH-SYT", "01/QĐ-SYT", "02/KH-SYT", "01/KH-UBND"]),
        ("so_dang_ky:\n  so_rieng: tat_ca\n",
         ["01/KH-SYT", "01/QĐ-SYT", "02/KH-SYT", "01/KH-UBND"]),
    ],
)
def test_series(tmp_path: Path, config: str, expected: list[str]) -> None:
    ws = make_workspace(tmp_path / "ws", config)
    ubnd = KE_HOACH.replace("co_quan: so-y-te", "co_quan: ubnd-tinh")
    texts = [KE_HOACH, _decision(), KE_HOACH, ubnd]
    got = [_issue(ws, write_content(ws, f"d{i}.yaml", t)).entry.full_symbol
           for i, t in enumerate(texts)]
    assert got == expected


def test_errors_are_gendoc_errors(tmp_path: Path) -> None:
    # gendoc.yaml is checked whole when the workspace loads, before any number is issued
    with pytest.raises(GendocError, match="so_dang_ky.so_rieng"):
        make_workspace(tmp_path / "ws", "so_dang_ky:\n  so_rieng: 3\n")
