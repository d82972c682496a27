"""The frequent-service models: message templates for the services most enti offer on IO.

Each model is a folder under ``models/`` with a ``model.yaml`` (name, argomento, service
description, card button, and the messages in the order a citizen receives them, each with
when to send it) and one ``<message>.io.yaml`` template per message. The texts are iolint's own,
written on the structure of PagoPA's catalogue of frequent-service models.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from iolint.templates import MissingVariables, RenderError, render_file

MODELS_DIR = Path(__file__).resolve().parent / "models"

__all__ = [
    "Model",
    "Message",
    "models",
    "model",
    "variables",
    "render",
    "RenderError",
    "MissingVariables",
    "UnknownTemplate",
]


class UnknownTemplate(RenderError, LookupError):
    """A model or message the catalogue does not have."""


@dataclass(frozen=True)
class Message:
    ref: str  # "model/message"
    name: str
    when: str
    extras: tuple[str, ...]
    path: Path

    def to_dict(self) -> dict:
        return {"ref": self.ref, "name": self.name, "when": self.when, "extras": list(self.extras)}


@dataclass(frozen=True)
class Model:
    id: str
    name: str
    argomento: str
    description: str
    button: str
    messages: tuple[Message, ...]

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "argomento": self.argomento,
            "description": self.description,
            "button": self.button,
            "messages": [m.to_dict() for m in self.messages],
        }


def _load(folder: Path) -> Model:
    meta = yaml.safe_load((folder / "model.yaml").read_text("utf-8"))
    messages = tuple(
        Message(
            ref=f"{folder.name}/{m['id']}",
            name=m["name"],
            when=" ".join(m["when"].split()),
            extras=tuple(m.get("extras", ())),
            path=folder / f"{m['id']}.io.yaml",
        )
        for m in meta["messages"]
    )
    return Model(
        id=folder.name,
        name=meta["name"],
        argomento=meta["argomento"],
        description=meta["description"].strip(),
        button=meta["button"],
        messages=messages,
    )


@cache
def _models() -> tuple[Model, ...]:
    return tuple(_load(folder) for folder in sorted(MODELS_DIR.iterdir()) if (folder / "model.yaml").is_file())


def models() -> list[Model]:
    """Every model of the catalogue, by id."""
    return list(_models())


def model(model_id: str) -> Model:
    for found in _models():
        if found.id == model_id:
            return found
    raise UnknownTemplate(f"no model {model_id!r} (see `iolint models`)")


def message(ref: str) -> Message:
    if not isinstance(ref, str):  # a Path, None: not an AttributeError from deep inside
        raise UnknownTemplate(f"a message is named as text such as 'tari/avviso-pagamento', not a {type(ref).__name__}")
    model_id, _, message_id = ref.partition("/")
    for found in model(model_id).messages:
        if found.ref == ref:
            return found
    known = ", ".join(m.ref for m in model(model_id).messages)
    raise UnknownTemplate(f"no message {ref!r}: {model_id} has {known}")


def variables(ref: str) -> list[dict]:
    """The variables of catalogue message ``ref``: name, type, description, sample, samples,
    whether the sending code must give it (``required``: it has no default) and its default."""
    from iolint.templates import PreparedTemplate

    out = []
    for var in PreparedTemplate(message(ref).path, ref).variables.values():
        row = {
            "name": var.name,
            "type": var.type or "any",
            "description": var.description,
            "sample": var.sample,
            "samples": list(var.samples),
            "required": not var.has_default,
        }
        if var.has_default:
            row["default"] = var.default
        out.append(row)
    return out


def render(ref: str, data: dict | None = None, *, sample: bool = False) -> dict:
    """The NewMessage payload of catalogue message ``ref`` ("model/message"), without
    ``fiscal_code``. ``data`` gives the variables; with ``sample``, the template's sample values
    fill in what ``data`` lacks. Missing variables raise ``MissingVariables``, naming them."""
    return render_file(message(ref).path, data, sample=sample, name=ref)
