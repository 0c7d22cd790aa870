"""Language identification (py3langid) so that non-English text is not fed to the English model."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _identifier():  # pragma: no cover - trivial
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, sample: int = 5000) -> tuple[str, float]:
    """``(ISO 639-1 code, probability)`` of the text's language, judged on its first characters."""
    lang, prob = _identifier().classify(text[:sample])
    return str(lang), float(prob)
