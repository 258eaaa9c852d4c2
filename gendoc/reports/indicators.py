"""The catalogue of figures a unit reports each year (Kế hoạch III.1.e, III.2.b).

One table drives everything that handles figures: the content schema (`gendoc.reports.model`),
the Excel form (`gendoc.reports.excel`), the unit report's table, the consolidated tables, the
charts and the .xlsx annex. Adding an indicator here adds it everywhere, in the same order and
with the same label, so the form a unit fills in and the table Sở Nội vụ prints never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One figure: a key under its group (`cong_chuc`) and the label printed in tables."""

    key: str
    label: str


@dataclass(frozen=True)
class Group:
    """A table of figures. `paired` groups count people by sex (tong/nu) and have a total row
    (`tong`) that must equal the sum of the rows; activity counts are single numbers."""

    key: str
    title: str  # table title in documents and the form
    short: str  # short name for charts and target lines
    rows: tuple[Row, ...]
    sheet: str  # Excel form sheet that holds it
    paired: bool = True
    unit: str = "người"  # đơn vị tính

    def row(self, key: str) -> Row:
        return next(r for r in self.rows if r.key == key)


TOTAL = "tong"  # the computed total row of a paired group
FIELDS = ("tong", "nu")  # of a paired figure: total and women
FIELD_LABELS = {"tong": "tổng số", "nu": "số nữ"}

NHAN_SU = Group(
    "nhan_su", "Số lượng cán bộ, công chức, viên chức", "cán bộ, công chức, viên chức",
    (Row("can_bo", "Cán bộ"), Row("cong_chuc", "Công chức"), Row("vien_chuc", "Viên chức")),
    sheet="Biểu 1",
)
LANH_DAO = Group(
    "lanh_dao", "Lãnh đạo, quản lý", "lãnh đạo, quản lý",
    (Row("don_vi_truong", "Cấp trưởng cơ quan, đơn vị"),
     Row("don_vi_pho", "Cấp phó cơ quan, đơn vị"),
     Row("phong_truong", "Cấp trưởng phòng và tương đương"),
     Row("phong_pho", "Cấp phó phòng và tương đương")),
    sheet="Biểu 1",
)
QUY_HOACH = Group(
    "quy_hoach", "Quy hoạch lãnh đạo, quản lý", "quy hoạch lãnh đạo, quản lý",
    (Row("don_vi", "Quy hoạch lãnh đạo cơ quan, đơn vị"),
     Row("phong", "Quy hoạch lãnh đạo cấp phòng và tương đương")),
    sheet="Biểu 1",
)
BO_NHIEM = Group(
    "bo_nhiem", "Bổ nhiệm mới trong năm", "bổ nhiệm mới",
    (Row("cap_truong", "Bổ nhiệm cấp trưởng"), Row("cap_pho", "Bổ nhiệm cấp phó")),
    sheet="Biểu 1",
)
DAO_TAO = Group(
    "dao_tao", "Đào tạo, bồi dưỡng trong năm", "đào tạo, bồi dưỡng",
    (Row("llct_cao_cap", "Lý luận chính trị cao cấp"),
     Row("llct_trung_cap", "Lý luận chính trị trung cấp"),
     Row("quan_ly_nha_nuoc", "Quản lý nhà nước"),
     Row("sau_dai_hoc", "Chuyên môn sau đại học"),
     Row("ky_nang_lanh_dao", "Bồi dưỡng kỹ năng lãnh đạo, quản lý")),
    sheet="Biểu 2",
)
HOAT_DONG = Group(
    "hoat_dong", "Hoạt động trong năm", "hoạt động",
    (Row("tuyen_truyen", "Số cuộc tuyên truyền, phổ biến về bình đẳng giới"),
     Row("luot_tuyen_truyen", "Lượt người dự tuyên truyền"),
     Row("tap_huan", "Số lớp tập huấn, bồi dưỡng về bình đẳng giới"),
     Row("luot_tap_huan", "Lượt người dự tập huấn"),
     Row("kiem_tra", "Số cuộc kiểm tra, giám sát")),
    sheet="Biểu 2", paired=False, unit="",
)

PAIRED: tuple[Group, ...] = (NHAN_SU, LANH_DAO, QUY_HOACH, BO_NHIEM, DAO_TAO)
GROUPS: tuple[Group, ...] = (*PAIRED, HOAT_DONG)
BY_KEY = {g.key: g for g in GROUPS}
# Units whose own leadership (cấp trưởng/cấp phó of the unit) includes a woman.
KEY_LEADERS = ("don_vi_truong", "don_vi_pho")

# Cross-group bounds: (group, must not exceed group) on the totals, both fields.
BOUNDS: tuple[tuple[str, str], ...] = (
    ("lanh_dao", "nhan_su"),
    ("quy_hoach", "nhan_su"),
    ("bo_nhiem", "lanh_dao"),
)


def group(key: str) -> Group:
    return BY_KEY[key]
