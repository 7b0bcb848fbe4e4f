"""The README's CSV reference is the one schema.py declares."""

from __future__ import annotations

from actorgraph import reference, schema
from conftest import REPO


def test_readme_reference_is_up_to_date():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert reference.replace_section(readme) == readme, (
        "README.md is stale: run `python -m actorgraph.reference --write README.md`")


def test_reference_lists_every_vocabulary_entry():
    text = reference.reference()
    for vocabulary in (schema.ACTOR_TYPES, schema.RELATIONS, schema.CERTAINTIES):
        for name in vocabulary:
            assert f"| `{name}` |" in text
    for table in schema.TABLES:
        for column in table.column_names:
            assert f"| `{column}` |" in text
