"""The `truyen_thong` section of gendoc.yaml: reading speeds, timing tolerance, bias settings.

Newsrooms time scripts by syllables: a Vietnamese syllable is one written word, and a reader's
pace is stable in syllables per minute. The speeds are the station's own (the defaults are the
usual pace of narration over pictures and of a radio news reader); tune them once per workspace.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from gendoc.exceptions import ConfigError
from gendoc.validation import Email
from gendoc.workspace import CONFIG_NAME, Workspace, section


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class TocDoDoc(_Strict):
    truyen_hinh: float = Field(200, gt=60, le=400, description="lời bình truyền hình, âm tiết/phút")
    phat_thanh: float = Field(220, gt=60, le=400, description="tin phát thanh, âm tiết/phút")


class LienHe(_Strict):
    """A press contact printed under a press release: the release's own (`lien_he:`), else the
    workspace's default (`truyen_thong.lien_he`)."""

    ho_ten: str | None = None
    chuc_vu: str | None = None
    don_vi: str | None = None
    dien_thoai: str | None = None
    email: Email = None

    def has_any(self) -> bool:
        return any(getattr(self, k) for k in type(self).model_fields)


class TruyenThong(_Strict):
    toc_do_doc: TocDoDoc = Field(default_factory=TocDoDoc)
    sai_lech_cho_phep: float = Field(
        2, ge=0, le=60, description="giây: tổng thời lượng kịch bản được lệch khung phát chừng này")
    kiem_tra_dinh_kien: bool = Field(True, description="chạy gendoc bias trên mọi tin, bài khi dựng")
    dinh_kien_bo_sung: str | None = Field(None, description="tệp YAML cụm từ bổ sung của đơn vị")
    lien_he: LienHe | None = None

    def dinh_kien_bo_sung_path(self, ws: Workspace) -> Path | None:
        if not self.dinh_kien_bo_sung:
            return None
        path = (ws.root / self.dinh_kien_bo_sung).resolve()
        if not path.is_file():
            raise ConfigError(f"{CONFIG_NAME}: truyen_thong.dinh_kien_bo_sung: không tìm thấy tệp "
                              f"'{self.dinh_kien_bo_sung}' (đường dẫn tính từ thư mục làm việc).")
        return path


def media_config(ws: Workspace) -> TruyenThong:
    """Validated `truyen_thong` settings; problems name gendoc.yaml, the line and the field."""
    config = section(ws, "truyen_thong", TruyenThong)
    config.dinh_kien_bo_sung_path(ws)  # a missing phrase file is a gendoc.yaml error too
    return config
