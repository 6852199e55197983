# Makefile - a thin wrapper over CMake so the usual verbs work.
#
#   make          build (build/)
#   make demo     set up, build, ingest the sample pages (samples/*/ and
#                 samples/*.jsonl; labels and README beside them are not
#                 pages) into warta.db, list events
#   make check    set up, build with -Werror, run the tests, then again
#                 under ASan + UBSan
#   make bench    benchmarks (see bench/README.md)
#   make fuzz     build the fuzz targets and run each for FUZZ_SECONDS
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 20

all: build/warta

setup:
	@scripts/setup.sh

build/warta: setup FORCE
	@cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@MAKEFLAGS= cmake --build build -j $(JOBS) -- -s --no-print-directory

demo: build/warta
	@rm -f warta.db warta.db-wal warta.db-shm
	./build/warta ingest --db warta.db samples/*/ samples/*.jsonl
	./build/warta events --db warta.db

check: setup
	@scripts/check.sh

bench: build/warta
	@bench/run.sh

fuzz: setup
	@scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf build build-asan build-fuzz build*.log build*.tests

.PHONY: all setup demo check bench fuzz clean FORCE
