"""Tokenizer rules so that numbers, units and currency signs written together become tokens of
their own ("314Ah" -> "314" "Ah", "RMB10bn" -> "RMB" "10" "bn", "20–40" -> "20" "–" "40") and
every rule match lines up with token boundaries."""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from pipeline.normalize.currencies import surfaces
from pipeline.resources import table


@cache
def extra_infixes() -> tuple[str, ...]:
    units = table("units.toml")["units"].values()
    symbols = {s for entry in units for s in entry["symbols"] if " " not in s}
    scales = set(table("numerals.toml")["scales"]) | set(table("numerals.toml")["case_sensitive_scales"]["glued_only"])
    glued = "|".join(re.escape(s) for s in sorted(symbols | {s for s in scales if " " not in s}, key=len, reverse=True))
    codes = sorted({s for s in surfaces().symbols if s.isalpha() and s.isupper()} | {"FY", "Rs", "Rs."}, key=len)
    by_width: dict[int, list[str]] = {}
    for code in codes:
        by_width.setdefault(len(code), []).append(re.escape(code))
    prefixes = tuple(rf"(?<=^(?:{'|'.join(group)}))(?=\d)" for group in by_width.values())
    return (
        rf"(?<=\d)(?=(?:{glued})(?:\+)?$)",  # 314Ah, 5,000mAh, 1.2bn, 600Ah+
        r"(?<=\d)[–—](?=\d)",  # 20–40
        r"(?<=\d)-(?=[A-Za-z])",  # 10-gigawatt-hour, 5-MWh
        r"(?<=[A-Za-z])-(?=\d)",  # mid-2027, end-2026
        r"(?<=[A-Za-z0-9])/(?=[A-Za-z0-9])",  # 500MW/2,000MWh
        r"(?<=\w)\.(?=\()",  # "2030.(SD-Agencies)"
        r"(?<=[.\w])\((?=\w)",
        *prefixes,  # RMB10bn, FY2028
    )


def customize_tokenizer(nlp: Language) -> None:
    """Add the rules above to ``nlp``'s tokenizer (in place)."""
    infixes = [*(nlp.Defaults.infixes or []), *extra_infixes()]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # "600Ah+", and a full stop after a glued unit or scale: "$2.5B.", "1.2bn.", "314Ah."
    glued_stop = [rf"(?<=[0-9][A-Za-z]{{{n}}})\." for n in (1, 2, 3)]
    suffixes = [*(nlp.Defaults.suffixes or []), r"(?<=[A-Za-z])\+", r"(?<=[A-Za-z])/", *glued_stop]
    nlp.tokenizer.prefix_search = compile_prefix_regex([*(nlp.Defaults.prefixes or []), r"/(?=[A-Z])"]).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # "€25m." ends a sentence with a glued scale, not the abbreviation "m."
    glued = {
        f"{letter}." for letter in table("numerals.toml")["case_sensitive_scales"]["glued_only"] if letter.islower()
    }
    nlp.tokenizer.rules = {text: rule for text, rule in (nlp.tokenizer.rules or {}).items() if text not in glued}
    for abbreviation in table("organizations.toml")["clean"]["abbreviations"]:  # "Pte. Ltd."
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


# A run of characters without a space longer than this is tokenized in pieces of RUN_PIECE: spaCy's
# tokenizer splits prefixes and suffixes one at a time, copying the rest of the run each time, so
# one long run is quadratic ('$' * 12000 took a minute). No word, number or name is that long.
LONG_RUN = re.compile(r"\S{200,}")
RUN_PIECE = 100


def bounded_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, in linear time on long runs without spaces; ``doc.text == text``."""
    if LONG_RUN.search(text) is None:
        return nlp.make_doc(text)
    docs, at = [], 0
    for match in LONG_RUN.finditer(text):
        if match.start() > at:
            docs.append(nlp.make_doc(text[at : match.start()]))
        pieces = range(match.start(), match.end(), RUN_PIECE)
        docs += [nlp.make_doc(text[i : min(i + RUN_PIECE, match.end())]) for i in pieces]
        at = match.end()
    if at < len(text):
        docs.append(nlp.make_doc(text[at:]))
    return Doc.from_docs(docs, ensure_whitespace=False)
