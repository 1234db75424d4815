"""The restore stage: raw articles -> articles with readable text, sentences and a headline.

Two passes, because a lowercased article is truecased from what the rest of the corpus teaches:
first every article is cleaned, cut to the limits, and its casing evidence counted (a normally
cased article is finished in that pass); then the casing model is learned and the lowercased
articles are truecased. Both passes run on the runtime's workers and are cached between builds.
"""
from __future__ import annotations

import hashlib
import pickle
from collections import Counter
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Iterable

from ..config import DigestConfig, Limits
from ..models import Article, RawArticle, Sentence, Sentences
from ..text import language, paragraphs, split_dateline, split_sentences, split_text
from .casing import CasingModel, casing_counts
from .clean import clean, looks_lowercased
from .debris import debris_kinds
from .debris import without_list_marker as _without_marker
from .language import detect_language
from .truecase import _title_lowercased, restore_title, truecase

if TYPE_CHECKING:
    from ..runtime import Runtime

def _headline_from(text: str, limit: int = 20) -> str:
    """A headline from the first sentence (of the first paragraph that is not debris), without
    its dateline, cut at a word boundary."""
    first = paragraphs(text)[0] if paragraphs(text) else text
    dateline = split_dateline(first)
    if dateline:
        first = dateline[2]
    sentence = (split_sentences(first) or [first])[0].rstrip(".")
    words_ = sentence.split()
    if len(words_) > limit:
        return " ".join(words_[:limit]).rstrip(",;:") + " …"
    return sentence


@dataclass(frozen=True, slots=True)
class Prepared:
    """One raw article after the first pass, before the corpus-wide casing model exists."""

    text: str | None
    """Cleaned and cut to Limits.max_text_chars, while the article still needs the model; else None."""
    notes: tuple[tuple[str, str], ...]
    lowercased: bool
    casing: bytes | None
    """casing_counts of the text when it is normally cased (what it teaches the model), pickled:
    a rebuild that starts from the last model never unpickles an unchanged article's counts."""
    article: object | None = None
    """The finished Article when nothing in it depends on the model (a cased text and title)."""


PREPARE_BATCH = 5_000
"""Articles prepared at a time: their casing evidence is held in memory until merged."""


def _needs_model(raw, lowercased: bool) -> bool:
    """Only a lowercased text or title depends on what the rest of the corpus teaches."""
    return lowercased or bool(raw.title and _title_lowercased(clean(raw.title)))


def prepare(limits: Limits, item: tuple[RawArticle, str]) -> Prepared:
    """First pass over one article: cleaned, cut to the limit, its casing evidence counted, and
    finished at once when nothing in it depends on the corpus's casing model.
    item: (the raw article, the key its finished article is cached under: "" for none)."""
    raw, key = item
    text = clean(raw.raw_text)
    notes = []
    if len(text) > limits.max_text_chars:
        cut = text.rfind("\n", 0, limits.max_text_chars)
        text = text[: cut if cut > 0 else limits.max_text_chars]
        notes.append(("warning", f"{len(raw.raw_text):,} characters; only the first {len(text):,} are analysed"))
    lowercased = looks_lowercased(text)
    split = None if lowercased else split_text(text)
    casing = None if lowercased else pickle.dumps(casing_counts(split), protocol=5)
    if _needs_model(raw, lowercased):
        return Prepared(text, tuple(notes), lowercased, casing)
    # Finished now: a second pass would split the sentences again and send the article back again
    article, notes = _restore_one(limits, (raw, text, notes, lowercased, key), None, {}, split)
    return Prepared(None, tuple(notes), lowercased, casing, article)


def raw_article_key(raw: RawArticle, options: DigestConfig, runtime: Runtime) -> str:
    """The cache key of everything a raw article holds ("" without a cache). Its text goes in as
    a hash of its bytes, not its repr (which escapes every character)."""
    if not runtime.caching:
        return ""
    text = hashlib.sha256(raw.raw_text.encode("utf-8", "surrogatepass")).hexdigest()
    return runtime.key("prepare", replace(raw, raw_text=""), text, options.limits)


