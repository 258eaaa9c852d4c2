"""`gendoc check` with no file, inside a workspace: every output, then the rules across documents.

The outputs are the .docx files under output/ (each checked as `gendoc check FILE` would, with
the non-ND30 ones noted); the cross-document rules (`gendoc.check.crossdoc`) read the content
files, so a finding names the content file to fix.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from gendoc.check import crossdoc
from gendoc.check.crossdoc import Doc
from gendoc.check.model import Finding
from gendoc.document import discover, load_document, rel
from gendoc.exceptions import GendocError
from gendoc.kinds import get_kind
from gendoc.kinds.official import symbol
from gendoc.training.roster import read_roster

RULE_IDS = ("xref.parent_citation", "xref.deadline", "xref.report_year", "xref.course_target",
            "xref.unit_name")


def load_docs(ws: Any) -> list[Doc]:
    """Every content file that validates (build reports the others)."""
    docs = []
    for path in discover(ws):
        try:
            loaded = load_document(ws, path)
        except GendocError:
            continue
        docs.append(Doc(rel(ws, path), path, loaded.kind.name, loaded.data))
    return docs


def _symbol_of(ws: Any) -> Any:
    def of(doc: Doc) -> str:
        kind = get_kind(doc.kind)
        return symbol(doc.data, ws.unit(doc.data.co_quan), kind.viet_tat)
    return of


def _register_lookup(ws: Any) -> Any:
    """(number, date) of an issued document from the register; None without a register."""
    try:
        # optional: the register needs SQLAlchemy; without it this source is skipped
        from gendoc.register.config import DEFAULT_DB, env_database_url
        from gendoc.register.issue import register_for, workspace_key_for
        from gendoc.register.schema import STATUS_ISSUED
    except ImportError:
        return None
    if env_database_url() is None and not (ws.root / DEFAULT_DB).is_file() and not (
            (ws.raw_config or {}).get("so_dang_ky")):
        return None
    try:
        register, settings = register_for(ws)
        wsid = workspace_key_for(ws, register, settings)
    except Exception:  # noqa: BLE001 - an unreachable register only disables this source
        return None

    def lookup(doc: Doc) -> tuple[int, dt.date] | None:
        try:
            entry = register.latest_for_content(wsid, doc.shown)
        except Exception:  # noqa: BLE001
            return None
        if entry is None or entry.status != STATUS_ISSUED:
            return None
        return entry.number, entry.doc_date
    return lookup


def _roster_of(ws: Any) -> Any:
    def roster(doc: Doc) -> list[Any] | None:
        lop = doc.data.lop_hoc
        if not lop.danh_sach:
            return None
        path = Path(lop.danh_sach)
        path = path if path.is_absolute() else doc.path.parent / path
        try:
            return list(read_roster(path, [u.ten for u in lop.don_vi]).hoc_vien)
        except (GendocError, OSError):
            return None  # build reports an unreadable list
    return roster


def cross_findings(ws: Any) -> list[Finding]:
    docs = load_docs(ws)
    by_path = {d.shown: d for d in docs}
    groups = [
        ("xref.parent_citation", crossdoc.parent_citation(docs, by_path, _symbol_of(ws),
                                                           _register_lookup(ws))),
        ("xref.deadline", crossdoc.deadline(docs, by_path)),
        ("xref.report_year", crossdoc.report_year(docs)),
        ("xref.course_target", crossdoc.course_target(docs, _roster_of(ws))),
        ("xref.unit_name", crossdoc.unit_name(docs, ws.config.co_quan)),
    ]
    out: list[Finding] = []
    for rule, items in groups:
        out += [Finding(rule, sev, shown, message) for shown, message, sev in items]
    return out
