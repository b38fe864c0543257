// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the INS5S8563 driver: the real probe and the rtc API,
 * over a regmap whose bus is the chip model of ins5s8563-model.c. This
 * file holds the fixture and the helpers the suites share, and registers
 * them all; each suite has a file of its own (ins5s8563-*-test.c).
 */

#include <linux/stringhash.h>

#include "ins5s8563-test.h"

/*
 * The chip model's variant for the suite that runs now: NULL (the chosen
 * reading) but for the copies of ins5s8563-variant-suites.c.
 */
const struct ins5s8563_model_variant *ins5s8563_test_variant;
/*
 * The firmware properties (booleans) that the device has for the suite
 * that runs now, NULL-terminated: the driver's adaptation to the variant.
 */
const char * const *ins5s8563_test_props;

void ins_log_access(struct ins5s8563_model *m, void *priv,
		    unsigned int access, enum ins5s8563_model_dir dir, u8 reg)
{
	struct ins5s8563_test *t = priv;

	if (t->nlog < ARRAY_SIZE(t->log)) {
		t->log[t->nlog].dir = dir;
		t->log[t->nlog].reg = reg;
	}
	t->nlog++;
}

int ins5s8563_test_init(struct kunit *test)
{
	struct ins5s8563_test *t;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	ins5s8563_model_init(&t->model);
	/*
	 * stop_release=free: each leaf its own phases (a single draw for
	 * all would test one phase), the same in every boot of a kernel
	 * (KUnit counts param_index from 0 or 1 at init, by version).
	 */
	ins5s8563_model_seed_phases(&t->model,
				    full_name_hash(NULL, test->name,
						   strlen(test->name)) +
				    test->param_index);
	if (ins5s8563_test_variant)
		t->variant = *ins5s8563_test_variant;
	ins5s8563_model_set_variant(&t->model, &t->variant);

	t->dev = kunit_device_register(test, "ins5s8563-test");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->dev);

	t->regmap = devm_regmap_init(t->dev, &ins5s8563_model_bus, &t->model,
				     &ins5s8563_regmap_config);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->regmap);

	test->priv = t;
	return 0;
}

void ins5s8563_test_exit(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	/* The rtc core may still have a read of the time queued. */
	if (t->rtc)
		flush_work(&t->rtc->irqwork);
}

/* Runs the driver's probe and finds the rtc device it registered. */
int ins_probe(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	int ret;

	if (!t->has_props && ins5s8563_test_props && *ins5s8563_test_props)
		ins_add_props(test, NULL);
	ret = ins5s8563_probe(t->dev, t->regmap, t->irq);
	if (ret)
		return ret;

	t->rtc = ins5s8563_fixture_rtc(t->dev);
	KUNIT_ASSERT_NOT_NULL(test, t->rtc);
	return 0;
}

void ins_probe_ok(struct kunit *test)
{
	KUNIT_ASSERT_EQ_MSG(test, ins_probe(test), 0, "probe failed");
}

u8 ins_peek(struct kunit *test, u8 reg)
{
	struct ins5s8563_test *t = test->priv;

	return ins5s8563_model_peek(&t->model, reg);
}

void ins_poke(struct kunit *test, u8 reg, u8 val)
{
	struct ins5s8563_test *t = test->priv;

	ins5s8563_model_poke(&t->model, reg, val);
}

/* Stores @tm in the chip's time registers, VLF clear. */
void ins_poke_time(struct kunit *test, const struct rtc_time *tm)
{
	ins_poke(test, REG_SEC, bin2bcd(tm->tm_sec));
	ins_poke(test, REG_SEC + 1, bin2bcd(tm->tm_min));
	ins_poke(test, REG_SEC + 2, bin2bcd(tm->tm_hour));
	ins_poke(test, REG_SEC + 3, bin2bcd(tm->tm_mday));
	ins_poke(test, REG_SEC + 4, tm->tm_wday);
	ins_poke(test, REG_SEC + 5, bin2bcd(tm->tm_mon + 1));
	ins_poke(test, REG_SEC + 6, bin2bcd(tm->tm_year - 100));
}

void ins_expect_time_regs(struct kunit *test, const struct rtc_time *tm)
{
	u8 want[7] = {
		bin2bcd(tm->tm_sec), bin2bcd(tm->tm_min), bin2bcd(tm->tm_hour),
		bin2bcd(tm->tm_mday), tm->tm_wday, bin2bcd(tm->tm_mon + 1),
		bin2bcd(tm->tm_year - 100),
	};
	u8 got[7];
	int i;

	for (i = 0; i < 7; i++)
		got[i] = ins_peek(test, REG_SEC + i);
	KUNIT_EXPECT_MEMEQ_MSG(test, got, want, sizeof(want),
			       "time registers 0x02-0x08 (%ptR)", tm);
}

