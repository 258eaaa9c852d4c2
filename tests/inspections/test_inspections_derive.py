"""Units and checklist derived from the workspace; `gendoc new` scaffolds; clear errors."""

from __future__ import annotations

import textwrap
from pathlib import Path

from gendoc.build import build
from gendoc.inspections.derive import checklist_from_plan, propose_units
from gendoc.workspace import load_workspace
from gendoc.yamlio import load_yaml

PLAN = Path("content") / "ke-hoach" / "ubnd-tinh-bdg-2016-2020.yaml"


def test_checklist_is_the_provincial_tasks_then_the_plan_and_report_duties(example_ws: Path) -> None:
    ws = load_workspace(example_ws)
    items = checklist_from_plan(ws, example_ws / PLAN)
    raw = load_yaml(example_ws / PLAN)
    tasks = next(s for s in raw["noi_dung"] if s["tieu_de"] == "NHIỆM VỤ VÀ GIẢI PHÁP")["muc"]
    assert [i.ma for i in items] == [str(n) for n in range(1, len(tasks) + 3)]
    assert [" ".join(i.noi_dung.split()) for i in items[:-2]] == \
        [" ".join(t["tieu_de"].split()) for t in tasks]
    assert [len(i.cau_hoi) for i in items[:-2]] == [len(t["muc"]) for t in tasks]
    assert items[-2].cau_hoi[0].startswith("Xây dựng kế hoạch triển khai")
    assert "trước ngày 15 tháng 11" in items[-1].cau_hoi[0]


def test_a_task_added_to_the_provincial_plan_becomes_a_checklist_item(example_ws: Path) -> None:
    path = example_ws / PLAN
    text = path.read_text(encoding="utf-8").replace(
        "  - tieu_de: TỔ CHỨC THỰC HIỆN",
        "      - tieu_de: Ứng dụng công nghệ thông tin trong quản lý cán bộ nữ\n"
        "  - tieu_de: TỔ CHỨC THỰC HIỆN")
    path.write_text(text, encoding="utf-8")
    items = checklist_from_plan(load_workspace(example_ws), path)
    assert items[5].noi_dung == "Ứng dụng công nghệ thông tin trong quản lý cán bộ nữ"
    assert len(items) == 8


def test_units_proposed_from_status_reports_and_targets(example_ws: Path) -> None:
    ws = load_workspace(example_ws)
    found = {c.unit.ma: c.reasons for c in propose_units(ws, 2017, 20, exclude=("so-noi-vu",))}
    assert "so-noi-vu" not in found
    assert "chưa gửi báo cáo năm 2017" in found["so-tai-chinh"]
    assert "gửi báo cáo năm 2017 trễ 12 ngày" in found["ubnd-thi-xa-ha-tien"]
    assert "tỷ lệ nữ giữ chức vụ lãnh đạo, quản lý đạt 25,0%, chưa đạt chỉ tiêu 35%" in \
        found["so-tu-phap"]
    # plan issued on time and report on time: only the one target it misses
    assert found["so-y-te"] == ["tỷ lệ nữ được đào tạo lý luận chính trị cao cấp đạt 25,0%, "
                                "chưa đạt chỉ tiêu 35%"]
    assert found["ubnd-thanh-pho-rach-gia"] == [
        "kế hoạch triển khai thực hiện còn là dự thảo (chưa số, ngày)"]
    top = propose_units(ws, 2017, 2, exclude=("so-noi-vu",))
    assert [len(c.reasons) for c in top] == sorted((len(r) for r in found.values()), reverse=True)[:2]


def test_a_missing_report_makes_a_unit_a_candidate(example_ws: Path) -> None:
    (example_ws / "content" / "bao-cao" / "2017" / "so-y-te.yaml").unlink()
    found = {c.unit.ma: c.reasons for c in propose_units(load_workspace(example_ws), 2017, 20)}
    assert found["so-y-te"] == ["chưa gửi báo cáo năm 2017"]  # no figures: no target to miss


def test_new_plan_is_derived_from_the_workspace_and_builds_clean(example_ws: Path, cli) -> None:  # noqa: ANN001
    res = cli("new", "kiem_tra_ke_hoach", "--year", "2017", "-o", str(example_ws / "content/kiem-tra/moi.yaml"),
              ws=example_ws)
    assert res.exit_code == 0, res.output
    written = example_ws / "content" / "kiem-tra" / "moi.yaml"
    raw = load_yaml(written)
    assert raw["ke_hoach_goc"] == PLAN.as_posix()
    assert [x["don_vi"] for x in raw["lich"]] == ["so-tu-phap", "so-lao-dong-thuong-binh-va-xa-hoi",
                                                  "so-tai-chinh", "so-giao-duc-va-dao-tao"]
    assert raw["lich"][2]["ly_do"][-1] == "chưa gửi báo cáo năm 2017"
    report = build(load_workspace(example_ws), [written])
    assert report.ok, [e.format_message() for _, e in report.failures]
    given = cli("new", "kiem_tra_ke_hoach", "--unit", "so-y-te", "-o", str(example_ws / "content/kiem-tra/y.yaml"),
                ws=example_ws)
    assert given.exit_code == 0
    assert [x["don_vi"] for x in load_yaml(example_ws / "content/kiem-tra/y.yaml")["lich"]] == \
        ["so-y-te"]


