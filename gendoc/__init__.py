"""gendoc: official documents (Nghị định 30/2020/NĐ-CP) from short structured content files."""

__version__ = "0.1.0"
