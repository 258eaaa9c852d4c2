"""Real Word damage in a DOCX template: found, located by paragraph text, and repaired by --fix.

Each case starts from the built-in ke_hoach.docx and does to one paragraph what Word does
(see damage.py). Where docxtpl itself cannot render the damaged template, the test shows that
too, so the check is not crying wolf; the repaired copy is rendered with the real example plan
and its text and formatting are read back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from damage import add_after, builtin, find, remove, save, set_text, split
from docx import Document

from gendoc.authoring import known
from gendoc.authoring.check import check_template, fix_template
from gendoc.authoring.docx_scan import find_tags, load
from gendoc.authoring.known import run_context
from gendoc.document import load_document
from gendoc.docx_render import render_docx
from gendoc.exceptions import RenderError
from gendoc.kinds import get_kind
from gendoc.workspace import builtin_templates_dir

PLAN = "content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml"
KE_HOACH = get_kind("ke_hoach")


def _codes(report) -> list[str]:  # noqa: ANN001
    return [f.code for f in report.findings]


def _one(report, code: str):  # noqa: ANN001, ANN202
    found = [f for f in report.findings if f.code == code]
    assert len(found) == 1, [f.render() for f in report.findings]
    return found[0]


def _render(ws, template: Path, **changes):  # noqa: ANN001, ANN202
    """Render the example plan (with `changes` to its data) through `template`."""
    doc = load_document(ws, ws.root / PLAN)
    return render_docx(template, run_context(doc, doc.data.model_copy(update=changes)), ws)


def _texts(document) -> list[str]:  # noqa: ANN001
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    return texts


def test_builtin_template_is_clean(ws) -> None:  # noqa: ANN001
    report = check_template(builtin_templates_dir() / "ke_hoach.docx", KE_HOACH, ws)
    assert report.findings == []
    assert {"trich_yeu", "so", "ky_hieu", "noi_dung", "noi_nhan", "ho_ten"} <= set(report.variables)
    assert report.known_from.startswith("content/ke-hoach/")  # a real plan of the workspace


def test_split_runs_with_formatting_and_proofing_mark(ws, tmp_path: Path) -> None:  # noqa: ANN001
    doc = builtin()
    split(find(doc, "{{ trich_yeu }}"),
          [("{{ tri", {}), ("ch_", {"italic": True}), ("yeu }}", {"bold": False})], proof_after=0,
          goback_after=1)
    damaged = save(doc, tmp_path / "ke_hoach.docx")
    report = check_template(damaged, None, ws)
    assert report.ok  # docxtpl copes with a plain split …
    warning = _one(report, "the-bi-tach")
    assert warning.fixable and "3 phần" in warning.message and "kiểm tra chính tả" in warning.message
    assert "định dạng khác nhau" in warning.message
    assert warning.where.text == "⟦{{ trich_yeu }}⟧"
    assert (warning.where.area, warning.where.paragraph, warning.where.cell) == ("thân văn bản", 14, None)
    # … but the value silently takes the first piece's formatting; --fix makes that explicit.
    fixed = tmp_path / "fixed.docx"
    assert fix_template(damaged, fixed) == 1
    assert check_template(fixed, KE_HOACH, ws).findings == []
    para = next(p for p in load(fixed)[0]["word/document.xml"].paragraphs if "trich_yeu" in p.text)
    assert [s.elem.text for s in para.segments if s.elem.text] == ["{{ trich_yeu }}"]
    xml = Document(str(fixed)).element.xml
    assert "w:proofErr" not in xml.split("trich_yeu")[0][-300:] and "_GoBack" not in xml
    out = _render(ws, fixed)
    title = next(p for p in out.paragraphs if p.text.startswith("Triển khai thực hiện"))
    assert all(r.bold for r in title.runs if r.text.strip())


def test_tracked_insertion_inside_tag_silently_truncates_and_fix_repairs(ws, tmp_path: Path) -> None:  # noqa: ANN001
    doc = builtin()
    split(find(doc, "{{ ten_loai }}"), [("{{ ten_", {}), ("loai }}", {})], insert_after=0)
    damaged = save(doc, tmp_path / "ke_hoach.docx")
    finding = _one(check_template(damaged, None, ws), "the-bi-boc")
    assert finding.severity == "loi" and finding.fixable
    assert "Track Changes" in finding.message and finding.where.text == "⟦{{ ten_loai }}⟧"
    # the damage is real: docxtpl's clean-up leaves a stray </w:ins> and the rest of the
    # document (title, body, signature) silently disappears
    lost = _texts(_render(ws, damaged))
    assert "KẾ HOẠCH" in lost and "Nơi nhận:" not in lost
    fixed = tmp_path / "fixed.docx"
    fix_template(damaged, fixed)
    assert check_template(fixed, KE_HOACH, ws).findings == []
    texts = _texts(_render(ws, fixed))
    assert "KẾ HOẠCH" in texts and "Nơi nhận:" in texts and "Phạm Vũ Hồng" in texts


def test_tracked_deletion_inside_tag_is_dropped_by_fix(ws, tmp_path: Path) -> None:  # noqa: ANN001
    doc = builtin()
    split(find(doc, "{{ trich_yeu }}"), [("{{ trich_", {}), ("yeu }}", {})],
          delete_after=(0, "yue"))
    damaged = save(doc, tmp_path / "ke_hoach.docx")
    assert "the-bi-boc" in _codes(check_template(damaged, None, ws))
    fixed = tmp_path / "fixed.docx"
    fix_template(damaged, fixed)
    assert "w:del " not in Document(str(fixed)).element.xml
    assert check_template(fixed, KE_HOACH, ws).findings == []


@pytest.mark.parametrize("typed", [
    "{{ ten_loai\u200b }}",  # an invisible character pasted from a web page: syntax error
    "{ { ten_loai }}",  # braces typed apart: printed literally
    "{{ ten_loai }\u00ad}",  # a soft hyphen Word inserted when hyphenating
])
def test_characters_that_break_a_tag(ws, tmp_path: Path, typed: str) -> None:  # noqa: ANN001
    doc = builtin()
    set_text(find(doc, "{{ ten_loai }}"), typed)
    damaged = save(doc, tmp_path / "ke_hoach.docx")
    report = check_template(damaged, None, ws)
    finding = _one(report, "ky-tu-la-trong-the")
    assert finding.where.paragraph == 13 and finding.where.text.startswith("⟦{")
    try:
        broken = "KẾ HOẠCH" not in _texts(_render(ws, damaged))
    except RenderError:
        broken = True
    assert broken
    fixed = tmp_path / "fixed.docx"
    fix_template(damaged, fixed)
    assert check_template(fixed, KE_HOACH, ws).findings == []
    assert "KẾ HOẠCH" in _texts(_render(ws, fixed))


def test_curly_quotes_are_not_an_error(ws, tmp_path: Path) -> None:  # noqa: ANN001
    """Word's smart quotes inside a tag are straightened by docxtpl: no alarm, --fix tidies."""
    doc = builtin()
    set_text(find(doc, "Kính gửi: {{ kinh_gui|join('; ') }}."), "Kính gửi: {{ kinh_gui|join(‘; ’) }}.")
    damaged = save(doc, tmp_path / "ke_hoach.docx")
    assert check_template(damaged, None, ws).errors == []
    recipients = ["Sở Nội vụ", "Sở Tư pháp"]
    assert "Kính gửi: Sở Nội vụ; Sở Tư pháp." in _texts(_render(ws, damaged, kinh_gui=recipients))
    fixed = tmp_path / "fixed.docx"
    assert fix_template(damaged, fixed) == 1
    assert "join('; ')" in Document(str(fixed)).element.xml


