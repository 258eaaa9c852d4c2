"""Batch rendering: 500 certificates the naive way and gendoc's way, in the same process.

Naive: a fresh docxtpl render of the certificate template per person (what a mail-merge loop
over `render_docx` does). gendoc: `BatchTemplate` renders the template once and fills it per
person (`gendoc.training.batch`), writing files from a small thread pool. Both write every file
to disk; the script then checks that each pair of documents has the same text, paragraph by
paragraph, and prints the timings. The last line is `ratio: N` (naive time / gendoc time).

    python benchmarks/batch_render.py [N]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from types import SimpleNamespace

from lxml import etree

from gendoc.docx_render import render_docx
from gendoc.kinds.official import NguoiKy
from gendoc.training import certificate
from gendoc.training.batch import BatchTemplate, write_batch
from gendoc.training.roster import HocVien

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HO = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
DEM = ["Thị", "Thị Ngọc", "Thị Thanh", "Thị Kim", "Thu", "Văn"]
TEN = ["Anh", "Ánh", "Bích", "Chi", "Dung", "Đào", "Hà", "Hạnh", "Hương", "Lan", "Mai", "Yến"]
UNITS = ["Sở Tư pháp", "Sở Tài chính", "Sở Y tế", "Sở Lao động - Thương binh & Xã hội",
         "Ủy ban nhân dân thành phố Rạch Giá", 'Trung tâm "Hỗ trợ phụ nữ" <Kiên Giang>']


def people(n: int) -> list[HocVien]:
    rng = random.Random(2017)
    return [HocVien(ho_ten=f"{rng.choice(HO)} {rng.choice(DEM)} {rng.choice(TEN)}",
                    gioi_tinh=rng.choice(["Nữ", "Nữ", "Nam"]), nam_sinh=rng.randint(1965, 1995),
                    chuc_vu=rng.choice(["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên", None]),
                    don_vi=rng.choice(UNITS), hoan_thanh=True,
                    xep_loai=rng.choice(["Giỏi", "Khá", None])) for _ in range(n)]


def shared() -> dict:
    unit = SimpleNamespace(co_quan_chu_quan="UBND tỉnh Kiên Giang", header_lines=["SỞ NỘI VỤ"],
                           chuc_vu_thu_truong="GIÁM ĐỐC", ten_day_du="Sở Nội vụ", cap="so_ban_nganh",
                           dia_danh="Kiên Giang")
    lop = SimpleNamespace(ten="Lớp bồi dưỡng nâng cao năng lực cho nữ lãnh đạo, quản lý năm 2017",
                          tu_ngay=dt.date(2017, 6, 5), den_ngay=dt.date(2017, 6, 9),
                          dia_diem="Trường Chính trị tỉnh Kiên Giang")
    signer = NguoiKy(quyen_han=["KT. GIÁM ĐỐC"], chuc_vu="PHÓ GIÁM ĐỐC", ho_ten="Nguyễn Văn Minh")
    return certificate.shared_context(unit, "Kiên Giang", lop, signer, dt.date(2017, 6, 9))


def text_of(path: Path) -> list[str]:
    """Paragraph texts of word/document.xml (tables included), in order."""
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def main(n: int = 500) -> float:
    with tempfile.TemporaryDirectory(prefix="gendoc-bench-") as tmp:
        root = Path(tmp)
        template = root / certificate.TEMPLATE
        certificate.make_template().save(template)
        ctx = shared()
        values = [certificate.person_values(p, i, "GCN-SNV") for i, p in enumerate(people(n), 1)]
        naive_dir, fast_dir = root / "naive", root / "gendoc"
        naive_dir.mkdir()

        start = time.perf_counter()
        for i, v in enumerate(values):
            render_docx(template, {**ctx, **v}, None).save(str(naive_dir / f"{i:04d}.docx"))
        naive = time.perf_counter() - start

        start = time.perf_counter()
        batch = BatchTemplate.from_template(template, ctx, certificate.FIELDS, ws=None)
        jobs = [(fast_dir / f"{i:04d}.docx", v) for i, v in enumerate(values)]
        write_batch(batch, jobs, root, progress_from=10**9)
        fast = time.perf_counter() - start

        start = time.perf_counter()
        combined = root / "combined.docx"
        combined.write_bytes(batch.combine(values))
        combine_s = time.perf_counter() - start

        for i in range(n):
            a, b = text_of(naive_dir / f"{i:04d}.docx"), text_of(fast_dir / f"{i:04d}.docx")
            if a != b:
                diff = next(j for j, (x, y) in enumerate(zip(a, b, strict=False)) if x != y)
                raise SystemExit(f"document {i}: text differs at paragraph {diff}: {a[diff]!r} != {b[diff]!r}")
        joined = [t for t in text_of(combined) if t]
        expected = [t for i in range(n) for t in text_of(fast_dir / f"{i:04d}.docx") if t]
        if joined != expected:
            raise SystemExit("combined file: text differs from the individual certificates")

    print(f"certificates: {n}")
    print(f"naive docxtpl, one render per document: {naive:.2f} s ({1000 * naive / n:.1f} ms/doc)")
    print(f"gendoc render once, fill {n}:          {fast:.2f} s ({1000 * fast / n:.1f} ms/doc)")
    print(f"combined printable file of {n}:        {combine_s:.2f} s")
    print("text identical: yes")
    ratio = naive / fast
    print(f"ratio: {ratio:.1f}")
    return ratio


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
