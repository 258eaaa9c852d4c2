"""A tiny stand-in for the document engine, so the issue flow is tested on its own.

`fake_load` and `fake_render` follow the engine's interface (`load_document(ws, path)`,
`render_file(ws, path) -> .output, .template`). The real engine is exercised by the
end-to-end test, which skips only while `gendoc.build` does not exist yet.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from ruamel.yaml import YAML

from gendoc.workspace import Workspace, load_workspace

GENDOC_YAML = """\
ten: Thử nghiệm sổ đăng ký
tinh: Kiên Giang
co_quan:
  - ma: so-y-te
    ten: SỞ Y TẾ
    co_quan_chu_quan: UBND TỈNH KIÊN GIANG
    ky_hieu: SYT
    dia_danh: Kiên Giang
  - ma: ubnd-tinh
    ten: ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG
    ky_hieu: UBND
    dia_danh: Kiên Giang
"""

KE_HOACH = """\
# Kế hoạch thử — tệp của văn thư
loai: ke_hoach   # loại văn bản
co_quan: so-y-te
trich_yeu: Phòng, chống dịch bệnh năm 2026
nguoi_ky:
  quyen_han: KT. GIÁM ĐỐC
  chuc_vu: PHÓ GIÁM ĐỐC
  ho_ten: Trần Thị B
noi_nhan:
  - UBND tỉnh      # để báo cáo
  - Các phòng chức năng
luu: VT, NVY
so_ban: 5
"""

_KINDS = {"ke_hoach": ("KẾ HOẠCH", "KH"), "quyet_dinh": ("QUYẾT ĐỊNH", "QĐ")}


def make_workspace(root: Path, config_extra: str = "") -> Workspace:
    root.mkdir(parents=True, exist_ok=True)
    (root / "gendoc.yaml").write_text(GENDOC_YAML + config_extra, encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "fake.md.j2").write_text("Số: {{ so }}/{{ ky_hieu }}\n", "utf-8")
    return load_workspace(root)


def write_content(ws: Workspace, name: str, text: str = KE_HOACH) -> Path:
    path = ws.content_dir / name
    path.write_text(text, encoding="utf-8")
    return path


def fake_load(ws: Workspace, path: Path) -> SimpleNamespace:
    raw = YAML(typ="safe").load(Path(path).read_text(encoding="utf-8"))
    ten_loai, viet_tat = _KINDS[raw["loai"]]
    unit = ws.unit(raw["co_quan"])
    signer = dict(raw["nguoi_ky"])
    if isinstance(signer.get("quyen_han"), str):
        signer["quyen_han"] = [signer["quyen_han"]]
    data = SimpleNamespace(
        co_quan=raw["co_quan"], so=raw.get("so"), ngay=raw.get("ngay"),
        trich_yeu=raw["trich_yeu"], nguoi_ky=SimpleNamespace(**signer),
        noi_nhan=raw["noi_nhan"], luu=raw.get("luu", "VT"), so_ban=raw.get("so_ban"),
    )
    kind = SimpleNamespace(name=raw["loai"], ten_loai=ten_loai, viet_tat=viet_tat)
    return SimpleNamespace(kind=kind, data=data, ky_hieu=f"{viet_tat}-{unit.ky_hieu}")


def fake_render(ws: Workspace, path: Path, out: Path | None = None) -> SimpleNamespace:
    doc = fake_load(ws, path)
    template = ws.templates_dir / "fake.md.j2"
    output = out or ws.output_dir / f"{Path(path).stem}.md"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(f"Số: {doc.data.so:02d}/{doc.ky_hieu}\nNgày: {doc.data.ngay}\n"
                      f"{doc.data.trich_yeu}\n", encoding="utf-8")
    return SimpleNamespace(output=output, template=template)


class RenderCrash(RuntimeError):
    """Raised by `crashing_render` to simulate a crash between allocation and rendering."""


def crashing_render(ws: Workspace, path: Path, out: Path | None = None) -> SimpleNamespace:
    raise RenderCrash("máy tắt đột ngột")
