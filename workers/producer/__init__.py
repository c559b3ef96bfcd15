"""The producer: feed bytes in, validated Articles (or dead letters) out to Kafka."""
