"""What a workspace says about its province, for the words scaffolds and derived drafts print.

A scaffold must never print another province's name, portal or contact, nor the district level
in a province that no longer has one. Every such word is taken from gendoc.yaml here: the
province (`tinh`), its portal (`cong_thong_tin`), its plan period (`giai_doan`), the press contact
(`truyen_thong.lien_he`), the registry's units (the People's Committee, Sở Nội vụ, the
broadcaster) and its structure (two tiers when the registry has no district-level unit).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from gendoc import levels
from gendoc.exceptions import GendocError
from gendoc.plans.source import provincial_plan
from gendoc.units import CoQuan
from gendoc.workspace import Workspace
from gendoc.yamlio import read_yaml

# The local-government law a document cites, by structure (the 2025 law created the two tiers).
LUAT_2015 = "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
LUAT_2025 = "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"
TWO_TIER_SINCE = dt.date(2025, 7, 1)
BLANK = "…"


@dataclass(frozen=True)
class Province:
    ws: Workspace

    @property
    def name(self) -> str | None:
        return self.ws.config.tinh

    def of(self, words: str = "tỉnh") -> str:
        """"tỉnh An Giang" (or just "tỉnh" when gendoc.yaml names no province)."""
        return f"{words} {self.name}" if self.name else words

    @property
    def two_tier(self) -> bool:
        """No district-level unit in force after 30/6/2025 in the registry: today's structure."""
        return not [u for u in self.ws.units_of("cap_huyen")
                    if u.hieu_luc_den is None or u.hieu_luc_den >= TWO_TIER_SINCE]

    @property
    def period(self) -> str:
        """The plan period: `giai_doan` in gendoc.yaml, else the one provincial plan's ("giai
        đoạn 2016-2020" in its trích yếu), else a blank to fill in."""
        return self.ws.config.giai_doan or _plan_period(self.ws) or BLANK

    @property
    def law(self) -> str:
        return self.ws.config.luat_to_chuc or (LUAT_2025 if self.two_tier else LUAT_2015)

    @property
    def portal(self) -> str:
        return f"Cổng thông tin điện tử {self.of()}"

    @property
    def portal_domain(self) -> str | None:
        return self.ws.config.cong_thong_tin

    @property
    def locals_phrase(self) -> str:
        """"các xã, phường, đặc khu" (forms present in the registry) or "các huyện, thị xã, …"."""
        tier = "cap_xa" if self.two_tier else "cap_huyen"
        present = {u.form.key for u in self.ws.units_of(tier) if u.form}
        order = [f for f in levels.FORMS.values() if f.tier == tier and f.key in present]
        if not order:
            order = [f for f in levels.FORMS.values() if f.tier == tier and not f.historic] \
                or [levels.FORMS["huyen"], levels.FORMS["thi_xa"], levels.FORMS["thanh_pho"]]
        return "các " + ", ".join(f.word for f in order)

    @property
    def addressees(self) -> str:
        """"Các sở, ban, ngành tỉnh và Ủy ban nhân dân các xã, phường, đặc khu"."""
        return f"Các sở, ban, ngành tỉnh và Ủy ban nhân dân {self.locals_phrase}"

    @property
    def people_committee(self) -> CoQuan | None:
        return next(iter(self.ws.units_of("tinh")), None)

    @property
    def home_affairs(self) -> CoQuan | None:
        return self._named("Sở Nội vụ") or next(
            (u for u in self.ws.config.co_quan if u.ky_hieu == "SNV"), None)

    @property
    def broadcaster(self) -> str:
        """The provincial radio and television (its registry name, else the usual one)."""
        found = next((u for u in self.ws.config.co_quan if "phát thanh" in u.full_name.lower()),
                     None)
        if found is not None:
            return found.full_name
        usual = "Báo và Phát thanh, Truyền hình" if self.two_tier else "Đài Phát thanh và Truyền hình"
        return f"{usual} {self.name}" if self.name else f"{usual} tỉnh"

    @property
    def press_department(self) -> str:
        """The department in charge of the press: Thông tin và Truyền thông before the 2025
        reorganisation, Văn hóa, Thể thao và Du lịch since."""
        order = ("Sở Văn hóa", "Sở Thông tin và Truyền thông")
        for key in order if self.two_tier else order[::-1]:
            found = self._named(key, prefix=True)
            if found is not None:
                return found.full_name
        return "Sở Văn hóa, Thể thao và Du lịch" if self.two_tier else "Sở Thông tin và Truyền thông"

    def contact(self) -> dict[str, Any] | None:
        """The press contact in gendoc.yaml (`truyen_thong.lien_he`), if written."""
        media = self.ws.raw_config.get("truyen_thong") or {}
        found = media.get("lien_he") if isinstance(media, dict) else None
        return dict(found) if isinstance(found, dict) and found else None

    def _named(self, name: str, prefix: bool = False) -> CoQuan | None:
        for unit in self.ws.config.co_quan:
            full = unit.full_name
            if full == name or (prefix and full.startswith(name)):
                return unit
        return None


def from_context(info: Any, pick: str) -> str:
    """A media kind's default producer, read from the workspace being validated against
    (`info.context["workspace"]`): `pick` is "broadcaster" or "press_department"."""
    ws = (getattr(info, "context", None) or {}).get("workspace")
    if ws is None:
        return "Đài Phát thanh và Truyền hình tỉnh" if pick == "broadcaster" else \
            "Sở Văn hóa, Thể thao và Du lịch"
    province = Province(ws)
    return province.broadcaster if pick == "broadcaster" else \
        f"{province.press_department} {province.of()}"


def _plan_period(ws: Workspace) -> str | None:
    """"2016-2020" from the trích yếu of the workspace's one provincial plan, if it has one."""
    try:
        raw, _ = read_yaml(provincial_plan(ws))
    except GendocError:
        return None
    found = re.search(r"(\d{4})\s*[-–]\s*(\d{4})", str((raw or {}).get("trich_yeu", "")))
    return f"{found[1]}-{found[2]}" if found else None


def signer_of(unit: CoQuan) -> tuple[str, str]:
    """(quyen_han, chuc_vu) of a deputy signing for `unit`'s head: the usual draft signer."""
    head = (unit.chuc_vu_thu_truong or ("CHỦ TỊCH" if unit.tap_the else "GIÁM ĐỐC")).upper()
    return f"KT. {head}", f"PHÓ {head}"
