"""The producer's codec and checksum are the compiled ones, and every client
that reads the topics can decode what it writes."""

from __future__ import annotations

import aiokafka.codec
import kafka.codec
from kafka.record import util


def test_record_batches_are_checksummed_in_c() -> None:
    """kafka-python falls back to a pure-Python CRC32C, a third of the producer's time."""
    assert util.crc32c_c is not None
    assert util.calc_crc32c(b"123456789") == 0xE3069283


def test_both_clients_read_what_the_producer_compresses() -> None:
    assert kafka.codec.has_lz4()
    assert aiokafka.codec.has_lz4()
    compressed = kafka.codec.lz4_encode(b"wire story " * 100)
    assert aiokafka.codec.lz4_decode(compressed) == b"wire story " * 100
