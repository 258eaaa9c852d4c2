"""What every rule receives: the document, its components and a location helper."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from gendoc.check.anatomy import Anatomy, analyse
from gendoc.check.document import Document, Para
from gendoc.check.ooxml import Package


@dataclass
class Context:
    doc: Document

    @classmethod
    def from_package(cls, pkg: Package) -> Context:
        return cls(Document(pkg))

    @cached_property
    def a(self) -> Anatomy:
        return analyse(self.doc)

    def loc(self, p: Para) -> str:
        return self.a.locate(self.doc, p)

    @cached_property
    def is_template(self) -> bool:
        """A docxtpl/Jinja template (gendoc's templates/): `{{ … }}` or `{% … %}` in the text."""
        return any("{{" in p.text or "{%" in p.text for p in self.doc.all_paras)

    @property
    def is_annex(self) -> bool:
        return self.a.kind == "phu_luc"
