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