def test_autocorrect_capital_is_explained(ws, tmp_path: Path) -> None:  # noqa: ANN001
    doc = builtin()
    set_text(find(doc, "{{ trich_yeu }}"), "{{ Trich_yeu }}")
    finding = _one(check_template(save(doc, tmp_path / "ke_hoach.docx"), None, ws), "bien-la")
    assert "AutoCorrect" in finding.hint and "'trich_yeu'" in finding.hint


def test_unclosed_block_is_located_at_its_opening_paragraph(ws, tmp_path: Path) -> None:  # noqa: ANN001
    doc = builtin()
    remove(_endif_after_kinh_gui(doc))
    report = check_template(save(doc, tmp_path / "ke_hoach.docx"), None, ws)
    finding = _one(report, "the-chua-dong")
    assert finding.where.text == "⟦{%p if kinh_gui %}⟧"
    assert finding.where.paragraph == 16 and "endif" in finding.hint


def _endif_after_kinh_gui(doc):  # noqa: ANN001, ANN202
    paras = doc.paragraphs
    index = next(i for i, p in enumerate(paras) if p.text.startswith("Kính gửi:"))
    assert paras[index + 1].text == "{%p endif %}"
    return paras[index + 1]


def test_misspelt_variable_names_the_closest_field(ws, tmp_path: Path) -> None:  # noqa: ANN001
    doc = builtin()
    set_text(find(doc, "{{ trich_yeu }}"), "{{ trich_yue }}")
    finding = _one(check_template(save(doc, tmp_path / "ke_hoach.docx"), None, ws), "bien-la")
    assert "trich_yue" in finding.message and finding.hint == "có phải ý là 'trich_yeu'?"
    assert finding.where.text == "⟦{{ trich_yue }}⟧" and finding.where.paragraph == 14