def restore_articles(raw_articles: Iterable[RawArticle], options: DigestConfig, runtime: Runtime) -> list[Article]:
    """Raw articles -> articles with readable text, sentences and a headline, in the same order.

    The casing model is learned from the corpus's own normally-cased articles, so one outlet's
    "Raqqa" teaches another outlet's "raqqa" (two passes: every article prepared and its casing
    evidence counted, then the lowercased ones truecased). The per-article work runs on the
    runtime's workers and is cached: a rebuild reads an unchanged article back. What was cut or
    inferred is reported as a warning or info naming the article's file.
    """
    raw_articles = list(raw_articles)
    raw_keys = [raw_article_key(raw, options, runtime) for raw in raw_articles]
    model, prepared = _prepare_and_learn(raw_articles, raw_keys, options, runtime)
    cased = [position for position, item in enumerate(prepared) if not item.lowercased]
    uses_key = runtime.key("lowercase-uses")
    # Articles travel packed to the workers that read them again
    uses = model.read_lowercase_uses([prepared[p].article or prepared[p].text for p in cased], runtime.map,
                                     [raw_keys[p] for p in cased], runtime.get("lowercase-uses", uses_key))
    runtime.put("lowercase-uses", uses_key, uses)
    outlet_names = {}
    for raw in raw_articles:
        outlet_names.setdefault(raw.source.key, raw.source.name)
        outlet_names.setdefault(raw.source.name.lower(), raw.source.name)
    waiting = [position for position, item in enumerate(prepared) if item.article is None]
    shared = runtime.share(model)
    keys = [""] * len(waiting)
    if runtime.caching:
        # On the workers: a rebuild computes every lowercased article's signature (10,000 at
        # 100,000 articles) to find the few whose restored text must be made again
        texts = [f"{prepared[p].text}\n{clean(raw_articles[p].title or '')}" for p in waiting]
        signatures = runtime.map(partial(_signature_with_shared, shared), texts)
        outlets_key = sorted(outlet_names.items())
        keys = [runtime.key(raw_keys[p], casing, outlets_key) for p, casing in zip(waiting, signatures)]
    work = partial(_restore_with_shared, options.limits, shared, outlet_names)
    items = [(raw_articles[p], prepared[p].text, list(prepared[p].notes), prepared[p].lowercased, key) for p, key in zip(waiting, keys)]
    with runtime.stage("truecasing", len(items), "articles") as tick:
        restored = dict(zip(waiting, runtime.cached_map("articles", work, items, keys, tick)))
    articles = []
    for position, item in enumerate(prepared):
        article, notes = restored[position] if position in restored else (item.article, item.notes)
        for level, message in notes:
            runtime.report(level, article.path, None, message)
        articles.append(article)
    return articles


def _prepare_and_learn(raw_articles: list[RawArticle], raw_keys: list[str], options: DigestConfig,
                       runtime: Runtime) -> tuple[CasingModel, list[Prepared]]:
    """Every article prepared (a cased one finished), and the casing model learned from them."""
    # The last build's model, with the articles it was merged from: a day's rebuild adds only
    # the new articles' evidence to it instead of merging every article's again. An article it
    # learned from that is gone or changed (its key is gone) makes it learn afresh, as it goes.
    model_key = runtime.key("casing-model")
    last = runtime.get("casing-model", model_key)
    if last and not (last[0] <= set(raw_keys) and len(set(raw_keys)) == len(raw_keys)):
        last = None
    last_keys, last_evidence = last if last else (frozenset(), None)
    model = CasingModel()
    unmerged: list[bytes] = []  # evidence of articles the last model lacks
    cased_keys: list[str] = []
    prepared: list[Prepared] = []
    work = partial(prepare, options.limits)
    with runtime.stage("restoring", len(raw_articles), "articles") as tick:
        # A batch at a time: each text's casing evidence is merged (or kept packed), then let go
        for start in range(0, len(raw_articles), PREPARE_BATCH):
            batch = slice(start, start + PREPARE_BATCH)
            items = [(raw, runtime.key(raw_key, "", "") if raw_key else "") for raw, raw_key in zip(raw_articles[batch], raw_keys[batch])]
            for raw_key, item in zip(raw_keys[batch], runtime.cached_map("prepared", work, items, raw_keys[batch], tick)):
                if item.casing is not None:
                    cased_keys.append(raw_key)
                    if last_evidence is None:
                        model.merge(_evidence(item.casing))
                    elif raw_key not in last_keys:
                        unmerged.append(item.casing)
                prepared.append(replace(item, casing=None))
    if last_evidence is not None:
        model.merge(last_evidence)
        for casing in unmerged:
            model.merge(_evidence(casing))
    if runtime.caching:
        runtime.put("casing-model", model_key, (frozenset(cased_keys), model.evidence()))
    return model, prepared


