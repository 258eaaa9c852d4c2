"""Process entry points for the concurrency tests (importable by `spawn` children)."""

from __future__ import annotations

import datetime as dt

from gendoc.register.store import DocumentFacts, open_register

FACTS = DocumentFacts(
    issuer="so-y-te",
    symbol="KH-SYT",
    kind="ke_hoach",
    type_name="KẾ HOẠCH",
    summary="Về phòng, chống dịch bệnh",
    signer="Nguyễn Văn A (GIÁM ĐỐC)",
    recipients=("UBND tỉnh",),
    archive="VT",
    copies=2,
)


def allocate_many(args: tuple[str, int, int]) -> list[int]:
    """Open the register (racing the others to create it) and allocate `count` numbers."""
    url, worker, count = args
    numbers = []
    with open_register(url) as register:
        for i in range(count):
            entry = register.allocate(
                FACTS,
                series="",
                doc_date=dt.date(2026, 5, 4),
                content_path=f"content/w{worker}-{i}.yaml",
                workspace="test",
            )
            numbers.append(entry.number)
    return numbers


def allocate_same_file(args: tuple[str, int]) -> int | None:
    """Try to number one shared content file; return the number, or None if refused."""
    from gendoc.register.errors import AlreadyIssuedError

    url, _worker = args
    with open_register(url) as register:
        try:
            entry = register.allocate(FACTS, series="", doc_date=dt.date(2026, 5, 4),
                                      content_path="content/chung.yaml", workspace="test",
                                      exclusive=True)
        except AlreadyIssuedError:
            return None
    return entry.number
