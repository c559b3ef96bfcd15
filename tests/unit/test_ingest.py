from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from workers.models import Article
from workers.parsers.base import FeedContext, ItemFailure
from workers.producer.ingest import Document, parse_document, read_paths

CTX = FeedContext(feed_id="t", fetched_at=datetime(2026, 1, 1, tzinfo=UTC), link="a.txt")
STORY = "عواصم - (وكالات): اعلن التحالف الدولي اتفاقا.\n\nوقال مصدر ان القافلة غادرت.\n".encode()


def test_a_story_becomes_one_article() -> None:
    [result] = parse_document(Document(STORY, CTX), max_item_bytes=10_000)
    assert isinstance(result, Article)
    assert result.located == "عواصم"
    assert result.headline == "اعلن التحالف الدولي اتفاقا."


def test_an_oversized_document_is_a_failure_naming_the_setting() -> None:
    [result] = parse_document(Document(STORY, CTX), max_item_bytes=10)
    assert isinstance(result, ItemFailure) and result.error_type == "oversized"
    assert "NEWSWIRE_MAX_ITEM_BYTES" in result.reason


def test_an_unknown_format_lists_the_valid_ones() -> None:
    [result] = parse_document(Document(STORY, CTX, "telex"), max_item_bytes=10_000)
    assert isinstance(result, ItemFailure) and result.error_type == "unknown_format"
    assert "agency-text" in result.reason


def test_directories_are_read_in_name_order_skipping_feed_lists(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_bytes(STORY)
    (tmp_path / "a.txt").write_bytes(STORY)
    (tmp_path / "feeds.toml").write_text("[x]")
    (tmp_path / ".hidden").write_text("x")
    links = [doc.ctx.link for doc in read_paths([tmp_path], "t")]
    assert links == ["a.txt", "b.txt"]


def test_a_vocalised_copy_gets_the_same_headline_as_the_plain_story() -> None:
    from workers.parsers.agency_text import headline_from_lead
    from workers.text.normalize import normalize_text

    plain = "دمشق (رويترز) - قالت وزارة الكهرباء السورية يوم الاثنين إن ساعات التقنين " * 3
    vocalised = "دِمَشْق (رويترز) - قالَتْ وزارةُ الكَهْرَباءِ السّوريّة يوم الإثنين إنّ ساعاتِ التّقنين " * 3
    assert normalize_text(headline_from_lead(plain)) == normalize_text(
        headline_from_lead(vocalised)
    )
    assert headline_from_lead(plain).endswith("…")
