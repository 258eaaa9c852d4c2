"""Administrative levels as data: the words a unit at each level uses.

Since 1 July 2025 a province has two tiers of local government: the province (its departments and
boards) and the commune level, whose units are xã, phường or đặc khu. Before that a district level
(huyện, quận, thị xã, thành phố thuộc tỉnh) stood in between and the commune level included thị
trấn. gendoc.yaml keeps both structures valid: a unit's `cap` names its tier, and its form
(`loai_dvhc`, or the word after "Ủy ban nhân dân" in its name) names the kind of administrative
unit. Everything a plan, a recipient list or an assignment table says about a local unit — what
it calls its territory, its Party committee, the divisions that lead a task — is read from here,
never spelled out in the code that writes the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Tiers a unit may belong to (gendoc.yaml `cap`), in the order units are listed and tracked.
TIERS: dict[str, str] = {
    "tinh": "cấp tỉnh (Ủy ban nhân dân tỉnh)",
    "so_ban_nganh": "sở, ban, ngành tỉnh",
    "cap_huyen": "cấp huyện (trước 01/7/2025)",
    "cap_xa": "cấp xã (xã, phường, đặc khu)",
    "khac": "cơ quan, đơn vị khác",
}
# Tiers that receive the provincial plan's duties, report yearly and are tracked by `status`.
REPORTING_TIERS = ("so_ban_nganh", "cap_huyen", "cap_xa")
LOCAL_TIERS = ("cap_huyen", "cap_xa")

VAN_PHONG_XA = "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"
VAN_HOA_XA_HOI = "Phòng Văn hóa - Xã hội"


@dataclass(frozen=True)
class LocalForm:
    """One kind of local administrative unit and the words that go with it."""

    key: str  # gendoc.yaml `loai_dvhc`
    word: str  # "xã", "thị xã"
    tier: str  # "cap_xa" / "cap_huyen"
    party: str  # the Party committee: "Huyện ủy", "Đảng ủy xã"
    subunits: str | None  # district: its communes ("xã, thị trấn"); commune: None
    divisions: tuple[str, ...]  # usual divisions when the registry lists none (lead first)
    media_division: str  # the division that leads information and propaganda tasks
    historic: bool = False  # abolished on 01/7/2025 (still valid for older documents)

    @property
    def lead(self) -> str:
        """The division that coordinates personnel (nội vụ) work."""
        return self.divisions[0]


_DISTRICT_DIVISIONS = ("Phòng Nội vụ", "Phòng Văn hóa và Thông tin")
_COMMUNE_DIVISIONS = (VAN_PHONG_XA, "Phòng Kinh tế", VAN_HOA_XA_HOI)
_WARD_DIVISIONS = (VAN_PHONG_XA, "Phòng Kinh tế, Hạ tầng và Đô thị", VAN_HOA_XA_HOI)
_OLD_COMMUNE = ("công chức Văn phòng - Thống kê", "công chức Văn hóa - Xã hội")

FORMS: dict[str, LocalForm] = {f.key: f for f in (
    LocalForm("huyen", "huyện", "cap_huyen", "Huyện ủy", "xã, thị trấn", _DISTRICT_DIVISIONS,
              "Phòng Văn hóa và Thông tin", historic=True),
    LocalForm("quan", "quận", "cap_huyen", "Quận ủy", "phường", _DISTRICT_DIVISIONS,
              "Phòng Văn hóa và Thông tin", historic=True),
    LocalForm("thi_xa", "thị xã", "cap_huyen", "Thị ủy", "phường, xã", _DISTRICT_DIVISIONS,
              "Phòng Văn hóa và Thông tin", historic=True),
    LocalForm("thanh_pho", "thành phố", "cap_huyen", "Thành ủy", "phường, xã",
              _DISTRICT_DIVISIONS, "Phòng Văn hóa và Thông tin", historic=True),
    LocalForm("xa", "xã", "cap_xa", "Đảng ủy xã", None, _COMMUNE_DIVISIONS, VAN_HOA_XA_HOI),
    LocalForm("phuong", "phường", "cap_xa", "Đảng ủy phường", None, _WARD_DIVISIONS,
              VAN_HOA_XA_HOI),
    LocalForm("dac_khu", "đặc khu", "cap_xa", "Đảng ủy đặc khu", None, _COMMUNE_DIVISIONS,
              VAN_HOA_XA_HOI),
    LocalForm("thi_tran", "thị trấn", "cap_xa", "Đảng ủy thị trấn", None, _OLD_COMMUNE,
              "công chức Văn hóa - Xã hội", historic=True),
)}
DEFAULT_FORM = {"cap_huyen": "huyen", "cap_xa": "xa"}

# Longest words first, so "thị xã" is never read as "xã".
_WORDS = sorted(FORMS.values(), key=lambda f: -len(f.word))
FORM_WORDS = "|".join(re.escape(f.word) for f in _WORDS)
_IN_NAME = re.compile(rf"(?:Ủy ban nhân dân|UBND)\s+({FORM_WORDS})\b", re.IGNORECASE)
# "các huyện, thị xã, thành phố" / "các xã, phường, đặc khu": a list of local forms.
FORM_LIST = rf"(?:{FORM_WORDS})(?:,? (?:và )?(?:{FORM_WORDS}))*"


def form_in_name(name: str) -> LocalForm | None:
    """The form named after "Ủy ban nhân dân" in a unit's name, if any."""
    m = _IN_NAME.search(name)
    if m is None:
        return None
    word = m.group(1).lower()
    return next(f for f in _WORDS if f.word == word)


def form_of(tier: str, explicit: str | None, name: str) -> LocalForm | None:
    """A local unit's form: as written in gendoc.yaml, else read from its name, else the tier's
    usual form. Units of other tiers have none."""
    if tier not in LOCAL_TIERS:
        return None
    if explicit:
        return FORMS[explicit]
    found = form_in_name(name)
    if found is not None and found.tier == tier:
        return found
    return FORMS[DEFAULT_FORM[tier]]
