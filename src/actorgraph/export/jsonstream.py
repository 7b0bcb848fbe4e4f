"""JSON documents written item by item: byte for byte what `json.dump(document, out,
indent=2, ensure_ascii=False)` writes, without the whole document in memory.

A writer describes its document with each long list left as a placeholder (`Slots`), reads
the casebook once into spools, one JSON text per actor and per claim (`spooled_items`: the
claims come back in the graph's order, `spool.graph_order`), and then writes the document
around them (`write_document`). Nothing is written before everything is read, so a store
found damaged halfway leaves no output behind (`export.export_casebook` then reads the
casebook's files instead).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TextIO

from actorgraph.export.records import Records
from actorgraph.export.spool import spooled_records

INDENT = 2
_SCALAR = json.JSONEncoder(ensure_ascii=False).encode  # json's C encoder, used unindented


def item(value, pad: str = "") -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, each line after the first
    prefixed by `pad`: one list item as JSON text (`write_document` indents it to its
    depth). json indents through its pure-Python encoder, three times slower, and each call
    makes closures that refer to one another: garbage only the cycle collector frees, which
    an export pauses (1.9 GB for the 500k claims of the benchmark casebook)."""
    if isinstance(value, dict):
        if not value or any(key.__class__ is not str for key in value):
            return json.dumps(value, ensure_ascii=False, indent=INDENT).replace("\n", "\n" + pad)
        inner = pad + " " * INDENT
        return "{\n" + ",\n".join([f"{inner}{_SCALAR(key)}: {item(part, inner)}"
                                    for key, part in value.items()]) + f"\n{pad}}}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = pad + " " * INDENT
        return "[\n" + ",\n".join([inner + item(part, inner) for part in value]) + f"\n{pad}]"
    return _SCALAR(value)


class Slots:
    """Placeholders for the streamed lists of a document, each a list holding one marker
    that no value can spell (a NUL, which no CSV cell holds, and a random token)."""

    def __init__(self):
        self._token = uuid.uuid4().hex
        self._count = 0

    def __call__(self) -> list[str]:
        """A new placeholder: the next list `write_document` is given goes here."""
        self._count += 1
        return [self._name(self._count - 1)]

    def _name(self, i: int) -> str:
        return f"\x00{self._token}:{i}"

    def marker(self, i: int) -> str:
        """The i-th placeholder's item as the document's JSON text holds it."""
        return json.dumps(self._name(i))


def write_document(text: TextIO, document: dict, slots: Slots,
                   lists: list[Iterable[str]]) -> None:
    """Write `document` as `json.dump` would, its placeholders (`slots`, in the order they
    appear) filled with the items of `lists` (JSON texts, `item`)."""
    rest = json.dumps(document, ensure_ascii=False, indent=INDENT)
    for i, items in enumerate(lists):
        head, rest = rest.split(slots.marker(i), 1)
        pad = head[head.rindex("\n") + 1:]  # the items' indentation
        text.write(head[:-len(pad) - 1])  # up to the list's "["
        written = False
        for value in items:
            text.write(",\n" if written else "\n")
            text.write(pad + value.replace("\n", "\n" + pad))
            written = True
        if not written:  # json writes an empty list as "[]"
            rest = rest[rest.index("]"):]
    text.write(rest)
    text.write("\n")


@contextmanager
def spooled_items(records: Records, label: str, node_item: Callable[[object, dict], str],
                  edge_item: Callable[[object, object, object, dict], str]
                  ) -> Iterator[tuple[Iterator[str], Iterator[str], int]]:
    """Read `records` once (`spool.spooled_records`), each actor made JSON text by
    `node_item(node, attributes)` and each claim by `edge_item(source, target, key,
    attributes)`; give back the actors' texts in their order, the claims' in the graph's
    order (`G.edges()`'s), and how many there are in all."""
    with spooled_records(records, label,
                         lambda node, data: (node, (node_item(node, data),)),
                         lambda u, v, key, data: (u, v, (edge_item(u, v, key, data),))
                         ) as (nodes, edges, order):
        yield ((text for (text,) in nodes.records()), (text for (text,) in edges.records(order)),
               len(nodes) + len(edges))
