"""Benchmarks: run against the real local stack, never as timed test assertions."""
