"""iolint's Italian recognizers as presidio-analyzer recognizers, and an offline AnalyzerEngine.

Each recognizer wraps one finder of ``iolint.pii.finders`` (the same code ``iolint.pii.detect``
runs), registered for language "it". A team can add them to its own engine::

    from iolint.pii.recognizers import build_analyzer, italian_recognizers
    engine = build_analyzer()                      # iolint's recognizers only
    engine = build_analyzer(extra_recognizers=[my_recognizer])
    registry.add_recognizer(italian_recognizers()[0])  # or pick some for an existing registry

Offline by construction: the NLP engine wraps ``spacy.blank(lang)`` (a tokenizer, no model, so
nothing to download), and tldextract is told not to fetch the Public Suffix List, which
presidio's EmailRecognizer would otherwise try on first use.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

# Before presidio is imported (iolint.pii sets it too): tldextract reads it when presidio's
# EmailRecognizer first runs.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

import spacy
from presidio_analyzer import (
    AnalyzerEngine,
    EntityRecognizer,
    LocalRecognizer,
    RecognizerRegistry,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine

from iolint.pii import finders
from iolint.pii.finders import Finder, may_find
from iolint.pii.normalise import normalise

LANGUAGE = "it"


class BlankSpacyNlpEngine(SpacyNlpEngine):
    """A SpacyNlpEngine on ``spacy.blank(lang)``: tokens only, never loads or downloads a model.

    A blank pipeline leaves ``token.lemma_`` empty, which would silence presidio's context
    enhancer (it compares context words with lemmas); the lower-cased token stands in for it.
    """

    def __init__(self, languages: Iterable[str] = (LANGUAGE,)):
        super().__init__(models=[{"lang_code": lang, "model_name": f"blank:{lang}"} for lang in languages])

    def load(self) -> None:
        self.nlp = {m["lang_code"]: spacy.blank(m["lang_code"]) for m in self.models}

    def _doc_to_nlp_artifact(self, doc, language: str) -> NlpArtifacts:
        return NlpArtifacts(
            entities=[],
            tokens=doc,
            tokens_indices=[t.idx for t in doc],
            lemmas=[t.lower_ for t in doc],
            nlp_engine=self,
            language=language,
            scores=[],
        )


class IolintRecognizer(LocalRecognizer):
    """A presidio recognizer that runs one of iolint's finders (``iolint.pii.finders.FINDERS``):
    one class for all of them, so a new finder needs no recognizer code."""

    def __init__(self, finder: Finder, supported_language: str = LANGUAGE):
        self.finder = finder
        super().__init__(
            supported_entities=list(finder.entities), name=finder.name, supported_language=supported_language
        )

    def load(self) -> None:
        """Nothing to load: the finder loads its data (name lists) on first use."""

    def analyze(self, text: str, entities: list[str] | None = None, nlp_artifacts: NlpArtifacts | None = None):
        wanted = set(entities) if entities else None
        metadata = {
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
        }
        normal = normalise(text)  # obfuscation undone; results point into ``text``
        if not may_find(self.finder, normal.text):
            return []
        return [
            RecognizerResult(hit.kind, *normal.span(hit.start, hit.end), hit.score, recognition_metadata=dict(metadata))
            for hit in self.finder.find(normal.text)
            if wanted is None or hit.kind in wanted
        ]


def italian_recognizers(supported_language: str = LANGUAGE) -> list[IolintRecognizer]:
    """One recognizer per finder, in the finders' order."""
    return [IolintRecognizer(finder, supported_language) for finder in finders.FINDERS]


def build_analyzer(extra_recognizers: Iterable[EntityRecognizer] = ()) -> AnalyzerEngine:
    """An offline AnalyzerEngine for Italian with iolint's recognizers and ``extra_recognizers``."""
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in (*italian_recognizers(), *extra_recognizers):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=BlankSpacyNlpEngine(), supported_languages=[LANGUAGE])
