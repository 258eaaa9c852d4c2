"""The register's storage: allocate numbers in one transaction, record what was issued.

One code path for SQLite and PostgreSQL (SQLAlchemy Core). `allocate` increments the
(issuer, year, series) counter — `INSERT … ON CONFLICT DO UPDATE SET last = last + 1 RETURNING`,
which also creates the counter at 1 — and inserts the entry, status `allocated`, in the same
transaction: either both happen or neither, so a number is never given twice and never skipped.
The counter row's write lock (SQLite: the database lock taken by `BEGIN IMMEDIATE`; PostgreSQL:
the row lock taken by the upsert) makes concurrent allocations wait for each other.

Speed (issue 18): on PostgreSQL both steps are ONE statement — the upsert is a data-modifying
CTE feeding `INSERT INTO register_entries … RETURNING *` — so the counter lock is held for a
single round trip and no SELECT follows. SQLite has no data-modifying CTEs; it runs the two
statements inside its `BEGIN IMMEDIATE` transaction, which costs no round trip (in-process).
Rendering happens after the commit; if it never completes, the entry stays `allocated` and
visible, and its number is not given to anyone else.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from gendoc.register.allocation import allocate_alone, insert_allocated
from gendoc.register.engine import display_url, make_engine
from gendoc.register.errors import AlreadyIssuedError, RegisterDatabaseError
from gendoc.register.migrate import ensure_schema
from gendoc.register.numbering import format_number
from gendoc.register.schema import (
    STATUS_ALLOCATED,
    STATUS_ISSUED,
    STATUS_REPLACED,
    entries,
)


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

    def __init__(self, engine: Engine, url: str, source: str | None = None):
        self.engine = engine
        self.url = url
        self.source = source  # where the URL came from (gendoc.yaml line, variable), if known
        self._quick_conn: Connection | None = None

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
        now = dt.datetime.now(dt.timezone.utc)
        values = {
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
            "allocated_at": now,
            "note": note,
            "replaces_id": replaces.id if replaces else None,
        }
        if not exclusive and replaces is None:  # the hot path: see allocation.py
            with self._errors("cấp số"):
                return _allocated_entry(values, allocate_alone(self._quick(), values))
        with self._errors("cấp số"), self.engine.begin() as conn:
            if exclusive:
                _check_exclusive(conn, workspace, content_path, replaces)
            new_id, number = insert_allocated(conn, values)
            if replaces is not None:
                replaced_note = f"Đã thay bằng số {format_number(number)}/{facts.symbol}"
                if replaces.note:
                    replaced_note = f"{replaces.note}; {replaced_note}"
                conn.execute(
                    update(entries)
                    .where(entries.c.id == replaces.id)
                    .values(status=STATUS_REPLACED, note=replaced_note)
                )
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
        with self._errors("ghi sổ"), self.engine.begin() as conn:
            row = conn.execute(
                update(entries)
                .where(entries.c.id == entry_id)
                .values(
                    status=STATUS_ISSUED,
                    issued_at=dt.datetime.now(dt.timezone.utc),
                    output_path=output_path,
                    template_path=template_path,
                    content_sha256=content_sha256,
                    output_sha256=output_sha256,
                    template_sha256=template_sha256,
                )
                .returning(*entries.c)
            ).one()
        return _entry(row)

    def adopt_entries(self, key: str, legacy_key: str, *, every_other: bool) -> int:
        """Record entries of `legacy_key` (or, `every_other`, all not under `key`) under `key`."""
        which = entries.c.workspace != key if every_other else entries.c.workspace == legacy_key
        with self._errors("ghi sổ"), self.engine.begin() as conn:
            return conn.execute(update(entries).where(which).values(workspace=key)).rowcount

    # -- queries --------------------------------------------------------------------------
    def latest_for_content(self, workspace: str, content_path: str) -> Entry | None:
        """The current (not replaced) entry for a content file, if it was ever numbered."""
        stmt = (
            select(entries)
            .where(
                entries.c.workspace == workspace,
                entries.c.content_path == content_path,
                entries.c.status != STATUS_REPLACED,
            )
            .order_by(entries.c.id.desc())
            .limit(1)
        )
        with self._errors("đọc sổ"), self.engine.connect() as conn:
            row = conn.execute(stmt).first()
        return _entry(row) if row else None

    def entries(
        self,
        *,
        year: int | None = None,
        issuer: str | None = None,
        status: str | None = None,
        workspace: str | None = None,
    ) -> list[Entry]:
        stmt = select(entries).order_by(
            entries.c.year, entries.c.issuer, entries.c.series, entries.c.number
        )
        if year is not None:
            stmt = stmt.where(entries.c.year == year)
        if issuer is not None:
            stmt = stmt.where(entries.c.issuer == issuer)
        if status is not None:
            stmt = stmt.where(entries.c.status == status)
        if workspace is not None:
            stmt = stmt.where(entries.c.workspace == workspace)
        with self._errors("đọc sổ"), self.engine.connect() as conn:
            return [_entry(row) for row in conn.execute(stmt)]

    def _quick(self) -> Connection:
        """The connection `allocate_alone` uses, kept while the register is open: checking a
        connection out of the pool (and, on PostgreSQL, switching it to autocommit) for every
        number costs more CPU than the statements themselves."""
        if self._quick_conn is None or self._quick_conn.closed:
            conn = self.engine.connect()
            if self.engine.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            self._quick_conn = conn
        return self._quick_conn

    def close(self) -> None:
        if self._quick_conn is not None:
            self._quick_conn.close()
            self._quick_conn = None
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        # DBAPI errors too: the allocation statements run on the driver's cursor (allocation.py).
        dbapi = getattr(self.engine.dialect, "loaded_dbapi", None)
        errors = (SQLAlchemyError, dbapi.Error) if dbapi is not None else (SQLAlchemyError,)
        try:
            yield
        except errors as exc:
            cause = getattr(exc, "orig", None) or exc
            origin = f" (địa chỉ lấy từ {self.source})" if self.source else ""
            raise RegisterDatabaseError(
                f"sổ đăng ký {display_url(self.url)}{origin}: không {action} được — "
                f"{_reason(cause)} (chi tiết kỹ thuật: {type(cause).__name__}: "
                f"{str(cause).strip()})."
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
    engine = make_engine(url)
    register = Register(engine, url, source)
    if migrate:
        with register._errors("mở hoặc nâng cấp lược đồ"):
            ensure_schema(engine)
    return register


def _check_exclusive(
    conn: Connection, workspace: str, content_path: str, replaces: Entry | None
) -> None:
    if conn.dialect.name == "postgresql":  # SQLite already holds the database write lock
        conn.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:key))"),
            {"key": f"gendoc-register:{workspace}:{content_path}"},
        )
    current = conn.execute(
        select(entries.c.id, entries.c.number, entries.c.symbol).where(
            entries.c.workspace == workspace,
            entries.c.content_path == content_path,
            entries.c.status != STATUS_REPLACED,
        )
    ).first()
    if current is not None and (replaces is None or current.id != replaces.id):
        raise AlreadyIssuedError(
            f"{content_path}: trường 'so': văn bản vừa được cấp số "
            f"{format_number(current.number)}/{current.symbol} (có thể bởi người khác cùng lúc) — "
            "không cấp thêm số. Xem 'gendoc register list'."
        )


def _allocated_entry(values: dict[str, object], id_number: tuple[int, int]) -> Entry:
    """The new entry: what was inserted, the database's id and number, other columns empty."""
    row: dict[str, object] = {column.name: None for column in entries.c}
    row.update(values, id=id_number[0], number=id_number[1])
    return Entry(**row)  # type: ignore[arg-type]


def _entry(row) -> Entry:  # noqa: ANN001 - SQLAlchemy Row
    data = row._asdict()
    doc_date = data["doc_date"]
    if isinstance(doc_date, dt.datetime):
        data["doc_date"] = doc_date.date()
    return Entry(**data)
