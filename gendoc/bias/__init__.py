"""Gender-bias checker: a curated phrase list (`cum_tu.yaml`) and a compositional detector
(`khung.yaml`: a gendered subject and a stereotype frame in one clause).

`check_text`, `check_file` and `check_content` return findings with the line, the phrase as
written, the category, the words that triggered it, the reason and a neutral alternative (a
sentence quoting a stereotype to refute it gives a note); `gendoc bias FILE…` is the command line.
"""

from gendoc.bias.check import Finding, check_content, check_file, check_lines, check_text
from gendoc.bias.lexicon import load_lexicon
from gendoc.bias.phrases import Phrase, load_phrases

__all__ = ["Finding", "Phrase", "check_content", "check_file", "check_lines", "check_text",
           "load_lexicon", "load_phrases"]
