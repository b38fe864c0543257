// SPDX-License-Identifier: GPL-2.0
/*
 * The driver's alarm, countdown, exact and watchdog suites once more for
 * each variant of the chip model named in the module parameter variants
 * ("SPEC;SPEC;...", each SPEC as the simulator's variant= takes it), in
 * the same load of the module: scripts/kunit-run --variant. A SPEC may end
 * in "+NAME" (repeatable): the device then has the boolean firmware
 * property NAME, the driver's adaptation to that chip (e.g.
 * "reload=oneshot+dapu,timer-one-shot").
 *
 * One load, because unloading and loading the module again in the UML
 * test kernel can draw a KASAN report from insmod (see scripts/e2e-run).
 * Copy n of suite "ins5s8563-alarm" is "ins5s8563-alarm@vn", run with
 * variant n; a copy no variant asks for has no cases, and KUnit drops it
 * (a module's suites always go through its filter). Linked into the test
 * module only out of tree (INS5S8563_KUNIT_VARIANTS, see the Makefile):
 * built in, as kunit.py builds it, KUnit would list each empty copy.
 */

#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/string.h>

#include "ins5s8563-test.h"

#define VARIANT_SLOTS	16

static char *variants = "";
module_param(variants, charp, 0444);
MODULE_PARM_DESC(variants,
		 "chip model variants to run the alarm, countdown, exact and watchdog suites on: SPEC;SPEC;... (at most 16)");

static struct kunit_suite * const variant_base[] = {
	&ins5s8563_alarm_suite,
	&ins5s8563_countdown_suite,
	&ins5s8563_exact_suite,
	&ins5s8563_wdt_suite,
};

#define NBASE	ARRAY_SIZE(variant_base)

static struct kunit_case variant_no_cases[] = {
	{}
};

static int variant_suite_init(struct kunit_suite *suite);
static void variant_suite_exit(struct kunit_suite *suite);

#define VARIANT_SUITE(_name) {						\
	.name = _name,							\
	.suite_init = variant_suite_init,				\
	.suite_exit = variant_suite_exit,				\
	.test_cases = variant_no_cases,					\
}

