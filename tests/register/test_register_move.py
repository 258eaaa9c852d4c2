"""A workspace moved or copied keeps its register: verify, resume and refusals still work.

Also the upgrade of registers written before paths were relative (revision 0003) and the
adoption of their "host:/root" entries by the workspace's id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from register_fakes import crashing_render, fake_load, fake_render, make_workspace, write_content
from sqlalchemy import text

from gendoc.cli import main
from gendoc.register.engine import make_engine
from gendoc.register.errors import RegisterError
from gendoc.register.identity import (
    ID_FILE,
    create_workspace_key,
    legacy_workspace_key,
    read_workspace_key,
)
from gendoc.register.issue import issue, register_for, workspace_key_for
from gendoc.register.migrate import upgrade_engine
from gendoc.register.store import open_register
from gendoc.register.verify import CHANGED, verify
from gendoc.workspace import load_workspace

DAY = dt.date(2026, 4, 1)


def _issue(ws, path, **kw):
    return issue(ws, path, date=DAY, load=fake_load, render=kw.pop("render", fake_render), **kw)


def _verify(root: Path):
    ws = load_workspace(root)
    register, settings = register_for(ws)
    with register:
        return verify(register, ws.root, workspace_key_for(ws, register, settings))


def test_verify_resume_and_refusal_survive_a_move_and_a_copy(tmp_path: Path, ws_db: str) -> None:
    first = make_workspace(tmp_path / "a")
    for name in ("kh1.yaml", "kh2.yaml"):
        _issue(first, write_content(first, name))
    with pytest.raises(RegisterError):  # number 03 allocated, never rendered
        _issue(first, write_content(first, "kh3.yaml"), render=crashing_render)
    register, _ = register_for(first)
    with register:
        stored = register.entries()
    for entry in stored:  # nothing absolute: the register does not pin the folder's location
        for path in (entry.content_path, entry.output_path):
            assert path is None or not Path(path).is_absolute()

    moved = tmp_path / "nơi khác" / "b"
    moved.parent.mkdir()
    shutil.move(str(first.root), str(moved))
    report = _verify(moved)
    assert report.checked == 2 and report.findings == []

    ws = load_workspace(moved)
    resumed = _issue(ws, ws.content_dir / "kh3.yaml")  # the crashed one: same number, not a new
    assert resumed.resumed and resumed.entry.full_symbol == "03/KH-SYT"
    assert _verify(moved).checked == 3

    copy = tmp_path / "c"
    shutil.copytree(moved, copy)
    edited = copy / "output" / "kh1.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "sửa sau khi ban hành\n", "utf-8")
    findings = _verify(copy).findings
    assert [(f.entry.full_symbol, f.path, f.problem) for f in findings] == [
        ("01/KH-SYT", "output/kh1.md", CHANGED)]
    assert _verify(moved).findings == []  # the original is untouched


def test_cli_verify_after_move_checks_the_documents(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "a")
    _issue(ws, write_content(ws, "kh1.yaml"))
    moved = tmp_path / "b"
    shutil.move(str(ws.root), str(moved))
    result = CliRunner().invoke(main, ["-w", str(moved), "register", "verify"])
    assert result.exit_code == 0, result.output
    assert "Đã kiểm tra 1 văn bản: tất cả khớp" in result.output


def test_workspace_key_is_created_once_and_checked(tmp_path: Path) -> None:
    key, created = create_workspace_key(tmp_path)
    assert created and key.startswith("ws-")
    assert create_workspace_key(tmp_path) == (key, False)
    assert read_workspace_key(tmp_path) == key
    (tmp_path / ID_FILE).write_text("ws-../../etc\n", encoding="utf-8")
    with pytest.raises(RegisterError, match="workspace-id"):
        read_workspace_key(tmp_path)


# -- registers written before revision 0003 ------------------------------------------------
def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _legacy_row(number: int, workspace: str, content: str, output: str,
                content_sha: str, output_sha: str) -> dict:
    return {"issuer": "so-y-te", "year": 2026, "series": "", "number": number,
            "symbol": "KH-SYT", "doc_date": "2026-01-02", "kind": "ke_hoach",
            "type_name": "KẾ HOẠCH", "summary": "Cũ", "signer": "A", "recipients": "B",
            "archive": "VT", "workspace": workspace, "content_path": content,
            "output_path": output, "content_sha256": content_sha, "output_sha256": output_sha,
            "status": "issued", "allocated_at": "2026-01-02 00:00:00"}


def _write_v2_register(url: str, rows: list[dict]) -> None:
    engine = make_engine(url)
    try:
        assert upgrade_engine(engine, target="0002") == "0002"
        columns = list(rows[0])
        sql = (f"INSERT INTO register_entries ({', '.join(columns)}) "
               f"VALUES ({', '.join(':' + c for c in columns)})")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO register_counters (issuer, year, series, last) "
                              f"VALUES ('so-y-te', 2026, '', {len(rows)})"))
            for row in rows:
                conn.execute(text(sql), row)
    finally:
        engine.dispose()


def test_old_absolute_paths_become_relative_and_old_entries_are_adopted(
    tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = make_workspace(tmp_path / "ws")
    root = ws.root.resolve()
    content = write_content(ws, "cu.yaml")
    out = ws.output_dir / "cu.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("Số: 01/KH-SYT\n", encoding="utf-8")
    outside = tmp_path / "ngoai.md"  # an output outside the workspace stays absolute
    outside.write_text("Số: 02/KH-SYT\n", encoding="utf-8")
    legacy = legacy_workspace_key(root)
    _write_v2_register(db_url, [
        _legacy_row(1, legacy, str(content.resolve()), str(out.resolve()), _sha(content),
                    _sha(out)),
        _legacy_row(2, legacy, "content/cu.yaml", str(outside), _sha(content), _sha(outside)),
        _legacy_row(3, "may-khac:/srv/khac", "/srv/khac/content/x.yaml",
                    "/srv/khac/output/x.docx", "0" * 64, "0" * 64),
    ])

    with open_register(db_url) as register:
        paths = [(e.number, e.content_path, e.output_path) for e in register.entries()]
    assert paths == [
        (1, "content/cu.yaml", "output/cu.md"),
        (2, "content/cu.yaml", str(outside)),  # outside the root: absolute, still readable
        (3, "content/x.yaml", "output/x.docx"),  # another machine's root, made relative too
    ]

    monkeypatch.setenv("GENDOC_DATABASE_URL", db_url)  # a shared register
    report = _verify(ws.root)  # first use: the id is created, this folder's entries adopted
    assert report.checked == 2 and report.findings == []
    moved = tmp_path / "moved"
    shutil.move(str(ws.root), str(moved))
    outside.write_text("sửa\n", encoding="utf-8")
    report = _verify(moved)
    assert report.checked == 2
    assert [(f.entry.number, f.problem) for f in report.findings] == [(2, CHANGED)]
    with open_register(db_url) as register:  # the other machine's entry was not taken
        others = [e for e in register.entries() if e.workspace == "may-khac:/srv/khac"]
    assert [e.number for e in others] == [3]


def test_own_register_adopts_entries_written_before_a_move(tmp_path: Path) -> None:
    """The default register lives in the workspace: its old entries are all this workspace's,
    even when the folder was moved before gendoc was upgraded."""
    ws = make_workspace(tmp_path / "ws")
    content = write_content(ws, "cu.yaml")
    settings_url = f"sqlite:///{ws.root / '.gendoc' / 'register.sqlite3'}"
    _write_v2_register(settings_url, [
        _legacy_row(1, "may-cu:/duong/dan/cu", "/duong/dan/cu/content/cu.yaml", None,
                    _sha(content), None),
    ])
    report = _verify(ws.root)
    assert report.checked == 1 and report.findings == []