def _evidence(casing: bytes) -> tuple[Counter, Counter, Counter, Counter]:
    return pickle.loads(casing)  # written by prepare() in this build or a cached one


def _signature_with_shared(model, text: str) -> str:
    return model.value.signature(text)


def _restore_with_shared(limits: Limits, model, outlet_names: dict[str, str], item):
    return _restore_one(limits, item, model.value, outlet_names)


def _restore_one(limits: Limits, item, model: CasingModel | None, outlet_names: dict[str, str],
                 split: list[list[str]] | None = None) -> tuple[Article, tuple[tuple[str, str], ...]]:
    """The article itself: truecased when it arrived lowercased, split into sentences (unless
    split already: split_text), titled. model may be None when neither text nor title is lowercased.
    item: (raw article, cleaned text, notes so far, lowercased, cache key). Returns the article
    and its notes, (level, message) pairs."""
    raw, text, notes, lowercased, key = item
    notes = list(notes)
    if lowercased:
        text = truecase(text, model, outlet_names)
        notes.append(("info", "text arrived lowercased; capitals restored from the corpus and the word list"))
    split = split if split is not None else split_text(text)
    lang = raw.lang or detect_language(text)
    kinds, readable, dropped, found_date = debris_kinds(split, raw.published, english=language(lang) == "en")
    headline_line = next((kind.removeprefix("headline: ") for kind in dropped if kind.startswith("headline: ")), None)
    dropped = Counter({("headline" if kind.startswith("headline: ") else kind): n for kind, n in dropped.items()})
    if dropped:
        listed = ", ".join(f"{count} {kind}" for kind, count in sorted(dropped.items()))
        notes.append(("info", f"not article text, never summarised: {listed}"))
    published = raw.published
    if published is None and found_date is not None:
        published = found_date
        notes.append(("info", f"no date; using the date line in the text: {found_date.date().isoformat()}"))
    sentences = []
    for number, (paragraph_sentences, paragraph_kinds) in enumerate(zip(split, kinds)):
        for sentence, kind in zip(paragraph_sentences, paragraph_kinds):
            plain = sentence if kind else _without_marker(sentence)
            sentences.append(Sentence(text=plain, index=len(sentences), paragraph=number, debris=kind))
    if len(sentences) > limits.max_sentences:
        notes.append(("warning", f"{len(sentences)} sentences; only the first {limits.max_sentences} are analysed"))
        sentences = sentences[: limits.max_sentences]
    title = restore_title(raw.title, model) if raw.title else None
    inferred = title is None
    if inferred and headline_line:
        title = headline_line
        notes.append(("info", f"no title; using the headline line at the top of the text: {title!r}"))
    elif inferred:
        title = _headline_from("\n".join(" ".join(p) for p in readable) or text)
        notes.append(("info", f"no title; using a headline from the first sentence: {title!r}"))
    article = Article(
        id=raw.id, path=raw.path, source=raw.source,
        sentences=Sentences.of(sentences), title=title, published=published, url=raw.url,
        author=raw.author, lang=lang, license=raw.license, title_inferred=inferred,
        summary_only=raw.summary_only, copy_of=raw.copy_of, fingerprint=key,
    )
    return article, tuple(notes)