def test_loop_variable_outside_its_loop(ws, tmp_path: Path) -> None:  # noqa: ANN001
    doc = builtin()
    cell_paras = doc.tables[1].rows[0].cells[0].paragraphs
    endfor = next(p for p in cell_paras if p.text == "{%p endfor %}")
    add_after(endfor, "Lưu: {{ dong }}")
    report = check_template(save(doc, tmp_path / "ke_hoach.docx"), None, ws)
    finding = _one(report, "bien-ngoai-vong-lap")
    assert finding.where.text == "Lưu: ⟦{{ dong }}⟧" and finding.where.cell == "bảng 2, hàng 1, ô 1"
    # the same name inside its loops (three of them) is fine
    assert report.variables.count("noi_nhan") == 1


@pytest.mark.parametrize(("text", "code", "hint_part"), [
    ("{{ nguoi_ky.ho_ten }}", "truong-khong-vao-mau", "ho_ten"),
    ("{{ ngay.thang_sai }}", "thuoc-tinh-la", None),
    ("{{ ngay|ngay_thang_nm }}", "bo-loc-la", None),
    ("{{ trich_yeu.__class__.__mro__ }}", "thuoc-tinh-cam", "bộ lọc của gendoc"),
    ("{{ noi_dung }}", "noi-dung-can-the-p", "{{p noi_dung }}"),
    ("{{ so }/{{ ky_hieu }}", "loi-cu-phap", None),
    ("Ký: {{r ho_ten }}", "the-r-can-richtext", "{{ … }}"),
    ("{{p trich_yeu }}", "the-p-can-noi-dung", "{{ trich_yeu }}"),
    ("{%p endfor %}", "the-dong-thua", None),
    ("Xem: {%p if so %}", "chu-mat-theo-the-p", "đoạn riêng"),
    ("{%p if so %}{{ so }}{%p endif %}", "the-mat-theo-the-p", "đoạn riêng"),
    ("{{ trich_yeu ", "the-khong-dong", None),
])
def test_template_errors_are_located_by_paragraph(ws, tmp_path: Path, text: str, code: str,
                                                  hint_part: str | None) -> None:  # noqa: ANN001
    doc = builtin()
    set_text(find(doc, "{{ ho_ten }}"), "{{ ho_ten }}")
    target = add_after(find(doc, "{{ ten_loai }}"), text)
    assert target.text == text
    report = check_template(save(doc, tmp_path / "ke_hoach.docx"), None, ws)
    finding = next((f for f in report.errors if f.code == code), None)
    assert finding is not None, [f.render() for f in report.findings]
    assert finding.where.paragraph == 14  # the inserted paragraph, right after the title type
    assert "⟦" in finding.where.text or finding.where.text == text
    if hint_part:
        assert hint_part in (finding.hint or "")


