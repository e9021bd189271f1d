"""Wrapping long text in linear time, by terminal cells."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tui.wrap import wrap


@pytest.mark.parametrize(
    "text",
    [
        "short",
        "the mayor of paris said on tuesday that the city council would expand the metro network " * 20,
        "x" * 250,
        "東京都の知事は火曜日に地下鉄を拡張すると述べた " * 10,
        "first line\nsecond line that is a good deal longer than the width of ten",
        "",
    ],
)
def test_lines_fit_and_no_word_is_lost(text: str) -> None:
    lines = list(wrap(text, 10))
    assert all(cell_len(line) <= 10 for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())
