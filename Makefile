# Thin wrapper over CMake so that the README's two commands work first try.
#   make demo   install deps, build (Release), run extract on examples/news
#   make check  sanitizer (Debug) build + every CTest test
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
GEN := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")

.PHONY: all deps release debug demo check install clean

all: release

deps:
	sh scripts/install-deps.sh

build/release/CMakeCache.txt:
	cmake -S . -B build/release $(GEN) -DCMAKE_BUILD_TYPE=Release

build/debug/CMakeCache.txt:
	cmake -S . -B build/debug $(GEN) -DCMAKE_BUILD_TYPE=Debug

release: build/release/CMakeCache.txt
	cmake --build build/release -j $(JOBS)

debug: build/debug/CMakeCache.txt
	cmake --build build/debug -j $(JOBS)

demo: deps
	$(MAKE) release
	sh scripts/demo.sh build/release/alaqat

check: deps
	$(MAKE) debug
	cd build/debug && ctest --output-on-failure -j $(JOBS)

install: release
	cmake --install build/release

clean:
	rm -rf build
