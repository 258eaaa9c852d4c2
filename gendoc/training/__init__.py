"""Training courses (lớp bồi dưỡng, tập huấn): one content file, a whole package of documents.

A course is a Thông báo (`loai: thong_bao`) with a `lop_hoc:` section and a participant list
(.xlsx, .csv or .yaml). From them the course renderer writes the announcement, a Giấy mời per
unit or per participant, the attendance list (Danh sách học viên), a certificate per participant
who completed the course, and one combined printable .docx per batch.

Modules: `model` (the `lop_hoc` section and the `tap_huan` settings), `roster` (participant list
reader), `batch` (render a template once, fill it many times), `announcement` (the Thông báo
body), `invitations`, `attendance`, `certificate`, `render` (the orchestration).
"""
