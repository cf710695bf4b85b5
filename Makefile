# Balie — every target installs what it needs from a fresh clone.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAM_VENV := .venv-sam
SAM := $(SAM_VENV)/bin/sam
STAMP := $(VENV)/.installed
SAM_STAMP := $(SAM_VENV)/.installed
# `sam validate --lint` needs a region but no credentials or network; no telemetry.
export SAM_CLI_TELEMETRY := 0
KB_STAMP := src/kb_compiled/.built
KB_SOURCES := $(wildcard knowledge/*.yaml tenants/*.yaml)
# The compiler, the artefact format and the encoder the artefacts name by digest: a change
# here makes the compiled files stale too.
KB_CODE := $(wildcard src/core/matcher/*.py src/core/matcher/data/*.bin src/core/kb/*.py local/balie_local/kb_tools.py)
# The regular expressions the functions compile at cold start, compiled at build time for this
# Python (handlers.stored_patterns; after the knowledge, whose detail phrases it holds too); stale
# after a change to any module, then those patterns are simply compiled again.
PATTERNS_STAMP := src/handlers/data/.built
PATTERNS_CODE := $(shell find src local/balie_local -name '*.py' -not -path '*/__pycache__/*')

.PHONY: install run test lint kb build eval eval-real eval-dialogue bench bench-matcher bench-clinc bench-encoder bench-whatsapp bench-messenger bench-coldstart bench-chat bench-tenants bench-package bench-cost bench-load bench-crisis crisis-index crisis-model bench-reports bench-publish patterns clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	# deduce builds its Dutch name and place lookup structures once per install (about a minute).
	$(BIN)/python -c "from deduce import Deduce; Deduce()" 2>/dev/null
	touch $@

# SAM CLI pins its own boto3; it lives in a venv of its own so it cannot clash.
$(SAM_STAMP):
	$(PYTHON) -m venv $(SAM_VENV)
	$(SAM_VENV)/bin/pip install -q --upgrade pip
	$(SAM_VENV)/bin/pip install -q aws-sam-cli==1.170.0
	touch $@

kb: $(KB_STAMP) $(PATTERNS_STAMP)

patterns: $(PATTERNS_STAMP)

$(PATTERNS_STAMP): $(STAMP) $(KB_STAMP) $(PATTERNS_CODE)
	$(BIN)/python -m balie_local.pattern_store
	touch $@

$(KB_STAMP): $(STAMP) $(KB_SOURCES) $(KB_CODE)
	$(BIN)/balie kb build
	touch $@

run: $(STAMP) $(KB_STAMP) $(PATTERNS_STAMP)
	$(BIN)/balie serve

lint: $(STAMP) $(SAM_STAMP)
	$(BIN)/cfn-lint template.yaml
	$(SAM) validate --lint --region eu-west-1

# Browser tests (tests/browser): playwright-core and axe-core from the committed lock file.
BROWSER_DEPS := tests/browser/node_modules/.package-lock.json

$(BROWSER_DEPS): tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund
	touch $@

test: $(STAMP) $(SAM_STAMP) $(KB_STAMP) $(PATTERNS_STAMP) $(BROWSER_DEPS) lint
	$(BIN)/pytest

eval: $(STAMP) $(KB_STAMP)
	$(BIN)/python benchmarks/eval_dev.py

# Real residents' messages (benchmarks/data/real_questions.tsv): one JSON line, per part and kind.
eval-real: $(STAMP) $(KB_STAMP)
	@$(BIN)/python benchmarks/eval_real.py

# What residents read for the same messages: answered, "Bedoelt u ...?", the scope message (the dialogue).
eval-dialogue: $(STAMP) $(KB_STAMP)
	@$(BIN)/python benchmarks/eval_dialogue.py

# The knowledge base's matcher per question (30 words, 1,000 characters) and its artefact's load.
bench-matcher: $(STAMP) $(KB_STAMP)
	@$(BIN)/python benchmarks/matcher_speed.py

bench-clinc: $(STAMP)
	$(BIN)/python benchmarks/clinc150.py

bench-encoder: $(STAMP)
	$(BIN)/python benchmarks/encoder_cost.py

bench-whatsapp: $(STAMP)
	$(BIN)/python benchmarks/whatsapp.py

# WhatsApp and Messenger side by side on the local stack (webhook p99, worker medians).
bench-messenger: $(STAMP)
	$(BIN)/python benchmarks/messaging.py

bench-coldstart: $(STAMP) $(KB_STAMP) $(PATTERNS_STAMP)
	$(BIN)/python benchmarks/coldstart.py

bench-chat: $(STAMP) $(KB_STAMP)
	$(BIN)/python benchmarks/chat_turns.py

# Publish without deploy (issue 17): publish to live on the local stack, a tenant build on one core.
bench-publish: $(STAMP) $(KB_STAMP)
	$(BIN)/python benchmarks/publish.py

# 400 tenants of 8 teams against 2: warm turn p99, cold start, what a container holds.
bench-tenants: $(STAMP) $(KB_STAMP) $(PATTERNS_STAMP)
	$(BIN)/python benchmarks/tenants.py

# The package `sam deploy` uploads: sam build, then every module byte-compiled for python3.12
# (a package without .pyc files compiles every module on every cold start; lambda_build.py).
build: $(STAMP) $(SAM_STAMP) $(KB_STAMP)
	$(BIN)/python -m balie_local.lambda_build

# Needs the SAM CLI (and a python3.12 on PATH for `sam build`; else the pip equivalent).
bench-package: $(STAMP) $(SAM_STAMP) $(KB_STAMP)
	$(BIN)/python benchmarks/package_size.py

# A year of one tenant's daily aggregates: GET /v1/staff/reports (JSON, CSV, xlsx) on the local stack.
bench-reports: $(STAMP) $(KB_STAMP)
	$(BIN)/python benchmarks/reports.py

bench-cost: $(STAMP) $(KB_STAMP)
	$(BIN)/python benchmarks/cost.py

bench-load: $(STAMP) $(KB_STAMP)
	$(BIN)/python benchmarks/load.py

# CRISIS_TSV=path/to/batch.tsv scores only that batch (kind<TAB>message; kind "none": must not alarm).
bench-crisis: $(STAMP)
	$(BIN)/python benchmarks/crisis.py $(CRISIS_TSV)

# The distress classifier behind the crisis rules: trained on benchmarks/data/crisis/train/ and
# the other crisis phrasings, threshold by cross-validation (about 20 minutes on one core).
crisis-model: $(STAMP)
	OMP_NUM_THREADS=1 nice -n 10 $(BIN)/python benchmarks/crisis_train.py

# The crisis detector's rule index, read from its patterns (after a change to them; a unit test
# says when): a cold start loads it instead of reading the patterns.
crisis-index: $(STAMP)
	$(BIN)/python -c "import json; from core.dialogue.crisis import STORED_INDEX, index_data; STORED_INDEX.parent.mkdir(exist_ok=True); STORED_INDEX.write_text(json.dumps(index_data(), sort_keys=True, separators=(',', ':')) + '\\n', encoding='utf-8')"

# Sequential on purpose: the timing benchmarks must not share the cores with each other.
bench: $(STAMP) $(KB_STAMP) $(PATTERNS_STAMP)
	$(MAKE) --no-print-directory bench-clinc bench-matcher bench-encoder bench-whatsapp bench-messenger bench-coldstart bench-chat bench-tenants bench-package bench-cost bench-load bench-crisis bench-publish

clean:
	rm -rf $(VENV) $(SAM_VENV) src/kb_compiled src/handlers/data .aws-sam
