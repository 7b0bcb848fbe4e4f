"""The explorer page: the casebook as one self-contained, offline HTML file."""
