"""The register's storage: allocate numbers in one transaction, record what was issued.

One code path for SQLite and PostgreSQL: SQL text over the database driver (`database.py`).
`allocate` increments the (issuer, year, series) counter and inserts the entry, status
`allocated`, in the same transaction (`allocation.py`): either both happen or neither, so a
number is never given twice and never skipped. The counter row's write lock (SQLite: the
database lock taken by `BEGIN IMMEDIATE`; PostgreSQL: the row lock taken by the upsert) makes
concurrent allocations wait for each other. Rendering happens after the commit; if it never
completes, the entry stays `allocated` and visible, and its number is not given to anyone else.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from gendoc.register.allocation import allocate_alone, insert_allocated
from gendoc.register.database import Database, Target, as_date, as_datetime, display_url, sql_list
from gendoc.register.errors import AlreadyIssuedError, RegisterDatabaseError
from gendoc.register.migrate import ensure_schema
from gendoc.register.numbering import format_number
from gendoc.register.schema import (
    COUNTERS,
    ENTRIES,
    ENTRY_COLUMNS,
    STATUS_ALLOCATED,
    STATUS_ISSUED,
    STATUS_REPLACED,
)

_SELECT = f"SELECT {sql_list(ENTRY_COLUMNS)} FROM {ENTRIES}"
_CURRENT = "workspace = :workspace AND content_path = :content_path AND status <> :replaced"


@dataclass(frozen=True)
class DocumentFacts:
    """What the register records about one document, taken from its validated content."""

    issuer: str  # unit code (`co_quan`), the key numbers are counted under
    symbol: str  # the symbol without number, e.g. "KH-SYT"
    kind: str  # document kind name, e.g. "ke_hoach"
    type_name: str  # e.g. "KẾ HOẠCH"; "" for công văn
    summary: str  # trích yếu
    signer: str  # e.g. "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Nguyễn Văn A"
    recipients: Sequence[str] = field(default_factory=tuple)
    archive: str = ""  # Lưu: …
    copies: int | None = None


@dataclass(frozen=True)
class Entry:
    """One row of the outgoing register."""

    id: int
    issuer: str
    year: int
    series: str
    number: int
    symbol: str
    doc_date: dt.date
    kind: str
    type_name: str
    summary: str
    signer: str
    recipients: str
    archive: str
    copies: int | None
    workspace: str
    content_path: str
    output_path: str | None
    template_path: str | None
    content_sha256: str | None
    output_sha256: str | None
    template_sha256: str | None
    status: str
    allocated_at: dt.datetime
    issued_at: dt.datetime | None
    note: str
    replaces_id: int | None

    @property
    def number_text(self) -> str:
        return format_number(self.number)

    @property
    def full_symbol(self) -> str:
        """`07/KH-SYT`: number and symbol as printed after "Số:"."""
        return f"{self.number_text}/{self.symbol}"


class Register:
    """An open register database. Create with `open_register(url)`."""

    def __init__(self, db: Database, url: str, source: str | None = None):
        self.db = db
        self.url = url
        self.source = source  # where the URL came from (gendoc.yaml line, variable), if known

    # -- allocation -----------------------------------------------------------------------
    def allocate(
        self,
        facts: DocumentFacts,
        *,
        series: str,
        doc_date: dt.date,
        content_path: str,
        workspace: str = "",
        replaces: Entry | None = None,
        note: str = "",
        exclusive: bool = False,
    ) -> Entry:
        """Give the next number and record it as `allocated`, in one transaction.

        `exclusive`: refuse (AlreadyIssuedError) if the content file already has a current
        entry other than `replaces` — checked under the transaction's lock, so two clerks
        issuing the same file at the same moment cannot both number it.
        """
        values: dict[str, object] = {
            "issuer": facts.issuer,
            "year": doc_date.year,
            "series": series,
            "symbol": facts.symbol,
            "doc_date": doc_date,
            "kind": facts.kind,
            "type_name": facts.type_name,
            "summary": facts.summary,
            "signer": facts.signer,
            "recipients": "\n".join(facts.recipients),
            "archive": facts.archive,
            "copies": facts.copies,
            "workspace": workspace,
            "content_path": content_path,
            "status": STATUS_ALLOCATED,
            "allocated_at": dt.datetime.now(dt.timezone.utc),
            "note": note,
            "replaces_id": replaces.id if replaces else None,
        }
        if not exclusive and replaces is None:  # the hot path: one short transaction
            with self._errors("cấp số"):
                return _allocated_entry(values, allocate_alone(self.db, values))
        with self._errors("cấp số"), self.db.transaction() as db:
            if exclusive:
                _check_exclusive(db, workspace, content_path, replaces)
            new_id, number = insert_allocated(db, values)
            if replaces is not None:
                replaced_note = f"Đã thay bằng số {format_number(number)}/{facts.symbol}"
                if replaces.note:
                    replaced_note = f"{replaces.note}; {replaced_note}"
                db.count(f"UPDATE {ENTRIES} SET status = :status, note = :note WHERE id = :id",
                         {"status": STATUS_REPLACED, "note": replaced_note, "id": replaces.id})
        return _allocated_entry(values, (new_id, number))

    def mark_issued(
        self,
        entry_id: int,
        *,
        output_path: str,
        template_path: str | None,
        content_sha256: str,
        output_sha256: str,
        template_sha256: str | None,
    ) -> Entry:
        """Record that the document with this number was rendered, with its hashes."""
        values = {
            "id": entry_id, "status": STATUS_ISSUED,
            "issued_at": dt.datetime.now(dt.timezone.utc), "output_path": output_path,
            "template_path": template_path, "content_sha256": content_sha256,
            "output_sha256": output_sha256, "template_sha256": template_sha256,
        }
        assignments = ", ".join(f"{name} = :{name}" for name in values if name != "id")
        with self._errors("ghi sổ"), self.db.transaction() as db:
            (row,) = db.rows(f"UPDATE {ENTRIES} SET {assignments} WHERE id = :id "
                             f"RETURNING {sql_list(ENTRY_COLUMNS)}", values)
        return _entry(row)

    def adopt_entries(self, key: str, legacy_key: str, *, every_other: bool) -> int:
        """Record entries of `legacy_key` (or, `every_other`, all not under `key`) under `key`."""
        which = "workspace <> :key" if every_other else "workspace = :legacy"
        with self._errors("ghi sổ"), self.db.transaction() as db:
            return db.count(f"UPDATE {ENTRIES} SET workspace = :key WHERE {which}",
                            {"key": key, "legacy": legacy_key})

    # -- queries --------------------------------------------------------------------------
    def latest_for_content(self, workspace: str, content_path: str) -> Entry | None:
        """The current (not replaced) entry for a content file, if it was ever numbered."""
        with self._errors("đọc sổ"):
            rows = self.db.rows(f"{_SELECT} WHERE {_CURRENT} ORDER BY id DESC LIMIT 1",
                                {"workspace": workspace, "content_path": content_path,
                                 "replaced": STATUS_REPLACED})
        return _entry(rows[0]) if rows else None

    def entries(
        self,
        *,
        year: int | None = None,
        issuer: str | None = None,
        status: str | None = None,
        workspace: str | None = None,
    ) -> list[Entry]:
        """Entries in register order (year, issuer, series, number), filtered as asked."""
        wanted = {"year": year, "issuer": issuer, "status": status, "workspace": workspace}
        filters = {name: value for name, value in wanted.items() if value is not None}
        where = " AND ".join(f"{name} = :{name}" for name in filters)
        sql = (f"{_SELECT}{' WHERE ' + where if where else ''} "
               "ORDER BY year, issuer, series, number")
        with self._errors("đọc sổ"):
            return [_entry(row) for row in self.db.rows(sql, filters)]

    def last_number(self, issuer: str, year: int, series: str) -> int:
        """The last number given in a series (0 before the first)."""
        with self._errors("đọc sổ"):
            rows = self.db.rows(f"SELECT last FROM {COUNTERS} WHERE issuer = :issuer AND "
                                "year = :year AND series = :series",
                                {"issuer": issuer, "year": year, "series": series})
        return int(rows[0][0]) if rows else 0

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except self.db.errors as exc:
            origin = f" (địa chỉ lấy từ {self.source})" if self.source else ""
            raise RegisterDatabaseError(
                f"sổ đăng ký {display_url(self.url)}{origin}: không {action} được — "
                f"{_reason(exc)} (chi tiết kỹ thuật: {type(exc).__name__}: "
                f"{str(exc).strip()})."
            ) from exc


#: Common causes, recognised in the driver's (English) message, explained for the clerk.
_CAUSES = (
    (("connection refused", "could not connect", "is the server running"),
     "máy chủ cơ sở dữ liệu không trả lời: kiểm tra máy chủ đã bật, địa chỉ và cổng đúng"),
    (("could not translate host", "failed to resolve host", "name or service not known"),
     "không tìm thấy máy chủ có tên này: kiểm tra tên máy chủ trong địa chỉ"),
    (("password authentication failed", "authentication failed"),
     "sai tên người dùng hoặc mật khẩu trong địa chỉ cơ sở dữ liệu"),
    (("does not exist",), "cơ sở dữ liệu hoặc bảng không tồn tại: kiểm tra tên trong địa chỉ"),
    (("timeout", "timed out"), "máy chủ không trả lời kịp: kiểm tra mạng rồi chạy lại"),
    (("database is locked",), "tệp sổ đang bị khóa lâu bởi chương trình khác: đóng chương trình "
                              "đó rồi chạy lại"),
    (("readonly", "read-only", "unable to open database", "permission denied"),
     "không ghi hoặc mở được tệp sổ: kiểm tra quyền ghi thư mục .gendoc"),
)


def _reason(cause: BaseException) -> str:
    text = str(cause).lower()
    for needles, reason in _CAUSES:
        if any(needle in text for needle in needles):
            return reason
    return "kiểm tra máy chủ cơ sở dữ liệu hoặc quyền ghi tệp rồi chạy lại"


def open_register(url: str, *, migrate: bool = True, source: str | None = None) -> Register:
    """Open (and on first use create or upgrade) the register at `url`.

    `source` names where the URL came from, so a connection failure says what to fix.
    """
    register = Register(Database(Target.of(url)), url, source)
    if migrate:
        try:
            with register._errors("mở hoặc nâng cấp lược đồ"):
                ensure_schema(register.db)
        except BaseException:
            register.close()
            raise
    return register


def _check_exclusive(
    db: Database, workspace: str, content_path: str, replaces: Entry | None
) -> None:
    if db.backend == "postgresql":  # SQLite already holds the database write lock
        db.rows("SELECT pg_advisory_xact_lock(hashtext(:key))",
                {"key": f"gendoc-register:{workspace}:{content_path}"})
    current = db.rows(f"SELECT id, number, symbol FROM {ENTRIES} WHERE {_CURRENT}",
                      {"workspace": workspace, "content_path": content_path,
                       "replaced": STATUS_REPLACED})
    if current and (replaces is None or current[0][0] != replaces.id):
        _id, number, symbol = current[0]
        raise AlreadyIssuedError(
            f"{content_path}: trường 'so': văn bản vừa được cấp số "
            f"{format_number(number)}/{symbol} (có thể bởi người khác cùng lúc) — "
            "không cấp thêm số. Xem 'gendoc register list'."
        )


def _allocated_entry(values: dict[str, object], id_number: tuple[int, int]) -> Entry:
    """The new entry: what was inserted, the database's id and number, other columns empty."""
    row: dict[str, Any] = dict.fromkeys(ENTRY_COLUMNS)
    row.update(values, id=id_number[0], number=id_number[1])
    return Entry(**row)


def _entry(row: Sequence[Any]) -> Entry:
    data = dict(zip(ENTRY_COLUMNS, row, strict=True))
    data["doc_date"] = as_date(data["doc_date"])
    data["allocated_at"] = as_datetime(data["allocated_at"])
    data["issued_at"] = as_datetime(data["issued_at"])
    return Entry(**data)
