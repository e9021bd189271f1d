"""A corpus of hostile article files, written from scratch by the tests: escape sequences,
markup, broken encodings, binary, huge and empty files, folders named like files."""

from __future__ import annotations

import codecs
from pathlib import Path

PAYLOADS = {
    "osc52": "\x1b]52;c;SGFja2VkQ2xpcGJvYXJk\x07",
    "title": "\x1b]0;PWNED-TITLE\x07",
    "title_st": "\x1b]2;PWNED-TITLE-ST\x1b\\",
    "hyperlink": "\x1b]8;;https://evil.invalid/x\x1b\\click me\x1b]8;;\x1b\\",
    "clear": "\x1b[2J\x1b[H",
    "csi_color": "\x1b[38;5;196mRED\x1b[0m",
    "c1_csi": "\u009b31mC1RED",
    "c1_osc": "\u009d0;PWNED-C1\u009c",
    "unterminated": "\x1b]0;PWNED-OPEN",
    "bidi": "\u202eevil\u202c",
    "bell": "ding\x07dong",
}
MARKUP = ["[/]", "[bold]x", "[@click=app.quit]x[/]", "[link=https://evil.invalid]x[/link]", "[red]"]
# What must never reach a terminal or a widget from these files.
FORBIDDEN_BYTES = [b"SGFja2Vk", b"PWNED", b"evil.invalid/x", b"\xc2\x9b", b"\xc2\x9d", b"\x1b[38;5;196m"]

GOOD_BODY = "The harbour council in Bergen voted on Tuesday to expand the port, officials said."


def article(title: str, extra: str = "") -> str:
    return f"{title}\n\nMarch 3, 2021\n\n{GOOD_BODY} {extra}\n\nAnna Berg of Bergen Port Authority welcomed it.\n"


def write_corpus(folder: Path) -> tuple[list[Path], dict[Path, str]]:
    """Files that must be stored, and files that must be refused with a reason containing the value."""
    folder.mkdir(parents=True, exist_ok=True)
    good: list[Path] = []
    bad: dict[Path, str] = {}

    def put(name: str, content: str | bytes) -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    for name, payload in PAYLOADS.items():
        good.append(put(f"escape-{name}.txt", article(f"Harbour {name} {payload} plan", f"Body {payload} text.")))
    for number, markup in enumerate(MARKUP):
        good.append(
            put(f"markup-{number}.txt", article(f"{markup} Harbour markup {number}", f"A {markup} in the body."))
        )
    good.append(
        put("source-markup.txt", article("Harbour source", "") + "\nOriginal url:\n\n<https://[bold]x.example/a>\n")
    )
    good.append(put("emoji.txt", article("Harbour 👩‍👩‍👧 family\tday", "A family 👨‍👩‍👧‍👦 came.")))
    good.append(put("nul-few.txt", article("Harbour with a stray NUL\x00 byte")))
    good.append(put("invalid-utf8.txt", article("Harbour caf\xe9 plan").encode("latin-1")))
    good.append(put("cp1252.txt", article("Harbour \u201cquoted\u201d plan").encode("cp1252")))
    good.append(put("utf16-bom.txt", article("Harbour UTF-16 plan").encode("utf-16")))
    good.append(put("utf16le-nobom.txt", article("Harbour UTF-16 LE plan").encode("utf-16-le")))
    good.append(put("utf8-bom.txt", codecs.BOM_UTF8 + article("Harbour BOM plan").encode()))
    good.append(put("crlf.txt", article("Harbour CRLF plan").replace("\n", "\r\n")))
    good.append(put("brackets.txt", article("Harbour brackets " + "[" * 5000, "(" * 20000 + "]" * 5000)))
    good.append(put("stars.txt", article("Harbour stars " + "*" * 5000, "_" * 20000)))
    good.append(put("capitals.txt", article("Harbour names", " ".join(f"Name{n} Person{n}" for n in range(20000)))))
    good.append(put("long-line.txt", "Harbour long line\n\n" + ("word " * 400_000)))
    good.append(
        put("dates.txt", "Harbour dates 2 min read\n\n7 pm\n\n1e400 99999999999999999999 2020\u200b)\n\n" + GOOD_BODY)
    )
    good.append(put("only-title.txt", "Harbour only a title"))
    good.append(put("folder.txt/inside.txt", article("Harbour inside a folder named like a file")))
    good.append(put("deep/a/b/c/d/nested.md", article("Harbour nested")))
    good.append(put("bidi-name.txt", article("Harbour \u202eesrever\u202c \u2066iso\u2069")))
    good.append(put("zero-width.txt", article("Harbour zero\u200bwidth \ufeffBOM inside")))
    good.append(put("huge-body.txt", article("Harbour huge body", ("Bergen grows. " * 200_000))))

    bad[put("empty.txt", b"")] = "empty"
    bad[put("whitespace.txt", b" \n\t \r\n  ")] = "whitespace"
    bad[put("nul-many.txt", b"Harbour\x00\x00\x00" * 4000)] = "binary"
    bad[put("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)] = "binary"
    bad[put("archive.zip", b"PK\x03\x04" + bytes(300))] = "binary"
    bad[put("random.bin", bytes((n * 7919) % 256 for n in range(20000)))] = "binary"
    bad[put("pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")] = "binary"
    bad[put("ten-mb-line.txt", b"x" * (10 * 1024 * 1024))] = "too large"
    sparse = folder / "two-hundred-mb.txt"
    with sparse.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    bad[sparse] = "too large"
    bad[put("only-url.txt", "<https://example.org/a>\n")] = "no article text"
    bad[put("control-only.txt", "\x1b[2J\x1b]0;x\x07\u202e")] = "binary"
    bad[put("bad-utf16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8")] = "UTF-16"
    return good, bad


# Reasons a walked folder gives for entries that are not article files (the failed list names each).
FS_REASONS = {
    "loop-a.txt": "link loop",
    "loop-b.txt": "link loop",
    "self-loop.txt": "link loop",
    "dangling.txt": "dangling",
    "to-null.txt": "not a regular file",
    "to-proc-status.txt": "special filesystem",
    "pipe.txt": "not a regular file",
}


def write_filesystem_corpus(folder: Path) -> tuple[list[str], dict[str, str]]:
    """A folder of links, pipes and odd names: the paths that must be stored (as newsdesk
    shows them), and the paths that must be named in `failed` with a reason containing the value."""
    import os

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plain.txt").write_text(article("Harbour plain file"), encoding="utf-8")
    latin1 = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(latin1, "wb") as handle:
        handle.write(article("Harbour cafe with a Latin-1 file name").encode())
    (folder / "sub").mkdir()
    (folder / "sub" / "inside.txt").write_text(article("Harbour inside a linked folder"), encoding="utf-8")
    (folder / "linked-folder").symlink_to(folder / "sub", target_is_directory=True)
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "self-loop.txt").symlink_to(folder / "self-loop.txt")
    (folder / "dangling.txt").symlink_to(folder / "no-such-target.txt")
    (folder / "to-null.txt").symlink_to("/dev/null")
    (folder / "to-proc-status.txt").symlink_to("/proc/self/status")
    os.mkfifo(folder / "pipe.txt")
    good = [str(folder / "plain.txt"), str(folder) + "/caf\\xe9.txt", str(folder / "sub" / "inside.txt")]
    bad = {str(folder / name): reason for name, reason in FS_REASONS.items()}
    return good, bad
