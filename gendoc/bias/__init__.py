"""Gender-bias checker: a curated list of stereotyped Vietnamese phrases (`cum_tu.yaml`).

`check_text`, `check_file` and `check_content` return findings with the line, the phrase as
written, the reason and a neutral alternative; `gendoc bias FILE…` is the command line.
"""

from gendoc.bias.check import Finding, check_content, check_file, check_lines, check_text
from gendoc.bias.phrases import Phrase, load_phrases

__all__ = ["Finding", "Phrase", "check_content", "check_file", "check_lines", "check_text",
           "load_phrases"]
