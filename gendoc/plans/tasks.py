"""The unit's duties read out of the provincial "TỔ CHỨC THỰC HIỆN", and the pre-filled assignment
table (nội dung, đơn vị chủ trì, phối hợp, thời gian, sản phẩm) the unit then corrects.

Which division leads a task and what it produces is a suggestion from a few keywords (quy hoạch,
đào tạo, tuyên truyền, kiểm tra, báo cáo …): every district has a Phòng Nội vụ and a Phòng Văn
hóa và Thông tin; a department's personnel division is found in its registry entry.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gendoc.body import Muc
from gendoc.levels import FORM_WORDS
from gendoc.plans.scope import Scope, upper_first
from gendoc.vi.dates import parse_date
from gendoc.vi.text import khoa_so_khop

if TYPE_CHECKING:
    from gendoc.plans.derive import Source

ADDRESSED_ALL = re.compile(rf"các sở, ban, ngành|Ủy ban nhân dân các (?:{FORM_WORDS})\b",
                           re.IGNORECASE)
SUBMISSION = re.compile(r"xây dựng kế hoạch.*gửi về (?P<to>.+?) trước ngày "
                        r"(?P<date>\d{1,2}/\d{1,2}/\d{4})", re.IGNORECASE)
REPORT_WHEN = re.compile(r"trước ngày \d{1,2} tháng \d{1,2} (?:hàng|hằng) năm", re.IGNORECASE)
FUNDING = re.compile(r"^kinh phí", re.IGNORECASE)
# "… gửi về Sở Nội vụ để tổng hợp, tham mưu Ủy ban nhân dân tỉnh báo cáo Bộ Nội vụ.": what
# follows "để" is the receiver's duty, not the sender's.
REPORT_TO = re.compile(r"^(?P<head>.*?gửi về (?P<to>[^,;.]+?)) để (?P<purpose>tổng hợp\b.*?)\.?$",
                       re.IGNORECASE | re.DOTALL)

_PERSONNEL = ("quy hoạch", "đào tạo", "bồi dưỡng", "bố trí", "bổ nhiệm", "sắp xếp", "tập huấn",
              "năng lực")
_MEDIA = ("truyền thông", "tuyên truyền", "thông tin", "báo chí", "phóng sự")
_INSPECTION = ("kiểm tra", "giám sát")
_PRODUCTS = (
    (("quy hoạch",), "Quy hoạch được phê duyệt; rà soát, bổ sung hằng năm"),
    (("tập huấn",), "Các lớp tập huấn được tổ chức"),
    (("đào tạo", "bồi dưỡng"), "Kế hoạch đào tạo, bồi dưỡng; danh sách nữ được cử đi học"),
    (_MEDIA, "Các hoạt động tuyên truyền; tin, bài"),
    (_INSPECTION, "Kế hoạch, kết luận kiểm tra"),
    (("bố trí", "bổ nhiệm", "sắp xếp"), "Tỷ lệ nữ lãnh đạo, quản lý bảo đảm theo quy định"),
    (("báo cáo",), "Báo cáo gửi Sở Nội vụ"),
    (("kinh phí",), "Kinh phí được bố trí trong dự toán"),
    (("số liệu", "cơ sở dữ liệu"), "Số liệu được thu thập, cập nhật"),
)


@dataclass
class Duties:
    """What the organisation section of the provincial plan asks of this unit."""

    general: list[Muc] = field(default_factory=list)  # duties of every department/district
    assigned: list[str] = field(default_factory=list)  # tasks given to this unit by name
    report: str | None = None  # the yearly report duty, as written
    report_when: str | None = None  # "trước ngày 15 tháng 11 hàng năm"
    send_to: str | None = None  # "Ủy ban nhân dân tỉnh (qua Sở Nội vụ)"
    deadline: str | None = None  # "25/01/2017"
    funding: list[str] = field(default_factory=list)

    @property
    def deadline_date(self) -> dt.date | None:
        return deadline_of(self.deadline)


def deadline_of(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        found = parse_date(text)
    except ValueError:
        return None
    return found.to_date() if found is not None and found.is_complete else None


def first_text(item: Muc) -> str:
    return item.tieu_de or (item.doan[0] if item.doan else "")


def submission(org: Muc | None) -> tuple[str | None, str | None]:
    """(send to, deadline dd/mm/yyyy) of the duty to write and send a plan, if the text has one."""
    for item in (org.muc if org else []):
        for sub in [item, *item.muc]:
            m = SUBMISSION.search(first_text(sub))
            if m:
                return m["to"].strip(), m["date"]
    return None, None


def split_duties(org: Muc | None, scope: Scope) -> Duties:
    duties = Duties()
    duties.send_to, duties.deadline = submission(org)
    for item in (org.muc if org else []):
        head = first_text(item)
        if ADDRESSED_ALL.search(head):
            for sub in item.muc:
                text = first_text(sub)
                if SUBMISSION.search(text):
                    continue
                when = REPORT_WHEN.search(text)
                if when and "báo cáo" in text.lower():
                    duties.report, duties.report_when = text, when.group(0)
                    continue
                if _cooperates_with_itself(text, scope):
                    continue
                duties.general.append(sub)
        elif scope.mentions(head):
            if item.muc:
                duties.assigned += [first_text(sub) for sub in item.muc]
            else:
                duties.assigned.append(_without_subject(head, scope))
        elif FUNDING.search(head):
            duties.funding.append(head)
    return duties


def receives_reports(text: str | None, scope: Scope) -> bool:
    """Is `scope` the unit the yearly reports are sent to (Sở Nội vụ in the provincial plan)?"""
    m = REPORT_TO.match(text or "")
    return m is not None and scope.mentions(m["to"])


def own_report(text: str, scope: Scope, when: str | None) -> str:
    """The yearly-report duty as it concerns this unit.

    A sender reports "… gửi về Sở Nội vụ để tổng hợp." (what the receiver then does with the
    reports stays the receiver's); the receiver's own plan gets that part as its duty.
    """
    m = REPORT_TO.match(text)
    if m is None:
        return text
    purpose = m["purpose"]
    if not scope.mentions(m["to"]):
        return f"{m['head']} để {purpose.split(',', 1)[0]}."
    rest = purpose.split(",", 1)[1].strip() if "," in purpose else ""
    deadline = f" (gửi {when})" if when else ""
    tail = f"; {rest}" if rest else ""
    return f"Tổng hợp báo cáo của các sở, ban, ngành và địa phương{deadline}{tail}."


def _cooperates_with_itself(text: str, scope: Scope) -> bool:
    """"Phối hợp với Sở Nội vụ …" is no duty for Sở Nội vụ itself."""
    return khoa_so_khop(f"với {scope.name}") in khoa_so_khop(text)


def _without_subject(text: str, scope: Scope) -> str:
    """"Sở Tài chính chịu trách nhiệm bố trí …" → "Chịu trách nhiệm bố trí …"."""
    if khoa_so_khop(text).startswith(khoa_so_khop(scope.name)):
        return upper_first(text[len(scope.name):].lstrip(" ,:"))
    return text


def _short(text: str) -> str:
    """The first clause of a duty, for a table cell."""
    for cut in ("; ", ", trong đó", ", đồng thời", ", đề xuất"):
        if cut in text:
            text = text.split(cut, 1)[0]
    return text.rstrip(" .:;")


def _has(text: str, words: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(w in lowered for w in words)


def _lead(text: str, scope: Scope) -> str:
    """The suggested lead division; `text` is the task (its heading first, then its first point)."""
    if scope.local:
        if _has(text, _MEDIA):
            return scope.media_lead
        return scope.lead
    if _has(text, _PERSONNEL):
        return scope.division_for("Tổ chức") or scope.lead
    if _has(text, _INSPECTION):
        return scope.division_for("Thanh tra") or scope.lead
    return scope.lead


def _partners(text: str, scope: Scope) -> str:
    if scope.district:
        base = f"Các phòng, ban, ngành {scope.area}; {scope.communes_short}"
        return f"{scope.lead}; {base}" if _has(text, _MEDIA) else base
    if scope.commune:
        base = f"Các phòng, đơn vị thuộc UBND {scope.area}"
        return f"{scope.lead}; {base}" if _has(text, _MEDIA) else base
    return upper_first(scope.divisions)


def _when(text: str, report_when: str | None, period: str) -> str:
    if "báo cáo" in text.lower() and report_when:
        return upper_first(report_when)
    if _has(text, ("hàng năm", "hằng năm", "định kỳ")):
        return "Hằng năm"
    until = re.search(r"đến năm (\d{4})", text)
    if until and period:
        return f"{period.split('-')[0]}-{until.group(1)}"
    return "Thường xuyên"


def _product(*texts: str) -> str:
    """The suggested product, from the first of `texts` (heading, then first point) that tells."""
    for text in texts:
        for words, product in _PRODUCTS:
            if _has(text, words):
                return product
    return "Văn bản triển khai; báo cáo kết quả"


def assignment_rows(src: Source, scope: Scope, carried: list[Muc], duties: Duties) -> list[dict[str, Any]]:
    """One row per task of "NHIỆM VỤ VÀ GIẢI PHÁP", per own duty, and the yearly report."""
    period_m = re.search(r"(\d{4})\s*[-–]\s*(\d{4})", src.data.trich_yeu)
    start = str(int(period_m.group(1)) + 1) if period_m else ""
    period = f"{start}-{period_m.group(2)}" if period_m else ""
    # (task shown, its first point: keywords are read from the task first, then the point)
    texts: list[tuple[str, str]] = []
    for section in carried:
        if re.search(r"nhiệm vụ", section.tieu_de or "", re.IGNORECASE):
            for item in section.muc:
                texts.append((first_text(item), first_text(item.muc[0]) if item.muc else ""))
    texts += [(first_text(m), "") for m in duties.general]
    texts += [(text, "") for text in duties.assigned]
    rows = []
    for text, point in texts:
        words = scope.reword(_short(text), src.ref)
        keys = text if _product(text) != _product() or not point else f"{text} {point}"
        rows.append({"noi_dung": upper_first(words), "chu_tri": _lead(keys, scope),
                     "phoi_hop": _partners(keys, scope), "thoi_gian": _when(text, None, period),
                     "san_pham": _product(text, point)})
    if duties.report:
        receiver = receives_reports(duties.report, scope)
        rows.append({"noi_dung": ("Tổng hợp báo cáo kết quả thực hiện Kế hoạch của các sở, ban, "
                                  "ngành và địa phương" if receiver
                                  else "Báo cáo kết quả thực hiện Kế hoạch"),
                     "chu_tri": scope.lead, "phoi_hop": _partners("", scope),
                     "thoi_gian": _when("báo cáo", duties.report_when, period),
                     "san_pham": "Báo cáo tổng hợp" if receiver else _product("báo cáo")})
    return rows
