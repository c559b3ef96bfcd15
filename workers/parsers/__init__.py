"""Feed parsers, one module per format, found through `registry`."""
