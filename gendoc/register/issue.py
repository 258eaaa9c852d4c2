"""`gendoc issue`: number a signed document, write the number back, render it, record it.

Order matters for "lose nothing": (1) validate the content, so a broken file never takes a
number; (2) allocate the number and record the entry as `allocated` in one committed
transaction; (3) write `so:`/`ngay:` into the content file; (4) render; (5) record hashes and
mark the entry `issued`. A crash after (2) leaves the entry `allocated` — visible in
`gendoc register list` — and running `gendoc issue` on the same file again resumes with the same
number instead of taking a new one. A document that already has a number is refused unless
`--force`, which gives a new number and marks the old entry `replaced` (never deleted, never
given again).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gendoc.exceptions import ContentError, FieldProblem, GendocError
from gendoc.register.config import RegisterSettings, settings_from
from gendoc.register.errors import AlreadyIssuedError, RegisterError
from gendoc.register.identity import workspace_key
from gendoc.register.numbering import format_number
from gendoc.register.schema import STATUS_ALLOCATED
from gendoc.register.store import DocumentFacts, Entry, Register, open_register
from gendoc.register.writeback import write_number
from gendoc.vi.dates import parse_date
from gendoc.writer import file_sha256

EARLIEST_ISSUE_YEAR = 2000  # before the register and ND30: a typing slip
MAX_DAYS_AHEAD = 366  # an issue date more than a year ahead is a typing slip

Loader = Callable[[Any, Path], Any]
Renderer = Callable[[Any, Path], Any]


@dataclass(frozen=True)
class IssueOutcome:
    entry: Entry
    resumed: bool = False  # an allocated-not-rendered number was completed
    replaced: Entry | None = None  # the entry a --force correction replaced


def workspace_key_for(ws: Any, register: Register, settings: RegisterSettings) -> str:
    """The key this workspace's entries are recorded under (see `identity.py`)."""
    return workspace_key(register, ws.root, private=settings.private)


def relative_to_root(path: Path, root: Path) -> str:
    """`path` relative to the workspace (POSIX), so the register survives a move; else absolute."""
    path = path.resolve()
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def register_for(ws: Any) -> tuple[Register, RegisterSettings]:
    settings = settings_from(ws.root, ws.raw_config, locate=ws.config_line)
    return open_register(settings.database_url, source=settings.source), settings


def facts_from_document(
    ws: Any, doc: Any, path: Path | None = None
) -> tuple[DocumentFacts, str | None]:
    """What the register records, from a validated document; also its type abbreviation."""
    data = doc.data
    kind = doc.kind
    signer_text = _signer(data, path)
    recipients = [str(r).strip() for r in (getattr(data, "noi_nhan", None) or []) if str(r).strip()]
    archive = getattr(data, "luu", None)
    if isinstance(archive, (list, tuple)):
        archive = ", ".join(str(a) for a in archive)
    copies = getattr(data, "so_ban", None)
    facts = DocumentFacts(
        issuer=str(data.co_quan),
        symbol=str(doc.ky_hieu),
        kind=str(kind.name),
        type_name=str(getattr(kind, "ten_loai", "") or ""),
        summary=str(getattr(data, "trich_yeu", "") or ""),
        signer=signer_text,
        recipients=recipients,
        archive=str(archive or ""),
        copies=int(copies) if copies is not None else None,
    )
    return facts, getattr(kind, "viet_tat", None) or None


def _signer(data: Any, path: Path | None) -> str:
    """"Nguyễn Văn A (KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC)"; a number is given after signature (ND30
    Điều 15), so a document without the signer's name is refused rather than registered blank."""
    signer = getattr(data, "nguoi_ky", None)
    name = (getattr(signer, "ho_ten", None) or "").strip()
    if not name:
        raise ContentError(path, [FieldProblem(
            "nguoi_ky.ho_ten", "văn bản được cấp số phải có họ tên người ký",
            hint="ghi họ tên người đã ký vào 'nguoi_ky: {ho_ten: ...}' rồi cấp số lại")])
    capacity = getattr(signer, "quyen_han", None) or []
    if isinstance(capacity, str):
        capacity = [capacity]
    title = (getattr(signer, "chuc_vu", None) or "").strip()
    role = " ".join(p.strip() for p in [*capacity, title] if p and p.strip())
    return f"{name} ({role})" if role else name


def issue_date_problem(doc: Any, day: dt.date, today: dt.date | None = None) -> str | None:
    """Why `day` cannot be the issue date of `doc`, in Vietnamese (None when it can): not before
    1 January of the year the draft is dated (`ngay`), not before 2000, at most a year ahead."""
    today = today or dt.date.today()
    try:
        drafted = parse_date(getattr(doc.data, "ngay", None))
    except ValueError:
        drafted = None
    start = dt.date(max(drafted.year if drafted else EARLIEST_ISSUE_YEAR, EARLIEST_ISSUE_YEAR), 1, 1)
    if day < start:
        why = f"văn bản ghi năm {drafted.year}" if drafted and drafted.year >= EARLIEST_ISSUE_YEAR \
            else f"ngày ban hành từ năm {EARLIEST_ISSUE_YEAR}"
        return (f"ngày ban hành {day:%d/%m/%Y} trước ngày {start:%d/%m/%Y} ({why}) — chọn ngày "
                "từ đầu năm của văn bản trở đi.")
    if (day - today).days > MAX_DAYS_AHEAD:
        return (f"ngày ban hành {day:%d/%m/%Y} cách hôm nay hơn một năm — kiểm tra lại năm đã "
                "chọn.")
    return None


