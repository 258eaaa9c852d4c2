"""Electronic issuance per ND30 (Điều 8, Phụ lục I): inspect, sign, verify and copy PDFs.

Modules, one concern each:
  errors     — SignError and its Vietnamese messages
  settings   — the `ky_so` section of gendoc.yaml (seal diameter, trusted roots, timestamp server)
  pdffacts   — what a PDF is: version, PDF/A claim, metadata, fonts, page sizes, margins
  textlayout — text lines with positions (pdfminer.six); the signature block of a document
  placement  — where ND30 puts each signature image, computed from the text positions
  credentials— PKCS#12 files and PKCS#11 tokens as pyHanko signers
  stamps     — the ND30 text block (Times New Roman 10) of annex files and electronic copies
  signing    — `sign_pdf`: PAdES signatures as incremental updates (keeps PDF/A)
  verify     — signatures of a PDF: signer, time, intact, valid, trusted, ND30 placement
  pdfcheck   — `gendoc check FILE.pdf`: facts and signatures as check findings
  copying    — electronic copies (SAO Y, SAO LỤC, TRÍCH SAO)
  cli        — `gendoc sign`, `gendoc copy`
"""
