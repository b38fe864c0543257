# SPDX-License-Identifier: GPL-2.0
#
# Dapu INS5S8563 RTC driver: kbuild file and out-of-tree wrapper in one.
#
#   make                      build the driver against the running kernel
#                             (the driver only; INS5S8563_KUNIT=1 adds the
#                             KUnit suites, INS5S8563_SIM=1 the simulator)
#   make KDIR=<build dir>     build against another kernel (ARCH=, CROSS_COMPILE=)
#   make -C <build dir> M=$PWD
#   make install              modules_install + depmod
#   make check                the whole test suite (see README.md)
#   make demo, make bench     the driver on the simulated chip; its I2C traffic
#   make soak                 every client at once under bus faults, 600 s
#   make help                 every target, and how long it takes

ifneq ($(KERNELRELEASE),)
# ---- kbuild part ----------------------------------------------------------

# Out of tree the symbols are not in the kernel's .config: build the driver.
# The KUnit suites are a test module: only when the test scripts ask for it
# (INS5S8563_KUNIT=1, scripts/kunit-run) and the kernel has KUnit, so that
# `make`, `make install` and the DKMS build against a distribution kernel
# built with CONFIG_KUNIT build the driver and nothing else.
ifneq ($(KBUILD_EXTMOD),)
CONFIG_RTC_DRV_INS5S8563 ?= m
ifeq ($(INS5S8563_KUNIT),1)
ifneq ($(CONFIG_KUNIT),)
CONFIG_RTC_DRV_INS5S8563_KUNIT_TEST ?= m
# The suites' copies for the chip model's variants (module parameter
# variants=), which a kernel with the suites built in would list empty.
INS5S8563_KUNIT_VARIANTS := y
# kunit/Kbuild is read by a make of its own.
export CONFIG_RTC_DRV_INS5S8563_KUNIT_TEST INS5S8563_KUNIT_VARIANTS
endif
endif
# The API seams between the kernels this tree supports, kept out of the
# driver so that the driver stays as it would be in mainline.
ins5s8563-compat := -include $(abspath $(src))/compat/ins5s8563-compat.h \
		    -idirafter $(abspath $(src))/compat/include
ccflags-y += $(ins5s8563-compat)
subdir-ccflags-y += $(ins5s8563-compat)
# The tree's version (VERSION, the one place it is written; dkms.conf and
# debian/changelog repeat it, scripts/package-check compares them) as the
# module's MODULE_VERSION, which the driver does not carry in mainline.
ins5s8563-version := $(shell cat $(abspath $(src))/VERSION)
CFLAGS_drivers/rtc/rtc-ins5s8563.o += \
	-include $(abspath $(src))/compat/ins5s8563-version.h \
	-DINS5S8563_VERSION='"$(ins5s8563-version)"'
endif

obj-$(CONFIG_RTC_DRV_INS5S8563) += drivers/rtc/rtc-ins5s8563.o
obj-$(CONFIG_RTC_DRV_INS5S8563_KUNIT_TEST) += kunit/

# The simulated chip and the CLKOUT test consumer (sim/), test-only: only
# when asked for (the test scripts pass INS5S8563_SIM=1 for the UML
# kernel), so that builds against distribution headers build the driver
# and nothing else.
ifneq ($(KBUILD_EXTMOD),)
ifeq ($(INS5S8563_SIM),1)
obj-m += sim/
endif
endif

else
# ---- out-of-tree wrapper ----------------------------------------------------

KDIR ?= /lib/modules/$(shell uname -r)/build
PWD := $(CURDIR)

all: modules

modules modules_install: kdir-check
	$(MAKE) -C $(KDIR) M=$(PWD) $@

