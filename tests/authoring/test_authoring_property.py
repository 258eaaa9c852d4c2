"""For any way Word cuts a paragraph into runs (formatting, proofing marks), the check finds
exactly the tags that were cut, and --fix leaves the visible text unchanged with every tag whole."""

from __future__ import annotations

import tempfile
from pathlib import Path

from damage import builtin, find, save, split
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gendoc.authoring.check import check_template, fix_template
from gendoc.authoring.docx_scan import find_tags, load
from gendoc.kinds import get_kind

TAGS = ["{{ so }}", "{{ ky_hieu }}", "{{ trich_yeu }}", "{{ dia_danh }}", "{{ ten_loai|lower }}"]
WORDS = ["Số: ", "/", " ngày ", "Kính gửi: ", " – ", "&", "<b>", "'"]


@st.composite
def paragraphs(draw: st.DrawFn) -> tuple[str, list[tuple[str, dict]], int | None]:
    parts = draw(st.lists(st.one_of(st.sampled_from(TAGS), st.sampled_from(WORDS)),
                          min_size=1, max_size=6))
    text = "".join(parts)
    cuts = sorted(draw(st.sets(st.integers(1, len(text) - 1), max_size=8))) if len(text) > 1 else []
    bounds = [0, *cuts, len(text)]
    pieces = [(text[a:b], {"bold": draw(st.booleans()), "italic": draw(st.booleans())})
              for a, b in zip(bounds, bounds[1:], strict=False)]
    proof = draw(st.one_of(st.none(), st.integers(0, max(len(pieces) - 2, 0))))
    return text, pieces, proof if len(pieces) > 1 else None


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs())
def test_any_split_is_found_and_fixed(case: tuple[str, list[tuple[str, dict]], int | None]) -> None:
    text, pieces, proof = case
    from gendoc.workspace import example_dir, load_workspace

    ws = load_workspace(example_dir())
    with tempfile.TemporaryDirectory() as tmp:
        doc = builtin()
        para = find(doc, "{{ trich_yeu }}")
        split(para, pieces, proof_after=proof)
        damaged = save(doc, Path(tmp) / "ke_hoach.docx")
        scanned = next(p for p in load(damaged)[0]["word/document.xml"].paragraphs
                       if p.number == 14)
        assert scanned.text == text
        cut = [t for t in find_tags(scanned)[0] if len(scanned.segments_in(t.start, t.end)) > 1]
        report = check_template(damaged, get_kind("ke_hoach"), ws)
        assert len([f for f in report.findings if f.code == "the-bi-tach"]) == len(cut)
        assert report.errors == []
        fixed = Path(tmp) / "fixed.docx"
        assert fix_template(damaged, fixed) == len(cut)
        after = next(p for p in load(fixed)[0]["word/document.xml"].paragraphs if p.number == 14)
        assert after.text == text
        for tag in find_tags(after)[0]:
            assert len(after.segments_in(tag.start, tag.end)) == 1
        again = check_template(fixed, get_kind("ke_hoach"), ws)
        assert again.errors == [] and "the-bi-tach" not in [f.code for f in again.findings]


PIECES = ["{{", "}}", "{%", "%}", "{#", "#}", "{", "}", " ", "so", "trich_yeu", "ho_tn", "|upper",
          "p ", "if ", "endif", "for d in noi_nhan", "endfor", "'", "‘", "\u200b", ".", "x", "%"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12), st.integers(1, 4))
def test_a_template_the_check_passes_always_renders(pieces: list[str], runs: int) -> None:
    """Whatever a clerk types into a paragraph, the check never crashes, and a template it
    finds without error renders (the check is never more lenient than the renderer)."""
    from gendoc.authoring.known import run_context
    from gendoc.document import load_document
    from gendoc.docx_render import render_docx
    from gendoc.exceptions import RenderError
    from gendoc.workspace import example_dir, load_workspace

    ws = load_workspace(example_dir())
    kind = get_kind("ke_hoach")
    text = "".join(pieces)
    size = max(1, len(text) // runs)
    chunks = [text[i:i + size] for i in range(0, len(text), size)]
    with tempfile.TemporaryDirectory() as tmp:
        doc = builtin()
        split(find(doc, "{{ trich_yeu }}"), [(c, {"bold": i % 2 == 0}) for i, c in enumerate(chunks)])
        path = save(doc, Path(tmp) / "ke_hoach.docx")
        report = check_template(path, kind, ws)
        if not report.ok:
            return
        plan = next((ws.content_dir / "ke-hoach").glob("ubnd-tinh-*.yaml"))
        document = load_document(ws, plan)
        try:
            render_docx(path, run_context(document, document.data), ws)
        except RenderError as exc:
            raise AssertionError(f"check passed {text!r} but rendering failed: {exc}") from exc