void ins_expect_tm_eq(struct kunit *test, struct rtc_time *got,
		      struct rtc_time *want)
{
	KUNIT_EXPECT_EQ_MSG(test, rtc_tm_to_time64(got), rtc_tm_to_time64(want),
			    "read %ptR, expected %ptR", got, want);
	KUNIT_EXPECT_EQ_MSG(test, got->tm_wday, want->tm_wday,
			    "weekday of %ptR", want);
}

int ins_set_time(struct kunit *test, struct rtc_time *tm)
{
	struct ins5s8563_test *t = test->priv;
	int ret;

	ret = rtc_set_time(t->rtc, tm);
	/* rtc_set_time() queues a read of the time; keep it out of counts. */
	flush_work(&t->rtc->irqwork);
	return ret;
}

time64_t ins_dt64(const struct dt *d)
{
	return mktime64(d->y, d->mo, d->d, d->h, d->mi, d->s);
}

static void model_int_changed(struct ins5s8563_model *m, void *priv,
			      bool asserted)
{
	struct ins5s8563_test *t = priv;

	/* /INT is open drain and active low: its falling edge interrupts. */
	if (asserted && !t->int_muted)
		irq_set_irqchip_state(t->irq, IRQCHIP_STATE_PENDING, true);
}

static void free_fwnode(void *fwnode)
{
	irq_domain_free_fwnode(fwnode);
}

static void dispose_mapping(void *data)
{
	irq_dispose_mapping((unsigned long)data);
}

/*
 * Wires the model's /INT to a simulated interrupt, released (through devm
 * of the test device) only after the driver has freed it.
 */
void ins_add_irq(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct irq_domain *domain;
	struct fwnode_handle *fwnode;

	fwnode = irq_domain_alloc_named_fwnode("ins5s8563-kunit");
	KUNIT_ASSERT_NOT_NULL(test, fwnode);
	KUNIT_ASSERT_EQ(test, devm_add_action_or_reset(t->dev, free_fwnode,
						       fwnode), 0);
	domain = devm_irq_domain_create_sim(t->dev, fwnode, 1);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, domain);

	t->irq = irq_create_mapping(domain, 0);
	KUNIT_ASSERT_GT(test, t->irq, 0);
	KUNIT_ASSERT_EQ(test,
			devm_add_action_or_reset(t->dev, dispose_mapping,
						 (void *)(unsigned long)t->irq),
			0);
	KUNIT_ASSERT_EQ(test, irq_set_irq_type(t->irq, IRQ_TYPE_EDGE_FALLING),
			0);
	ins5s8563_model_set_int_cb(&t->model, model_int_changed, t);
}

/* A level-low interrupt that never fires (see ins5s8563-fixture.h). */
void ins_add_level_irq(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	t->irq = ins5s8563_fixture_level_irq(test, t->dev,
					     "ins5s8563-kunit-level");
}

/*
 * A test's own chip on top of the suite's: each setting of @v that is not
 * the chosen reading replaces that setting of the suite's variant, the
 * others stay, and the model takes the result.
 */
void ins_or_variant(struct kunit *test,
		    const struct ins5s8563_model_variant *v)
{
	struct ins5s8563_test *t = test->priv;
	unsigned int d, val;

	for (d = 0; d < INS5S8563_MODEL_NDECISIONS; d++) {
		val = ins5s8563_model_variant_get(v, d);
		if (val)
			KUNIT_ASSERT_EQ(test,
					ins5s8563_model_variant_set(&t->variant,
								    d, val),
					0);
	}
	ins5s8563_model_set_variant(&t->model, &t->variant);
}

/* The variant gives the device the boolean property @name. */
bool ins_has_prop(const char *name)
{
	const char * const *p = ins5s8563_test_props;

	for (; p && *p; p++)
		if (!strcmp(*p, name))
			return true;
	return false;
}

#define INS_MAX_PROPS	8

/*
 * Gives the device its firmware node: @props (may be NULL) and the
 * variant's properties. A device has one software node: all of them go
 * in at once, before the probe.
 */
