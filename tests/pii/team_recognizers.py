"""A team's own presidio recognizers, as a config would name them ("module:attr")."""

from presidio_analyzer import Pattern, PatternRecognizer


class PraticaRecognizer(PatternRecognizer):
    """Internal case numbers such as PR-123456."""

    def __init__(self):
        super().__init__(
            supported_entity="IT_PRATICA",
            supported_language="it",
            patterns=[Pattern("pratica", r"\bPR-\d{6}\b", 0.8)],
        )


PRATICA = PraticaRecognizer()


def recognizers():
    return [PraticaRecognizer()]


NOT_A_RECOGNIZER = "nope"
