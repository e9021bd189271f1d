"""Ingest and parse take one file to many articles: pages, feed items and JSON records each
stored under their own name, bad records named, re-ingests idempotent, records streamed."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from store import Store
from tests.checks import assert_consistent
from tests.test_formats import PAGE, RECORDS, RSS
from tui.cli import main

NEW_ITEM = """<item><title>Bridge closed for repairs</title><link>https://bergencourier.example/c</link>
<pubDate>Fri, 07 May 2021 09:00:00 GMT</pubDate><description>The old bridge closed on Friday for two months of repairs.</description></item>"""


def record_lines(records: Sequence[object], bad_at: int | None = None) -> str:
    lines = [json.dumps(record) for record in records]
    if bad_at is not None:
        lines.insert(bad_at, '{"title": "cut off", "body": "no end')
    return "\n".join(lines) + "\n"


def many_records(count: int) -> list[dict[str, object]]:
    filler = "The committee met again to discuss the harbour budget and the ferry timetable. " * 8
    return [
        {
            "title": f"Harbour report number {index}",
            "body": f"Report {index}. {filler}",
            "date": f"2020-01-{index % 28 + 1:02d}",
        }
        for index in range(count)
    ]


def test_pages_feeds_and_records_are_stored_and_a_bad_record_is_named(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "inbox"
    write("inbox/page.html", PAGE)
    write("inbox/feed.xml", RSS)
    write("inbox/records.jsonl", record_lines(RECORDS, bad_at=1))
    with Store.open(tmp_path / "a.db") as store:
        report = store.ingest([str(folder)], workers=1)
        assert (report.added, report.updated, report.unchanged) == (1 + 2 + 3, 0, 0)
        assert report.failed == [
            (f"{folder}/records.jsonl#2", "record on line 2 is not valid JSON (Invalid control character)")
        ]
        paths = {row[0] for row in store.db.execute("SELECT path FROM paths")}
        assert f"{folder}/feed.xml#https://bergencourier.example/a" in paths and f"{folder}/records.jsonl#3" in paths
        hit = store.search('title:"harbour plan approved after long debate"').hits[0]
        assert (hit.date, hit.source) == ("2021-05-05", "The Bergen Courier")
        assert store.search("title:ferry").hits[0].date == "2021-05-06"
        assert store.search('"filed in 1987"').hits[0].date == "1987-02-26"
        again = store.ingest([str(folder)], workers=1)
        assert (again.added, again.updated, again.unchanged) == (0, 0, 6)
    assert_consistent(tmp_path / "a.db")


def test_a_feed_saved_again_with_a_new_item_adds_it_and_keeps_the_old_ones(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    feed = write("feed.xml", RSS)
    with Store.open(tmp_path / "a.db") as store:
        store.ingest([str(feed)], workers=1)
        old = store.search("title:harbour").hits[0].id
        store.mark([old], starred=True)
        feed.write_text(RSS.replace("<item>", NEW_ITEM + "<item>", 1), encoding="utf-8")
        report = store.ingest([str(feed)], workers=1)
        assert (report.added, report.updated, report.unchanged) == (1, 0, 2)
        stored = store.article(old)
        assert stored is not None and stored.starred and stored.article.title == "Harbour plan approved"


@pytest.mark.parametrize("workers", [1, 2])
def test_a_large_record_file_is_streamed_to_the_workers_in_order(tmp_path: Path, write, workers: int) -> None:  # type: ignore[no-untyped-def]
    records = write("big.jsonl", record_lines(many_records(600), bad_at=300))
    assert records.stat().st_size > 256 * 1024  # above the size from which records go to the workers
    with Store.open(tmp_path / "a.db") as store:
        report = store.ingest([str(records)], workers=workers)
        assert (report.added, len(report.failed)) == (600, 1)
        assert report.failed[0][0] == f"{records}#301"
        paths = [row[0] for row in store.db.execute("SELECT path FROM paths ORDER BY article_id")]
        assert paths[:2] == [f"{records}#1", f"{records}#2"] and paths[-1] == f"{records}#601"
    assert_consistent(tmp_path / "a.db")


def test_progress_counts_files_not_records(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    write("in/a.jsonl", record_lines(many_records(700)))
    write("in/b.html", PAGE)
    seen: list[tuple[int, int]] = []
    with Store.open(tmp_path / "a.db") as store:
        store.ingest([str(tmp_path / "in")], progress=lambda done, total: seen.append((done, total)), workers=1)
    assert all(done <= total == 2 for done, total in seen) and seen[-1] == (2, 2)


def test_parse_json_gives_one_object_per_item_and_names_bad_records(capsys: pytest.CaptureFixture[str], write) -> None:  # type: ignore[no-untyped-def]
    feed = write("feed.rss", RSS)
    records = write("records.json", json.dumps([RECORDS[0], {"title": "No body"}]))
    code = main(["parse", "--json", str(feed), str(records)])
    parsed = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [item["path"] for item in parsed] == [
        f"{feed}#https://bergencourier.example/a",
        f"{feed}#https://bergencourier.example/b",
        f"{records}#https://x.example/1",
        f"{records}#2",
    ]
    assert parsed[0]["date"] == "2021-05-05" and parsed[0]["source"] == "Bergen Courier"
    assert parsed[3] == {"path": f"{records}#2", "error": "record on line 1: no body text (title only)"}


def test_ingest_json_names_the_bad_record(capsys: pytest.CaptureFixture[str], tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    records = write("records.jsonl", record_lines(RECORDS, bad_at=2))
    code = main(["ingest", str(records), "--json", "--db", str(tmp_path / "cli.db")])
    report = json.loads(capsys.readouterr().out)
    assert code == 1 and report["added"] == 3
    assert report["failed"] == [
        {"path": f"{records}#3", "error": "record on line 3 is not valid JSON (Invalid control character)"}
    ]