def test_new_for_the_other_kinds_starts_from_the_worked_example(example_ws: Path, cli) -> None:  # noqa: ANN001
    for kind in ("kiem_tra_quyet_dinh", "kiem_tra_de_cuong", "kiem_tra_bao_cao",
                 "kiem_tra_thong_bao"):
        res = cli("new", kind, ws=example_ws)
        assert res.exit_code == 0, res.output
        made = example_ws / "content" / "kiem-tra" / f"{kind.replace('_', '-')}-moi.yaml"
        assert load_yaml(made)["loai"] == kind
    report = build(load_workspace(example_ws), [example_ws / "content" / "kiem-tra"])
    assert report.ok, [e.format_message() for _, e in report.failures]


def test_minutes_missing_a_checklist_item_fail_with_the_line(example_ws: Path) -> None:
    path = example_ws / "content" / "kiem-tra" / "bien-ban-kiem-tra-2018.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('      7: {dat: true, nhan_xet: "Gửi báo cáo năm 2017 đúng hạn."}\n', "", 1)
    path.write_text(text, encoding="utf-8")
    report = build(load_workspace(example_ws), [path])
    [(_, error)] = report.failures
    message = error.format_message()
    assert "don_vi[1].ket_qua" in message and "thiếu kết quả nội dung 7" in message
    assert "dòng" in message


def test_a_plan_with_two_heads_or_an_unknown_unit_is_refused(make_ws) -> None:  # noqa: ANN001
    ws = make_ws({"content/kh.yaml": textwrap.dedent("""\
        loai: kiem_tra_ke_hoach
        co_quan: so-noi-vu
        trich_yeu: Kiểm tra
        nam: 2017
        muc_dich: Đánh giá
        noi_dung_kiem_tra: [{ma: a, noi_dung: Quy hoạch}]
        lich: [{don_vi: so-y-te, ngay: 2018-10-09}]
        doan:
          - {ho_ten: A, chuc_vu: B, vai_tro: truong_doan}
          - {ho_ten: C, chuc_vu: D, vai_tro: truong_doan}
        han_bao_cao: 2018-10-01
        nguoi_ky: {chuc_vu: GIÁM ĐỐC}
        noi_nhan: [Lưu]
        """)})
    report = build(load_workspace(ws))
    [(_, error)] = report.failures
    message = error.format_message()
    assert "đoàn kiểm tra có 2 trưởng đoàn" in message
    bad = (ws / "content/kh.yaml").read_text(encoding="utf-8").replace("so-y-te", "so-khong-co")
    (ws / "content/kh.yaml").write_text(bad, encoding="utf-8")
    [(_, error)] = build(load_workspace(ws)).failures
    assert "dòng 7: trường 'lich[1].don_vi': không có cơ quan mã 'so-khong-co'" in \
        error.format_message()


def test_new_minutes_list_every_unit_and_item_prejudged_from_the_workspace(example_ws: Path,
                                                                          cli) -> None:  # noqa: ANN001
    folder = example_ws / "content" / "kiem-tra"
    taken = cli("new", "kiem_tra_bien_ban", ws=example_ws)
    assert taken.exit_code != 0 and "đã có" in taken.output  # the example's name: never overwritten
    target = folder / "dot-2" / "bb.yaml"
    target.parent.mkdir()
    res = cli("new", "kiem_tra_bien_ban", "-o", str(target), ws=example_ws)
    assert res.exit_code == 0, res.output
    raw = load_yaml(target)
    assert raw["ke_hoach_kiem_tra"] == "../ke-hoach-kiem-tra-2018.yaml"
    units = {u["don_vi"]: u["ket_qua"] for u in raw["don_vi"]}
    assert list(units) == ["so-tu-phap", "so-lao-dong-thuong-binh-va-xa-hoi", "so-tai-chinh",
                           "so-giao-duc-va-dao-tao"]
    finance = {str(k): v for k, v in units["so-tai-chinh"].items()}
    assert sorted(finance) == [str(n) for n in range(1, 8)]
    assert finance["7"]["dat"] is False and finance["7"]["nhan_xet"] == \
        "Đơn vị chưa gửi báo cáo năm 2017."
    assert finance["6"]["dat"] is False and finance["1"]["dat"] is True
    justice = {str(k): v for k, v in units["so-tu-phap"].items()}
    assert justice["7"]["dat"] is True  # its report came in on time
    report = build(load_workspace(example_ws), [target])
    assert report.ok, [e.format_message() for _, e in report.failures]
    assert len(report.results[0].outputs) == 4


def test_new_report_from_a_given_minutes_file_names_it(example_ws: Path, cli) -> None:  # noqa: ANN001
    folder = example_ws / "content" / "kiem-tra"
    (folder / "khac").mkdir()
    res = cli("new", "kiem_tra_thong_bao", "--from", str(folder / "bien-ban-kiem-tra-2018.yaml"),
              "-o", str(folder / "khac" / "tb.yaml"), ws=example_ws)
    assert res.exit_code == 0, res.output
    assert load_yaml(folder / "khac" / "tb.yaml")["bien_ban"] == "../bien-ban-kiem-tra-2018.yaml"
    report = build(load_workspace(example_ws), [folder / "khac" / "tb.yaml"])
    assert report.ok, [e.format_message() for _, e in report.failures]