def test_required_field_never_shown_is_a_warning(ws, tmp_path: Path) -> None:  # noqa: ANN001
    doc = builtin()
    remove(find(doc, "{{ trich_yeu }}"))
    report = check_template(save(doc, tmp_path / "ke_hoach.docx"), None, ws)
    assert report.ok
    assert "trich_yeu" in _one(report, "mau-thieu-truong").message


def test_the_build_gate_runs_the_context_once_not_once_per_field(ws, tmp_path: Path,
                                                                 monkeypatch) -> None:  # noqa: ANN001
    """Which variable shows which field costs a context run per schema field: only a check that
    reports it (the warning below, a misspelt field's hint) pays for it, not the build's gate."""
    monkeypatch.setattr(known, "_CACHE", {})  # names derived afresh, whatever ran before
    runs: list[str] = []
    real = known.run_context
    monkeypatch.setattr(known, "run_context", lambda d, data: runs.append("") or real(d, data))
    doc = builtin()
    remove(find(doc, "{{ trich_yeu }}"))
    path = save(doc, tmp_path / "ke_hoach.docx")
    gate_view = check_template(path, KE_HOACH, ws, errors_only=True)
    assert gate_view.ok and gate_view.warnings == []
    examples = len(runs)
    assert 1 <= examples <= known.EXAMPLES
    full = check_template(path, KE_HOACH, ws)  # the same names, now with the per-field runs
    assert "trich_yeu" in _one(full, "mau-thieu-truong").message
    assert len(runs) > examples + 10


def test_the_build_gate_takes_an_unchanged_copy_of_a_builtin_as_the_builtin(
        ws, monkeypatch) -> None:  # noqa: ANN001
    """`gendoc template new` copies a built-in into templates/: until it is edited it is the
    built-in (checked in CI), and is not checked again at every build; once edited, it is."""
    import shutil

    from gendoc.authoring import gate as gate_module

    checked: list[str] = []
    monkeypatch.setattr(gate_module, "_verdict", lambda _ws, path, _kind: checked.append(path.name))
    copy = ws.templates_dir / "ke_hoach.docx"
    shutil.copyfile(builtin_templates_dir() / "ke_hoach.docx", copy)
    try:
        doc = load_document(ws, ws.root / PLAN)
        gate_module.template_gate(ws)(doc)
        assert checked == []
        with copy.open("ab") as edited:  # one byte more: now it is the workspace's own
            edited.write(b"\0")
        gate_module.template_gate(ws)(doc)
        assert checked == ["ke_hoach.docx"]
    finally:
        copy.unlink()


def test_nested_paths_and_loop_items_are_reported(ws, tmp_path: Path) -> None:  # noqa: ANN001
    doc = builtin()
    add_after(find(doc, "{{ ten_loai }}"), "{% for d in noi_nhan %}{{ d|upper }}{% endfor %}"
              "{{ ngay.year }}")
    report = check_template(save(doc, tmp_path / "ke_hoach.docx"), None, ws)
    assert report.ok, [f.render() for f in report.findings]
    assert "ngay.year" in report.variables


def test_stray_text_tags_in_header_are_located_in_the_header(ws, tmp_path: Path) -> None:  # noqa: ANN001
    doc = builtin()
    header = doc.sections[0].first_page_header
    header.paragraphs[0].text = "{{ co_quan_tn }}"
    report = check_template(save(doc, tmp_path / "ke_hoach.docx"), None, ws)
    finding = _one(report, "bien-la")
    assert finding.where.area == "đầu trang (trang đầu)" and finding.where.paragraph == 1
    assert finding.hint == "có phải ý là 'co_quan_ten'?"


