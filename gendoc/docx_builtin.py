"""Write the built-in .docx templates: which kind draws which file, its mark, trimmed styles.

`python -m gendoc.docx_builtin [FOLDER]` regenerates `templates/*.docx` from the generators the
kinds name (`Kind.make_template`, drawn with `gendoc.docx_templates`); a test regenerates them
and compares them with the committed files. Each template is marked with its kind
(`gendoc.check.marks`) and trimmed to the styles it uses (`gendoc.docx_trim`) before it is saved.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx.document import Document as DocxDocument

from gendoc.docx_trim import trim_styles
from gendoc.kinds import all_kinds


def generators() -> dict[str, Callable[[], DocxDocument]]:
    """Built-in .docx template file → the function that draws it.

    Each kind names its generator as ``make_template``; kinds sharing a layout share a
    generator (Kế hoạch, Báo cáo, Thông báo are all Phụ lục III mẫu 1.4).
    """
    found: dict[str, Callable[[], DocxDocument]] = {}
    for kind in all_kinds().values():
        make = kind.make_template
        if make is not None and kind.template.endswith(".docx"):
            found[kind.template] = make
    return found


def _xml_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()
                if (n.startswith("word/") and n.endswith(".xml")) or n == "docProps/core.xml"}


def template_marks() -> dict[str, tuple[str, bool]]:
    """Built-in template file → (kind name(s), ND30 or not), the mark its renderings carry."""
    users: dict[str, list] = {}
    for kind in all_kinds().values():
        users.setdefault(kind.template, []).append(kind)
    return {name: ("+".join(sorted(k.name for k in kinds)), all(k.official for k in kinds))
            for name, kinds in users.items()}


def write_all(folder: Path) -> list[Path]:
    """Regenerate every built-in .docx template into `folder`.

    A file whose XML would not change is left as it is, so regenerating after an unrelated
    change does not touch every binary in the repository.
    """
    # lxml: only when the built-in templates are written
    from gendoc.check.marks import mark

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    marks = template_marks()
    for name, make in sorted(generators().items()):
        path = folder / name
        buf = io.BytesIO()
        doc = make()
        mark(doc, *marks[name])
        trim_styles(doc)
        doc.save(buf)
        data = buf.getvalue()
        if not (path.is_file() and _xml_parts(path.read_bytes()) == _xml_parts(data)):
            path.write_bytes(data)
        written.append(path)
    return written


if __name__ == "__main__":  # python -m gendoc.docx_builtin [FOLDER]
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "templates"
    for p in write_all(target):
        print(p)
