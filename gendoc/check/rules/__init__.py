"""Rule modules, one per component group; importing this package registers every rule."""

from gendoc.check.rules import (  # noqa: F401 - imported for registration
    body,
    date,
    header,
    noi_nhan,
    numbering,
    page,
    page_number,
    signature,
    so_ky_hieu,
    title,
)