/* In the order of variant_base[]. */
static struct kunit_suite variant_suites[VARIANT_SLOTS][NBASE] = {
	{
		VARIANT_SUITE("ins5s8563-alarm@v0"),
		VARIANT_SUITE("ins5s8563-countdown@v0"),
		VARIANT_SUITE("ins5s8563-exact@v0"),
		VARIANT_SUITE("ins5s8563-watchdog@v0"),
	},
	{
		VARIANT_SUITE("ins5s8563-alarm@v1"),
		VARIANT_SUITE("ins5s8563-countdown@v1"),
		VARIANT_SUITE("ins5s8563-exact@v1"),
		VARIANT_SUITE("ins5s8563-watchdog@v1"),
	},
	{
		VARIANT_SUITE("ins5s8563-alarm@v2"),
		VARIANT_SUITE("ins5s8563-countdown@v2"),
		VARIANT_SUITE("ins5s8563-exact@v2"),
		VARIANT_SUITE("ins5s8563-watchdog@v2"),
	},
	{
		VARIANT_SUITE("ins5s8563-alarm@v3"),
		VARIANT_SUITE("ins5s8563-countdown@v3"),
		VARIANT_SUITE("ins5s8563-exact@v3"),
		VARIANT_SUITE("ins5s8563-watchdog@v3"),
	},
	{
		VARIANT_SUITE("ins5s8563-alarm@v4"),
		VARIANT_SUITE("ins5s8563-countdown@v4"),
		VARIANT_SUITE("ins5s8563-exact@v4"),
		VARIANT_SUITE("ins5s8563-watchdog@v4"),
	},
	{
		VARIANT_SUITE("ins5s8563-alarm@v5"),
		VARIANT_SUITE("ins5s8563-countdown@v5"),
		VARIANT_SUITE("ins5s8563-exact@v5"),
		VARIANT_SUITE("ins5s8563-watchdog@v5"),
	},
	{
		VARIANT_SUITE("ins5s8563-alarm@v6"),
		VARIANT_SUITE("ins5s8563-countdown@v6"),
		VARIANT_SUITE("ins5s8563-exact@v6"),
		VARIANT_SUITE("ins5s8563-watchdog@v6"),
	},
	{
		VARIANT_SUITE("ins5s8563-alarm@v7"),
		VARIANT_SUITE("ins5s8563-countdown@v7"),
		VARIANT_SUITE("ins5s8563-exact@v7"),
		VARIANT_SUITE("ins5s8563-watchdog@v7"),
	},
	{
		VARIANT_SUITE("ins5s8563-alarm@v8"),
		VARIANT_SUITE("ins5s8563-countdown@v8"),
		VARIANT_SUITE("ins5s8563-exact@v8"),
		VARIANT_SUITE("ins5s8563-watchdog@v8"),
	},
	{
		VARIANT_SUITE("ins5s8563-alarm@v9"),
		VARIANT_SUITE("ins5s8563-countdown@v9"),
		VARIANT_SUITE("ins5s8563-exact@v9"),
		VARIANT_SUITE("ins5s8563-watchdog@v9"),
	},
	{
		VARIANT_SUITE("ins5s8563-alarm@v10"),
		VARIANT_SUITE("ins5s8563-countdown@v10"),
		VARIANT_SUITE("ins5s8563-exact@v10"),
		VARIANT_SUITE("ins5s8563-watchdog@v10"),
	},
	{
		VARIANT_SUITE("ins5s8563-alarm@v11"),
		VARIANT_SUITE("ins5s8563-countdown@v11"),
		VARIANT_SUITE("ins5s8563-exact@v11"),
		VARIANT_SUITE("ins5s8563-watchdog@v11"),
	},
	{
		VARIANT_SUITE("ins5s8563-alarm@v12"),
		VARIANT_SUITE("ins5s8563-countdown@v12"),
		VARIANT_SUITE("ins5s8563-exact@v12"),
		VARIANT_SUITE("ins5s8563-watchdog@v12"),
	},
	{
		VARIANT_SUITE("ins5s8563-alarm@v13"),
		VARIANT_SUITE("ins5s8563-countdown@v13"),
		VARIANT_SUITE("ins5s8563-exact@v13"),
		VARIANT_SUITE("ins5s8563-watchdog@v13"),
	},
	{
		VARIANT_SUITE("ins5s8563-alarm@v14"),
		VARIANT_SUITE("ins5s8563-countdown@v14"),
		VARIANT_SUITE("ins5s8563-exact@v14"),
		VARIANT_SUITE("ins5s8563-watchdog@v14"),
	},
	{
		VARIANT_SUITE("ins5s8563-alarm@v15"),
		VARIANT_SUITE("ins5s8563-countdown@v15"),
		VARIANT_SUITE("ins5s8563-exact@v15"),
		VARIANT_SUITE("ins5s8563-watchdog@v15"),
	},
};

static struct ins5s8563_model_variant variant_of_slot[VARIANT_SLOTS];

#define VARIANT_PROPS		4
#define VARIANT_PROP_LEN	48

static char prop_names[VARIANT_SLOTS][VARIANT_PROPS][VARIANT_PROP_LEN];
/* NULL-terminated lists of prop_names[slot]. */
static const char *props_of_slot[VARIANT_SLOTS][VARIANT_PROPS + 1];

/* The "+NAME" at the end of a SPEC, @len long, into @slot's list. */
static int variant_props_parse(unsigned int slot, const char *p, size_t len)
{
	unsigned int n = 0;

	while (len) {
		size_t l;

		/* Skip the '+'. */
		p++;
		len--;
		l = strcspn(p, "+;");
		if (l > len)
			l = len;
		if (!l || l >= VARIANT_PROP_LEN || n == VARIANT_PROPS)
			return -EINVAL;
		memcpy(prop_names[slot][n], p, l);
		props_of_slot[slot][n] = prop_names[slot][n];
		n++;
		p += l;
		len -= l;
	}
	return 0;
}