# Without a kernel build tree make would only say "No such file or
# directory": say which tree is missing and how to get one.
kdir-check:
	@if [ ! -f "$(KDIR)/Makefile" ]; then \
		rel=$$(uname -r); \
		if [ "$(origin KDIR)" = file ]; then \
			echo "rtc-ins5s8563: no kernel headers for the running kernel $$rel ($(KDIR) is missing)."; \
			if ! command -v apt-cache >/dev/null; then \
				echo "Install your distribution's headers package for $$rel (linux-headers-$$rel on Debian and Ubuntu, kernel-devel-$$rel on Fedora),"; \
			elif apt-cache show "linux-headers-$$rel" >/dev/null 2>&1; then \
				echo "Install them: sudo apt-get install linux-headers-$$rel"; \
			else \
				echo "The distribution has no headers package for it (apt knows no linux-headers-$$rel: this kernel is not the distribution's);"; \
			fi; \
			echo "or build against another kernel: make KDIR=/path/to/kernel/build (e.g. /lib/modules/<release>/build)."; \
		else \
			echo "rtc-ins5s8563: KDIR=$(KDIR) is not a kernel build tree (it has no Makefile)."; \
			echo "Give the build dir of a kernel, e.g. make KDIR=/lib/modules/<release>/build (from its headers package),"; \
			echo "or no KDIR for the running kernel $$rel."; \
		fi >&2; \
		exit 2; \
	fi

# The tree's own build products (this or any kernel's, UML included):
# no kernel tree needed.
clean:
	find . \( -name .git -o -name results \) -prune -o -type f \( \
		-name '*.o' -o -name '*.ko' -o -name '*.mod' -o -name '*.mod.c' \
		-o -name '*.cmd' -o -name '*.a' -o -name '*.d' -o -name '*.dwo' \
		-o -name '*.su' -o -name modules.order -o -name Module.symvers \
		-o -name '*.dtb' -o -name '*.dtbo' \) -exec rm -f {} +
	rm -rf .tmp_versions

# The release from utsrelease.h: Debian's 6.1 headers have the upstream
# version (6.1.x) in include/config/kernel.release, not the release of the
# kernel they belong to (6.1.0-N-amd64), which modules_install uses.
KRELEASE = $(shell sed -n 's/^\#define UTS_RELEASE "\(.*\)"$$/\1/p' $(KDIR)/include/generated/utsrelease.h)

install: modules_install
	depmod -a $(KRELEASE)

check:
	./scripts/check

# The stages of `make check` one by one (scripts/*, --help on each).
kunit:
	./scripts/kunit-run

e2e:
	./scripts/e2e-run

build-matrix:
	./scripts/build-matrix

dt-check:
	./scripts/dt-check

doc-check:
	./scripts/doc-check

qemu-boot:
	./scripts/qemu-boot

qemu-boot-arm64:
	./scripts/qemu-boot --arch arm64

qemu-boot-armhf:
	./scripts/qemu-boot --arch armhf

qemu-boot-arm64-rt:
	./scripts/qemu-boot --arch arm64 --rt

script-check:
	./scripts/script-check

# The Debian package rtc-ins5s8563-dkms_<version>_all.deb, into the top of
# the tree (scripts/deb), and the test of it in a throwaway Debian 12 root
# (scripts/package-check).
deb:
	./scripts/deb

package-check:
	./scripts/package-check

# The patch series for mainline (scripts/upstream-series), made from the
# tree against the newest kernel source, and checked as a maintainer
# would: git am, checkpatch, per-patch W=1 builds, dt_binding_check,
# dtbs_check, kunit.py, get_maintainer.pl (results/upstream-check/).
upstream-check:
	./scripts/upstream-check

# Not part of check: each mutant of tests/mutation/mutants against the
# tests (results/mutation.txt).
mutation:
	./scripts/mutation

# Not part of check: make demo, then make check, from a clean clone in a
# throwaway Debian 12 root, cold (results/fresh-check/).
fresh-check:
	./scripts/fresh-check

# Not tests: the driver at work on the simulated chip (README.md's first
# command), and its I2C traffic against rtc-pcf8563 (results/bench.txt).
demo:
	./scripts/demo

