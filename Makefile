# Every target here is one the README shows.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install run test lint eval eval-html eval-archive eval-related eval-stories bench bench-quick bench-fetch bench-reingest clean

$(BIN)/newsdesk: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(BIN)/newsdesk

run: install
	$(BIN)/newsdesk

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

eval: install
	$(BIN)/python -m bench.evaluate

eval-html: install
	$(BIN)/python -m bench.html_eval

# Reuters TRAIN + BBC by default; SPLIT=TEST only for the judging run.
eval-archive: install
	$(BIN)/python -m bench.eval_archive --split $(or $(SPLIT),TRAIN) $(ARGS)

# Related articles judged by Reuters' topic tags, on the TRAIN split only.
eval-related: install
	$(BIN)/python -m bench.related_eval $(ARGS)

# Story clusters judged by Reuters' topic, organization and person tags, on the TRAIN split only.
eval-stories: install
	$(BIN)/python -m bench.story_eval $(ARGS)

bench: install
	$(BIN)/python -m bench

bench-quick: install
	$(BIN)/python -m bench --quick

bench-fetch: install
	$(BIN)/python -m bench.fetch_local

# A second ingest of 10,000 and 100,000 files (unchanged, 100 changed, all touched) beside the first.
bench-reingest: install
	$(BIN)/python -m bench.reingest $(ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
