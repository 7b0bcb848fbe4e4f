"""The casebook as files: reading the CSV tables and documents, finding quotes, checking every
value. No graph here (networkx is not imported)."""