def issue(
    ws: Any,
    path: Path,
    *,
    date: dt.date | None = None,
    force: bool = False,
    register: Register | None = None,
    settings: RegisterSettings | None = None,
    render: Renderer,
    load: Loader | None = None,
) -> IssueOutcome:
    """Issue the document at `path` (see the module docstring for the order of steps)."""
    if load is None:
        from gendoc.document import load_document  # imported on use: keeps issue quick

        load = load_document
    owns_register = register is None
    if register is None or settings is None:
        opened, found = register_for(ws)
        if register is None:
            register = opened
        else:
            opened.close()
        settings = settings or found
    try:
        return _issue(ws, Path(path), date, force, register, settings, load, render)
    finally:
        if owns_register:
            register.close()


def _issue(
    ws: Any,
    path: Path,
    date: dt.date | None,
    force: bool,
    register: Register,
    settings: RegisterSettings,
    load: Loader,
    render: Renderer,
) -> IssueOutcome:
    doc = load(ws, path)  # a file that does not validate never takes a number
    problem = issue_date_problem(doc, date) if date is not None else None
    if problem:
        raise RegisterError(f"{path}: tùy chọn --date: {problem}")
    facts, type_abbr = facts_from_document(ws, doc, path)
    wsid = workspace_key_for(ws, register, settings)
    rel = relative_to_root(path, ws.root)
    entry, resumed, replaced = _number_for(
        path, rel, wsid, date, force, register, facts, getattr(doc.data, "so", None),
        settings.series_for(type_abbr, facts.kind))

    try:
        write_number(path, entry.number, entry.doc_date)
        result = render(ws, path)
    except Exception as exc:
        raise _not_rendered(path, entry, exc) from exc

    output = Path(result.output)
    # A kind with its own renderer may have no template file; record that as no hash.
    template = Path(result.template) if getattr(result, "template", None) else None
    entry = register.mark_issued(
        entry.id,
        output_path=relative_to_root(output, ws.root),
        template_path=relative_to_root(template, ws.root) if template else None,
        content_sha256=file_sha256(path),
        output_sha256=file_sha256(output),
        template_sha256=file_sha256(template) if template else None,
    )
    return IssueOutcome(entry=entry, resumed=resumed, replaced=replaced)


def _number_for(path: Path, rel: str, wsid: str, date: dt.date | None, force: bool,
                register: Register, facts: DocumentFacts, existing_number: object,
                series: str) -> tuple[Entry, bool, Entry | None]:
    """The entry to issue under: a number allocated earlier and not yet rendered (resumed), or
    a new one (replacing the current entry with --force). Returns (entry, resumed, replaced)."""
    current = register.latest_for_content(wsid, rel)
    if current is not None and current.status == STATUS_ALLOCATED:
        if date is not None and date != current.doc_date:
            raise RegisterError(
                f"{path}: trường 'ngay': số {current.full_symbol} đã được cấp ngày "
                f"{current.doc_date:%d/%m/%Y} nhưng chưa dựng xong — bỏ tùy chọn --date (hoặc dùng "
                f"--date {current.doc_date:%Y-%m-%d}) để dựng tiếp với số đã cấp."
            )
        return current, True, None
    if (current is not None or existing_number is not None) and not force:
        raise _already_issued(path, current, existing_number, facts)
    note = ""
    if current is not None:
        note = f"Thay cho số {current.full_symbol}"
    elif existing_number is not None:
        note = f"Tệp đã ghi sẵn số {existing_number} (không có trong sổ); cấp số mới"
    entry = register.allocate(facts, series=series, doc_date=date or dt.date.today(),
                              content_path=rel, workspace=wsid, replaces=current, note=note,
                              exclusive=True)
    return entry, False, current


def _already_issued(
    path: Path, current: Entry | None, existing_number: object, facts: DocumentFacts
) -> AlreadyIssuedError:
    if current is not None:
        what = (f"đã được cấp số {current.full_symbol} ngày {current.doc_date:%d/%m/%Y} "
                "(có trong sổ đăng ký)")
    else:
        try:
            shown = f"{format_number(int(existing_number))}/{facts.symbol}"  # type: ignore[call-overload]
        except (TypeError, ValueError):
            shown = str(existing_number)
        what = f"đã ghi số {shown}"
    return AlreadyIssuedError(
        f"{path}: trường 'so': văn bản {what} — không cấp số lần nữa. Nếu cần ban hành lại bản "
        "đã sửa, chạy 'gendoc issue --force' để cấp số mới; số cũ vẫn được giữ trong sổ và "
        "ghi chú là đã được thay thế."
    )


def _not_rendered(path: Path, entry: Entry, exc: Exception) -> RegisterError:
    if isinstance(exc, GendocError):
        reason = exc.format_message()
    else:
        reason = f"{type(exc).__name__}: {exc}"
    error = RegisterError(
        f"{reason}\n{path}: số {entry.full_symbol} ngày {entry.doc_date:%d/%m/%Y} đã được cấp và "
        "ghi sổ ở trạng thái 'đã cấp số, chưa dựng'. Sửa lỗi rồi chạy lại "
        f"'gendoc issue {path}' để dựng văn bản với đúng số này (số không bị mất, không cấp lại "
        "cho văn bản khác)."
    )
    if isinstance(exc, GendocError):  # keep the cause's exit code (2: unusable input)
        setattr(error, "exit_code", exc.exit_code)  # noqa: B010 - click declares it a ClassVar
    return error
