"""Which variable names stand for personal data."""

from __future__ import annotations

import re

# A word that means personal data wherever it appears in a name (`codice_fiscale_utente`).
STRONG = frozenset(
    "cognome nominativo cf codicefiscale fiscale email mail pec telefono tel cellulare cell iban "
    "targa nascita datanascita passaporto patente surname lastname firstname fullname fiscal phone "
    "mobile birth birthdate dob birthday passport plate ssn".split()
)
# A word that means personal data alone or next to a word for a person (`nome`, `nome_genitore`)
# but not next to anything else (`nome_ufficio`, `indirizzo_sportello`).
WEAK = frozenset("nome name indirizzo address residenza domicilio".split())
PERSON = frozenset(
    "cittadino cittadina utente intestatario intestataria destinatario destinataria beneficiario "
    "beneficiaria contribuente richiedente genitore figlio figlia bambino bambina minore alunno "
    "alunna studente studentessa titolare proprietario proprietaria conducente trasgressore "
    "persona completo completa citizen user holder owner recipient child parent student person "
    "full first last given family di del della".split()
)


def words(parts: list[str]) -> list[str]:
    """The lower-case words of a dotted name: snake_case, camelCase and digits split apart."""
    out = []
    for part in parts:
        spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", part)
        out += [w.lower() for w in re.split(r"[^A-Za-z]+", spaced) if w]
    return out


def personal_word(parts: list[str]) -> str | None:
    """The word that makes a variable name personal data, or None."""
    found = words(parts)
    for word in found:
        if word in STRONG:
            return word
    for word in found:
        if word in WEAK and all(w in WEAK or w in PERSON for w in found):
            return word
    return None