void ins_add_props(struct kunit *test, const struct property_entry *props)
{
	struct ins5s8563_test *t = test->priv;
	struct property_entry all[INS_MAX_PROPS + 1] = { };
	const char * const *name = ins5s8563_test_props;
	unsigned int n = 0;

	KUNIT_ASSERT_FALSE_MSG(test, t->has_props, "firmware node added twice");
	for (; props && props->name; props++) {
		KUNIT_ASSERT_LT(test, n, INS_MAX_PROPS);
		all[n++] = *props;
	}
	for (; name && *name; name++) {
		unsigned int i;

		for (i = 0; i < n && strcmp(all[i].name, *name); i++)
			;
		if (i < n)
			continue;
		KUNIT_ASSERT_LT(test, n, INS_MAX_PROPS);
		all[n++] = PROPERTY_ENTRY_BOOL(*name);
	}
	KUNIT_ASSERT_EQ(test, device_create_managed_software_node(t->dev, all,
								  NULL), 0);
	t->has_props = true;
}

void ins_add_wakeup_source(struct kunit *test)
{
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_BOOL("wakeup-source"),
		{ }
	};

	ins_add_props(test, props);
}

int ins_read_alarm(struct kunit *test, struct rtc_wkalrm *alrm)
{
	struct ins5s8563_test *t = test->priv;

	memset(alrm, 0, sizeof(*alrm));
	return t->rtc->ops->read_alarm(t->rtc->dev.parent, alrm);
}

bool ins_wait_for_irq_data(struct ins5s8563_test *t, unsigned long mask)
{
	int i;

	for (i = 0; i < 100; i++) {
		if ((READ_ONCE(t->rtc->irq_data) & mask) == mask)
			return true;
		msleep(20);
	}
	return false;
}

/*
 * A timer left running by a previous boot, with @ctrl2: at 1 Hz with TIE
 * an alarm (@td 2), at 64 Hz a countdown (@td 1).
 */
void ins_poke_running_timer(struct kunit *test, u8 td, u8 ctrl2)
{
	ins_poke(test, REG_TIMER_LOW, 100);
	ins_poke(test, REG_TIMER_CTRL, TIMER_TE | td);
	ins_poke(test, REG_CTRL2, ctrl2);
}

/* The attribute @name of the countdown group, as sysfs would call it. */
static struct device_attribute *cd_attr(struct kunit *test, const char *name)
{
	struct ins5s8563_test *t = test->priv;
	struct device_attribute *attr;

	attr = ins5s8563_fixture_cd_attr(t->rtc, name);
	if (!attr)
		KUNIT_FAIL(test, "no countdown/%s", name);
	return attr;
}

ssize_t ins_cd_store(struct kunit *test, const char *name, const char *val)
{
	struct ins5s8563_test *t = test->priv;
	struct device_attribute *attr = cd_attr(test, name);

	KUNIT_ASSERT_NOT_NULL(test, attr);
	KUNIT_ASSERT_NOT_NULL_MSG(test, attr->store, "%s is read-only", name);
	return attr->store(&t->rtc->dev, attr, val, strlen(val));
}

void ins_cd_store_ok(struct kunit *test, const char *name, const char *val)
{
	KUNIT_ASSERT_EQ_MSG(test, ins_cd_store(test, name, val), strlen(val),
			    "echo %s > countdown/%s", val, name);
}

/* The attribute's text without its newline, in a buffer of the test. */
const char *ins_cd_show(struct kunit *test, const char *name)
{
	struct ins5s8563_test *t = test->priv;
	struct device_attribute *attr = cd_attr(test, name);
	char *buf;
	ssize_t len;

	KUNIT_ASSERT_NOT_NULL(test, attr);
	buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = attr->show(&t->rtc->dev, attr, buf);
	KUNIT_ASSERT_GT_MSG(test, len, 0, "cat countdown/%s", name);
	KUNIT_EXPECT_EQ(test, buf[len - 1], '\n');
	buf[len - 1] = '\0';
	return buf;
}

u32 ins_timer_regs(struct kunit *test)
{
	return ins_peek(test, REG_TIMER_HIGH) << 16 | ins_peek(test, REG_TIMER_MID) << 8 |
	       ins_peek(test, REG_TIMER_LOW);
}

kunit_test_suites(&ins5s8563_model_test_suite, &ins5s8563_variant_test_suite,
		  &ins5s8563_time_suite,
		  &ins5s8563_alarm_suite, &ins5s8563_clkout_suite,
		  &ins5s8563_countdown_suite, &ins5s8563_exact_suite,
		  &ins5s8563_wdt_suite, &ins5s8563_landed_suite,
		  &ins5s8563_fault_test_suite);

MODULE_DESCRIPTION("KUnit tests for the Dapu INS5S8563 RTC driver");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING");