/* KUnit runs a copy of the suite: the slot is in its name. */
static int variant_suite_init(struct kunit_suite *suite)
{
	const char *at = strrchr(suite->name, '@');
	unsigned int slot;

	if (!at || sscanf(at, "@v%u", &slot) != 1 || slot >= VARIANT_SLOTS)
		return -EINVAL;
	/* The suites' one kthread runs one suite at a time. */
	ins5s8563_test_variant = &variant_of_slot[slot];
	ins5s8563_test_props = props_of_slot[slot];
	return 0;
}

static void variant_suite_exit(struct kunit_suite *suite)
{
	ins5s8563_test_variant = NULL;
	ins5s8563_test_props = NULL;
}

kunit_test_suites(&variant_suites[0][0], &variant_suites[0][1],
		  &variant_suites[0][2], &variant_suites[0][3],
		  &variant_suites[1][0], &variant_suites[1][1],
		  &variant_suites[1][2], &variant_suites[1][3],
		  &variant_suites[2][0], &variant_suites[2][1],
		  &variant_suites[2][2], &variant_suites[2][3],
		  &variant_suites[3][0], &variant_suites[3][1],
		  &variant_suites[3][2], &variant_suites[3][3],
		  &variant_suites[4][0], &variant_suites[4][1],
		  &variant_suites[4][2], &variant_suites[4][3],
		  &variant_suites[5][0], &variant_suites[5][1],
		  &variant_suites[5][2], &variant_suites[5][3],
		  &variant_suites[6][0], &variant_suites[6][1],
		  &variant_suites[6][2], &variant_suites[6][3],
		  &variant_suites[7][0], &variant_suites[7][1],
		  &variant_suites[7][2], &variant_suites[7][3],
		  &variant_suites[8][0], &variant_suites[8][1],
		  &variant_suites[8][2], &variant_suites[8][3],
		  &variant_suites[9][0], &variant_suites[9][1],
		  &variant_suites[9][2], &variant_suites[9][3],
		  &variant_suites[10][0], &variant_suites[10][1],
		  &variant_suites[10][2], &variant_suites[10][3],
		  &variant_suites[11][0], &variant_suites[11][1],
		  &variant_suites[11][2], &variant_suites[11][3],
		  &variant_suites[12][0], &variant_suites[12][1],
		  &variant_suites[12][2], &variant_suites[12][3],
		  &variant_suites[13][0], &variant_suites[13][1],
		  &variant_suites[13][2], &variant_suites[13][3],
		  &variant_suites[14][0], &variant_suites[14][1],
		  &variant_suites[14][2], &variant_suites[14][3],
		  &variant_suites[15][0], &variant_suites[15][1],
		  &variant_suites[15][2], &variant_suites[15][3]);

/*
 * Before KUnit takes the module's suites (when it goes live): the copies
 * of each variant get the cases of their suite.
 */
static int __init variant_suites_init(void)
{
	const char *p = variants ?: "";
	unsigned int slot = 0, i;
	int ret;

	while (*p) {
		size_t len = strcspn(p, ";");
		size_t mlen = strcspn(p, "+;");

		if (len) {
			if (slot == VARIANT_SLOTS) {
				pr_err("ins5s8563-kunit: more than %d variants\n",
				       VARIANT_SLOTS);
				return -EINVAL;
			}
			ret = ins5s8563_model_variant_parse(&variant_of_slot[slot],
							    p, mlen) ?:
			      variant_props_parse(slot, p + mlen, len - mlen);
			if (ret) {
				pr_err("ins5s8563-kunit: variant %.*s: not a setting of the model\n",
				       (int)len, p);
				return ret;
			}
			for (i = 0; i < NBASE; i++) {
				variant_suites[slot][i].init = variant_base[i]->init;
				variant_suites[slot][i].exit = variant_base[i]->exit;
				variant_suites[slot][i].test_cases =
					variant_base[i]->test_cases;
			}
			slot++;
		}
		p += len;
		if (*p)
			p++;
	}
	return 0;
}
module_init(variant_suites_init);

static void __exit variant_suites_exit(void)
{
}
module_exit(variant_suites_exit);
