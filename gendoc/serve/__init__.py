"""`gendoc serve`: a local web app over the public API (`gendoc.api`) and the feature functions.

The web layer only turns forms into calls and results into pages; every rule (validation,
rendering, checking, numbering) lives in the same functions the command line uses.

Modules, one concern each: `app` (routes and middleware assembly), `security` (headers, CSRF,
login, body size, paths inside the workspace), `views` (Jinja environment), `schema_form`
(a kind's pydantic schema as form fields), `form_data` (posted fields back to content),
`content_edit` (round-trip YAML merge, validation, conflict-checked atomic save), `jobs`
(bounded worker pool), `preview` (page images), and one `pages_*` module per page.
"""
