"""Annual reports on female cadres: unit reports, the Excel form, the provincial consolidation.

Public API (what other features, e.g. press releases, should use):

    from gendoc.reports import consolidate
    cons = consolidate(ws, 2017)
    cons.total("lanh_dao")            # Pair(tong=…, nu=…) for the province
    cons.ty_le("quy_hoach")           # share of women in percent (float) or None
    cons.change("lanh_dao")           # percentage points against the previous year, or None
    cons.ty_le_don_vi_co_lanh_dao_nu  # share of units whose leadership includes a woman
    cons.targets                      # [TargetResult(key, target, value, met)]
    cons.missing, cons.late           # units that did not report / reported after the deadline
    consolidate(ws, 2017, cache=build_cache)  # computed once per build when callers share a dict

Format numbers with `gendoc.reports.wording` (Vietnamese "33,3%") so quotes match the reports.
Heavy modules (openpyxl, matplotlib) are imported only by the functions that need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gendoc.reports.consolidation import Consolidation

__all__ = ["Consolidation", "consolidate"]


def consolidate(ws: Any, year: int, folder: Any = None, *, with_previous: bool = True,
                ky: str = "nam", cache: Any = None) -> Consolidation:
    """See `gendoc.reports.consolidation.consolidate` (`cache`: a dict living for one build)."""
    # the package __init__ runs before every gendoc.reports submodule: kept light
    from gendoc.reports.consolidation import consolidate as _consolidate

    return _consolidate(ws, year, folder, with_previous=with_previous, ky=ky, cache=cache)


def __getattr__(name: str) -> Any:
    if name == "Consolidation":
        # the package __init__ runs before every gendoc.reports submodule: kept light
        from gendoc.reports.consolidation import Consolidation

        return Consolidation
    raise AttributeError(name)
