"""Template authoring: list, validate, repair and scaffold templates a clerk edits in Word.

Word is where DOCX templates break: it splits `{{ tag }}` over hidden runs (spell-check marks,
revision ids, tracked changes), turns quotes into smart quotes, and a stray `{% if %}` fails the
whole file with an error pointing at line 1 of an XML blob. This package checks a template
*before* rendering and reports every problem by Word paragraph (page area, paragraph number,
visible text with the faulty tag marked), in Vietnamese.

Modules:
- `model`     — `Finding` / `Where` / `TemplateReport` (what a check returns, text and JSON).
- `docx_scan` — paragraphs of every DOCX part with their visible text; tags found in it; damage
                Word did to them; the `--fix` repair.
- `source`    — a Jinja source with one line per paragraph, so a syntax error or an unclosed
                block is located by paragraph; docxtpl tag prefixes (`{%p`, `{%tr`, `{{r` …).
- `names`     — every variable path a template uses, by walking the Jinja AST with scopes.
- `known`     — the names a kind really provides (its context run on example content).
- `schema`    — a kind's fields (type, required, description, example) for `gendoc schema`
                and docs/schema.md.
- `check`     — `check_template(path, kind, ws) -> TemplateReport`, `fix_template(...)`.
- `listing`   — which templates a workspace sees, for which kind, and which one wins.
- `gate`      — the hook `gendoc build` uses to refuse a broken workspace template.
- `cli`       — `gendoc templates`, `gendoc template check|new`, `gendoc schema`.
"""
