"""Units' implementation plans derived from a higher-level (provincial) plan.

The provincial plan orders every department and district to write its own plan and send it to
the UBND tỉnh through Sở Nội vụ by a deadline. This package hands each unit a ready draft:

- `scope`   — how a unit refers to itself and its subordinates (department vs district wording)
              and the rewording of provincial sentences into the unit's scope;
- `derive`  — `gendoc new ke_hoach --unit/--all-units --from`: the derived content files;
- `yamlout` — writing those files as readable YAML (folded paragraphs, comments for the clerk);
- `status`  — `gendoc status`: which units have sent their plan, numbered and dated, on time;
- `cli`     — `gendoc units`, `gendoc status`.
"""
