"""The official format of Nghị định 30/2020/NĐ-CP, Phụ lục I and III, in one reviewable place.

Every number that decides how an official document looks lives here: the DOCX template
generator (`gendoc.docx_templates`), the renderer and the checker (`gendoc check`) all read
these values, so the format is reviewed in code rather than hidden inside binary .docx files.

Sources: Phụ lục I, Phần I, Mục I (page setup), Mục II–V (components and sizes);
Phụ lục III, Mục I (type abbreviations). Ranges are inclusive.
"""

from __future__ import annotations

from dataclasses import dataclass

# ---------------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------------
TWIPS_PER_MM = 1440 / 25.4
EMU_PER_MM = 36000
EMU_PER_PT = 12700


def mm_to_twips(mm: float) -> int:
    """Convert millimetres to twips (1/20 pt), the unit OOXML uses for page geometry."""
    return round(mm * TWIPS_PER_MM)


@dataclass(frozen=True)
class Range:
    """An inclusive numeric range from the decree, e.g. body size 13–14 pt."""

    low: float
    high: float

    def __contains__(self, value: object) -> bool:
        return isinstance(value, (int, float)) and self.low - 1e-6 <= value <= self.high + 1e-6

    def __str__(self) -> str:
        def fmt(x: float) -> str:
            return f"{x:g}".replace(".", ",")

        return f"{fmt(self.low)}–{fmt(self.high)}"


# ---------------------------------------------------------------------------------------------
# Page (Phụ lục I, Mục I.1–I.3)
# ---------------------------------------------------------------------------------------------
PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
MARGIN_TOP_MM = Range(20, 25)
MARGIN_BOTTOM_MM = Range(20, 25)
MARGIN_LEFT_MM = Range(30, 35)
MARGIN_RIGHT_MM = Range(15, 20)

# What gendoc writes: the values the decree's own files use (inside the ranges above).
DEFAULT_MARGINS_MM = {"top": 20.0, "bottom": 20.0, "left": 30.0, "right": 15.0}

FONT_NAME = "Times New Roman"
FONT_COLOR = "000000"

# ---------------------------------------------------------------------------------------------
# Sizes in points (Phụ lục I, Mục V)
# ---------------------------------------------------------------------------------------------
BODY_SIZE_PT = Range(13, 14)
DEFAULT_BODY_SIZE_PT = 14
QUOC_HIEU_SIZE_PT = Range(12, 13)
TIEU_NGU_SIZE_PT = Range(13, 14)
CO_QUAN_SIZE_PT = Range(12, 13)  # parent body and issuing body
SO_KY_HIEU_SIZE_PT = 13
DIA_DANH_SIZE_PT = Range(13, 14)
TEN_LOAI_SIZE_PT = Range(13, 14)
TRICH_YEU_SIZE_PT = Range(13, 14)
CONG_VAN_VV_SIZE_PT = Range(12, 13)
CHUC_VU_SIZE_PT = Range(13, 14)
NGUOI_KY_SIZE_PT = Range(13, 14)
NOI_NHAN_LABEL_SIZE_PT = 12
NOI_NHAN_ITEM_SIZE_PT = 11
PAGE_NUMBER_SIZE_PT = Range(13, 14)

# Header sizes gendoc writes (the Phụ lục III samples: 13 for Quốc hiệu, 14 for Tiêu ngữ).
HEADER_SIZES_PT = {
    "quoc_hieu": 13,
    "tieu_ngu": 14,
    "co_quan_chu_quan": 13,
    "co_quan": 13,
    "so": 13,
}

# ---------------------------------------------------------------------------------------------
# Paragraphs (Phụ lục I, Mục I.4)
# ---------------------------------------------------------------------------------------------
FIRST_LINE_INDENT_CM = (1.0, 1.27)
DEFAULT_FIRST_LINE_INDENT_CM = 1.27
PARAGRAPH_SPACING_MIN_PT = 6
DEFAULT_PARAGRAPH_SPACING_PT = 6
LINE_SPACING = Range(1.0, 1.5)
DEFAULT_LINE_SPACING = 1.15

# Header table column widths (Phụ lục III samples: ≈ 6.75 cm / 10 cm); closing table likewise.
HEADER_COLUMNS_CM = (6.4, 10.1)
CLOSING_COLUMNS_CM = (7.0, 9.0)

# Rule lines: under the issuing body 1/3–1/2 of its line, under the Tiêu ngữ as long as the motto.
CO_QUAN_RULE_FRACTION = (1 / 3, 1 / 2)

# ---------------------------------------------------------------------------------------------
# Rule lengths gendoc draws (issue 16). A rule is a paragraph's bottom border, which runs between
# the paragraph's indents inside the cell's text area: the cell width less its left and right
# margins. gendoc writes those margins explicitly (Word's default, 0.19 cm) so that the lengths
# below hold in Word and LibreOffice alike.
# ---------------------------------------------------------------------------------------------
TABLE_CELL_MARGIN_CM = 0.19
# Under the issuing body: 2/5 of the name's longest line, the middle of ND30's 1/3–1/2.
CO_QUAN_RULE_TARGET = 0.4
# Under the trích yếu (Phụ lục I, Mục II.5a): 1/3–1/2 of the text line, centred.
TRICH_YEU_RULE_FRACTION = (1 / 3, 1 / 2)
TRICH_YEU_RULE_TARGET = 0.4
# Under the annex's «(Kèm theo …)» line (Phụ lục III, Mẫu 2.1 draws a short centred rule there);
# sized like the trích yếu's rule, from the longest line of the note.
PHU_LUC_RULE_TARGET = 0.4
# Under the Tiêu ngữ: as long as the motto; what counts as "as long" when measured on the page.
TIEU_NGU_RULE_TOLERANCE = 0.05

