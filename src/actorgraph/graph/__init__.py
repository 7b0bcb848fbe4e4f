"""The casebook as a graph: building it, finding actors by name, filters, paths, selections
and centrality. Reads the casebook layer; knows nothing of storage, pages or the CLI."""
