"""Inspections (Kế hoạch II.5, III.2.d): what the kiem_tra_* kinds share.

The documents of one inspection are small kinds in `gendoc/kinds/kiem_tra_*.py`; this package
holds what they have in common: the schema pieces (team member, scheduled unit, checklist item),
the body blocks (team list, checklist table, two-column signatures), reading the other documents
of the same inspection, the derivation of units and checklist from the workspace, and the Excel
self-assessment form.
"""
