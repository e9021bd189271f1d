"""OPML: importing the files other feed readers export, exporting ours, and the round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from feeds.errors import SubscriptionError
from feeds.opml import Outline, read_opml, write_opml
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def opml_of(feeds: list[tuple[str, str]], nested: bool = False) -> str:
    outlines = "".join(
        f'<outline type="rss" text="{name}" title="{name}" xmlUrl="{url}" htmlUrl="{url}/site"/>' for url, name in feeds
    )
    if nested:  # as Feedly and Inoreader write them: feeds inside category outlines
        outlines = f'<outline text="News"><outline text="Inner">{outlines}</outline></outline>'
    return f'<?xml version="1.0" encoding="UTF-8"?><opml version="1.0"><head><title>x</title></head><body>{outlines}</body></opml>'


FIFTY = [(f"https://news{number}.example.org/feed.xml", f"News &amp; views {number}") for number in range(50)]


def test_fifty_feeds_come_back_the_same_through_import_and_export(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "subscriptions.opml"
    source.write_text(opml_of(FIFTY, nested=True), encoding="utf-8")
    first, second = str(tmp_path / "first.db"), str(tmp_path / "second.db")

    code, out, _ = run(capsys, "feed", "import", str(source), "--db", first)
    assert (code, out) == (0, "50 subscribed, 0 already subscribed, 0 skipped\n")
    exported = tmp_path / "exported.opml"
    code, _, err = run(capsys, "feed", "export", "-o", str(exported), "--db", first)
    assert code == 0 and err == f"50 feeds written to {exported}\n"
    run(capsys, "feed", "import", str(exported), "--db", second)

    listed = json.loads(run(capsys, "feed", "list", "--json", "--db", second)[1])
    assert [(feed["url"], feed["name"]) for feed in listed] == [
        (url, name.replace("&amp;", "&")) for url, name in FIFTY
    ]
    assert [(outline.url, outline.name) for outline in read_opml(exported.read_bytes())] == [
        (url, name.replace("&amp;", "&")) for url, name in FIFTY
    ]


def test_importing_again_adds_nothing_and_bad_addresses_are_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "mixed.opml"
    feeds = [("https://a.example.org/rss", "A"), ("file:///etc/passwd", "Local"), ("javascript:alert(1)", "Script")]
    source.write_text(opml_of(feeds), encoding="utf-8")
    db = str(tmp_path / "x.db")

    code, out, err = run(capsys, "feed", "import", str(source), "--db", db)
    assert (code, out) == (0, "1 subscribed, 0 already subscribed, 2 skipped\n")
    assert err == (
        "skipped file:///etc/passwd: not an http or https address\n"
        "skipped javascript:alert(1): not an http or https address\n"
    )
    code, out, _ = run(capsys, "feed", "import", str(source), "--db", db, "--json")
    assert json.loads(out)["added"] == 0 and json.loads(out)["existing"] == 1


def test_export_to_standard_output_is_opml(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    run(capsys, "feed", "add", "https://a.example.org/rss?x=1&y=2", "--name", 'Quotes " and <tags>', "--db", db)
    code, out, _ = run(capsys, "feed", "export", "--db", db)
    assert code == 0 and out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    assert read_opml(out.encode("utf-8")) == [Outline("https://a.example.org/rss?x=1&y=2", 'Quotes " and <tags>')]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body/></opml>', "declares a DTD"),
        (b"<opml><body><outline xmlUrl='https://x.org/f'></body>", "not a well-formed OPML file"),
        (b"<html><body>not opml</body></html>", "not an OPML file (its root element is <html>)"),
    ],
    ids=["entity-bomb", "broken", "html"],
)
def test_files_that_are_not_safe_opml_are_refused(content: bytes, message: str) -> None:
    with pytest.raises(SubscriptionError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_opml(content)


def test_importing_a_missing_file_gives_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "feed", "import", str(tmp_path / "nope.opml"), "--db", str(tmp_path / "x.db"))
    assert code == 2 and err == f"error: {tmp_path / 'nope.opml'}: no such file\n"


def test_written_opml_holds_no_control_characters() -> None:
    document = write_opml([Outline("https://x.org/f", "Bad \x1b[2J\x07 name\u202e")])
    assert "\x1b" not in document and "\x07" not in document and "\u202e" not in document
    assert read_opml(document.encode("utf-8"))[0].name == "Bad name"
