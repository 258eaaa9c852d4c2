"""The one writer: artifacts → files under output/, with a manifest of what gendoc wrote.

Every build writes through `OutputWriter`. It
- refuses two sources claiming one output path, naming both (`a.yaml` and `a.yml`);
- writes each file atomically (`gendoc.writer`), inside `output/` only;
- records in `.gendoc/manifest.json` which content file produced which outputs;
- removes the outputs a source no longer produces (a participant taken off the list, a PDF
  from an earlier `--pdf` run next to a rewritten .docx, every output of a deleted content
  file) — and never a file the manifest does not list;
- sweeps the temporary files a killed build left behind (named by `gendoc.writer`).

`write_elsewhere` writes one document's artifacts to a path the clerk chose (`render -o`),
outside the manifest: nothing is ever pruned there.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath

from gendoc.artifacts import Artifact
from gendoc.exceptions import OutputError
from gendoc.workspace import Workspace
from gendoc.writer import TEMP_PATTERN, atomic_write, ensure_inside, file_sha256

MANIFEST = Path(".gendoc") / "manifest.json"
MANIFEST_VERSION = 2
# Writing many small files (a course's certificates) overlaps their fsyncs in a few threads.
PARALLEL_FROM, THREADS = 8, 8


@dataclass
class Entry:
    """What the manifest knows of one content file's last successful build."""

    outputs: list[str] = field(default_factory=list)  # relative to the workspace, with '/'
    not_nd30: list[str] = field(default_factory=list)  # outputs that are not ND30 documents
    fingerprint: str = ""  # gendoc.fingerprint: unchanged → nothing to rebuild
    warnings: list[str] = field(default_factory=list)  # replayed when the build is skipped
    sha256: dict[str, str] = field(default_factory=dict)  # output → hash of what gendoc wrote


class OutputWriter:
    """Writes the artifacts of one build and keeps the manifest."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.root = ws.root.resolve()
        self.output_dir = ws.output_dir.resolve()
        self.entries: dict[str, Entry] = _read_manifest(self.root / MANIFEST)
        self.claimed: dict[str, str] = {}  # output → source, in this build

    # -- paths ---------------------------------------------------------------------------------
    def key(self, path: Path) -> str:
        """A path as stored in the manifest: relative to the workspace, with '/'."""
        return Path(path).resolve().relative_to(self.root).as_posix()

    def target(self, relative: PurePosixPath) -> Path:
        return ensure_inside(self.output_dir / Path(*relative.parts), self.output_dir)

    def owner(self, output: str, source: str) -> str | None:
        """Another source that produces `output` (this build, or an earlier one still valid)."""
        other = self.claimed.get(output)
        if other is not None and other != source:
            return other
        for name, entry in self.entries.items():
            if name != source and output in entry.outputs and (self.root / name).is_file():
                return name
        return None

    def entry(self, source: Path) -> Entry | None:
        return self.entries.get(self.key(source))

    def unchanged(self, source: Path, fingerprint: str) -> Entry | None:
        """The manifest entry when `source` was built with this fingerprint and every output
        it made is still there (a claim is taken for them in this build)."""
        name = self.key(source)
        entry = self.entries.get(name)
        if entry is None or entry.fingerprint != fingerprint or not entry.outputs:
            return None
        # Every output still there and as gendoc wrote it (a hand-edited file is rebuilt).
        if any(entry.sha256.get(out) != _digest(self.root / out) for out in entry.outputs):
            return None
        if any(self.owner(out, name) for out in entry.outputs):
            return None
        for out in entry.outputs:
            self.claimed[out] = name
        return entry

    # -- writing -------------------------------------------------------------------------------
    def claim(self, source: Path, artifacts: Iterable[Artifact]) -> list[Path]:
        """Reserve the artifacts' paths for `source`; a path another source makes is an error."""
        name = self.key(source)
        targets = [self.target(a.path) for a in artifacts]
        for path in targets:
            other = self.owner(self.key(path), name)
            if other is not None:
                raise OutputError(
                    f"{name} và {other} cùng tạo ra tệp '{self.key(path)}' — đổi tên một trong "
                    "hai tệp nội dung (ví dụ không để cùng lúc a.yaml và a.yml).")
        for path in targets:
            self.claimed[self.key(path)] = name
        return targets

    def write(self, source: Path, artifacts: list[Artifact], *, fingerprint: str = "",
              warnings: list[str] | None = None) -> list[Path]:
        """Write one document's artifacts; remove what it produced before and no longer does."""
        targets = self.claim(source, artifacts)
        jobs = list(zip(targets, artifacts, strict=True))
        if len(jobs) >= PARALLEL_FROM:
            with ThreadPoolExecutor(THREADS) as pool:
                list(pool.map(lambda job: atomic_write(job[0], job[1].data), jobs))
        else:
            for path, item in jobs:
                atomic_write(path, item.data)
        name = self.key(source)
        keys = [self.key(p) for p in targets]
        previous = self.entries.get(name, Entry())
        self._remove(set(previous.outputs) - set(keys), name)
        self.entries[name] = Entry(
            outputs=sorted(set(keys)), fingerprint=fingerprint, warnings=list(warnings or []),
            not_nd30=sorted(k for k, a in zip(keys, artifacts, strict=True) if not a.nd30),
            sha256={k: hashlib.sha256(a.data).hexdigest()
                    for k, a in zip(keys, artifacts, strict=True)})
        return targets

    def record(self, source: Path, outputs: Iterable[Path]) -> None:
        """Note more outputs of `source` (its PDFs, made after the build)."""
        entry = self.entries.setdefault(self.key(source), Entry())
        added = {self.key(p): _digest(Path(p)) for p in outputs}
        entry.outputs = sorted(set(entry.outputs) | set(added))
        entry.sha256.update({k: v for k, v in added.items() if v is not None})

    def prune_deleted_sources(self) -> list[str]:
        """Outputs of content files that no longer exist are removed with their entries."""
        gone = [name for name in self.entries if not (self.root / name).is_file()]
        removed: list[str] = []
        for name in gone:
            entry = self.entries.pop(name)
            removed += self._remove(set(entry.outputs), name)
        return removed

    def save(self) -> None:
        data = {"version": MANIFEST_VERSION,
                "sources": {k: asdict(v) for k, v in sorted(self.entries.items())}}
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        atomic_write(self.root / MANIFEST, text.encode("utf-8"))

    def _remove(self, keys: set[str], owner: str) -> list[str]:
        """Delete outputs `owner` made before, unless another source makes them now."""
        removed = []
        for key in sorted(keys):
            if self.owner(key, owner) is not None:
                continue
            path = self.root / key
            if path.is_file() and _inside(path, self.output_dir):
                path.unlink()
                removed.append(key)
                _remove_empty_parents(path.parent, self.output_dir)
        return removed


