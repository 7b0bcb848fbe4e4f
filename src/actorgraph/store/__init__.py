"""The store: what reading, validating and building a casebook found, kept in one SQLite
database per casebook, so that later commands on the unchanged casebook start from there."""
