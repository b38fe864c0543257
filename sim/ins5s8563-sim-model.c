// SPDX-License-Identifier: GPL-2.0
/*
 * The chip model of kunit/, built into the simulator module: one source,
 * compiled here for the simulator and in kunit/ for the KUnit suites
 * (two modules that are never needed together, and may both be loaded).
 */
#include "../kunit/ins5s8563-model.c"