def test_find_tags_on_fixed_template_sees_whole_tags(tmp_path: Path) -> None:
    doc = builtin()
    split(find(doc, "Số: {{ so }}/{{ ky_hieu }}"),
          [("Số: {", {}), ("{ so }}/{{ ky", {"bold": True}), ("_hieu }", {}), ("}", {})])
    damaged = save(doc, tmp_path / "a.docx")
    fixed = tmp_path / "b.docx"
    assert fix_template(damaged, fixed) == 2
    para = next(p for p in load(fixed)[0]["word/document.xml"].paragraphs if p.text.startswith("Số:"))
    assert para.text == "Số: {{ so }}/{{ ky_hieu }}"
    for tag in find_tags(para)[0]:
        assert len(para.segments_in(tag.start, tag.end)) == 1


def test_all_problems_in_one_pass_in_reading_order(ws, tmp_path: Path) -> None:  # noqa: ANN001
    """A broken block does not hide a misspelt name further down: one check, every problem."""
    doc = builtin()
    remove(_endif_after_kinh_gui(doc))
    set_text(find(doc, "{{ ho_ten }}"), "{{ Ho_ten }}")
    set_text(find(doc, "{{ trich_yeu }}"), "{{ trich_yeu|lowr }}")
    report = check_template(save(doc, tmp_path / "ke_hoach.docx"), None, ws)
    assert [(f.code, f.where.paragraph) for f in report.findings] == [
        ("bo-loc-la", 14), ("the-chua-dong", 16), ("bien-la", 32)]
    assert "AutoCorrect" in report.findings[-1].hint
    assert report.findings[0].hint == "có phải ý là 'lower'?"


def test_docxtpl_row_and_run_prefixes(ws, tmp_path: Path) -> None:  # noqa: ANN001
    """`{%tr for %}` repeats a table row: understood, scoped to the loop, rendered."""
    doc = builtin()
    table = doc.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "{%tr for dong in noi_nhan %}"
    table.cell(1, 0).text = "{{ dong }}"
    table.cell(1, 1).text = "{{ loop.index }}"
    table.cell(2, 0).text = "{%tr endfor %}"
    doc.add_paragraph("{%tr if so %}")
    outside = save(doc, tmp_path / "ke_hoach.docx")
    finding = _one(check_template(outside, None, ws), "the-bang-ngoai-bang")
    assert finding.where.text == "⟦{%tr if so %}⟧" and finding.where.cell is None
    doc.paragraphs[-1]._p.getparent().remove(doc.paragraphs[-1]._p)
    good = save(doc, tmp_path / "ke_hoach.docx")
    report = check_template(good, None, ws)
    assert report.findings == [], [f.render() for f in report.findings]
    assert "noi_nhan" in report.variables
    plan = load_document(ws, ws.root / PLAN)
    out = _render(ws, good)
    rows = [[c.text for c in row.cells] for row in out.tables[-1].rows]
    assert rows == [[line, str(i)] for i, line in
                    enumerate(run_context(plan, plan.data)["noi_nhan"], start=1)]


def test_run_prefix_on_plain_text_really_loses_it(ws, tmp_path: Path) -> None:  # noqa: ANN001
    """Why `{{r ho_ten }}` is an error: docxtpl drops a plain string given to a run tag."""
    doc = builtin()
    set_text(find(doc, "{{ ho_ten }}"), "{{r ho_ten }}")
    damaged = save(doc, tmp_path / "ke_hoach.docx")
    assert "the-r-can-richtext" in _codes(check_template(damaged, None, ws))
    assert not any("Phạm Vũ Hồng" in t for t in _texts(_render(ws, damaged)))
    assert any("Phạm Vũ Hồng" in t for t in _texts(_render(ws, builtin_templates_dir() / "ke_hoach.docx")))


def test_names_the_template_guards_itself_are_not_errors(ws, tmp_path: Path) -> None:  # noqa: ANN001
    doc = builtin()
    add_after(find(doc, "{{ ten_loai }}"), "{% if ghi_chu is defined %}{{ ghi_chu }}{% endif %}"
              "{{ so_trang|default('') }}")
    report = check_template(save(doc, tmp_path / "ke_hoach.docx"), None, ws)
    assert report.errors == [], [f.render() for f in report.errors]
    assert {"ghi_chu", "so_trang"} <= set(report.variables)