def write_elsewhere(artifacts: list[Artifact], stem: PurePosixPath, out: Path) -> list[Path]:
    """Write a document's artifacts where the clerk chose: a/b.docx → OUT, a/b-x.png → OUT-x.png,
    a/b/… (a course folder) → OUT-without-suffix/…. Nothing is pruned there."""
    base = out.with_suffix("")
    written = []
    for item in artifacts:
        text = item.path.as_posix()
        if text.startswith(stem.as_posix()):
            target = Path(str(base) + text[len(stem.as_posix()):])
        else:
            target = base.parent / item.path.name
        if item is artifacts[0] and item.suffix == out.suffix.lower():
            target = out
        written.append(atomic_write(target, item.data))
    return written


def sweep_temporary_files(folder: Path) -> list[Path]:
    """Remove the temporary files of a build that was killed (gendoc.writer names them)."""
    swept: list[Path] = []
    if not folder.is_dir():
        return swept
    for path in folder.rglob(".*.tmp"):
        if path.is_file() and TEMP_PATTERN.fullmatch(path.name):
            path.unlink(missing_ok=True)
            swept.append(path)
    return swept


def _read_manifest(path: Path) -> dict[str, Entry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no manifest yet, or unreadable: nothing is known to be gendoc's
    sources = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(sources, dict):
        return {}
    entries = {}
    for name, value in sources.items():
        if isinstance(value, list):  # version 1: a list of outputs
            value = {"outputs": value}
        if not isinstance(value, dict):
            continue
        entries[str(name)] = Entry(
            outputs=[str(p) for p in value.get("outputs", []) if isinstance(p, str)],
            not_nd30=[str(p) for p in value.get("not_nd30", []) if isinstance(p, str)],
            fingerprint=str(value.get("fingerprint", "")),
            warnings=[str(w) for w in value.get("warnings", []) if isinstance(w, str)],
            sha256={str(k): str(v) for k, v in (value.get("sha256") or {}).items()})
    return entries


def _digest(path: Path) -> str | None:
    try:
        return file_sha256(path)
    except OSError:
        return None


def _inside(path: Path, root: Path) -> bool:
    resolved = path.resolve()
    return resolved == root or root in resolved.parents


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    folder = folder.resolve()
    while folder != stop and stop in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def recorded_outputs(ws: Workspace) -> dict[str, list[str]]:
    """What the manifest says each content file produced (paths relative to the workspace)."""
    return {name: list(entry.outputs)
            for name, entry in _read_manifest(ws.root.resolve() / MANIFEST).items()}
