"""Which language an article is written in, when its front matter does not say.

By py3langid (langid.py's model, BSD-3-Clause, shipped in the wheel: offline), over the first
2,000 characters of the cleaned text, among the languages news is published in; a text too short
or too mixed to tell (confidence under 0.5) is taken for English.
"""
from __future__ import annotations

from functools import lru_cache

NEWS_LANGUAGES = tuple("""af ar bg bn ca cs cy da de el en eo es et eu fa fi fr ga gl gu he hi hr hu hy id is it
ja ka kk km kn ko ku lt lv mk ml mn mr ms mt ne nl nn no pa pl ps pt ro ru si sk sl sq sr sv sw ta te th tl tr
uk ur vi zh""".split())
"""ISO 639-1 codes considered (langid's model also knows dialects and rare languages, which short
news texts are too easily taken for: Chinese as Wu)."""
SAMPLE = 2_000
MIN_CONFIDENCE = 0.5
DEFAULT = "en"


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True, min_confidence=MIN_CONFIDENCE)
    identifier.set_languages([code for code in NEWS_LANGUAGES if code in identifier.nb_classes])
    return identifier


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language ("en" when it cannot tell)."""
    language, _ = _identifier().classify(text[:SAMPLE])
    return DEFAULT if language == "und" else language
