# Entry points for people and CI; CMake (via CMakePresets.json) does the work.
#   make run    install missing packages, build, and run the cadenced daemon on the embedded default
#   make test   install missing packages, build, and run every test through ctest
#   make asan   the same tests in the AddressSanitizer + UndefinedBehaviorSanitizer build
#   make bench  build and run the benchmarks

PRESET ?= release
# CI builds with -Werror; local builds only warn, so a newer compiler's new
# warning does not stop someone from trying the project.
WERROR ?= $(if $(CI),ON,OFF)
BUILD_DIR = build-$(PRESET)

.PHONY: deps configure build run test asan bench install clean

deps:
	@sh scripts/install-deps.sh

configure: deps
	@cmake --preset $(PRESET) -DCADENCED_WERROR=$(WERROR) >/dev/null

build: configure
	@cmake --build --preset $(PRESET)

run: build
	@./$(BUILD_DIR)/daemon/cadenced

test: build
	@ctest --preset $(PRESET)

asan:
	@$(MAKE) --no-print-directory test PRESET=asan-ubsan

bench: build
	@sh scripts/install-deps.sh bench
	@sh bench/run.sh $(BUILD_DIR)

install: build
	@cmake --install $(BUILD_DIR)

clean:
	rm -rf build-*
