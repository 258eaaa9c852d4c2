"""Build a workspace: every content file → its artifacts → files under output/.

```
discover → load_document → gate → render_document → OutputWriter.write (+ manifest)
```

One bad document never stops the others: its error is collected, nothing is written for it, and
the summary names it. A document's outputs are written only after all of them rendered.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from gendoc.artifacts import Artifact
from gendoc.document import (  # noqa: F401 - re-exported for callers of the old module
    CONTENT_READERS,
    DOCUMENT_SUFFIXES,
    BuildContext,
    Document,
    NotADocument,
    default_output,
    discover,
    load_document,
    output_stem,
    read_content,
    rel,
)
from gendoc.exceptions import GendocError, UnexpectedError
from gendoc.output import OutputWriter, sweep_temporary_files, write_elsewhere
from gendoc.render import render_document
from gendoc.workspace import Workspace

# Called with each loaded document before it renders; raises to fail it (the template gate of
# gendoc.authoring, passed in by gendoc.api so that building does not depend on authoring).
Gate = Callable[[Document], None]


@dataclass
class DocumentResult:
    """What one document produced: files written (and which of them are not ND30 documents)."""

    document: Document
    outputs: list[Path]
    not_nd30: list[Path] = field(default_factory=list)

    @property
    def output(self) -> Path:
        return self.outputs[0]


RenderResult = DocumentResult  # the name earlier callers use


@dataclass
class BuildReport:
    results: list[DocumentResult] = field(default_factory=list)
    failures: list[tuple[Path, GendocError]] = field(default_factory=list)
    warnings: list[tuple[Path, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # outputs of deleted content, pruned

    @property
    def ok(self) -> bool:
        return not self.failures


# Told before each document: (documents done, total, the content file starting now).
Progress = Callable[[int, int, Path], None]


def build(ws: Workspace, paths: Iterable[Path] | None = None, *, gate: Gate | None = None,
          bctx: BuildContext | None = None, progress: Progress | None = None) -> BuildReport:
    """Render every content file and write its outputs; collect failures, never stop early."""
    report = BuildReport()
    bctx = bctx or BuildContext(ws)
    writer = OutputWriter(ws)
    sweep_temporary_files(ws.output_dir)
    found = discover(ws, paths)
    twins = _same_stem(ws, found)
    for done, path in enumerate(found):
        if progress is not None:
            progress(done, len(found), path)
        if path in twins:
            report.failures.append((path, twins[path]))
            continue
        try:
            doc = load_document(ws, path)
            if gate is not None:
                gate(doc)
            artifacts = render_document(doc, bctx)
            written = writer.write(path, artifacts)
        except NotADocument:
            report.warnings.append((path, "bỏ qua: không phải tệp nội dung của gendoc (bảng tính "
                                          "dữ liệu nên để trong thư mục bắt đầu bằng '_')."))
            continue
        except GendocError as exc:
            report.failures.append((path, exc))
            continue
        except Exception as exc:  # a bug: this document fails, not the build
            report.failures.append((path, UnexpectedError(rel(ws, path), exc,
                                                          traceback.format_exc())))
            continue
        report.results.append(_result(doc, artifacts, written))
        report.warnings.extend((path, w) for w in doc.warnings)
    report.removed = writer.prune_deleted_sources()
    writer.save()
    return report


def record_outputs(ws: Workspace, made: dict[Path, list[Path]]) -> None:
    """Add files made from documents after the build (their PDFs) to the manifest."""
    writer = OutputWriter(ws)
    for source, outputs in made.items():
        writer.record(source, outputs)
    writer.save()


def render_file(ws: Workspace, path: Path, out: Path | None = None, *,
                gate: Gate | None = None) -> DocumentResult:
    """Render and write one content file: into output/ (manifest kept), or to `out`."""
    doc = load_document(ws, path)
    if gate is not None:
        gate(doc)
    artifacts = render_document(doc, BuildContext(ws))
    if out is not None:
        written = write_elsewhere(artifacts, output_stem(ws, doc.path), out)
    else:
        writer = OutputWriter(ws)
        written = writer.write(doc.path, artifacts)
        writer.save()
    return _result(doc, artifacts, written)


def _result(doc: Document, artifacts: list[Artifact], written: list[Path]) -> DocumentResult:
    not_nd30 = [path for path, item in zip(written, artifacts, strict=True) if not item.nd30]
    return DocumentResult(document=doc, outputs=written, not_nd30=not_nd30)


def _same_stem(ws: Workspace, found: list[Path]) -> dict[Path, GendocError]:
    """Content files that would make the same outputs (a.yaml and a.yml): each fails, naming
    the other, before anything is rendered — which one "wins" would be an accident."""
    by_stem: dict[str, list[Path]] = {}
    for path in found:
        by_stem.setdefault(output_stem(ws, path).as_posix(), []).append(path)
    clashes: dict[Path, GendocError] = {}
    for group in by_stem.values():
        if len(group) < 2:
            continue
        names = [rel(ws, p) for p in group]
        for path in group:
            others = ", ".join(n for n in names if n != rel(ws, path))
            clashes[path] = GendocError(
                f"{rel(ws, path)}: trùng tên với {others} — cả hai cùng tạo ra output/"
                f"{output_stem(ws, path)}.*; đổi tên hoặc xóa một tệp.")
    return clashes