bench:
	./scripts/bench

# Not part of make check at full length: every client at once for
# SOAK_SECONDS (default 600) under random bus faults (make check runs 60 s).
soak:
	./scripts/soak

# Every target, one line each, with the times measured on 2 cores: the
# first time (empty cache: the packages and the UML kernel build are most
# of it) and after (cache warm).
help:
	@echo 'Targets, and how long each takes the first time / after (2 cores):'
	@echo '  make all             the module for the running kernel (or KDIR=...)          seconds'
	@echo '  make modules         the same as make all                                     seconds'
	@echo '  make modules_install installs it into /lib/modules/<release>/extra/           seconds'
	@echo '  make install         modules_install, then depmod                             seconds'
	@echo '  make clean           removes the build products (needs no kernel tree)        instant'
	@echo '  make kdir-check      says what is missing when KDIR is no kernel tree         instant'
	@echo '  make deb             the Debian package, rtc-ins5s8563-dkms_<version>_all.deb ~40 s / ~40 s'
	@echo '  make package-check   the package installed, upgraded, purged in a Debian root ~16 min / ~9 min'
	@echo '  make demo            the driver at work on a simulated chip                   ~8 min / ~70 s'
	@echo '  make check           the whole test suite, 6.12 and the newest kernel         ~40 min / ~20 min'
	@echo '  make kunit           the KUnit suites in UML                                  ~6 min / ~30 s'
	@echo '  make e2e             tests/e2e/ in UML                                        ~10 min / ~5 min'
	@echo '  make build-matrix    W=1, sparse, checkpatch, built-in, cross, dkms; newest   ~12 min / ~2.5 min'
	@echo '  make dt-check        the DT binding and the overlays                          ~2 min / ~1.5 min'
	@echo '  make doc-check       the RST rendered, warnings fatal                         seconds'
	@echo '  make qemu-boot       Debian 6.1 kernel under qemu (after build-matrix)        ~20 s / ~20 s'
	@echo '  make qemu-boot-arm64 Debian 6.12 arm64 kernel under qemu -M virt              ~3 min / ~70 s'
	@echo '  make qemu-boot-armhf Debian 6.12 armmp (32-bit ARM) kernel under qemu         ~3 min / ~80 s'
	@echo '  make qemu-boot-arm64-rt Debian 6.12 PREEMPT_RT arm64 kernel under qemu        ~3 min / ~70 s'
	@echo '  make script-check    options, make help, deps sets, sim-run examples, shell   ~7 min / ~2 min'
	@echo '  make bench           I2C traffic: this driver and rtc-pcf8563                 ~17 min / ~11 min'
	@echo '  make soak            every client at once, random bus faults (SOAK_SECONDS=)  ~21 min / ~15 min'
	@echo '  make upstream-check  the series for mainline, made from the tree and checked  ~40 min / ~15 min'
	@echo '  make mutation        mutants of the driver vs. KUnit, e2e for survivors       ~35 min / ~27 min'
	@echo '  make fresh-check     make demo + make check in a fresh Debian 12 root, cold   ~50 min / ~45 min'
	@echo '  make help            this list                                                instant'
	@echo 'The first time of a UML target includes its packages (scripts/deps) and the UML'
	@echo 'kernel build (5-6 min, cached in ~/.cache/ins5s8563); the tests need root on Debian 12.'
	@echo 'make check also fetches (scripts/deps check) and builds the newest kernel Debian has,'
	@echo 'unstable'"'"'s linux-source-X.Y (UML: scripts/uml-kernel --source newest), which'
	@echo 'make build-matrix builds against.'

.PHONY: all modules kdir-check clean modules_install install deb package-check check kunit e2e build-matrix dt-check doc-check qemu-boot qemu-boot-arm64 qemu-boot-armhf qemu-boot-arm64-rt script-check upstream-check mutation fresh-check demo bench soak help
endif
