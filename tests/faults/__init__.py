"""Fault-injection harness: a synthetic wire corpus with its ground truth, private
servers that can be killed, and scenarios that compare what the pipeline stored
with what it should have stored."""
