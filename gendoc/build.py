"""Build a workspace: every content file → its artifacts → files under output/.

```
discover → load_document → gate → render_document → OutputWriter.write (+ manifest)
```

One bad document never stops the others: its error is collected, nothing is written for it, and
the summary names it. A document's outputs are written only after all of them rendered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from gendoc.artifacts import Artifact
from gendoc.document import (
    BuildContext,
    Document,
    NotADocument,
    discover,
    load_document,
    output_stem,
    rel,
)
from gendoc.exceptions import GendocError
from gendoc.fingerprint import Fingerprints
from gendoc.output import OutputWriter, sweep_temporary_files, write_elsewhere

# Gate: called with each loaded document before it renders; raises to fail it (the template
# gate of gendoc.authoring, made by a factory gendoc.api passes in, so that building does not
# depend on authoring).
from gendoc.parallel import Gate, Rendered, as_error, render_here, render_parallel
from gendoc.render import render_document
from gendoc.workspace import Workspace


@dataclass
class DocumentResult:
    """What one document produced: files written (and which of them are not ND30 documents).

    `skipped`: nothing it depends on changed since the build that wrote `outputs`.
    """

    document: Document
    outputs: list[Path]
    not_nd30: list[Path] = field(default_factory=list)
    skipped: bool = False

    @property
    def output(self) -> Path:
        return self.outputs[0]


@dataclass
class BuildReport:
    results: list[DocumentResult] = field(default_factory=list)
    failures: list[tuple[Path, GendocError]] = field(default_factory=list)
    warnings: list[tuple[Path, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # outputs of deleted content, pruned

    @property
    def ok(self) -> bool:
        return not self.failures


# Told as each rendered document is written: (documents done, total to render, content file).
Progress = Callable[[int, int, Path], None]
# Makes the gate for a workspace; a module-level function, so worker processes can make theirs.
GateFactory = Callable[[Workspace], Gate]
PARALLEL_FROM = 4  # fewer documents to render than this: starting worker processes costs more


def build(ws: Workspace, paths: Iterable[Path] | None = None, *,
          gate_factory: GateFactory | None = None, progress: Progress | None = None,
          force: bool = False, jobs: int = 1) -> BuildReport:
    """Render every content file whose inputs changed and write its outputs.

    Collects failures, never stops early. A document whose fingerprint (gendoc.fingerprint) is
    the one recorded in the manifest, and whose outputs are all there, is skipped unless
    `force`. With `jobs` > 1 documents render in worker processes; outputs are written by this
    process in discovery order, so bytes and the report are those of a serial build.
    """
    report = BuildReport()
    writer = OutputWriter(ws)
    sweep_temporary_files(ws.output_dir)
    found = discover(ws, paths)
    order = {path: i for i, path in enumerate(found)}
    pending = _plan(ws, found, writer, report, force)
    rendered: Iterable[Rendered]
    if jobs > 1 and len(pending) >= PARALLEL_FROM:
        rendered = render_parallel(ws, [doc.path for doc, _ in pending], gate_factory, jobs)
    else:
        gate = gate_factory(ws) if gate_factory is not None else None
        bctx = BuildContext(ws)
        rendered = (render_here(ws, doc, gate, bctx) for doc, _ in pending)
    for done, ((doc, fingerprint), outcome) in enumerate(zip(pending, rendered, strict=True)):
        if progress is not None:
            progress(done, len(pending), doc.path)
        _write(writer, report, doc, fingerprint, outcome)
    report.results.sort(key=lambda r: order.get(r.document.path, 0))
    report.failures.sort(key=lambda f: order.get(f[0], 0))
    report.warnings.sort(key=lambda w: order.get(w[0], 0))
    report.removed = writer.prune_deleted_sources()
    writer.save()
    return report


def _plan(ws: Workspace, found: list[Path], writer: OutputWriter, report: BuildReport,
          force: bool) -> list[tuple[Document, str]]:
    """Load every document; keep those to render, report the skipped and the failed."""
    twins = _same_stem(ws, found)
    prints = Fingerprints(ws)
    pending = []
    for path in found:
        if path in twins:
            report.failures.append((path, twins[path]))
            continue
        try:
            doc = load_document(ws, path)
            fingerprint = prints.of(path, reads_workspace=doc.kind.reads_workspace)
        except NotADocument:
            report.warnings.append((path, "bỏ qua: không phải tệp nội dung của gendoc (bảng tính "
                                          "dữ liệu nên để trong thư mục bắt đầu bằng '_')."))
            continue
        except Exception as exc:  # noqa: BLE001 - a bug in one document fails only that one
            report.failures.append((path, as_error(ws, path, exc)))
            continue
        entry = None if force else writer.unchanged(path, fingerprint)
        if entry is None:
            pending.append((doc, fingerprint))
            continue
        outputs = [writer.root / out for out in entry.outputs]
        report.results.append(DocumentResult(
            document=doc, outputs=outputs, skipped=True,
            not_nd30=[writer.root / out for out in entry.not_nd30]))
        report.warnings.extend((path, w) for w in entry.warnings)
    return pending


def _write(writer: OutputWriter, report: BuildReport, doc: Document, fingerprint: str,
           outcome: Rendered) -> None:
    artifacts, warnings, error = outcome
    if error is None and artifacts is not None:
        try:
            written = writer.write(doc.path, artifacts, fingerprint=fingerprint,
                                   warnings=warnings)
        except GendocError as exc:
            error = exc
    if error is not None or artifacts is None:
        report.failures.append((doc.path, error or GendocError("không dựng được")))
        return
    report.results.append(_result(doc, artifacts, written))
    report.warnings.extend((doc.path, w) for w in warnings)


def record_outputs(ws: Workspace, made: dict[Path, list[Path]]) -> None:
    """Add files made from documents after the build (their PDFs) to the manifest."""
    writer = OutputWriter(ws)
    for source, outputs in made.items():
        writer.record(source, outputs)
    writer.save()


def render_file(ws: Workspace, path: Path, out: Path | None = None, *,
                gate: Gate | None = None) -> DocumentResult:
    """Render and write one content file: into output/ (manifest kept), or to `out`.

    Always renders (no fingerprint check): the clerk asked for this one document.
    """
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