# ---------------------------------------------------------------------------------------------
# Fixed texts
# ---------------------------------------------------------------------------------------------
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
NOI_NHAN_LABEL = "Nơi nhận:"
KINH_GUI_LABEL = "Kính gửi:"
LUU_PREFIX = "Lưu:"

# Signing capacities (Phụ lục I, Mục II.7).
QUYEN_HAN = ("TM.", "KT.", "TL.", "TUQ.", "Q.")

# ND30 point letters: the Vietnamese alphabet without diacritic vowels and without f, j, w, z.
POINT_LETTERS = (
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
)

# ---------------------------------------------------------------------------------------------
# Document types and abbreviations (Phụ lục III, Mục I). Công văn and thư công have none.
# ---------------------------------------------------------------------------------------------
TYPE_ABBREVIATIONS: dict[str, str] = {
    "NGHỊ QUYẾT": "NQ",
    "QUYẾT ĐỊNH": "QĐ",
    "CHỈ THỊ": "CT",
    "QUY CHẾ": "QC",
    "QUY ĐỊNH": "QyĐ",
    "THÔNG CÁO": "TC",
    "THÔNG BÁO": "TB",
    "HƯỚNG DẪN": "HD",
    "CHƯƠNG TRÌNH": "CTr",
    "KẾ HOẠCH": "KH",
    "PHƯƠNG ÁN": "PA",
    "ĐỀ ÁN": "ĐA",
    "DỰ ÁN": "DA",
    "BÁO CÁO": "BC",
    "BIÊN BẢN": "BB",
    "TỜ TRÌNH": "TTr",
    "HỢP ĐỒNG": "HĐ",
    "CÔNG ĐIỆN": "CĐ",
    "BẢN GHI NHỚ": "BGN",
    "BẢN THỎA THUẬN": "BTT",
    "GIẤY ỦY QUYỀN": "GUQ",
    "GIẤY MỜI": "GM",
    "GIẤY GIỚI THIỆU": "GGT",
    "GIẤY NGHỈ PHÉP": "GNP",
    "PHIẾU GỬI": "PG",
    "PHIẾU CHUYỂN": "PC",
    "PHIẾU BÁO": "PB",
}
COPY_ABBREVIATIONS = {"BẢN SAO Y": "SY", "BẢN TRÍCH SAO": "TrS", "BẢN SAO LỤC": "SL"}

# The blank a văn thư fills in by hand before issue: "Số:      /KH-UBND", "ngày      tháng …".
PLACEHOLDER = " " * 6

# ---------------------------------------------------------------------------------------------
# Added for the checker (`gendoc check`).
# ---------------------------------------------------------------------------------------------
# Legal normative documents (VBQPPL) are numbered under Luật Ban hành văn bản QPPL 2015
# (Điều 4 lists the types; their symbol carries the year, e.g. 30/2020/NĐ-CP). ND30's
# administrative-document rules (Phụ lục III abbreviations, no year) do not apply to them.
# NGHỊ QUYẾT and QUYẾT ĐỊNH exist in both families: the year in the symbol decides.
VBQPPL_TYPES = (
    "HIẾN PHÁP", "BỘ LUẬT", "LUẬT", "NGHỊ QUYẾT", "PHÁP LỆNH", "LỆNH", "NGHỊ ĐỊNH",
    "THÔNG TƯ", "THÔNG TƯ LIÊN TỊCH", "QUYẾT ĐỊNH",
)

# Administrative types without an abbreviation (Điều 7; Phụ lục III Mục I gives none):
# công văn prints no tên loại at all, thư công prints its name.
TYPES_WITHOUT_ABBREVIATION = ("THƯ CÔNG",)

# Stamps that may sit between the header and the tên loại (Phụ lục I, Mục III.2).
DO_MAT = ("TUYỆT MẬT", "TỐI MẬT", "MẬT")
DO_KHAN = ("HỎA TỐC", "THƯỢNG KHẨN", "KHẨN")

# Số (Phụ lục I, Mục II.3a): numbers below 10 are written with a leading zero (01…09).
SO_PAD_BELOW = 10
# Date (Phụ lục I, Mục II.4b): days below 10 and months 1 and 2 take a leading zero.
DATE_PAD_DAY_BELOW = 10
DATE_PADDED_MONTHS = (1, 2)

# Sanity bounds for values a clerk types (not ND30 rules): a date outside these years or a number
# beyond any register is a typo (0001-01-01, 1000000000000), refused with the field named.
DOCUMENT_YEARS = Range(1945, 2100)  # since the first administrative documents of the republic
MAX_DOCUMENT_NUMBER = 99_999  # a register restarts every year; no issuer reaches this

# ---------------------------------------------------------------------------------------------
# Added for electronic issuance (`gendoc sign`, `gendoc copy`, `gendoc check FILE.pdf`).
# ---------------------------------------------------------------------------------------------
# Phụ lục I, Mục II.8b and Phần II.I.3: the invisible organisation signature's text block —
# Times New Roman, lower case, upright, size 10, black, top right of page 1.
SIGNATURE_TEXT_SIZE_PT = 10
# Phụ lục I, Phần II.I.2: a digitised copy is PDF 1.4 or later, in colour, at least 200 dpi.
COPY_MIN_PDF_VERSION = (1, 4)
COPY_MIN_DPI = 200
# Phụ lục I, Phần II.I.1: the forms of copy (printed in the text block as they are).
COPY_FORMS = ("SAO Y", "SAO LỤC", "TRÍCH SAO")
# Phụ lục I, Mục II.8a: the seal covers about the left third of the signer's image.
SEAL_OVER_SIGNATURE = 1 / 3
