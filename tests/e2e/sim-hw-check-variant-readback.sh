#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# scripts/hw-check tells each alternative of decision 4
# (Documentation/rtc/ins5s8563.rst; "readback=" in tests/chip-variants) apart
# on the simulated chip switched to it, and advises the property the
# driver adapts by where there is one: tests/e2e/lib/hw-check-variants.bash
# says what is asserted. One test per decision keeps each well inside
# e2e-run's per-test limit on a loaded machine.
set -u
# shellcheck disable=SC2034 # read by lib/hw-check-variants.bash
HWV_DECISION=readback
. "$(dirname "$0")/lib/hw-check-variants.bash"
