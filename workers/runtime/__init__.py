"""How a stage runs: the chain around its handler (decoding, retries, routing,
dead letters, metrics, commits) and the Faust application that feeds it."""
