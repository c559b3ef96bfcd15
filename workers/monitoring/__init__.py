"""What the pipeline is doing: consumer lag exported by every worker (`lag`), and
the throughput, lag, duplicate and dead-letter figures of `newswire stats` and
`newswire top` (`stats`)."""
