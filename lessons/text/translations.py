"""Which quotes in a kit article are translations, and from what language.

The data sits in the article's ``article.yaml`` under ``translations`` (see the seed's): for each
translated quote, the words its paragraph begins with, the speaker, the language and how we know.
:func:`translations` places each one in the article's text, so views can show the note beside the
quote. Articles without such data (a learner's own, pasted text) have none.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..data import data_path
from ..errors import KitError


@dataclass(frozen=True)
class Translation:
    """A translated quote: ``start``/``end`` of the quotation in ``article.text``, and what we know."""

    start: int
    end: int
    speaker: str
    language: str
    how_we_know: str

    @property
    def note(self) -> str:
        """One plain sentence for learners."""
        return (f"Translated from {self.language}. These are the words of {self.speaker}, first said "
                f"or written in {self.language}. {self.how_we_know} The report does not say who "
                "translated them, and a translation is already someone's reading of the words.")


def translations(article) -> tuple[Translation, ...]:
    """The translated quotes of one of the kit's articles (empty for any other text)."""
    from .article import _read_yaml
    article_id = getattr(article, "id", None)
    if not isinstance(article_id, str) or "/" in article_id or article_id.startswith((".", "text-")):
        return ()
    path = data_path("articles", article_id, "article.yaml")
    if not path.is_file():
        return ()
    entries = _read_yaml(path).get("translations") or []
    if not isinstance(entries, list):
        raise KitError(f"'{article_id}/article.yaml': 'translations' must be a list.")
    out = []
    for n, entry in enumerate(entries, 1):
        fields = [entry.get(k) if isinstance(entry, dict) else None
                  for k in ("quote", "speaker", "language", "how_we_know")]
        if not all(isinstance(f, str) and f.strip() for f in fields):
            raise KitError(f"'{article_id}/article.yaml', translation {n}: give quote, speaker, language "
                           "and how_we_know.")
        quote, speaker, language, how = (" ".join(f.split()) for f in fields)
        where = article.text.find(quote)
        block = article.block_at(where) if where >= 0 else None
        if block is None:
            raise KitError(f"'{article_id}/article.yaml', translation {n}: the text has no paragraph "
                           f"beginning “{quote[:40]}”.")
        para = article.text[where:block.end]
        close = max(para.rfind("”"), para.rfind('"'))        # the quotation ends at its last closing mark
        end = where + close + 1 if close > 0 else block.end
        out.append(Translation(where, end, speaker, language, how))
    return tuple(out)


def translation_at(notes, start: int, end: int) -> Translation | None:
    """The translated quote overlapping ``start``–``end``, or None."""
    return next((t for t in notes if t.start < end and t.end > start), None)


def translations_for(article=None) -> tuple[Translation, ...]:
    """:func:`translations` for what a view was given: None (the seed), a kit article's id, or an
    Article; anything else (a learner's own text or file, an analysis) has none."""
    from .article import available_articles, load_article
    if article is None:
        article = load_article()
    elif isinstance(article, str) and article.strip() in available_articles():
        article = load_article(article.strip())
    if not hasattr(article, "blocks") or not hasattr(article, "id"):
        return ()
    return translations(article)
