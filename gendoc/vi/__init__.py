"""Vietnamese language layer (numbers in words, ND30 dates, formats, collation, encodings)."""
