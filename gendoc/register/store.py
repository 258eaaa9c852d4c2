"""The register's storage: allocate numbers in one transaction, record what was issued.

One code path for SQLite and PostgreSQL (SQLAlchemy Core). `allocate` increments the
(issuer, year, series) counter with `UPDATE … SET last = last + 1 … RETURNING last` and inserts
the entry, status `allocated`, in the same transaction: either both happen or neither, so a
number is never given twice and never skipped. The counter row's write lock (SQLite: the
database lock taken by `BEGIN IMMEDIATE`; PostgreSQL: the row lock taken by `UPDATE`) makes
concurrent allocations wait for each other. Rendering happens after the commit; if it never
completes, the entry stays `allocated` and visible, and its number is not given to anyone else.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, insert, select, text, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from gendoc.register.engine import display_url, make_engine
from gendoc.register.errors import AlreadyIssuedError, RegisterDatabaseError
from gendoc.register.migrate import ensure_schema
from gendoc.register.numbering import format_number
from gendoc.register.schema import (
    STATUS_ALLOCATED,
    STATUS_ISSUED,
    STATUS_REPLACED,
    counters,
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

    def __init__(self, engine: Engine, url: str):
        self.engine = engine
        self.url = url

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
        with self._errors("cấp số"), self.engine.begin() as conn:
            if exclusive:
                _check_exclusive(conn, workspace, content_path, replaces)
            number = _next_number(conn, facts.issuer, doc_date.year, series)
            values = {
                "issuer": facts.issuer,
                "year": doc_date.year,
                "series": series,
                "number": number,
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
            stmt = insert(entries).values(**values).returning(entries.c.id)
            new_id = conn.execute(stmt).scalar_one()
            if replaces is not None:
                replaced_note = f"Đã thay bằng số {format_number(number)}/{facts.symbol}"
                if replaces.note:
                    replaced_note = f"{replaces.note}; {replaced_note}"
                conn.execute(
                    update(entries)
                    .where(entries.c.id == replaces.id)
                    .values(status=STATUS_REPLACED, note=replaced_note)
                )
            row = conn.execute(select(entries).where(entries.c.id == new_id)).one()
        return _entry(row)

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
            conn.execute(
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
            )
            row = conn.execute(select(entries).where(entries.c.id == entry_id)).one()
        return _entry(row)

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

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            raise RegisterDatabaseError(
                f"sổ đăng ký {display_url(self.url)}: không {action} được "
                f"({type(exc.orig or exc).__name__}: {exc.orig or exc}). "
                "Kiểm tra máy chủ cơ sở dữ liệu hoặc quyền ghi tệp rồi chạy lại."
            ) from exc


def open_register(url: str, *, migrate: bool = True) -> Register:
    """Open (and on first use create or upgrade) the register at `url`."""
    engine = make_engine(url)
    register = Register(engine, url)
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


def _next_number(conn: Connection, issuer: str, year: int, series: str) -> int:
    """Increment and return the counter; create it at 1 if this is the first number."""
    key = (counters.c.issuer == issuer, counters.c.year == year, counters.c.series == series)
    bump = update(counters).where(*key).values(last=counters.c.last + 1).returning(counters.c.last)
    number = conn.execute(bump).scalar_one_or_none()
    if number is not None:
        return number
    try:
        # Savepoint: if another transaction created the row first, only this insert is undone.
        with conn.begin_nested():
            conn.execute(insert(counters).values(issuer=issuer, year=year, series=series, last=1))
        return 1
    except IntegrityError:
        return conn.execute(bump).scalar_one()


def _entry(row) -> Entry:  # noqa: ANN001 - SQLAlchemy Row
    data = row._asdict()
    doc_date = data["doc_date"]
    if isinstance(doc_date, dt.datetime):
        data["doc_date"] = doc_date.date()
    return Entry(**data)
