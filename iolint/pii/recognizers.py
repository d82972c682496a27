"""iolint's Italian recognizers as presidio-analyzer recognizers, and an offline AnalyzerEngine.

Each recognizer wraps one finder of ``iolint.pii.detectors`` (the same code ``iolint.pii.detect``
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
from typing import ClassVar

# Before presidio is imported: tldextract reads it when presidio's EmailRecognizer first runs.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

import spacy  # noqa: E402
from presidio_analyzer import (  # noqa: E402
    AnalyzerEngine,
    EntityRecognizer,
    LocalRecognizer,
    RecognizerRegistry,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine  # noqa: E402

from iolint.pii.detectors import DETECTORS, Detector, may_find  # noqa: E402
from iolint.pii.normalise import normalise  # noqa: E402

LANGUAGE = "it"
_BY_NAME = {d.name: d for d in DETECTORS}


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
    """A presidio recognizer that runs one of iolint's pure-Python detectors."""

    detector: ClassVar[Detector]

    def __init__(self, supported_language: str = LANGUAGE):
        super().__init__(
            supported_entities=list(self.detector.entities),
            name=self.detector.name,
            supported_language=supported_language,
        )

    def load(self) -> None:
        """Nothing to load: the detector loads its data (name lists) on first use."""

    def analyze(self, text: str, entities: list[str] | None = None, nlp_artifacts: NlpArtifacts | None = None):
        wanted = set(entities) if entities else None
        metadata = {
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
        }
        normal = normalise(text)  # obfuscation undone; results point into ``text``
        if not may_find(self.detector, normal.text):
            return []
        return [
            RecognizerResult(hit.kind, *normal.span(hit.start, hit.end), hit.score, recognition_metadata=dict(metadata))
            for hit in self.detector.find(normal.text)
            if wanted is None or hit.kind in wanted
        ]


class IolintEmailRecognizer(IolintRecognizer):
    detector = _BY_NAME["IolintEmailRecognizer"]


class IolintPhoneRecognizer(IolintRecognizer):
    detector = _BY_NAME["IolintPhoneRecognizer"]


class IolintFiscalCodeRecognizer(IolintRecognizer):
    detector = _BY_NAME["IolintFiscalCodeRecognizer"]


class IolintVatCodeRecognizer(IolintRecognizer):
    detector = _BY_NAME["IolintVatCodeRecognizer"]


class IolintIbanRecognizer(IolintRecognizer):
    detector = _BY_NAME["IolintIbanRecognizer"]


class IolintPlateRecognizer(IolintRecognizer):
    detector = _BY_NAME["IolintPlateRecognizer"]


class IolintIdentityDocumentRecognizer(IolintRecognizer):
    detector = _BY_NAME["IolintIdentityDocumentRecognizer"]


class IolintAddressRecognizer(IolintRecognizer):
    detector = _BY_NAME["IolintAddressRecognizer"]


class IolintBirthDateRecognizer(IolintRecognizer):
    detector = _BY_NAME["IolintBirthDateRecognizer"]


class IolintSpecialCategoryRecognizer(IolintRecognizer):
    detector = _BY_NAME["IolintSpecialCategoryRecognizer"]


class IolintPersonRecognizer(IolintRecognizer):
    detector = _BY_NAME["IolintPersonRecognizer"]


RECOGNIZER_CLASSES: tuple[type[IolintRecognizer], ...] = tuple(IolintRecognizer.__subclasses__())


def italian_recognizers(supported_language: str = LANGUAGE) -> list[IolintRecognizer]:
    """One instance of each iolint recognizer, in the detectors' order."""
    by_name = {cls.detector.name: cls for cls in RECOGNIZER_CLASSES}
    return [by_name[d.name](supported_language) for d in DETECTORS]


def build_analyzer(extra_recognizers: Iterable[EntityRecognizer] = ()) -> AnalyzerEngine:
    """An offline AnalyzerEngine for Italian with iolint's recognizers and ``extra_recognizers``."""
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in (*italian_recognizers(), *extra_recognizers):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=BlankSpacyNlpEngine(), supported_languages=[LANGUAGE])
