"""Named entities from a statistical tagger, as more candidate actors (optional).

`ner="spacy:MODEL"` loads a spaCy pipeline the user installed (spaCy is never required:
it is imported only here, only when asked for). Any object that, called on a text, returns
something with `.ents` (each with `.text`, `.label_`, `.start_char`, `.end_char`), as a
spaCy pipeline does, may be passed instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from actorgraph.errors import BadValue

# spaCy's entity labels (OntoNotes) that name actors, and the actor type each suggests.
LABEL_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "state", "LOC": "territory",
               "FAC": "facility"}
PREFIX = "spacy:"


@dataclass(frozen=True)
class Entity:
    name: str
    type: str
    label: str
    start: int
    end: int


def recogniser(ner) -> Callable | None:
    """The tagger `ner` names: None, "spacy:MODEL", or a ready object (a spaCy pipeline or a
    stand-in with the same interface)."""
    if ner is None or callable(ner):
        return ner
    if not isinstance(ner, str) or not ner.startswith(PREFIX) or not ner[len(PREFIX):]:
        raise BadValue("ner", ner, f"is not a tagger; give {PREFIX}MODEL, the name of a spaCy "
                       "pipeline you installed (spacy:en_core_web_sm)")
    model = ner[len(PREFIX):]
    try:
        import spacy
    except ImportError as err:
        raise BadValue("ner", ner, "needs spaCy, which is not installed: `pip install spacy`, "
                       "then install the pipeline (`python -m spacy download "
                       f"{model}`); suggestions work without it") from err
    try:
        return spacy.load(model)
    except OSError as err:
        raise BadValue("ner", ner, f"names no installed spaCy pipeline ({model!r} not found); "
                       f"install it with `python -m spacy download {model}`") from err


def entities(tagger: Callable, text: str) -> list[Entity]:
    """The entities of the text that name actors."""
    found = []
    for ent in tagger(text).ents:
        kind = LABEL_TYPES.get(ent.label_)
        name = ent.text.strip()
        if kind and name and ent.start_char < ent.end_char:
            found.append(Entity(name, kind, ent.label_, ent.start_char, ent.end_char))
    return found
