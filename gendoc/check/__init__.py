"""`gendoc check`: the ND30 format checker for any .docx."""
