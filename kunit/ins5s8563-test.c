// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the INS5S8563 driver: the real probe and the rtc API,
 * over a regmap whose bus is the chip model of ins5s8563-model.c.
 */

#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/bcd.h>
#include <linux/clk.h>
#include <linux/clk-provider.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irq_sim.h>
#include <linux/irqdomain.h>
#include <linux/property.h>
#include <linux/regmap.h>
#include <linux/rtc.h>
#include <linux/umh.h>
#include <linux/watchdog.h>

#include "../drivers/rtc/rtc-ins5s8563.h"
#include "ins5s8563-fixture.h"
#include "ins5s8563-model.h"

#define ONE_SECOND	INS5S8563_MODEL_OSC_HZ

struct ins5s8563_test {
	struct ins5s8563_model model;
	struct device *dev;
	struct regmap *regmap;
	struct rtc_device *rtc;
	/* Simulated /INT line, when the test asks for one. */
	int irq;
	/*
	 * /INT assertions raise no edge while set: an assertion that came
	 * before the driver requested its edge-triggered interrupt.
	 */
	bool int_muted;
	/* Control_2 bits the race hook sets at the next write of Control_2. */
	u8 race_bits;
	/* The access before which flag_hook sets race_bits in Control_2. */
	unsigned int race_access;
	/*
	 * clkout_power_loss_race: the regmap's own lock, and a clk change
	 * made (by clk_work) whenever fire_task drops that lock before the
	 * first bus write.
	 */
	struct mutex map_lock;
	struct task_struct *fire_task;
	struct work_struct clk_work;
	struct completion clk_done;
	struct clk *clk;
	unsigned int fires;
	bool fire_task_wrote;
	/* Bus accesses seen by the model hook, in order. */
	struct {
		enum ins5s8563_model_dir dir;
		u8 reg;
	} log[32];
	unsigned int nlog;
};

static void log_access(struct ins5s8563_model *m, void *priv,
		       unsigned int access, enum ins5s8563_model_dir dir, u8 reg)
{
	struct ins5s8563_test *t = priv;

	if (t->nlog < ARRAY_SIZE(t->log)) {
		t->log[t->nlog].dir = dir;
		t->log[t->nlog].reg = reg;
	}
	t->nlog++;
}

static int ins5s8563_test_init(struct kunit *test)
{
	struct ins5s8563_test *t;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	ins5s8563_model_init(&t->model);

	t->dev = kunit_device_register(test, "ins5s8563-test");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->dev);

	t->regmap = devm_regmap_init(t->dev, &ins5s8563_model_bus, &t->model,
				     &ins5s8563_regmap_config);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->regmap);

	test->priv = t;
	return 0;
}

static void ins5s8563_test_exit(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	/* The rtc core may still have a read of the time queued. */
	if (t->rtc)
		flush_work(&t->rtc->irqwork);
}

/* Runs the driver's probe and finds the rtc device it registered. */
static int probe(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	int ret;

	ret = ins5s8563_probe(t->dev, t->regmap, t->irq);
	if (ret)
		return ret;

	t->rtc = ins5s8563_fixture_rtc(t->dev);
	KUNIT_ASSERT_NOT_NULL(test, t->rtc);
	return 0;
}

static void probe_ok(struct kunit *test)
{
	KUNIT_ASSERT_EQ_MSG(test, probe(test), 0, "probe failed");
}

static u8 peek(struct kunit *test, u8 reg)
{
	struct ins5s8563_test *t = test->priv;

	return ins5s8563_model_peek(&t->model, reg);
}

static void poke(struct kunit *test, u8 reg, u8 val)
{
	struct ins5s8563_test *t = test->priv;

	ins5s8563_model_poke(&t->model, reg, val);
}

/* Stores @tm in the chip's time registers, VLF clear. */
static void poke_time(struct kunit *test, const struct rtc_time *tm)
{
	poke(test, REG_SEC, bin2bcd(tm->tm_sec));
	poke(test, REG_SEC + 1, bin2bcd(tm->tm_min));
	poke(test, REG_SEC + 2, bin2bcd(tm->tm_hour));
	poke(test, REG_SEC + 3, bin2bcd(tm->tm_mday));
	poke(test, REG_SEC + 4, tm->tm_wday);
	poke(test, REG_SEC + 5, bin2bcd(tm->tm_mon + 1));
	poke(test, REG_SEC + 6, bin2bcd(tm->tm_year - 100));
}

static void expect_time_regs(struct kunit *test, const struct rtc_time *tm)
{
	u8 want[7] = {
		bin2bcd(tm->tm_sec), bin2bcd(tm->tm_min), bin2bcd(tm->tm_hour),
		bin2bcd(tm->tm_mday), tm->tm_wday, bin2bcd(tm->tm_mon + 1),
		bin2bcd(tm->tm_year - 100),
	};
	u8 got[7];
	int i;

	for (i = 0; i < 7; i++)
		got[i] = peek(test, REG_SEC + i);
	KUNIT_EXPECT_MEMEQ_MSG(test, got, want, sizeof(want),
			       "time registers 0x02-0x08 (%ptR)", tm);
}

static void expect_tm_eq(struct kunit *test, struct rtc_time *got,
			 struct rtc_time *want)
{
	KUNIT_EXPECT_EQ_MSG(test, rtc_tm_to_time64(got), rtc_tm_to_time64(want),
			    "read %ptR, expected %ptR", got, want);
	KUNIT_EXPECT_EQ_MSG(test, got->tm_wday, want->tm_wday,
			    "weekday of %ptR", want);
}

static int set_time(struct kunit *test, struct rtc_time *tm)
{
	struct ins5s8563_test *t = test->priv;
	int ret;

	ret = rtc_set_time(t->rtc, tm);
	/* rtc_set_time() queues a read of the time; keep it out of counts. */
	flush_work(&t->rtc->irqwork);
	return ret;
}

/* ---- time round trips and calendar carries ---------------------------- */

/* A calendar time in a table; mktime64() is no constant expression. */
struct dt {
	unsigned int y, mo, d, h, mi, s;
};

#define DT(y, mo, d, h, mi, s)	{ y, mo, d, h, mi, s }

static time64_t dt64(const struct dt *d)
{
	return mktime64(d->y, d->mo, d->d, d->h, d->mi, d->s);
}

struct time_case {
	const char *desc;
	struct dt t;
	/*
	 * One second later the chip has wrapped to 2000 (it has no century
	 * bit): its weekday counted on from Thursday to Friday, 2000-01-01
	 * was a Saturday, and the read must fail.
	 */
	bool wraps;
};

static const struct time_case time_cases[] = {
	{ "2000-01-01 00:00:00 (range start)", DT(2000, 1, 1, 0, 0, 0) },
	{ "2000-02-28 23:59:59", DT(2000, 2, 28, 23, 59, 59) },
	{ "2000-02-29 23:59:59 (leap day)", DT(2000, 2, 29, 23, 59, 59) },
	{ "2004-02-29 23:59:59 (leap day)", DT(2004, 2, 29, 23, 59, 59) },
	{ "2023-02-28 23:59:59 (not leap)", DT(2023, 2, 28, 23, 59, 59) },
	{ "2096-02-29 23:59:59 (leap day)", DT(2096, 2, 29, 23, 59, 59) },
	{ "2024-01-31 23:59:59", DT(2024, 1, 31, 23, 59, 59) },
	{ "2024-03-31 23:59:59", DT(2024, 3, 31, 23, 59, 59) },
	{ "2024-04-30 23:59:59", DT(2024, 4, 30, 23, 59, 59) },
	{ "2024-05-31 23:59:59", DT(2024, 5, 31, 23, 59, 59) },
	{ "2024-06-30 23:59:59", DT(2024, 6, 30, 23, 59, 59) },
	{ "2024-07-31 23:59:59", DT(2024, 7, 31, 23, 59, 59) },
	{ "2024-08-31 23:59:59", DT(2024, 8, 31, 23, 59, 59) },
	{ "2024-09-30 23:59:59", DT(2024, 9, 30, 23, 59, 59) },
	{ "2024-10-31 23:59:59", DT(2024, 10, 31, 23, 59, 59) },
	{ "2024-11-30 23:59:59", DT(2024, 11, 30, 23, 59, 59) },
	{ "2024-12-31 23:59:59", DT(2024, 12, 31, 23, 59, 59) },
	{ "2023-01-01 21:18:36 (a Sunday)", DT(2023, 1, 1, 21, 18, 36) },
	{ "2038-01-19 03:14:07 (32-bit time_t end)",
	  DT(2038, 1, 19, 3, 14, 7) },
	{ "2099-12-31 23:59:59 (range end, the wrap to 2000 reads invalid)",
	  DT(2099, 12, 31, 23, 59, 59), true },
};

KUNIT_ARRAY_PARAM_DESC(time_cases, time_cases, desc);

/* rtc_set_time() writes the exact BCD image, restarts the clock, reads back. */
static void set_time_round_trip(struct kunit *test)
{
	const struct time_case *c = test->param_value;
	struct rtc_time tm, got;

	probe_ok(test);
	rtc_time64_to_tm(dt64(&c->t), &tm);
	KUNIT_ASSERT_EQ(test, set_time(test, &tm), 0);

	expect_time_regs(test, &tm);
	KUNIT_EXPECT_EQ_MSG(test, peek(test, REG_CTRL1), 0,
			    "STOP must be released, EXT_TEST clear");

	KUNIT_ASSERT_EQ(test, rtc_read_time(((struct ins5s8563_test *)
					     test->priv)->rtc, &got), 0);
	expect_tm_eq(test, &got, &tm);
}

/* The chip carries the second into the next minute, day, month, year. */
static void read_time_after_carry(struct kunit *test)
{
	const struct time_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm, got, want;

	rtc_time64_to_tm(dt64(&c->t), &tm);
	poke_time(test, &tm);
	probe_ok(test);

	ins5s8563_model_advance(&t->model, ONE_SECOND);
	if (c->wraps) {
		KUNIT_EXPECT_EQ_MSG(test, rtc_read_time(t->rtc, &got), -EINVAL,
				    "the wrap read as %ptR", &got);
		return;
	}
	rtc_time64_to_tm(dt64(&c->t) + 1, &want);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	expect_tm_eq(test, &got, &want);
}

/* The rtc core refuses what the chip cannot hold, before any transfer. */
static void set_time_out_of_range(struct kunit *test)
{
	static const struct dt bad[] = {
		DT(1999, 12, 31, 23, 59, 59), DT(2100, 1, 1, 0, 0, 0),
	};
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm;
	int i;

	probe_ok(test);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		rtc_time64_to_tm(dt64(&bad[i]), &tm);
		ins5s8563_model_reset_counters(&t->model);
		KUNIT_EXPECT_EQ_MSG(test, set_time(test, &tm), -ERANGE,
				    "%ptR", &tm);
		KUNIT_EXPECT_EQ_MSG(test, t->model.writes, 0,
				    "%ptR must not reach the chip", &tm);
	}
}

/* A wrong tm_wday from userspace does not reach the chip. */
static void set_time_computes_weekday(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm;

	probe_ok(test);
	rtc_time64_to_tm(mktime64(2031, 2, 3, 4, 5, 6), &tm);	/* a Monday */
	tm.tm_wday = 5;
	KUNIT_ASSERT_EQ(test, rtc_set_time(t->rtc, &tm), 0);
	flush_work(&t->rtc->irqwork);
	KUNIT_EXPECT_EQ(test, peek(test, REG_SEC + 4), 1);
}

/* ---- invalid contents --------------------------------------------------- */

static void read_time_vlf(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm;

	/* The model starts at its power-on state: VLF = 1. */
	probe_ok(test);
	KUNIT_EXPECT_EQ(test, rtc_read_time(t->rtc, &tm), -EINVAL);
	KUNIT_EXPECT_EQ(test, rtc_read_time(t->rtc, &tm), -EINVAL);
	KUNIT_EXPECT_TRUE_MSG(test, peek(test, REG_SEC) & SEC_VLF,
			      "reading must not clear VLF");
}

struct vlf_case {
	const char *desc;
	bool while_bound;
};

static const struct vlf_case vlf_cases[] = {
	{ "VLF found at probe", false },
	{ "VLF set while bound (power lost under the driver)", true },
};

KUNIT_ARRAY_PARAM_DESC(vlf_cases, vlf_cases, desc);

/*
 * VLF alone says the time is invalid: the power-on registers fail the
 * field checks by themselves (MONTH 0), so read_time_vlf cannot tell
 * whether VLF was looked at. Here every field is valid.
 */
static void read_time_vlf_valid_time(struct kunit *test)
{
	const struct vlf_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm, got;

	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 45), &tm);
	poke_time(test, &tm);
	if (!c->while_bound)
		poke(test, REG_SEC, peek(test, REG_SEC) | SEC_VLF);
	probe_ok(test);
	if (c->while_bound) {
		KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
		poke(test, REG_SEC, peek(test, REG_SEC) | SEC_VLF);
	}

	KUNIT_EXPECT_EQ_MSG(test, rtc_read_time(t->rtc, &got), -EINVAL,
			    "VLF set, yet the time read as %ptR", &got);
	KUNIT_EXPECT_TRUE_MSG(test, peek(test, REG_SEC) & SEC_VLF,
			      "reading must not clear VLF");

	KUNIT_ASSERT_EQ(test, set_time(test, &tm), 0);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	expect_tm_eq(test, &got, &tm);
}

struct bad_field_case {
	const char *desc;
	u8 reg;
	u8 val;
};

static const struct bad_field_case bad_field_cases[] = {
	{ "SEC 0x5a (not BCD)", 0x02, 0x5a },
	{ "SEC 0x60 (60 s)", 0x02, 0x60 },
	{ "MIN 0x4f (not BCD)", 0x03, 0x4f },
	{ "MIN 0x60 (60 min)", 0x03, 0x60 },
	{ "HOUR 0x24 (24 h)", 0x04, 0x24 },
	{ "HOUR 0x1a (not BCD)", 0x04, 0x1a },
	{ "DAY 0x00", 0x05, 0x00 },
	{ "DAY 0x32", 0x05, 0x32 },
	{ "DAY 0x1f (not BCD)", 0x05, 0x1f },
	{ "DAY 0x31 in June", 0x05, 0x31 },
	{ "WEEK 5 on a Saturday (disagrees with the date)", 0x06, 0x05 },
	{ "WEEK 7 on a Saturday (disagrees with the date)", 0x06, 0x07 },
	{ "MONTH 0x00", 0x07, 0x00 },
	{ "MONTH 0x13", 0x07, 0x13 },
	{ "MONTH 0x0a (not BCD)", 0x07, 0x0a },
	{ "YEAR 0xa0 (not BCD)", 0x08, 0xa0 },
	{ "YEAR 0x9a (not BCD)", 0x08, 0x9a },
};

KUNIT_ARRAY_PARAM_DESC(bad_field_cases, bad_field_cases, desc);

static void read_time_bad_field(struct kunit *test)
{
	const struct bad_field_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm;

	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 45), &tm);
	poke_time(test, &tm);
	poke(test, c->reg, c->val);
	probe_ok(test);

	KUNIT_EXPECT_EQ_MSG(test, rtc_read_time(t->rtc, &tm), -EINVAL,
			    "register 0x%02x = 0x%02x", c->reg, c->val);
}

/*
 * The chip has no century bit: 2099 wraps to 2000. The weekday register,
 * which the driver wrote and the chip counted on, then disagrees with the
 * date, and the time reads as invalid until set again.
 */
static void read_time_century_wrap(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm, got;

	probe_ok(test);
	rtc_time64_to_tm(mktime64(2099, 12, 31, 23, 59, 59), &tm);
	KUNIT_ASSERT_EQ(test, set_time(test, &tm), 0);
	ins5s8563_model_advance(&t->model, 2 * ONE_SECOND);
	KUNIT_EXPECT_EQ(test, peek(test, REG_YEAR), 0x00);
	KUNIT_EXPECT_EQ_MSG(test, rtc_read_time(t->rtc, &got), -EINVAL,
			    "the wrap read as %ptR", &got);
	KUNIT_EXPECT_EQ(test, rtc_read_time(t->rtc, &got), -EINVAL);

	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 45), &tm);
	KUNIT_ASSERT_EQ(test, set_time(test, &tm), 0);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	expect_tm_eq(test, &got, &tm);
}

struct wday_case {
	const char *desc;
	struct dt t;
	u8 week;
	int wday;
};

/*
 * tm_wday comes from the date, not the register; a register of 7 is no
 * error of its own (7 is Sunday where weekdays count 1-7).
 */
static const struct wday_case wday_cases[] = {
	{ "Saturday 2024-06-15, WEEK 6", DT(2024, 6, 15, 12, 0, 0), 6, 6 },
	{ "Sunday 2023-01-01, WEEK 0", DT(2023, 1, 1, 12, 0, 0), 0, 0 },
	{ "Sunday 2023-01-01, WEEK 7", DT(2023, 1, 1, 12, 0, 0), 7, 0 },
};

KUNIT_ARRAY_PARAM_DESC(wday_cases, wday_cases, desc);

static void read_time_wday_from_date(struct kunit *test)
{
	const struct wday_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm, got;

	rtc_time64_to_tm(dt64(&c->t), &tm);
	poke_time(test, &tm);
	poke(test, REG_SEC + 4, c->week);
	probe_ok(test);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	KUNIT_EXPECT_EQ(test, got.tm_wday, c->wday);
	KUNIT_EXPECT_EQ(test, rtc_tm_to_time64(&got), dt64(&c->t));
}

/* ---- set_time sequence, power loss and bus errors ------------------------ */

static void set_time_sequence(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm;

	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 45), &tm);
	poke_time(test, &tm);
	probe_ok(test);

	ins5s8563_model_set_hook(&t->model, log_access, t);
	ins5s8563_model_reset_counters(&t->model);
	rtc_time64_to_tm(mktime64(2025, 7, 4, 1, 2, 3), &tm);
	/* The op itself: the rtc core would queue a read of its own. */
	KUNIT_ASSERT_EQ(test, t->rtc->ops->set_time(t->rtc->dev.parent, &tm),
			0);
	ins5s8563_model_set_hook(&t->model, NULL, NULL);

	/* VLF check, one burst of STOP and the time, STOP released. */
	KUNIT_ASSERT_EQ(test, t->nlog, 3);
	KUNIT_EXPECT_EQ(test, t->log[0].dir, INS5S8563_MODEL_READ);
	KUNIT_EXPECT_EQ(test, t->log[0].reg, REG_SEC);
	KUNIT_EXPECT_EQ(test, t->log[1].dir, INS5S8563_MODEL_WRITE);
	KUNIT_EXPECT_EQ(test, t->log[1].reg, REG_CTRL1);
	KUNIT_EXPECT_EQ(test, t->log[2].dir, INS5S8563_MODEL_WRITE);
	KUNIT_EXPECT_EQ(test, t->log[2].reg, REG_CTRL1);
	/* 1 + 10 + 2 bytes written: register addresses included. */
	KUNIT_EXPECT_EQ(test, t->model.bytes_written, 13);
	expect_time_regs(test, &tm);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CTRL1), 0);
}

/* STOP halts the calendar for as long as the time is being written. */
static void set_time_stops_clock(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm, got;

	probe_ok(test);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 45), &tm);
	KUNIT_ASSERT_EQ(test, set_time(test, &tm), 0);
	/* Half a second later, a whole second has not passed yet. */
	ins5s8563_model_advance(&t->model, ONE_SECOND / 2);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	expect_tm_eq(test, &got, &tm);
	ins5s8563_model_advance(&t->model, ONE_SECOND / 2);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 46), &tm);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	expect_tm_eq(test, &got, &tm);
}

struct phase_case {
	const char *desc;
	u32 ticks;	/* of the second in progress when the time is set */
};

static const struct phase_case phase_cases[] = {
	{ "set on the second's edge", 0 },
	{ "set 1 tick into a second", 1 },
	{ "set half a second into a second", ONE_SECOND / 2 },
	{ "set on a second's last tick", ONE_SECOND - 1 },
};

KUNIT_ARRAY_PARAM_DESC(phase_cases, phase_cases, desc);

/*
 * hwclock --systohc and NTP set the time at any point of the chip's
 * second. Without the prescaler reset that STOP gives, the first second
 * would end wherever the old one was due, up to a whole second early:
 * set_time_stops_clock cannot see that, its time is set on an edge.
 */
static void set_time_mid_second(struct kunit *test)
{
	const struct phase_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm, got;

	probe_ok(test);
	rtc_time64_to_tm(mktime64(2023, 1, 1, 0, 0, 0), &tm);
	KUNIT_ASSERT_EQ(test, set_time(test, &tm), 0);
	ins5s8563_model_advance(&t->model, 5 * ONE_SECOND + c->ticks);
	KUNIT_ASSERT_EQ(test, t->model.subsec, c->ticks);

	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 45), &tm);
	KUNIT_ASSERT_EQ(test, set_time(test, &tm), 0);
	ins5s8563_model_advance(&t->model, ONE_SECOND - 1);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	KUNIT_EXPECT_EQ_MSG(test, rtc_tm_to_time64(&got), rtc_tm_to_time64(&tm),
			    "the first second after the set was short: %ptR",
			    &got);
	ins5s8563_model_advance(&t->model, 1);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	KUNIT_EXPECT_EQ_MSG(test, rtc_tm_to_time64(&got),
			    rtc_tm_to_time64(&tm) + 1,
			    "the first second after the set was long: %ptR",
			    &got);
}

/* After a power loss every control register but CLKOUT gets a known value. */
static void set_time_after_power_loss(struct kunit *test)
{
	static const u8 want[] = {
		[REG_CTRL1] = 0x00, [REG_CTRL2] = 0x00,
		[REG_ALM_MIN] = 0x80, 0x80, 0x80, 0x80,
		[REG_CLKOUT] = 0x82,
		[REG_TIMER_CTRL] = 0x00,
	};
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm, got;
	int reg;

	/* Power-on (VLF) plus state a previous owner left behind. */
	poke(test, REG_CTRL2, 0x1f);
	poke(test, REG_ALM_MIN, 0x15);
	poke(test, REG_ALM_MIN + 1, 0x07);
	poke(test, REG_CLKOUT, 0x82);
	poke(test, REG_TIMER_CTRL, 0x82);
	probe_ok(test);

	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 45), &tm);
	KUNIT_ASSERT_EQ(test, set_time(test, &tm), 0);

	for (reg = 0; reg < ARRAY_SIZE(want); reg++) {
		if (reg >= REG_SEC && reg <= REG_YEAR)
			continue;
		KUNIT_EXPECT_EQ_MSG(test, peek(test, reg), want[reg],
				    "register 0x%02x", reg);
	}
	expect_time_regs(test, &tm);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	expect_tm_eq(test, &got, &tm);
}

struct io_error_case {
	const char *desc;
	bool power_lost;
	unsigned int access;
	/* The clock stays stopped only if both attempts to restart fail. */
	unsigned int count;
	/* A restart that succeeds on the second attempt is a success. */
	int ret;
};

static const struct io_error_case io_error_cases[] = {
	{ "VLF read fails", false, 1, 1, -EIO },
	{ "STOP and time write fails", false, 2, 1, -EIO },
	{ "restart fails once", false, 3, 1, 0 },
	{ "after power loss: VLF read fails", true, 1, 1, -EIO },
	{ "after power loss: alarm/CLKOUT/timer write fails", true, 2, 1,
	  -EIO },
	{ "after power loss: STOP and time write fails", true, 3, 1, -EIO },
	{ "after power loss: restart fails once", true, 4, 1, 0 },
	{ "bus down from the time write on", false, 2, 100, -EIO },
};

KUNIT_ARRAY_PARAM_DESC(io_error_cases, io_error_cases, desc);

/* A bus error at any step is returned and never leaves the clock stopped. */
static void set_time_io_error(struct kunit *test)
{
	const struct io_error_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm, got;

	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 45), &tm);
	if (!c->power_lost)
		poke_time(test, &tm);
	probe_ok(test);

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, c->access, c->count, -EIO);
	rtc_time64_to_tm(mktime64(2030, 1, 2, 3, 4, 5), &got);
	KUNIT_EXPECT_EQ(test, rtc_set_time(t->rtc, &got), c->ret);
	/* The queued read of the time must not meet the injected faults. */
	flush_work(&t->rtc->irqwork);
	ins5s8563_model_fail(&t->model, 0, 0, 0);

	if (c->count == 1)
		KUNIT_EXPECT_EQ_MSG(test, peek(test, REG_CTRL1) & CTRL1_STOP, 0,
				    "clock left stopped");

	/* And the next attempt succeeds from whatever state is left. */
	KUNIT_ASSERT_EQ(test, set_time(test, &got), 0);
	expect_time_regs(test, &got);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CTRL1), 0);
}

/* ---- probe ----------------------------------------------------------- */

static void probe_keeps_registers(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	u8 before[0x14], after[0x14];
	struct rtc_time tm;
	int reg;

	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 45), &tm);
	poke_time(test, &tm);
	poke(test, REG_CTRL2, 0x12);
	poke(test, REG_ALM_MIN, 0x30);
	poke(test, REG_CLKOUT, 0x01);
	poke(test, REG_TIMER_CTRL, 0x02);
	poke(test, 0x0f, 0x34);
	for (reg = 0; reg < sizeof(before); reg++)
		before[reg] = peek(test, reg);

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_set_hook(&t->model, log_access, t);
	probe_ok(test);
	ins5s8563_model_set_hook(&t->model, NULL, NULL);
	for (reg = 0; reg < sizeof(after); reg++)
		after[reg] = peek(test, reg);

	KUNIT_EXPECT_MEMEQ_MSG(test, after, before, sizeof(before),
			       "probe must not change any register");
	KUNIT_EXPECT_EQ_MSG(test, t->model.writes, 0, "probe wrote");
	/* One burst up to 0x0f, then the rest of the timer counter. */
	KUNIT_ASSERT_GE(test, t->nlog, 2);
	KUNIT_EXPECT_EQ(test, t->log[0].reg, REG_CTRL1);
	KUNIT_EXPECT_EQ(test, t->model.bytes_read >= 16, true);
	KUNIT_EXPECT_EQ(test, t->log[1].reg, REG_TIMER_HIGH);
	/* Anything else is the rtc core reading the time. */
	for (reg = 2; reg < t->nlog && reg < ARRAY_SIZE(t->log); reg++)
		KUNIT_EXPECT_EQ_MSG(test, t->log[reg].reg, REG_SEC,
				    "access %d", reg + 1);
}

static void probe_keeps_vlf(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	probe_ok(test);
	KUNIT_EXPECT_TRUE(test, peek(test, REG_SEC) & SEC_VLF);
	KUNIT_EXPECT_EQ(test, t->model.writes, 0);
}

static void probe_clears_ext_test(struct kunit *test)
{
	poke(test, REG_CTRL1, CTRL1_EXT_TEST | CTRL1_STOP);
	probe_ok(test);
	KUNIT_EXPECT_EQ_MSG(test, peek(test, REG_CTRL1), CTRL1_STOP,
			    "EXT_TEST forced to 0, STOP left as found");
}

static void probe_io_error(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	ins5s8563_model_fail(&t->model, 1, 1, -EIO);
	KUNIT_EXPECT_EQ(test, probe(test), -EIO);
}

/* Control registers come from the cache once probe has read them. */
static void cache_serves_control_registers(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	unsigned int val;
	int reg;

	probe_ok(test);
	ins5s8563_model_reset_counters(&t->model);
	for (reg = REG_ALM_MIN; reg <= REG_TIMER_CTRL; reg++)
		KUNIT_ASSERT_EQ(test, regmap_read(t->regmap, reg, &val), 0);
	KUNIT_EXPECT_EQ(test, t->model.accesses, 0);

	/* Flags and time are always read from the chip. */
	KUNIT_ASSERT_EQ(test, regmap_read(t->regmap, REG_CTRL2, &val), 0);
	KUNIT_ASSERT_EQ(test, regmap_read(t->regmap, REG_SEC, &val), 0);
	KUNIT_EXPECT_EQ(test, t->model.accesses, 2);
}

/* ---- alarm, interrupt and wakeup ------------------------------------------ */

/* The countdown's sysfs attributes, as userspace uses them (below). */
static void cd_store_ok(struct kunit *test, const char *name,
			const char *val);
static const char *cd_show(struct kunit *test, const char *name);

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
static void add_irq(struct kunit *test)
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
static void add_level_irq(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	t->irq = ins5s8563_fixture_level_irq(test, t->dev,
					     "ins5s8563-kunit-level");
}

static void add_wakeup_source(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	KUNIT_ASSERT_EQ(test, ins5s8563_fixture_wakeup_source(t->dev), 0);
}

static int read_alarm(struct kunit *test, struct rtc_wkalrm *alrm)
{
	struct ins5s8563_test *t = test->priv;

	memset(alrm, 0, sizeof(*alrm));
	return t->rtc->ops->read_alarm(t->rtc->dev.parent, alrm);
}

struct alarm_case {
	const char *desc;
	struct dt now;
	struct dt alarm;
	u8 regs[4];
};

/* Beyond the timer's 16777215 s (194 days): the minute registers. */
static const struct alarm_case alarm_cases[] = {
	{ "12:05 on the 15th", DT(2023, 11, 1, 12, 0, 0),
	  DT(2024, 6, 15, 12, 5, 0), { 0x05, 0x12, 0x15, ALM_AE } },
	{ "midnight on the 1st", DT(2023, 11, 1, 23, 0, 0),
	  DT(2024, 7, 1, 0, 0, 0), { 0x00, 0x00, 0x01, ALM_AE } },
	{ "23:59 on the 31st", DT(2024, 5, 1, 0, 0, 0),
	  DT(2024, 12, 31, 23, 59, 0), { 0x59, 0x23, 0x31, ALM_AE } },
	{ "leap day", DT(2095, 7, 1, 12, 0, 0),
	  DT(2096, 2, 29, 7, 30, 0), { 0x30, 0x07, 0x29, ALM_AE } },
	{ "eight months ahead", DT(2024, 1, 31, 10, 0, 0),
	  DT(2024, 9, 20, 9, 45, 0), { 0x45, 0x09, 0x20, ALM_AE } },
};

KUNIT_ARRAY_PARAM_DESC(alarm_cases, alarm_cases, desc);

/* The alarm lands in 0x09-0x0c, AIE follows, read_alarm reports it back. */
static void set_alarm_round_trip(struct kunit *test)
{
	const struct alarm_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	struct rtc_wkalrm got;
	struct rtc_time now;
	u8 regs[4];
	int i;

	add_irq(test);
	probe_ok(test);
	rtc_time64_to_tm(dt64(&c->now), &now);
	KUNIT_ASSERT_EQ(test, set_time(test, &now), 0);

	rtc_time64_to_tm(dt64(&c->alarm), &alrm.time);
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
	for (i = 0; i < 4; i++)
		regs[i] = peek(test, REG_ALM_MIN + i);
	KUNIT_EXPECT_MEMEQ_MSG(test, regs, c->regs, sizeof(regs),
			       "alarm registers 0x09-0x0c");
	KUNIT_EXPECT_TRUE(test, peek(test, REG_CTRL2) & CTRL2_AIE);

	KUNIT_ASSERT_EQ(test, read_alarm(test, &got), 0);
	KUNIT_EXPECT_EQ(test, got.time.tm_sec, 0);
	KUNIT_EXPECT_EQ(test, got.time.tm_min, alrm.time.tm_min);
	KUNIT_EXPECT_EQ(test, got.time.tm_hour, alrm.time.tm_hour);
	KUNIT_EXPECT_EQ(test, got.time.tm_mday, alrm.time.tm_mday);
	KUNIT_EXPECT_TRUE(test, got.enabled);
	KUNIT_EXPECT_FALSE(test, got.pending);
}

struct ae_case {
	const char *desc;
	u8 regs[4];
	int min, hour, mday;
};

static const struct ae_case ae_cases[] = {
	{ "all fields take part", { 0x30, 0x08, 0x17, 0x03 }, 30, 8, 17 },
	{ "minute ignored", { 0x80 | 0x30, 0x08, 0x17, 0x80 }, -1, 8, 17 },
	{ "hour ignored", { 0x30, 0x80 | 0x08, 0x17, 0x80 }, 30, -1, 17 },
	{ "day ignored", { 0x30, 0x08, 0x80 | 0x17, 0x80 }, 30, 8, -1 },
	{ "only the minute", { 0x59, 0x80, 0x80, 0x80 }, 59, -1, -1 },
	{ "nothing (power-on)", { 0x80, 0x80, 0x80, 0x80 }, -1, -1, -1 },
};

KUNIT_ARRAY_PARAM_DESC(ae_cases, ae_cases, desc);

static void read_alarm_ae_encoding(struct kunit *test)
{
	const struct ae_case *c = test->param_value;
	struct rtc_wkalrm got;
	int i;

	for (i = 0; i < 4; i++)
		poke(test, REG_ALM_MIN + i, c->regs[i]);
	probe_ok(test);

	KUNIT_ASSERT_EQ(test, read_alarm(test, &got), 0);
	KUNIT_EXPECT_EQ(test, got.time.tm_min, c->min);
	KUNIT_EXPECT_EQ(test, got.time.tm_hour, c->hour);
	KUNIT_EXPECT_EQ(test, got.time.tm_mday, c->mday);
}

static void read_alarm_bad_bcd(struct kunit *test)
{
	struct rtc_wkalrm got;

	poke(test, REG_ALM_MIN, 0x5a);
	probe_ok(test);
	KUNIT_EXPECT_EQ(test, read_alarm(test, &got), -EINVAL);
}

static void read_alarm_enabled_pending(struct kunit *test)
{
	struct rtc_wkalrm got;

	poke(test, REG_CTRL2, CTRL2_AIE);
	probe_ok(test);
	poke(test, REG_CTRL2, CTRL2_AIE | CTRL2_AF);
	KUNIT_ASSERT_EQ(test, read_alarm(test, &got), 0);
	KUNIT_EXPECT_TRUE(test, got.enabled);
	KUNIT_EXPECT_TRUE(test, got.pending);
}

/* AIE toggles alone: neither flag is touched on the way. */
static void alarm_irq_enable_toggles_aie(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	int (*enable)(struct device *dev, unsigned int enabled);

	probe_ok(test);
	enable = t->rtc->ops->alarm_irq_enable;
	poke(test, REG_CTRL2, CTRL2_AF | CTRL2_TF);

	KUNIT_ASSERT_EQ(test, enable(t->rtc->dev.parent, 1), 0);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CTRL2),
			CTRL2_AF | CTRL2_TF | CTRL2_AIE);
	KUNIT_ASSERT_EQ(test, enable(t->rtc->dev.parent, 0), 0);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CTRL2), CTRL2_AF | CTRL2_TF);

	/* Off already: nothing goes to the chip. */
	ins5s8563_model_reset_counters(&t->model);
	KUNIT_ASSERT_EQ(test, enable(t->rtc->dev.parent, 0), 0);
	KUNIT_EXPECT_EQ(test, t->model.accesses, 0);
}

struct handler_case {
	const char *desc;
	/* Enable bits at probe, flags raised afterwards. */
	u8 enables;
	u8 flags;
	irqreturn_t ret;
	u8 ctrl2_after;
	bool alarm_reported;
};

static const struct handler_case handler_cases[] = {
	{ "AF", CTRL2_AIE, CTRL2_AF, IRQ_HANDLED, CTRL2_AIE, true },
	{ "TF", CTRL2_TIE, CTRL2_TF, IRQ_HANDLED, CTRL2_TIE, false },
	{ "AF and TF", CTRL2_AIE | CTRL2_TIE, CTRL2_AF | CTRL2_TF, IRQ_HANDLED,
	  CTRL2_AIE | CTRL2_TIE, true },
	{ "neither", CTRL2_AIE | CTRL2_TIE, 0, IRQ_NONE,
	  CTRL2_AIE | CTRL2_TIE, false },
	{ "AF with AIE off is not ours", 0, CTRL2_AF, IRQ_NONE, CTRL2_AF,
	  false },
	{ "TF handled, AF without AIE kept", CTRL2_TIE, CTRL2_AF | CTRL2_TF,
	  IRQ_HANDLED, CTRL2_TIE | CTRL2_AF, false },
	{ "TF in pulse mode", CTRL2_TIE | CTRL2_TI_TP, CTRL2_TF, IRQ_HANDLED,
	  CTRL2_TIE | CTRL2_TI_TP, false },
};

KUNIT_ARRAY_PARAM_DESC(handler_cases, handler_cases, desc);

static void handler_flags(struct kunit *test)
{
	const struct handler_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	unsigned long events;

	/*
	 * rtc_update_irq() holds a wakeup event: the trace of a report. The
	 * handler is called here, as a level line would; TIE needs an
	 * interrupt to stay set.
	 */
	add_level_irq(test);
	poke(test, REG_CTRL2, c->enables);
	probe_ok(test);
	KUNIT_ASSERT_NOT_NULL(test, t->dev->power.wakeup);
	poke(test, REG_CTRL2, c->enables | c->flags);
	ins5s8563_model_reset_counters(&t->model);
	events = t->dev->power.wakeup->event_count;

	KUNIT_EXPECT_EQ(test, ins5s8563_handle_irq(0, dev_get_drvdata(t->dev)),
			c->ret);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CTRL2), c->ctrl2_after);
	KUNIT_EXPECT_EQ_MSG(test, t->dev->power.wakeup->event_count != events,
			    c->alarm_reported, "alarm reported to the rtc core");
	KUNIT_EXPECT_EQ_MSG(test, t->model.writes, c->ret == IRQ_HANDLED,
			    "one write clears every handled flag");
	flush_work(&t->rtc->irqwork);
}

static void handler_io_error(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	void *ins;

	poke(test, REG_CTRL2, CTRL2_AIE);
	probe_ok(test);
	ins = dev_get_drvdata(t->dev);
	poke(test, REG_CTRL2, CTRL2_AIE | CTRL2_AF);

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, 1, -EIO);
	/*
	 * Claiming it would rerun a oneshot thread on a level line that is
	 * still low at once, forever; unclaimed, the core's spurious
	 * interrupt detection sees a line that never recovers.
	 */
	KUNIT_EXPECT_EQ_MSG(test, ins5s8563_handle_irq(0, ins), IRQ_NONE,
			    "an interrupt not handled must not be claimed");
	KUNIT_EXPECT_EQ(test, peek(test, REG_CTRL2), CTRL2_AIE | CTRL2_AF);

	/* The bus is back: the same flag is handled. */
	KUNIT_EXPECT_EQ(test, ins5s8563_handle_irq(0, ins), IRQ_HANDLED);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CTRL2), CTRL2_AIE);
}

/* Sets race_bits in Control_2 just before the driver's write of it lands. */
static void race_hook(struct ins5s8563_model *m, void *priv,
		      unsigned int access, enum ins5s8563_model_dir dir, u8 reg)
{
	struct ins5s8563_test *t = priv;

	if (dir == INS5S8563_MODEL_WRITE && reg == REG_CTRL2 && t->race_bits) {
		__ins5s8563_model_poke(m, REG_CTRL2,
				       m->regs[REG_CTRL2] | t->race_bits);
		t->race_bits = 0;
	}
}

enum race_op { RACE_HANDLER, RACE_AIE_ON, RACE_AIE_OFF, RACE_SET_ALARM };

struct race_case {
	const char *desc;
	enum race_op op;
	u8 enables;
	u8 flags;
	u8 race_bits;
	u8 ctrl2_after;
};

static const struct race_case race_cases[] = {
	{ "handler clears AF, TF arrives (TIE off)", RACE_HANDLER, CTRL2_AIE,
	  CTRL2_AF, CTRL2_TF, CTRL2_AIE | CTRL2_TF },
	{ "handler clears AF, TF arrives (TIE on): left to the level line",
	  RACE_HANDLER, CTRL2_AIE | CTRL2_TIE, CTRL2_AF, CTRL2_TF,
	  CTRL2_AIE | CTRL2_TIE | CTRL2_TF },
	{ "handler clears TF, AF arrives (AIE off)", RACE_HANDLER, CTRL2_TIE,
	  CTRL2_TF, CTRL2_AF, CTRL2_TIE | CTRL2_AF },
	{ "AIE on, TF and AF arrive", RACE_AIE_ON, 0, 0,
	  CTRL2_TF | CTRL2_AF, CTRL2_AIE | CTRL2_TF | CTRL2_AF },
	{ "AIE off, TF arrives", RACE_AIE_OFF, CTRL2_AIE, 0, CTRL2_TF,
	  CTRL2_TF },
	{ "set_alarm, TF arrives", RACE_SET_ALARM, CTRL2_TIE, 0, CTRL2_TF,
	  CTRL2_TIE | CTRL2_AIE | CTRL2_TF },
};

KUNIT_ARRAY_PARAM_DESC(race_cases, race_cases, desc);

/* A flag that sets between the driver's read and write of Control_2 lives. */
static void ctrl2_flag_race(struct kunit *test)
{
	const struct race_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct device *dev;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	struct rtc_time now;

	/* The handler is called here, as a level line would. */
	add_level_irq(test);
	poke(test, REG_CTRL2, c->enables);
	probe_ok(test);
	dev = t->rtc->dev.parent;
	poke(test, REG_CTRL2, c->enables | c->flags);
	t->race_bits = c->race_bits;
	ins5s8563_model_set_hook(&t->model, race_hook, t);

	switch (c->op) {
	case RACE_HANDLER:
		KUNIT_EXPECT_EQ(test, ins5s8563_handle_irq(0,
							   dev_get_drvdata(dev)),
				IRQ_HANDLED);
		break;
	case RACE_AIE_ON:
	case RACE_AIE_OFF:
		KUNIT_EXPECT_EQ(test,
				t->rtc->ops->alarm_irq_enable(dev,
							      c->op == RACE_AIE_ON),
				0);
		break;
	case RACE_SET_ALARM:
		/* Beyond the timer's range: the minute registers. */
		rtc_time64_to_tm(mktime64(2023, 6, 15, 12, 0, 0), &now);
		poke_time(test, &now);
		rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 5, 0), &alrm.time);
		KUNIT_EXPECT_EQ(test, t->rtc->ops->set_alarm(dev, &alrm), 0);
		break;
	}
	ins5s8563_model_set_hook(&t->model, NULL, NULL);

	KUNIT_EXPECT_EQ_MSG(test, t->race_bits, 0, "the race was not run");
	KUNIT_EXPECT_EQ_MSG(test, peek(test, REG_CTRL2), c->ctrl2_after,
			    "Control_2 after the race");
}

static bool wait_for_irq_data(struct ins5s8563_test *t, unsigned long mask)
{
	int i;

	for (i = 0; i < 100; i++) {
		if ((READ_ONCE(t->rtc->irq_data) & mask) == mask)
			return true;
		msleep(20);
	}
	return false;
}

struct fire_case {
	const char *desc;
	/* The user's countdown has the timer: the alarm goes by minute. */
	bool countdown;
	u8 flag;
};

static const struct fire_case fire_cases[] = {
	{ "exact, in the timer", false, CTRL2_TF },
	{ "by minute, while the countdown has the timer", true, CTRL2_AF },
};

KUNIT_ARRAY_PARAM_DESC(fire_cases, fire_cases, desc);

/* The whole path: expiry, /INT, threaded handler, rtc core, flag cleared. */
static void alarm_fires_through_irq(struct kunit *test)
{
	const struct fire_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	struct rtc_time now;

	add_irq(test);
	probe_ok(test);
	KUNIT_EXPECT_TRUE(test, test_bit(RTC_FEATURE_ALARM, t->rtc->features));

	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 4, 59), &now);
	KUNIT_ASSERT_EQ(test, set_time(test, &now), 0);
	if (c->countdown) {
		cd_store_ok(test, "ticks", "1000");
		cd_store_ok(test, "clock", "1");
		cd_store_ok(test, "enable", "1");
	}
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 5, 0), &alrm.time);
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);

	ins5s8563_model_advance(&t->model, ONE_SECOND);
	if (c->countdown)
		KUNIT_EXPECT_EQ(test, t->model.alarm_matches, 1);
	else
		KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 1);
	KUNIT_ASSERT_TRUE_MSG(test, wait_for_irq_data(t, RTC_AF | RTC_IRQF),
			      "the alarm never reached the rtc core");
	synchronize_irq(t->irq);
	flush_work(&t->rtc->irqwork);

	KUNIT_EXPECT_FALSE_MSG(test, peek(test, REG_CTRL2) & c->flag,
			       "the flag must be cleared");
	KUNIT_EXPECT_FALSE_MSG(test, ins5s8563_model_int(&t->model),
			       "/INT must be released");
	KUNIT_EXPECT_FALSE_MSG(test, peek(test, REG_CTRL2) & CTRL2_AIE,
			       "the rtc core disables the expired alarm");
	KUNIT_EXPECT_EQ_MSG(test, !!(peek(test, REG_TIMER_CTRL) & TIMER_TE),
			    c->countdown,
			    "the timer stops with the alarm, runs for the countdown");
}

/*
 * On an edge-triggered line (irq_sim's), a flag that comes in while the
 * handler runs raises no new edge: the handler must find it itself.
 */
static void handler_edge_catches_late_flag(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	int i;

	add_irq(test);
	poke(test, REG_CTRL2, CTRL2_AIE | CTRL2_TIE);
	probe_ok(test);

	t->race_bits = CTRL2_TF;
	ins5s8563_model_set_hook(&t->model, race_hook, t);
	poke(test, REG_CTRL2, CTRL2_AIE | CTRL2_TIE | CTRL2_AF);
	for (i = 0; i < 100; i++) {
		if (!(peek(test, REG_CTRL2) & (CTRL2_AF | CTRL2_TF)) &&
		    !t->race_bits)
			break;
		msleep(20);
	}
	synchronize_irq(t->irq);
	ins5s8563_model_set_hook(&t->model, NULL, NULL);

	KUNIT_EXPECT_EQ_MSG(test, t->race_bits, 0, "the race was not run");
	KUNIT_EXPECT_EQ_MSG(test, peek(test, REG_CTRL2), CTRL2_AIE | CTRL2_TIE,
			    "TF came in during the handler and was stranded");
	KUNIT_EXPECT_STREQ(test, cd_show(test, "expired"), "1");
	flush_work(&t->rtc->irqwork);
}

/*
 * The alarm that woke the system is spent: its flag and its enable are
 * cleared, so that the rtc core does not read it back as an alarm still to
 * come (it would move it a month on). The registers are left as they are.
 */
static void probe_clears_pending_alarm(struct kunit *test)
{
	static const u8 alarm[4] = { 0x05, 0x12, 0x15, ALM_AE };
	struct ins5s8563_test *t = test->priv;
	struct rtc_time now;
	u8 regs[4];
	int i;

	add_irq(test);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 5, 20), &now);
	poke_time(test, &now);
	for (i = 0; i < 4; i++)
		poke(test, REG_ALM_MIN + i, alarm[i]);
	poke(test, REG_CTRL2, CTRL2_AIE | CTRL2_AF);
	KUNIT_ASSERT_TRUE(test, ins5s8563_model_int(&t->model));

	probe_ok(test);
	KUNIT_EXPECT_EQ_MSG(test, peek(test, REG_CTRL2), 0,
			    "AF and AIE cleared");
	KUNIT_EXPECT_FALSE(test, ins5s8563_model_int(&t->model));
	KUNIT_EXPECT_FALSE_MSG(test, t->rtc->aie_timer.enabled,
			       "the spent alarm came back for next month");
	for (i = 0; i < 4; i++)
		regs[i] = peek(test, REG_ALM_MIN + i);
	KUNIT_EXPECT_MEMEQ(test, regs, alarm, sizeof(alarm));
}

struct feature_case {
	const char *desc;
	bool irq;
	bool wakeup_source;
	bool alarm;
	bool wakeup_only;
};

static const struct feature_case feature_cases[] = {
	{ "no irq, no wakeup-source", false, false, false, false },
	{ "irq", true, false, true, false },
	{ "wakeup-source only", false, true, true, true },
	{ "irq and wakeup-source", true, true, true, false },
};

KUNIT_ARRAY_PARAM_DESC(feature_cases, feature_cases, desc);

static void alarm_feature_bits(struct kunit *test)
{
	const struct feature_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	unsigned long *features;

	if (c->irq)
		add_irq(test);
	if (c->wakeup_source)
		add_wakeup_source(test);
	probe_ok(test);
	features = t->rtc->features;

	KUNIT_EXPECT_EQ(test, test_bit(RTC_FEATURE_ALARM, features), c->alarm);
	KUNIT_EXPECT_EQ(test, test_bit(RTC_FEATURE_ALARM_WAKEUP_ONLY, features),
			c->wakeup_only);
	/* Exact alarms and update interrupts come from the timer. */
	KUNIT_EXPECT_FALSE(test, test_bit(RTC_FEATURE_ALARM_RES_MINUTE,
					  features));
	KUNIT_EXPECT_EQ(test, test_bit(RTC_FEATURE_UPDATE_INTERRUPT, features),
			c->irq);
	KUNIT_EXPECT_EQ(test, device_can_wakeup(t->dev), c->alarm);
}

/* A failed alarm write leaves no cached value the chip never got. */
static void set_alarm_io_error(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	struct rtc_wkalrm got;
	struct rtc_time now;

	/* A year ahead, beyond the timer: the minute registers. */
	rtc_time64_to_tm(mktime64(2023, 6, 15, 12, 0, 0), &now);
	poke_time(test, &now);
	probe_ok(test);
	ins5s8563_model_reset_counters(&t->model);
	/*
	 * Access 1 reads the time, 2 clears AF and AIE, 3 is the alarm
	 * burst.
	 */
	ins5s8563_model_fail(&t->model, 3, 1, -EIO);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 5, 0), &alrm.time);
	KUNIT_EXPECT_EQ(test, t->rtc->ops->set_alarm(t->rtc->dev.parent, &alrm),
			-EIO);
	ins5s8563_model_fail(&t->model, 0, 0, 0);

	KUNIT_ASSERT_EQ(test, read_alarm(test, &got), 0);
	KUNIT_EXPECT_EQ(test, got.time.tm_min, -1);
	KUNIT_EXPECT_EQ(test, got.time.tm_hour, -1);
	KUNIT_EXPECT_EQ(test, got.time.tm_mday, -1);
	KUNIT_EXPECT_FALSE(test, got.enabled);
}

/* After the power-loss re-initialisation the alarm reads back disabled. */
static void alarm_after_power_loss(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	struct rtc_wkalrm got;
	struct rtc_time now;

	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 0, 0), &now);
	poke_time(test, &now);
	probe_ok(test);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 5, 0), &alrm.time);
	KUNIT_ASSERT_EQ(test, t->rtc->ops->set_alarm(t->rtc->dev.parent, &alrm),
			0);

	/* Power fails and comes back; the user sets the time. */
	ins5s8563_model_power_on_reset(&t->model);
	poke(test, REG_ALM_MIN, 0x05);
	KUNIT_ASSERT_EQ(test, set_time(test, &now), 0);

	KUNIT_ASSERT_EQ(test, read_alarm(test, &got), 0);
	KUNIT_EXPECT_FALSE(test, got.enabled);
	KUNIT_EXPECT_EQ(test, got.time.tm_min, -1);
	KUNIT_EXPECT_EQ(test, peek(test, REG_ALM_MIN), ALM_AE);
}

struct round_up_case {
	const char *desc;
	struct dt now;
	struct dt alarm;
	u8 regs[4];
	/* Seconds from @now to the rollover into the programmed minute. */
	unsigned int fires_after;
};

static const struct round_up_case round_up_cases[] = {
	{ "10:00:45 at 10:00:15: the current minute", DT(2024, 6, 15, 10, 0, 15),
	  DT(2024, 6, 15, 10, 0, 45), { 0x01, 0x10, 0x15, ALM_AE }, 45 },
	{ "12:05:42 rounds up to 12:06", DT(2024, 6, 15, 12, 0, 0),
	  DT(2024, 6, 15, 12, 5, 42), { 0x06, 0x12, 0x15, ALM_AE }, 360 },
	{ "12:05:00 stays 12:05", DT(2024, 6, 15, 12, 0, 0),
	  DT(2024, 6, 15, 12, 5, 0), { 0x05, 0x12, 0x15, ALM_AE }, 300 },
	{ "23:59:30 on New Year's Eve: 00:00 on the 1st",
	  DT(2024, 12, 31, 23, 59, 0), DT(2024, 12, 31, 23, 59, 30),
	  { 0x00, 0x00, 0x01, ALM_AE }, 60 },
	{ "23:59:01 before a leap day: 00:00 on the 29th",
	  DT(2096, 2, 28, 23, 50, 0), DT(2096, 2, 28, 23, 59, 1),
	  { 0x00, 0x00, 0x29, ALM_AE }, 600 },
};

KUNIT_ARRAY_PARAM_DESC(round_up_cases, round_up_cases, desc);

/*
 * While the user's countdown has the timer, the minute registers take the
 * alarm. The chip matches minutes, so an alarm with seconds is rounded up:
 * late by less than a minute, never a month (a minute that has begun
 * matches only a month later).
 */
static void set_alarm_rounds_up(struct kunit *test)
{
	const struct round_up_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	struct rtc_time now;
	u8 regs[4];
	int i;

	probe_ok(test);
	rtc_time64_to_tm(dt64(&c->now), &now);
	KUNIT_ASSERT_EQ(test, set_time(test, &now), 0);
	cd_store_ok(test, "ticks", "100000");
	cd_store_ok(test, "clock", "1");
	cd_store_ok(test, "enable", "1");
	rtc_time64_to_tm(dt64(&c->alarm), &alrm.time);
	KUNIT_ASSERT_EQ(test, t->rtc->ops->set_alarm(t->rtc->dev.parent, &alrm),
			0);
	for (i = 0; i < 4; i++)
		regs[i] = peek(test, REG_ALM_MIN + i);
	KUNIT_EXPECT_MEMEQ_MSG(test, regs, c->regs, sizeof(regs),
			       "alarm registers 0x09-0x0c");

	ins5s8563_model_advance(&t->model, (u64)c->fires_after * ONE_SECOND - 1);
	KUNIT_EXPECT_EQ_MSG(test, t->model.alarm_matches, 0, "alarm early");
	ins5s8563_model_advance(&t->model, 1);
	KUNIT_EXPECT_EQ_MSG(test, t->model.alarm_matches, 1,
			    "no match at the rollover %u s after the set",
			    c->fires_after);
	KUNIT_EXPECT_TRUE(test, peek(test, REG_CTRL2) & CTRL2_AF);
}

/* Sets race_bits in Control_2 just before access number race_access. */
static void flag_hook(struct ins5s8563_model *m, void *priv,
		      unsigned int access, enum ins5s8563_model_dir dir, u8 reg)
{
	struct ins5s8563_test *t = priv;

	if (access == t->race_access && t->race_bits) {
		__ins5s8563_model_poke(m, REG_CTRL2,
				       m->regs[REG_CTRL2] | t->race_bits);
		t->race_bits = 0;
	}
}

/* Waits for the chip to show none of @flags in Control_2. */
static bool wait_flags_clear(struct ins5s8563_test *t, u8 flags)
{
	int i;

	for (i = 0; i < 100; i++) {
		if (!(ins5s8563_model_peek(&t->model, REG_CTRL2) & flags))
			return true;
		msleep(20);
	}
	return false;
}

/*
 * A timer left running by a previous boot, with @ctrl2: at 1 Hz with TIE
 * an alarm (@td 2), at 64 Hz a countdown (@td 1).
 */
static void poke_running_timer(struct kunit *test, u8 td, u8 ctrl2)
{
	poke(test, REG_TIMER_LOW, 100);
	poke(test, REG_TIMER_CTRL, TIMER_TE | td);
	poke(test, REG_CTRL2, ctrl2);
}

struct probe_flag_case {
	const char *desc;
	/* Control_2 before probe (enables, and flags found by probe). */
	u8 ctrl2;
	/* Flags that set after probe's first read, before any edge. */
	u8 late;
	/* TD of a running timer (2: an alarm, 1: a countdown), -1: none. */
	int td;
	/* What the countdown's expired reads after probe. */
	const char *expired;
	/* The timer still runs after probe. */
	bool running;
};

static const struct probe_flag_case probe_flag_cases[] = {
	{ "countdown's TF found at probe (warm reboot)",
	  CTRL2_TIE | CTRL2_TF, 0, 1, "1", true },
	{ "timer alarm's TF found at probe: spent, stopped",
	  CTRL2_TIE | CTRL2_TF, 0, 2, "0", false },
	{ "countdown's TF sets before the interrupt is requested", CTRL2_TIE,
	  CTRL2_TF, 1, "1", true },
	{ "timer alarm's TF sets before the interrupt is requested", CTRL2_TIE,
	  CTRL2_TF, 2, "0", true },
	{ "AF sets before the interrupt is requested", CTRL2_AIE, CTRL2_AF,
	  -1, "0", false },
	{ "AF and TF set before the interrupt is requested",
	  CTRL2_AIE | CTRL2_TIE, CTRL2_AF | CTRL2_TF, 1, "1", true },
};

KUNIT_ARRAY_PARAM_DESC(probe_flag_cases, probe_flag_cases, desc);

/*
 * On an edge-triggered line a flag that is pending before the interrupt
 * is requested raises no edge the driver can see: /INT would stay low for
 * good. Probe handles what is pending once the interrupt is in place.
 */
static void probe_handles_pending_flags(struct kunit *test)
{
	const struct probe_flag_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;

	add_irq(test);
	t->int_muted = true;
	if (c->td >= 0)
		poke_running_timer(test, c->td, c->ctrl2);
	else
		poke(test, REG_CTRL2, c->ctrl2);
	t->race_bits = c->late;
	t->race_access = 2;
	ins5s8563_model_set_hook(&t->model, flag_hook, t);
	probe_ok(test);
	ins5s8563_model_set_hook(&t->model, NULL, NULL);
	t->int_muted = false;

	KUNIT_EXPECT_EQ_MSG(test, t->race_bits, 0, "the late flag never set");
	KUNIT_EXPECT_TRUE_MSG(test, wait_flags_clear(t, CTRL2_AF | CTRL2_TF),
			      "flags left pending: Control_2 0x%02x",
			      peek(test, REG_CTRL2));
	KUNIT_EXPECT_FALSE_MSG(test, ins5s8563_model_int(&t->model),
			       "/INT stuck low");
	KUNIT_EXPECT_STREQ(test, cd_show(test, "expired"), c->expired);
	KUNIT_EXPECT_EQ(test, !!(peek(test, REG_TIMER_CTRL) & TIMER_TE),
			c->running);
	flush_work(&t->rtc->irqwork);
}

/*
 * A time kept while the oscillator is stopped is frozen at whatever it was:
 * it reads as invalid until set, as after a power loss.
 */
static void read_time_stopped(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm, got;

	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 45), &tm);
	poke_time(test, &tm);
	poke(test, REG_CTRL1, CTRL1_STOP);
	probe_ok(test);

	ins5s8563_model_reset_counters(&t->model);
	KUNIT_EXPECT_EQ_MSG(test, rtc_read_time(t->rtc, &got), -EINVAL,
			    "a stopped clock read as %ptR", &got);
	KUNIT_EXPECT_EQ_MSG(test, t->model.accesses, 0,
			    "STOP comes from the cache, before any transfer");

	KUNIT_ASSERT_EQ(test, set_time(test, &tm), 0);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CTRL1), 0);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	expect_tm_eq(test, &got, &tm);
}

/* A flag that fired while no driver was bound is reported on resume. */
static void resume_clears_fired_alarm(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	unsigned long events;
	struct rtc_time now;

	add_wakeup_source(test);
	probe_ok(test);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 4, 59), &now);
	KUNIT_ASSERT_EQ(test, set_time(test, &now), 0);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 5, 0), &alrm.time);
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);

	/* The alarm powers the board up (or wakes it): AF holds /INT low. */
	ins5s8563_model_advance(&t->model, ONE_SECOND);
	KUNIT_ASSERT_TRUE(test, ins5s8563_model_int(&t->model));
	events = t->dev->power.wakeup->event_count;

	KUNIT_EXPECT_EQ(test, ins5s8563_resume(t->dev), 0);
	flush_work(&t->rtc->irqwork);
	KUNIT_EXPECT_FALSE_MSG(test, peek(test, REG_CTRL2) & CTRL2_AF,
			       "AF must be cleared, or /INT powers the board up again");
	KUNIT_EXPECT_FALSE(test, ins5s8563_model_int(&t->model));
	KUNIT_EXPECT_NE_MSG(test, t->dev->power.wakeup->event_count, events,
			    "the alarm is reported to the rtc core");
	KUNIT_EXPECT_FALSE_MSG(test, peek(test, REG_CTRL2) & CTRL2_AIE,
			       "the rtc core disables the expired alarm");
}

/* The test, and its rtc device, that the class interface below watches. */
static struct ins5s8563_test *unbind_test;
static struct device *unbind_rtc_dev;
static irqreturn_t unbind_irq_ret;
static bool unbind_irq_ran;

/*
 * Runs while the rtc device is being deleted and the interrupt is still
 * requested: the alarm in the timer fires right then, and the handler
 * runs.
 */
static void unbind_remove_dev(struct device *dev)
{
	struct ins5s8563_test *t = unbind_test;

	if (!t || dev != unbind_rtc_dev)
		return;
	ins5s8563_model_poke(&t->model, REG_CTRL2,
			     ins5s8563_model_peek(&t->model, REG_CTRL2) |
			     CTRL2_TF);
	unbind_irq_ret = ins5s8563_handle_irq(t->irq,
					      dev_get_drvdata(t->dev));
	unbind_irq_ran = true;
}

static struct class_interface unbind_intf = {
	.remove_dev = unbind_remove_dev,
};

static void unbind_intf_unregister(void *data)
{
	class_interface_unregister(&unbind_intf);
	unbind_test = NULL;
}

/*
 * Once unbinding has begun, the interrupt reports nothing to the rtc
 * device (or its countdown group) that is going away: the flag is taken
 * off /INT and left set, for the next probe to find.
 */
static void unbind_irq_reports_nothing(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	struct rtc_time now;

	add_irq(test);
	t->int_muted = true;
	probe_ok(test);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 0, 0), &now);
	KUNIT_ASSERT_EQ(test, set_time(test, &now), 0);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 5, 0), &alrm.time);
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);

	unbind_intf.class = t->rtc->dev.class;
	unbind_rtc_dev = &t->rtc->dev;
	unbind_test = t;
	unbind_irq_ran = false;
	KUNIT_ASSERT_EQ(test, class_interface_register(&unbind_intf), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							unbind_intf_unregister,
							NULL), 0);

	flush_work(&t->rtc->irqwork);
	t->rtc = NULL;
	kunit_device_unregister(test, t->dev);

	KUNIT_ASSERT_TRUE_MSG(test, unbind_irq_ran, "the rtc device never went");
	KUNIT_EXPECT_EQ(test, unbind_irq_ret, IRQ_HANDLED);
	KUNIT_EXPECT_EQ_MSG(test, peek(test, REG_CTRL2) & (CTRL2_TF | CTRL2_TIE),
			    CTRL2_TF,
			    "TF reported to a departing rtc device, or /INT left low");
	KUNIT_EXPECT_FALSE(test, ins5s8563_model_int(&t->model));
}

static struct kunit_case ins5s8563_alarm_cases[] = {
	KUNIT_CASE_PARAM(set_alarm_round_trip, alarm_cases_gen_params),
	KUNIT_CASE_PARAM(read_alarm_ae_encoding, ae_cases_gen_params),
	KUNIT_CASE(read_alarm_bad_bcd),
	KUNIT_CASE(read_alarm_enabled_pending),
	KUNIT_CASE(alarm_irq_enable_toggles_aie),
	KUNIT_CASE_PARAM(handler_flags, handler_cases_gen_params),
	KUNIT_CASE(handler_io_error),
	KUNIT_CASE_PARAM(ctrl2_flag_race, race_cases_gen_params),
	KUNIT_CASE_PARAM(alarm_fires_through_irq, fire_cases_gen_params),
	KUNIT_CASE(handler_edge_catches_late_flag),
	KUNIT_CASE(probe_clears_pending_alarm),
	KUNIT_CASE_PARAM(alarm_feature_bits, feature_cases_gen_params),
	KUNIT_CASE(set_alarm_io_error),
	KUNIT_CASE(alarm_after_power_loss),
	KUNIT_CASE_PARAM(set_alarm_rounds_up, round_up_cases_gen_params),
	KUNIT_CASE_PARAM(probe_handles_pending_flags,
			 probe_flag_cases_gen_params),
	KUNIT_CASE(read_time_stopped),
	KUNIT_CASE(resume_clears_fired_alarm),
	KUNIT_CASE(unbind_irq_reports_nothing),
	{}
};

static struct kunit_suite ins5s8563_alarm_suite = {
	.name = "ins5s8563-alarm",
	.init = ins5s8563_test_init,
	.exit = ins5s8563_test_exit,
	.test_cases = ins5s8563_alarm_cases,
};

/* ---- CLKOUT as a clock provider ---------------------------------------- */

static void put_clk(void *clk)
{
	clk_put(clk);
}

/* A consumer's handle on the CLKOUT of the chip probed on @dev. */
static struct clk *get_clkout(struct kunit *test, struct device *dev)
{
	struct clk *clk;

	clk = clk_hw_get_clk(ins5s8563_clkout_hw(dev), "kunit");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, clk);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, put_clk, clk), 0);
	return clk;
}

static struct clk *clkout(struct kunit *test)
{
	return get_clkout(test, ((struct ins5s8563_test *)test->priv)->dev);
}

struct rate_case {
	const char *desc;
	unsigned long rate;
	u8 fd;
};

static const struct rate_case rate_cases[] = {
	{ "32768 Hz", 32768, 0 },
	{ "1024 Hz", 1024, 1 },
	{ "32 Hz", 32, 2 },
	{ "1 Hz", 1, 3 },
};

KUNIT_ARRAY_PARAM_DESC(rate_cases, rate_cases, desc);

static void clkout_rate_round_trip(struct kunit *test)
{
	const struct rate_case *c = test->param_value;
	struct clk *clk;

	probe_ok(test);
	clk = clkout(test);
	KUNIT_ASSERT_EQ(test, clk_set_rate(clk, c->rate), 0);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CLKOUT), 0x80 | c->fd);
	KUNIT_EXPECT_EQ(test, clk_get_rate(clk), c->rate);
}

/* The rate found at probe is the rate reported. */
static void clkout_rate_from_hardware(struct kunit *test)
{
	const struct rate_case *c = test->param_value;

	poke(test, REG_CLKOUT, c->fd);
	probe_ok(test);
	KUNIT_EXPECT_EQ(test, clk_get_rate(clkout(test)), c->rate);
	KUNIT_EXPECT_EQ_MSG(test, peek(test, REG_CLKOUT), c->fd,
			    "probe must leave CLKOUT alone");
}

struct round_case {
	const char *desc;
	unsigned long req;
	unsigned long rate;
};

static const struct round_case round_cases[] = {
	{ "0 Hz -> lowest", 0, 1 },
	{ "1 Hz", 1, 1 },
	{ "2 Hz -> 1 Hz", 2, 1 },
	{ "31 Hz -> 1 Hz", 31, 1 },
	{ "32 Hz", 32, 32 },
	{ "33 Hz -> 32 Hz", 33, 32 },
	{ "1023 Hz -> 32 Hz", 1023, 32 },
	{ "1024 Hz", 1024, 1024 },
	{ "32767 Hz -> 1024 Hz", 32767, 1024 },
	{ "32768 Hz", 32768, 32768 },
	{ "1 MHz -> 32768 Hz", 1000000, 32768 },
};

KUNIT_ARRAY_PARAM_DESC(round_cases, round_cases, desc);

static void clkout_determine_rate(struct kunit *test)
{
	const struct round_case *c = test->param_value;

	probe_ok(test);
	KUNIT_EXPECT_EQ(test, clk_round_rate(clkout(test), c->req), c->rate);
}

/* Only the four rates reach the chip; anything else changes nothing. */
static void clkout_set_rate_unsupported(struct kunit *test)
{
	static const unsigned long bad[] = { 0, 2, 1000, 32767, 65536 };
	struct ins5s8563_test *t = test->priv;
	struct clk_hw *hw;
	int i;

	poke(test, REG_CLKOUT, 0x81);
	probe_ok(test);
	hw = __clk_get_hw(clkout(test));
	ins5s8563_model_reset_counters(&t->model);

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KUNIT_EXPECT_EQ_MSG(test,
				    ins5s8563_clkout_ops.set_rate(hw, bad[i], 0),
				    -EINVAL, "%lu Hz", bad[i]);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CLKOUT), 0x81);
	KUNIT_EXPECT_EQ(test, t->model.accesses, 0);
}

static void clkout_prepare_toggles_fe(struct kunit *test)
{
	struct clk *clk;

	poke(test, REG_CLKOUT, 0x02);
	probe_ok(test);
	clk = clkout(test);
	KUNIT_EXPECT_FALSE(test, __clk_is_enabled(clk));

	KUNIT_ASSERT_EQ(test, clk_prepare_enable(clk), 0);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CLKOUT), 0x82);
	KUNIT_EXPECT_TRUE(test, clk_hw_is_prepared(__clk_get_hw(clk)));

	clk_disable_unprepare(clk);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CLKOUT), 0x02);
	KUNIT_EXPECT_FALSE(test, clk_hw_is_prepared(__clk_get_hw(clk)));
}

struct prepared_case {
	const char *desc;
	u8 clkout;
	bool prepared;
};

static const struct prepared_case prepared_cases[] = {
	{ "FE=0", 0x00, false },
	{ "FE=1 (power-on)", 0x80, true },
	{ "FE=1 at 1 Hz", 0x83, true },
	{ "FE=0 at 32 Hz", 0x02, false },
};

KUNIT_ARRAY_PARAM_DESC(prepared_cases, prepared_cases, desc);

static void clkout_is_prepared_reads_chip(struct kunit *test)
{
	const struct prepared_case *c = test->param_value;

	poke(test, REG_CLKOUT, c->clkout);
	probe_ok(test);
	KUNIT_EXPECT_EQ(test, clk_hw_is_prepared(__clk_get_hw(clkout(test))),
			c->prepared);
}

/* Two chips on two buses each register a clock of their own. */
static void clkout_two_devices(struct kunit *test)
{
	struct ins5s8563_model *model2;
	struct device *dev2;
	struct regmap *map2;
	struct clk *a, *b;

	probe_ok(test);

	model2 = kunit_kzalloc(test, sizeof(*model2), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, model2);
	ins5s8563_model_init(model2);
	ins5s8563_model_poke(model2, REG_CLKOUT, 0x83);
	dev2 = kunit_device_register(test, "ins5s8563-test2");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev2);
	map2 = devm_regmap_init(dev2, &ins5s8563_model_bus, model2,
				&ins5s8563_regmap_config);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, map2);
	KUNIT_ASSERT_EQ(test, ins5s8563_probe(dev2, map2, 0), 0);

	a = clkout(test);
	b = get_clkout(test, dev2);
	KUNIT_EXPECT_PTR_NE(test, __clk_get_hw(a), __clk_get_hw(b));
	KUNIT_EXPECT_STRNEQ(test, __clk_get_name(a), __clk_get_name(b));
	KUNIT_EXPECT_EQ(test, clk_get_rate(a), 32768);
	KUNIT_EXPECT_EQ(test, clk_get_rate(b), 1);
}

static void clkout_name_from_firmware(struct kunit *test)
{
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_STRING("clock-output-names", "wifi-32k"),
		{ }
	};
	struct ins5s8563_test *t = test->priv;

	KUNIT_ASSERT_EQ(test, device_create_managed_software_node(t->dev, props,
								  NULL), 0);
	probe_ok(test);
	KUNIT_EXPECT_STREQ(test, __clk_get_name(clkout(test)), "wifi-32k");
}

static void clkout_disabled_by_firmware(struct kunit *test)
{
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_BOOL("dapu,clkout-disable"),
		{ }
	};
	struct ins5s8563_test *t = test->priv;

	KUNIT_ASSERT_EQ(test, device_create_managed_software_node(t->dev, props,
								  NULL), 0);
	poke(test, REG_CLKOUT, 0x81);
	probe_ok(test);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CLKOUT), 0x01);
	KUNIT_EXPECT_FALSE(test, clk_hw_is_prepared(__clk_get_hw(clkout(test))));
}

/* Every op returns the bus error, and the next one finds the truth. */
static void clkout_io_error(struct kunit *test)
{
	const struct clk_ops *ops = &ins5s8563_clkout_ops;
	struct ins5s8563_test *t = test->priv;
	struct clk_hw *hw;
	struct clk *clk;

	poke(test, REG_CLKOUT, 0x00);
	probe_ok(test);
	clk = clkout(test);
	hw = __clk_get_hw(clk);

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, 1, -EIO);
	KUNIT_EXPECT_EQ(test, clk_prepare(clk), -EIO);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CLKOUT), 0x00);
	KUNIT_EXPECT_EQ_MSG(test, ops->is_prepared(hw), 0,
			    "a failed prepare must not be cached");

	/* The framework drops set_rate's result; the op itself tells. */
	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, 1, -EIO);
	KUNIT_EXPECT_EQ(test, ops->set_rate(hw, 32, 0), -EIO);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CLKOUT), 0x00);

	/* The failed write left nothing cached: these read the chip. */
	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, 1, -EIO);
	KUNIT_EXPECT_EQ_MSG(test, ops->is_prepared(hw), 0,
			    "a bus error is no \"prepared\" to the framework");
	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, 1, -EIO);
	KUNIT_EXPECT_EQ(test, ops->recalc_rate(hw, 0), 0);

	ins5s8563_model_fail(&t->model, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, ops->recalc_rate(hw, 0), 32768);
	KUNIT_EXPECT_EQ(test, clk_set_rate(clk, 32), 0);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CLKOUT), 0x02);
	KUNIT_EXPECT_EQ(test, clk_get_rate(clk), 32);
}

/* After a power loss, setting the time brings back the framework's CLKOUT. */
static void clkout_restored_after_power_loss(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm;
	struct clk *clk;

	probe_ok(test);
	clk = clkout(test);
	KUNIT_ASSERT_EQ(test, clk_set_rate(clk, 32), 0);
	KUNIT_ASSERT_EQ(test, clk_prepare(clk), 0);
	clk_unprepare(clk);
	KUNIT_ASSERT_EQ(test, peek(test, REG_CLKOUT), 0x02);

	ins5s8563_model_power_on_reset(&t->model);
	KUNIT_ASSERT_EQ(test, peek(test, REG_CLKOUT), 0x80);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 0, 0), &tm);
	KUNIT_ASSERT_EQ(test, set_time(test, &tm), 0);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CLKOUT), 0x02);
}

static const unsigned long race_rates[] = { 1024, 32, 1, 32768 };

static void race_clk_work(struct work_struct *work)
{
	struct ins5s8563_test *t = container_of(work, struct ins5s8563_test,
						clk_work);

	clk_set_rate(t->clk, race_rates[t->fires++ % ARRAY_SIZE(race_rates)]);
	complete(&t->clk_done);
}

/* Notes the first bus write of fire_task. */
static void race_write_hook(struct ins5s8563_model *m, void *priv,
			    unsigned int access, enum ins5s8563_model_dir dir,
			    u8 reg)
{
	struct ins5s8563_test *t = priv;

	if (dir == INS5S8563_MODEL_WRITE && current == t->fire_task)
		WRITE_ONCE(t->fire_task_wrote, true);
}

static void race_map_lock(void *arg)
{
	struct ins5s8563_test *t = arg;

	mutex_lock(&t->map_lock);
}

/*
 * Between two regmap operations of the time set (before it writes
 * anything), the clock framework changes CLKOUT's rate from another
 * thread. Where the driver holds a lock that the clk ops need, the change
 * waits for it; the wait here is then cut short and the change lands
 * after the time set.
 */
static void race_map_unlock(void *arg)
{
	struct ins5s8563_test *t = arg;

	mutex_unlock(&t->map_lock);
	if (current != t->fire_task || READ_ONCE(t->fire_task_wrote))
		return;
	if (!queue_work(system_unbound_wq, &t->clk_work))
		return;
	wait_for_completion_timeout(&t->clk_done, msecs_to_jiffies(50));
	reinit_completion(&t->clk_done);
}

/*
 * The power-loss restore of CLKOUT reads and writes 0x0d as one step with
 * respect to the clk ops: a rate set meanwhile is never reverted.
 */
static void clkout_power_loss_race(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm;
	unsigned int fd;
	const struct regmap_config *drv = &ins5s8563_regmap_config;
	/*
	 * The driver's map with the test's lock, as a second regmap on the
	 * device: a debugfs name of its own.
	 */
	const struct regmap_config cfg = {
		.name = "race",
		.reg_bits = drv->reg_bits,
		.val_bits = drv->val_bits,
		.max_register = drv->max_register,
		.readable_reg = drv->readable_reg,
		.writeable_reg = drv->writeable_reg,
		.volatile_reg = drv->volatile_reg,
		.cache_type = drv->cache_type,
		.lock = race_map_lock,
		.unlock = race_map_unlock,
		.lock_arg = t,
	};

	mutex_init(&t->map_lock);
	INIT_WORK(&t->clk_work, race_clk_work);
	init_completion(&t->clk_done);
	t->regmap = devm_regmap_init(t->dev, &ins5s8563_model_bus, &t->model,
				     &cfg);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->regmap);

	/* Power-on chip: VLF is set, so the time set restores CLKOUT. */
	probe_ok(test);
	t->clk = clkout(test);
	ins5s8563_model_reset_counters(&t->model);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 0, 0), &tm);
	ins5s8563_model_set_hook(&t->model, race_write_hook, t);
	t->fire_task = current;
	KUNIT_EXPECT_EQ(test, t->rtc->ops->set_time(t->rtc->dev.parent, &tm),
			0);
	t->fire_task = NULL;
	ins5s8563_model_set_hook(&t->model, NULL, NULL);
	flush_work(&t->clk_work);
	KUNIT_ASSERT_GT_MSG(test, t->fires, 0, "no clk change was made");

	fd = peek(test, REG_CLKOUT) & 0x03;
	KUNIT_EXPECT_EQ_MSG(test, 32768UL >> (5 * fd), clk_get_rate(t->clk),
			    "CLKOUT runs at another rate than the framework set (%u changes)",
			    t->fires);
}

static struct kunit_case ins5s8563_clkout_cases[] = {
	KUNIT_CASE_PARAM(clkout_rate_round_trip, rate_cases_gen_params),
	KUNIT_CASE_PARAM(clkout_rate_from_hardware, rate_cases_gen_params),
	KUNIT_CASE_PARAM(clkout_determine_rate, round_cases_gen_params),
	KUNIT_CASE(clkout_set_rate_unsupported),
	KUNIT_CASE(clkout_prepare_toggles_fe),
	KUNIT_CASE_PARAM(clkout_is_prepared_reads_chip,
			 prepared_cases_gen_params),
	KUNIT_CASE(clkout_two_devices),
	KUNIT_CASE(clkout_name_from_firmware),
	KUNIT_CASE(clkout_disabled_by_firmware),
	KUNIT_CASE(clkout_io_error),
	KUNIT_CASE(clkout_restored_after_power_loss),
	KUNIT_CASE(clkout_power_loss_race),
	{}
};

static struct kunit_suite ins5s8563_clkout_suite = {
	.name = "ins5s8563-clkout",
	.init = ins5s8563_test_init,
	.exit = ins5s8563_test_exit,
	.test_cases = ins5s8563_clkout_cases,
};

/* ---- countdown timer through sysfs ---------------------------------------- */

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

static ssize_t cd_store(struct kunit *test, const char *name, const char *val)
{
	struct ins5s8563_test *t = test->priv;
	struct device_attribute *attr = cd_attr(test, name);

	KUNIT_ASSERT_NOT_NULL(test, attr);
	KUNIT_ASSERT_NOT_NULL_MSG(test, attr->store, "%s is read-only", name);
	return attr->store(&t->rtc->dev, attr, val, strlen(val));
}

static void cd_store_ok(struct kunit *test, const char *name, const char *val)
{
	KUNIT_ASSERT_EQ_MSG(test, cd_store(test, name, val), strlen(val),
			    "echo %s > countdown/%s", val, name);
}

/* The attribute's text without its newline, in a buffer of the test. */
static const char *cd_show(struct kunit *test, const char *name)
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

static u32 timer_regs(struct kunit *test)
{
	return peek(test, REG_TIMER_HIGH) << 16 | peek(test, REG_TIMER_MID) << 8 |
	       peek(test, REG_TIMER_LOW);
}

struct clock_case {
	const char *desc;
	const char *clock;
	u8 td;
};

static const struct clock_case clock_cases[] = {
	{ "4096 Hz", "4096", 0 },
	{ "64 Hz", "64", 1 },
	{ "1 Hz", "1", 2 },
	{ "1/60 Hz", "1/60", 3 },
};

KUNIT_ARRAY_PARAM_DESC(clock_cases, clock_cases, desc);

static void countdown_clock_round_trip(struct kunit *test)
{
	const struct clock_case *c = test->param_value;
	char line[8];

	probe_ok(test);
	snprintf(line, sizeof(line), "%s\n", c->clock);
	cd_store_ok(test, "clock", line);
	KUNIT_EXPECT_EQ(test, peek(test, REG_TIMER_CTRL), c->td);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "clock"), c->clock);
}

struct ticks_case {
	const char *desc;
	const char *input;
	u32 ticks;
	u8 low, mid, high;
};

static const struct ticks_case ticks_cases[] = {
	{ "1", "1", 1, 0x01, 0x00, 0x00 },
	{ "255", "255\n", 255, 0xff, 0x00, 0x00 },
	{ "256", "256", 256, 0x00, 0x01, 0x00 },
	{ "65535", "65535", 65535, 0xff, 0xff, 0x00 },
	{ "65536", "65536\n", 65536, 0x00, 0x00, 0x01 },
	{ "16777215 (max)", "16777215", 16777215, 0xff, 0xff, 0xff },
	{ "0x123456 (hex)", "0x123456\n", 0x123456, 0x56, 0x34, 0x12 },
	{ "010 is decimal ten", "010", 10, 0x0a, 0x00, 0x00 },
};

KUNIT_ARRAY_PARAM_DESC(ticks_cases, ticks_cases, desc);

/* ticks lands in 0x0f (7..0), 0x13 (15..8) and 0x12 (23..16). */
static void countdown_ticks_layout(struct kunit *test)
{
	const struct ticks_case *c = test->param_value;
	char want[16];

	probe_ok(test);
	cd_store_ok(test, "ticks", c->input);
	KUNIT_EXPECT_EQ(test, peek(test, REG_TIMER_LOW), c->low);
	KUNIT_EXPECT_EQ(test, peek(test, REG_TIMER_MID), c->mid);
	KUNIT_EXPECT_EQ(test, peek(test, REG_TIMER_HIGH), c->high);
	KUNIT_EXPECT_EQ_MSG(test, peek(test, 0x10) | peek(test, 0x11), 0,
			    "0x10 and 0x11 are never written");
	snprintf(want, sizeof(want), "%u", c->ticks);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "ticks"), want);
}

struct bad_input_case {
	const char *desc;
	const char *attr;
	const char *input;
	int err;
};

static const struct bad_input_case bad_input_cases[] = {
	{ "ticks 0", "ticks", "0", -ERANGE },
	{ "ticks 16777216", "ticks", "16777216\n", -ERANGE },
	{ "ticks 0x1000000", "ticks", "0x1000000", -ERANGE },
	{ "ticks -1", "ticks", "-1", -EINVAL },
	{ "ticks abc", "ticks", "abc", -EINVAL },
	{ "ticks empty", "ticks", "", -EINVAL },
	{ "ticks newline only", "ticks", "\n", -EINVAL },
	{ "ticks trailing garbage", "ticks", "100abc", -EINVAL },
	{ "ticks 0x alone", "ticks", "0x", -EINVAL },
	{ "clock 1/61", "clock", "1/61", -EINVAL },
	{ "clock 3", "clock", "3", -EINVAL },
	{ "clock empty", "clock", "", -EINVAL },
	{ "clock trailing garbage", "clock", "64x", -EINVAL },
	{ "enable 2", "enable", "2", -EINVAL },
	{ "enable yes", "enable", "yes", -EINVAL },
	{ "enable -1", "enable", "-1", -EINVAL },
	{ "pulse 2", "pulse", "2", -EINVAL },
	{ "pulse empty", "pulse", "", -EINVAL },
	{ "expired 1", "expired", "1", -EINVAL },
	{ "expired abc", "expired", "abc", -EINVAL },
};

KUNIT_ARRAY_PARAM_DESC(bad_input_cases, bad_input_cases, desc);

/* Bad input is refused and reaches no register. */
static void countdown_bad_input(struct kunit *test)
{
	const struct bad_input_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	u8 before[0x14], after[0x14];
	int reg;

	probe_ok(test);
	cd_store_ok(test, "ticks", "300");
	cd_store_ok(test, "clock", "64");
	for (reg = 0; reg < sizeof(before); reg++)
		before[reg] = peek(test, reg);
	ins5s8563_model_reset_counters(&t->model);

	KUNIT_EXPECT_EQ(test, cd_store(test, c->attr, c->input), c->err);
	for (reg = 0; reg < sizeof(after); reg++)
		after[reg] = peek(test, reg);
	KUNIT_EXPECT_MEMEQ(test, after, before, sizeof(before));
	KUNIT_EXPECT_EQ(test, t->model.writes, 0);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "ticks"), "300");
	KUNIT_EXPECT_STREQ(test, cd_show(test, "clock"), "64");
}

static void countdown_enable_needs_ticks(struct kunit *test)
{
	probe_ok(test);
	KUNIT_EXPECT_EQ(test, cd_store(test, "enable", "1"), -EINVAL);
	KUNIT_EXPECT_EQ(test, peek(test, REG_TIMER_CTRL) & TIMER_TE, 0);
}

struct enable_case {
	const char *desc;
	bool irq;
	bool wakeup_source;
	bool tie;
};

/*
 * Without an interrupt nothing would ever clear TF: a countdown on /INT
 * would hold it low (and a PMIC on it would power the board straight
 * back on), so it stays off /INT, also for a wakeup source.
 */
static const struct enable_case enable_cases[] = {
	{ "with an interrupt: TIE follows", true, false, true },
	{ "without one: /INT stays off", false, false, false },
	{ "wakeup-source without an interrupt: /INT stays off", false, true,
	  false },
};

KUNIT_ARRAY_PARAM_DESC(enable_cases, enable_cases, desc);

static void countdown_enable_disable(struct kunit *test)
{
	const struct enable_case *c = test->param_value;

	if (c->irq)
		add_irq(test);
	if (c->wakeup_source)
		add_wakeup_source(test);
	probe_ok(test);
	cd_store_ok(test, "ticks", "1000");
	cd_store_ok(test, "clock", "1");
	cd_store_ok(test, "enable", "1\n");
	KUNIT_EXPECT_EQ(test, peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	KUNIT_EXPECT_EQ(test, !!(peek(test, REG_CTRL2) & CTRL2_TIE), c->tie);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "enable"), "1");

	cd_store_ok(test, "enable", "0");
	KUNIT_EXPECT_EQ(test, peek(test, REG_TIMER_CTRL), 2);
	KUNIT_EXPECT_FALSE(test, peek(test, REG_CTRL2) & CTRL2_TIE);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "enable"), "0");
	KUNIT_EXPECT_EQ(test, timer_regs(test), 1000);
}

/* Flags a counter byte written while the chip counts. */
static void load_hook(struct ins5s8563_model *m, void *priv,
		      unsigned int access, enum ins5s8563_model_dir dir, u8 reg)
{
	struct ins5s8563_test *t = priv;

	if (dir == INS5S8563_MODEL_WRITE &&
	    (reg == REG_TIMER_HIGH || reg == REG_TIMER_LOW ||
	     (reg == REG_TIMER_CTRL && t->nlog)) &&
	    (m->regs[REG_TIMER_CTRL] & TIMER_TE))
		t->race_bits = 1;
	if (dir == INS5S8563_MODEL_WRITE && reg == REG_TIMER_CTRL)
		t->nlog++;
}

/* A new ticks or clock while counting: stop, load, restart. */
static void countdown_reload_while_enabled(struct kunit *test)
{
	static const char * const steps[][2] = {
		{ "ticks", "70000" }, { "clock", "4096" }, { "ticks", "5" },
	};
	struct ins5s8563_test *t = test->priv;
	int i;

	probe_ok(test);
	cd_store_ok(test, "ticks", "600");
	cd_store_ok(test, "clock", "64");
	cd_store_ok(test, "enable", "1");
	ins5s8563_model_advance(&t->model, 512 * 10);
	KUNIT_EXPECT_EQ(test, timer_regs(test), 590);

	for (i = 0; i < ARRAY_SIZE(steps); i++) {
		t->nlog = 0;
		t->race_bits = 0;
		ins5s8563_model_set_hook(&t->model, load_hook, t);
		cd_store_ok(test, steps[i][0], steps[i][1]);
		ins5s8563_model_set_hook(&t->model, NULL, NULL);
		KUNIT_EXPECT_EQ_MSG(test, t->race_bits, 0,
				    "%s=%s loaded while TE=1", steps[i][0],
				    steps[i][1]);
		KUNIT_EXPECT_TRUE_MSG(test, peek(test, REG_TIMER_CTRL) & TIMER_TE,
				      "%s=%s: timer must run again", steps[i][0],
				      steps[i][1]);
	}
	KUNIT_EXPECT_EQ(test, timer_regs(test), 5);
	KUNIT_EXPECT_EQ(test, peek(test, REG_TIMER_CTRL), TIMER_TE | 0);
}

/* Changes the live counter from 0x000100 to 0x0000ff before the low read. */
static void borrow_hook(struct ins5s8563_model *m, void *priv,
			unsigned int access, enum ins5s8563_model_dir dir, u8 reg)
{
	struct ins5s8563_test *t = priv;

	if (dir == INS5S8563_MODEL_READ && reg == REG_TIMER_LOW &&
	    !t->race_bits) {
		__ins5s8563_model_poke(m, REG_TIMER_MID, 0x00);
		__ins5s8563_model_poke(m, REG_TIMER_LOW, 0xff);
		t->race_bits = 1;
	}
}

static void countdown_remaining_no_torn_read(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	probe_ok(test);
	cd_store_ok(test, "ticks", "258");
	cd_store_ok(test, "clock", "4096");
	cd_store_ok(test, "enable", "1");

	/* Counting down across the 0x100 boundary, tick by tick. */
	KUNIT_EXPECT_STREQ(test, cd_show(test, "remaining"), "258");
	ins5s8563_model_advance(&t->model, 8);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "remaining"), "257");
	ins5s8563_model_advance(&t->model, 8);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "remaining"), "256");
	ins5s8563_model_advance(&t->model, 8);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "remaining"), "255");

	/* The borrow lands between the driver's reads of the bytes. */
	cd_store_ok(test, "enable", "0");
	cd_store_ok(test, "ticks", "256");
	t->race_bits = 0;
	ins5s8563_model_set_hook(&t->model, borrow_hook, t);
	KUNIT_EXPECT_STREQ_MSG(test, cd_show(test, "remaining"), "255",
			       "0x0001ff or 0x000000 would be a torn read");
	ins5s8563_model_set_hook(&t->model, NULL, NULL);
	KUNIT_EXPECT_EQ(test, t->race_bits, 1);
}

/* Waits for the interrupt thread to clear TF. */
static bool wait_for_expiry(struct ins5s8563_test *t)
{
	int i;

	for (i = 0; i < 100; i++) {
		if (!(ins5s8563_model_peek(&t->model, REG_CTRL2) & CTRL2_TF))
			return true;
		msleep(20);
	}
	return false;
}

/* Expiry: /INT, the handler clears TF (not AF), expired reads 1 until acked. */
static void countdown_expiry_through_irq(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	add_irq(test);
	probe_ok(test);
	/* An alarm match the alarm code does not own (AIE off). */
	poke(test, REG_CTRL2, CTRL2_AF);
	cd_store_ok(test, "ticks", "2");
	cd_store_ok(test, "clock", "64");
	cd_store_ok(test, "enable", "1");
	KUNIT_EXPECT_STREQ(test, cd_show(test, "expired"), "0");

	ins5s8563_model_advance(&t->model, 2 * 512);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 1);
	KUNIT_ASSERT_TRUE_MSG(test, wait_for_expiry(t), "TF never cleared");
	synchronize_irq(t->irq);

	KUNIT_EXPECT_STREQ(test, cd_show(test, "expired"), "1");
	KUNIT_EXPECT_EQ_MSG(test, peek(test, REG_CTRL2) & (CTRL2_AF | CTRL2_TF),
			    CTRL2_AF, "TF cleared, AF left alone");
	KUNIT_EXPECT_FALSE(test, ins5s8563_model_int(&t->model));

	cd_store_ok(test, "expired", "0\n");
	KUNIT_EXPECT_STREQ(test, cd_show(test, "expired"), "0");
	KUNIT_EXPECT_TRUE(test, peek(test, REG_CTRL2) & CTRL2_AF);

	/* Periodic: the next expiry comes by itself. */
	ins5s8563_model_advance(&t->model, 2 * 512);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 2);
	KUNIT_ASSERT_TRUE(test, wait_for_expiry(t));
	synchronize_irq(t->irq);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "expired"), "1");
}

/* Without an interrupt, expired reports TF itself; writing 0 clears it. */
static void countdown_expired_polled(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	probe_ok(test);
	cd_store_ok(test, "ticks", "1");
	cd_store_ok(test, "clock", "1");
	cd_store_ok(test, "enable", "1");
	ins5s8563_model_advance(&t->model, ONE_SECOND);
	KUNIT_EXPECT_TRUE(test, peek(test, REG_CTRL2) & CTRL2_TF);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "expired"), "1");
	cd_store_ok(test, "expired", "0");
	KUNIT_EXPECT_FALSE(test, peek(test, REG_CTRL2) & CTRL2_TF);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "expired"), "0");
}

static void countdown_pulse(struct kunit *test)
{
	probe_ok(test);
	cd_store_ok(test, "pulse", "1");
	KUNIT_EXPECT_TRUE(test, peek(test, REG_CTRL2) & CTRL2_TI_TP);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "pulse"), "1");
	cd_store_ok(test, "pulse", "0");
	KUNIT_EXPECT_FALSE(test, peek(test, REG_CTRL2) & CTRL2_TI_TP);
}

struct probe_state_case {
	const char *desc;
	u8 timer_ctrl;
	const char *ticks;
	const char *enable;
};

/*
 * A running counter has moved on from its reload value, which the chip
 * does not show: the reload is unknown until written. A stopped one still
 * holds what was loaded.
 */
static const struct probe_state_case probe_state_cases[] = {
	{ "running: reload unknown", TIMER_TE | 3, "0", "1" },
	{ "stopped: reload is the counter", 3, "4660", "0" },
};

KUNIT_ARRAY_PARAM_DESC(probe_state_cases, probe_state_cases, desc);

/* A timer some earlier owner left behind, as the driver reports it. */
static void countdown_state_from_probe(struct kunit *test)
{
	const struct probe_state_case *c = test->param_value;
	bool running = c->timer_ctrl & TIMER_TE;

	poke(test, REG_TIMER_LOW, 0x34);
	poke(test, REG_TIMER_MID, 0x12);
	poke(test, REG_TIMER_HIGH, 0x00);
	poke(test, REG_TIMER_CTRL, c->timer_ctrl);
	poke(test, REG_CTRL2, CTRL2_TI_TP);
	probe_ok(test);

	KUNIT_EXPECT_STREQ(test, cd_show(test, "ticks"), c->ticks);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "clock"), "1/60");
	KUNIT_EXPECT_STREQ(test, cd_show(test, "enable"), c->enable);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "pulse"), "1");

	if (running) {
		/* A reload from an unknown value is refused, not guessed. */
		KUNIT_EXPECT_EQ(test, cd_store(test, "clock", "64"), -EINVAL);
		KUNIT_EXPECT_EQ(test, peek(test, REG_TIMER_CTRL), TIMER_TE | 3);
		cd_store_ok(test, "enable", "0");
	}
	KUNIT_EXPECT_EQ_MSG(test, cd_store(test, "enable", "1"),
			    running ? -EINVAL : 1, "enable 1");
	KUNIT_EXPECT_EQ(test, !!(peek(test, REG_TIMER_CTRL) & TIMER_TE),
			!running);
	if (!running)
		KUNIT_EXPECT_EQ(test, timer_regs(test), 4660);
}

/* Unbinding leaves the timer counting and releases /INT. */
static void countdown_unbind_releases_int(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	add_irq(test);
	probe_ok(test);
	cd_store_ok(test, "ticks", "100");
	cd_store_ok(test, "enable", "1");
	KUNIT_ASSERT_TRUE(test, peek(test, REG_CTRL2) & CTRL2_TIE);

	flush_work(&t->rtc->irqwork);
	t->rtc = NULL;
	kunit_device_unregister(test, t->dev);
	KUNIT_EXPECT_FALSE(test, peek(test, REG_CTRL2) & CTRL2_TIE);
	KUNIT_EXPECT_TRUE(test, peek(test, REG_TIMER_CTRL) & TIMER_TE);
}

/*
 * At shutdown or reboot the countdown goes off /INT as at unbind: a
 * warm-booted kernel would otherwise find TIE set and an edge it never saw.
 */
static void countdown_shutdown_releases_int(struct kunit *test)
{
	add_irq(test);
	probe_ok(test);
	cd_store_ok(test, "ticks", "100");
	cd_store_ok(test, "enable", "1");
	KUNIT_ASSERT_TRUE(test, peek(test, REG_CTRL2) & CTRL2_TIE);

	ins5s8563_shutdown(((struct ins5s8563_test *)test->priv)->dev);
	KUNIT_EXPECT_FALSE(test, peek(test, REG_CTRL2) & CTRL2_TIE);
	KUNIT_EXPECT_TRUE(test, peek(test, REG_TIMER_CTRL) & TIMER_TE);
}

/*
 * Without an interrupt nothing clears TF: a countdown some earlier owner
 * left on /INT is taken off it at probe (and keeps counting).
 */
static void countdown_probe_takes_timer_off_int(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	add_wakeup_source(test);
	poke_running_timer(test, 1, CTRL2_TIE);
	probe_ok(test);
	KUNIT_EXPECT_FALSE(test, peek(test, REG_CTRL2) & CTRL2_TIE);
	KUNIT_EXPECT_TRUE(test, peek(test, REG_TIMER_CTRL) & TIMER_TE);
	ins5s8563_model_advance(&t->model, 100 * 512);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 1);
	KUNIT_EXPECT_FALSE_MSG(test, ins5s8563_model_int(&t->model),
			       "an expiry holds /INT low");
}

struct apply_case {
	const char *desc;
	/* Stores that bring the timer to where the operation starts. */
	const char *setup[3][2];
	const char *attr;
	const char *val;
	bool running_after;
};

static const struct apply_case apply_cases[] = {
	{ "enable 1", { { "ticks", "100" }, { "clock", "1" } }, "enable", "1",
	  true },
	{ "ticks while running",
	  { { "ticks", "100" }, { "clock", "1" }, { "enable", "1" } },
	  "ticks", "200", true },
	{ "clock while running",
	  { { "ticks", "100" }, { "clock", "1" }, { "enable", "1" } },
	  "clock", "64", true },
	{ "enable 0",
	  { { "ticks", "100" }, { "clock", "1" }, { "enable", "1" } },
	  "enable", "0", false },
	{ "pulse while running",
	  { { "ticks", "100" }, { "clock", "1" }, { "enable", "1" } },
	  "pulse", "1", true },
};

KUNIT_ARRAY_PARAM_DESC(apply_cases, apply_cases, desc);

static void apply_setup(struct kunit *test, const struct apply_case *c)
{
	int i;

	cd_store_ok(test, "enable", "0");
	cd_store_ok(test, "pulse", "0");
	for (i = 0; i < ARRAY_SIZE(c->setup) && c->setup[i][0]; i++)
		cd_store_ok(test, c->setup[i][0], c->setup[i][1]);
}

/*
 * A bus error at any transfer of a countdown change leaves the driver's
 * idea of the timer as the chip has it, and the same change then works.
 */
static void countdown_apply_io_error(struct kunit *test)
{
	const struct apply_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	unsigned int k, n;
	ssize_t ret;
	bool te;

	add_irq(test);
	probe_ok(test);

	/* The transfers of a clean run: each is then made to fail once. */
	apply_setup(test, c);
	ins5s8563_model_reset_counters(&t->model);
	cd_store_ok(test, c->attr, c->val);
	n = t->model.accesses;
	KUNIT_ASSERT_GT(test, n, 0);

	for (k = 1; k <= n; k++) {
		apply_setup(test, c);
		ins5s8563_model_reset_counters(&t->model);
		ins5s8563_model_fail(&t->model, k, 1, -ENXIO);
		ret = cd_store(test, c->attr, c->val);
		ins5s8563_model_fail(&t->model, 0, 0, 0);
		KUNIT_EXPECT_EQ_MSG(test, ret, -ENXIO, "transfer %u of %u", k, n);

		te = peek(test, REG_TIMER_CTRL) & TIMER_TE;
		KUNIT_EXPECT_STREQ_MSG(test, cd_show(test, "enable"),
				       te ? "1" : "0",
				       "transfer %u of %u failed: enable vs TE",
				       k, n);

		/*
		 * Again: a timer the failure left stopped says so above, and
		 * enable 1 must then start it (not find it "running").
		 */
		cd_store_ok(test, c->attr, c->val);
		if (c->running_after)
			cd_store_ok(test, "enable", "1");
		KUNIT_EXPECT_EQ_MSG(test, !!(peek(test, REG_TIMER_CTRL) & TIMER_TE),
				    c->running_after,
				    "the retry after transfer %u of %u", k, n);
		KUNIT_EXPECT_EQ_MSG(test, !!(peek(test, REG_CTRL2) & CTRL2_TIE),
				    c->running_after,
				    "the retry after transfer %u of %u: TIE", k,
				    n);
	}
}

/*
 * The chip gone for a whole change, the read-back of TE included: the stop
 * never reached it and the timer runs on. The driver cannot tell, so it
 * must not say the timer stopped, and the next change must stop it, or
 * start it whole. Without an interrupt the stop's first write is that of
 * TE itself (no TIE to take off /INT first).
 */
static void countdown_chip_gone(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	probe_ok(test);
	cd_store_ok(test, "ticks", "1000");
	cd_store_ok(test, "clock", "1");
	cd_store_ok(test, "enable", "1");

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, 1000, -ENXIO);
	KUNIT_EXPECT_EQ(test, cd_store(test, "enable", "0"), -ENXIO);
	ins5s8563_model_fail(&t->model, 0, 0, 0);
	KUNIT_ASSERT_TRUE(test, peek(test, REG_TIMER_CTRL) & TIMER_TE);
	KUNIT_EXPECT_STREQ_MSG(test, cd_show(test, "enable"), "1",
			       "the timer may run: enable must not say it stopped");

	cd_store_ok(test, "enable", "0");
	KUNIT_EXPECT_FALSE_MSG(test, peek(test, REG_TIMER_CTRL) & TIMER_TE,
			       "the second enable 0 left it running");
	KUNIT_EXPECT_FALSE(test, peek(test, REG_CTRL2) & CTRL2_TIE);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "enable"), "0");

	/* A start that never reached the chip, then one that does. */
	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, 1000, -ENXIO);
	KUNIT_EXPECT_EQ(test, cd_store(test, "enable", "1"), -ENXIO);
	ins5s8563_model_fail(&t->model, 0, 0, 0);
	cd_store_ok(test, "enable", "1");
	KUNIT_EXPECT_EQ(test, peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	KUNIT_EXPECT_EQ(test, timer_regs(test), 1000);
}

static struct kunit_case ins5s8563_countdown_cases[] = {
	KUNIT_CASE(countdown_chip_gone),
	KUNIT_CASE_PARAM(countdown_clock_round_trip, clock_cases_gen_params),
	KUNIT_CASE_PARAM(countdown_ticks_layout, ticks_cases_gen_params),
	KUNIT_CASE_PARAM(countdown_bad_input, bad_input_cases_gen_params),
	KUNIT_CASE(countdown_enable_needs_ticks),
	KUNIT_CASE_PARAM(countdown_enable_disable, enable_cases_gen_params),
	KUNIT_CASE(countdown_reload_while_enabled),
	KUNIT_CASE(countdown_remaining_no_torn_read),
	KUNIT_CASE(countdown_expiry_through_irq),
	KUNIT_CASE(countdown_expired_polled),
	KUNIT_CASE(countdown_pulse),
	KUNIT_CASE_PARAM(countdown_state_from_probe,
			 probe_state_cases_gen_params),
	KUNIT_CASE(countdown_unbind_releases_int),
	KUNIT_CASE(countdown_shutdown_releases_int),
	KUNIT_CASE(countdown_probe_takes_timer_off_int),
	KUNIT_CASE_PARAM(countdown_apply_io_error, apply_cases_gen_params),
	{}
};

static struct kunit_suite ins5s8563_countdown_suite = {
	.name = "ins5s8563-countdown",
	.init = ins5s8563_test_init,
	.exit = ins5s8563_test_exit,
	.test_cases = ins5s8563_countdown_cases,
};

/* ---- exact alarms, update interrupts and the timer's owner -------------- */

#define NOW_12	DT(2024, 6, 15, 12, 0, 15)

static void set_time_dt(struct kunit *test, const struct dt *d)
{
	struct rtc_time tm;

	rtc_time64_to_tm(dt64(d), &tm);
	KUNIT_ASSERT_EQ(test, set_time(test, &tm), 0);
}

static int op_set_alarm(struct kunit *test, time64_t at)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };

	rtc_time64_to_tm(at, &alrm.time);
	return t->rtc->ops->set_alarm(t->rtc->dev.parent, &alrm);
}

static void expect_timer_alarm(struct kunit *test, u32 ticks)
{
	KUNIT_EXPECT_EQ_MSG(test, peek(test, REG_TIMER_CTRL), TIMER_TE | 2,
			    "the timer runs at 1 Hz");
	KUNIT_EXPECT_EQ(test, timer_regs(test), ticks);
	KUNIT_EXPECT_EQ_MSG(test, peek(test, REG_CTRL2) & (CTRL2_TIE | CTRL2_AIE),
			    CTRL2_TIE, "TIE set, AIE clear");
}

struct exact_case {
	const char *desc;
	u32 ahead;
};

static const struct exact_case exact_cases[] = {
	{ "1 s", 1 },
	{ "30 s, in the current minute", 30 },
	{ "59 s", 59 },
	{ "61 s", 61 },
	{ "3599 s", 3599 },
	{ "86407 s", 86407 },
	{ "16777215 s (the counter's range)", 16777215 },
	{ "16777216 s: by minute, rounded up", 16777216 },
};

KUNIT_ARRAY_PARAM_DESC(exact_cases, exact_cases, desc);

/*
 * Within the counter's range the alarm is T - now ticks of the 1 Hz timer,
 * and fires on the rollover into T; read_alarm gives T to the second.
 * Beyond it, the minute registers take it, rounded up.
 */
static void exact_alarm(struct kunit *test)
{
	static const struct dt now = NOW_12;
	const struct exact_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	time64_t at = dt64(&now) + c->ahead;
	struct rtc_wkalrm got;
	struct rtc_time tm;

	probe_ok(test);
	set_time_dt(test, &now);
	KUNIT_ASSERT_EQ(test, op_set_alarm(test, at), 0);

	if (c->ahead > 16777215) {
		rtc_time64_to_tm(DIV_ROUND_UP_ULL(at, 60) * 60, &tm);
		KUNIT_EXPECT_EQ(test, peek(test, REG_ALM_MIN), bin2bcd(tm.tm_min));
		KUNIT_EXPECT_EQ(test, peek(test, REG_ALM_MIN + 1),
				bin2bcd(tm.tm_hour));
		KUNIT_EXPECT_EQ(test, peek(test, REG_ALM_MIN + 2),
				bin2bcd(tm.tm_mday));
		KUNIT_EXPECT_TRUE(test, peek(test, REG_CTRL2) & CTRL2_AIE);
		KUNIT_EXPECT_FALSE(test, peek(test, REG_TIMER_CTRL) & TIMER_TE);
		return;
	}

	expect_timer_alarm(test, c->ahead);
	KUNIT_ASSERT_EQ(test, read_alarm(test, &got), 0);
	KUNIT_EXPECT_EQ_MSG(test, rtc_tm_to_time64(&got.time), at,
			    "read_alarm gave %ptR", &got.time);
	KUNIT_EXPECT_TRUE(test, got.enabled);
	KUNIT_EXPECT_FALSE(test, got.pending);

	ins5s8563_model_advance(&t->model, (u64)c->ahead * ONE_SECOND - 1);
	KUNIT_EXPECT_EQ_MSG(test, t->model.timer_expiries, 0, "early");
	ins5s8563_model_advance(&t->model, 1);
	KUNIT_EXPECT_EQ_MSG(test, t->model.timer_expiries, 1,
			    "not on the rollover into its second");
	KUNIT_EXPECT_TRUE(test, peek(test, REG_CTRL2) & CTRL2_TF);
	KUNIT_ASSERT_EQ(test, read_alarm(test, &got), 0);
	KUNIT_EXPECT_TRUE(test, got.pending);
}

/* A new alarm as far ahead as the last one was is loaded anew. */
static void exact_alarm_same_delta(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;

	probe_ok(test);
	set_time_dt(test, &now);
	KUNIT_ASSERT_EQ(test, op_set_alarm(test, dt64(&now) + 100), 0);
	ins5s8563_model_advance(&t->model, 30 * ONE_SECOND);
	KUNIT_ASSERT_EQ(test, op_set_alarm(test, dt64(&now) + 130), 0);
	expect_timer_alarm(test, 100);
}

/* An alarm whose second has come (the rollover beat the rtc core) is -ETIME. */
static void exact_alarm_etime(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;

	probe_ok(test);
	set_time_dt(test, &now);
	ins5s8563_model_reset_counters(&t->model);
	KUNIT_EXPECT_EQ(test, op_set_alarm(test, dt64(&now)), -ETIME);
	KUNIT_EXPECT_EQ(test, op_set_alarm(test, dt64(&now) - 10), -ETIME);
	KUNIT_EXPECT_EQ_MSG(test, t->model.writes, 0, "nothing written");
}

/* The rollover comes between the read of the time and the start. */
static void rollover_hook(struct ins5s8563_model *m, void *priv,
			  unsigned int access, enum ins5s8563_model_dir dir,
			  u8 reg)
{
	struct ins5s8563_test *t = priv;

	if (dir == INS5S8563_MODEL_WRITE && reg == REG_TIMER_CTRL &&
	    t->race_bits) {
		__ins5s8563_model_poke(m, REG_SEC, m->regs[REG_SEC] + 1);
		t->race_bits = 0;
	}
}

/* A second that rolls over while the timer is set up: reloaded from it. */
static void exact_alarm_rollover(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;

	probe_ok(test);
	set_time_dt(test, &now);
	t->race_bits = 1;
	ins5s8563_model_set_hook(&t->model, rollover_hook, t);
	KUNIT_ASSERT_EQ(test, op_set_alarm(test, dt64(&now) + 20), 0);
	ins5s8563_model_set_hook(&t->model, NULL, NULL);
	KUNIT_EXPECT_EQ(test, t->race_bits, 0);
	/* 12:00:16 now: 19 ticks to 12:00:35. */
	expect_timer_alarm(test, 19);
}

/*
 * Update interrupts: once the timer runs at 1 Hz with 1 tick, the chip
 * reloads by itself; each second costs the handler's two transfers and
 * the rtc core's read of the time, and set_alarm none.
 */
static void uie_steady_state(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;
	int sec, i, n;

	add_irq(test);
	probe_ok(test);
	set_time_dt(test, &now);
	KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 1), 0);
	expect_timer_alarm(test, 1);

	for (sec = 0; sec < 4; sec++) {
		t->nlog = 0;
		ins5s8563_model_reset_counters(&t->model);
		ins5s8563_model_set_hook(&t->model, log_access, t);
		WRITE_ONCE(t->rtc->irq_data, 0);
		ins5s8563_model_advance(&t->model, ONE_SECOND);
		KUNIT_ASSERT_TRUE_MSG(test, wait_for_irq_data(t, RTC_UF),
				      "no update interrupt in second %d", sec);
		for (i = 0; i < 50 && t->model.accesses < 3; i++)
			msleep(20);
		synchronize_irq(t->irq);
		flush_work(&t->rtc->irqwork);
		ins5s8563_model_set_hook(&t->model, NULL, NULL);

		KUNIT_EXPECT_EQ_MSG(test, t->model.timer_expiries, 1,
				    "second %d", sec);
		/*
		 * The handler reads and clears Control_2 (and on an edge line
		 * reads it once more); the rtc core reads the time three
		 * times. Nothing else: set_alarm costs no transfer.
		 */
		for (i = 0, n = 0; i < t->nlog && i < ARRAY_SIZE(t->log); i++) {
			if (t->log[i].reg == REG_SEC &&
			    t->log[i].dir == INS5S8563_MODEL_READ)
				n++;
			else
				KUNIT_EXPECT_EQ_MSG(test, t->log[i].reg, REG_CTRL2,
						    "second %d: access %d", sec,
						    i + 1);
		}
		KUNIT_EXPECT_EQ_MSG(test, n, 3, "second %d: reads of the time",
				    sec);
		KUNIT_EXPECT_LE_MSG(test, t->model.accesses, 6,
				    "transfers in second %d", sec);
	}
	expect_timer_alarm(test, 1);
	KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 0), 0);
	flush_work(&t->rtc->irqwork);
	KUNIT_EXPECT_FALSE_MSG(test, peek(test, REG_TIMER_CTRL) & TIMER_TE,
			       "update interrupts off: the timer stops");
}

/*
 * RTC_AIE_OFF reaches alarm_irq_enable(0) even when no alarm is set
 * (rtc_alarm_irq_enable() calls the op whatever its timer queue holds):
 * update interrupts, which share the timer, must keep coming.
 */
static void uie_survives_aie_off(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;

	add_irq(test);
	probe_ok(test);
	set_time_dt(test, &now);
	KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 1), 0);
	KUNIT_ASSERT_EQ(test, rtc_alarm_irq_enable(t->rtc, 0), 0);
	expect_timer_alarm(test, 1);

	WRITE_ONCE(t->rtc->irq_data, 0);
	ins5s8563_model_advance(&t->model, ONE_SECOND);
	KUNIT_EXPECT_TRUE_MSG(test, wait_for_irq_data(t, RTC_UF),
			      "no update interrupt after RTC_AIE_OFF");
	synchronize_irq(t->irq);
	flush_work(&t->rtc->irqwork);
	KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 0), 0);
	flush_work(&t->rtc->irqwork);
}

/*
 * The user's countdown has priority: the alarm moves to the minute
 * registers (rounded up) at once, and back to the timer when the
 * countdown stops.
 */
static void countdown_takes_timer_from_alarm(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	struct rtc_wkalrm got;

	add_irq(test);
	probe_ok(test);
	set_time_dt(test, &now);
	rtc_time64_to_tm(dt64(&now) + 30, &alrm.time);	/* 12:00:45 */
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
	expect_timer_alarm(test, 30);

	cd_store_ok(test, "ticks", "100");
	cd_store_ok(test, "clock", "64");
	cd_store_ok(test, "enable", "1");
	KUNIT_EXPECT_EQ(test, peek(test, REG_TIMER_CTRL), TIMER_TE | 1);
	KUNIT_EXPECT_EQ(test, timer_regs(test), 100);
	KUNIT_EXPECT_EQ_MSG(test, peek(test, REG_ALM_MIN), 0x01,
			    "12:00:45 rounds up to 12:01");
	KUNIT_EXPECT_EQ(test, peek(test, REG_ALM_MIN + 1), 0x12);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CTRL2) & (CTRL2_TIE | CTRL2_AIE),
			CTRL2_TIE | CTRL2_AIE);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "enable"), "1");

	ins5s8563_model_advance(&t->model, 5 * ONE_SECOND);
	cd_store_ok(test, "enable", "0");
	expect_timer_alarm(test, 25);
	KUNIT_ASSERT_EQ(test, read_alarm(test, &got), 0);
	KUNIT_EXPECT_EQ(test, rtc_tm_to_time64(&got.time), dt64(&now) + 30);

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_advance(&t->model, 25 * ONE_SECOND);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 1);
	KUNIT_EXPECT_EQ(test, t->model.alarm_matches, 0);
	KUNIT_EXPECT_TRUE(test, wait_for_irq_data(t, RTC_AF | RTC_IRQF));
	synchronize_irq(t->irq);
	flush_work(&t->rtc->irqwork);
}

/* At access race_access, the chip's clock steps one tick (a rollover). */
static void tick_hook(struct ins5s8563_model *m, void *priv,
		      unsigned int access, enum ins5s8563_model_dir dir, u8 reg)
{
	struct ins5s8563_test *t = priv;

	if (access == t->race_access)
		__ins5s8563_model_advance(m, 1);
}

/* The number of alarm events the rtc core has had (RTC_IRQF's count). */
static unsigned long alarm_events(struct ins5s8563_test *t)
{
	unsigned long data = READ_ONCE(t->rtc->irq_data);

	return data & RTC_AF ? data >> 8 : 0;
}

/*
 * The countdown stops one tick before its alarm's minute (the alarm waits
 * in the minute registers meanwhile), and the minute rolls over at each
 * transfer of that stop in turn, then after it: wherever the alarm ends up,
 * in the timer or in the minute registers, it reaches the rtc core at the
 * rollover, without the chip's clock going on, and once.
 */
static void countdown_stop_at_alarm_minute(struct kunit *test)
{
	static const struct dt now = DT(2024, 6, 15, 12, 0, 59);
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	unsigned int n = 0, k;

	add_irq(test);
	probe_ok(test);
	rtc_time64_to_tm(dt64(&now) + 1, &alrm.time);	/* 12:01:00 */
	cd_store_ok(test, "ticks", "100");
	cd_store_ok(test, "clock", "64");

	for (k = 0; k <= n + 1; k++) {
		set_time_dt(test, &now);
		ins5s8563_model_advance(&t->model, ONE_SECOND - 1);
		KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
		cd_store_ok(test, "enable", "1");
		synchronize_irq(t->irq);
		flush_work(&t->rtc->irqwork);
		WRITE_ONCE(t->rtc->irq_data, 0);

		/* k = 0 counts the transfers; n + 1: the rollover after. */
		t->race_access = k;
		ins5s8563_model_reset_counters(&t->model);
		ins5s8563_model_set_hook(&t->model, tick_hook, t);
		cd_store_ok(test, "enable", "0");
		ins5s8563_model_set_hook(&t->model, NULL, NULL);
		if (!k) {
			n = t->model.accesses;
			continue;
		}
		if (k > n)
			ins5s8563_model_advance(&t->model, 1);

		KUNIT_EXPECT_TRUE_MSG(test, wait_for_irq_data(t, RTC_AF),
				      "rollover at transfer %u of %u: no alarm at 12:01:00",
				      k, n);
		synchronize_irq(t->irq);
		flush_work(&t->rtc->irqwork);
		ins5s8563_model_advance(&t->model, 61 * ONE_SECOND);
		msleep(50);
		synchronize_irq(t->irq);
		flush_work(&t->rtc->irqwork);
		KUNIT_EXPECT_EQ_MSG(test, alarm_events(t), 1,
				    "rollover at transfer %u of %u", k, n);
		KUNIT_EXPECT_FALSE_MSG(test, peek(test, REG_CTRL2) & CTRL2_AIE,
				       "rollover at transfer %u of %u: AIE left set",
				       k, n);
	}
	KUNIT_EXPECT_GT(test, n, 0);
}

/* Update interrupts and the countdown exclude each other. */
static void countdown_and_uie_exclude(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;

	add_irq(test);
	probe_ok(test);
	set_time_dt(test, &now);
	cd_store_ok(test, "ticks", "100");
	cd_store_ok(test, "enable", "1");
	/* -EINVAL, as without update interrupts: hwclock then busy-waits. */
	KUNIT_EXPECT_EQ(test, rtc_update_irq_enable(t->rtc, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, timer_regs(test), 100);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "enable"), "1");

	cd_store_ok(test, "enable", "0");
	KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 1), 0);
	KUNIT_EXPECT_EQ(test, cd_store(test, "enable", "1"), -EBUSY);
	expect_timer_alarm(test, 1);

	KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 0), 0);
	flush_work(&t->rtc->irqwork);
	cd_store_ok(test, "enable", "1");
	KUNIT_EXPECT_EQ(test, peek(test, REG_TIMER_CTRL), TIMER_TE | 0);
}

/*
 * Without an interrupt, TF is the countdown's only record of an expiry:
 * an alarm that takes the timer afterwards (and clears TF) must not lose
 * it.
 */
static void alarm_keeps_countdown_expiry(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;

	add_wakeup_source(test);
	probe_ok(test);
	set_time_dt(test, &now);
	cd_store_ok(test, "ticks", "1");
	cd_store_ok(test, "clock", "1");
	cd_store_ok(test, "enable", "1");
	ins5s8563_model_advance(&t->model, ONE_SECOND);
	cd_store_ok(test, "enable", "0");
	KUNIT_ASSERT_STREQ(test, cd_show(test, "expired"), "1");

	KUNIT_ASSERT_EQ(test, op_set_alarm(test, dt64(&now) + 60), 0);
	KUNIT_EXPECT_STREQ_MSG(test, cd_show(test, "expired"), "1",
			       "the alarm's start cleared an expiry not acknowledged");
}

/* A refused RTC_UIE_ON leaves the pending alarm as it was. */
static void uie_refused_keeps_alarm(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };

	add_irq(test);
	probe_ok(test);
	set_time_dt(test, &now);
	rtc_time64_to_tm(dt64(&now) + 30, &alrm.time);
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
	cd_store_ok(test, "ticks", "100");
	cd_store_ok(test, "enable", "1");
	KUNIT_EXPECT_EQ(test, rtc_update_irq_enable(t->rtc, 1), -EINVAL);

	ins5s8563_model_advance(&t->model, 5 * ONE_SECOND);
	cd_store_ok(test, "enable", "0");
	expect_timer_alarm(test, 25);
	flush_work(&t->rtc->irqwork);
}

/*
 * Setting the time with an alarm in the timer: the rtc core sets the alarm
 * again, and the count follows the new time; STOP held the timer during
 * the write, and the first second after it is whole.
 */
static void exact_alarm_time_set(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	struct rtc_time tm;

	add_irq(test);
	probe_ok(test);
	set_time_dt(test, &now);
	rtc_time64_to_tm(dt64(&now) + 100, &alrm.time);
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
	ins5s8563_model_advance(&t->model, ONE_SECOND / 2);

	rtc_time64_to_tm(dt64(&now) + 50, &tm);
	KUNIT_ASSERT_EQ(test, set_time(test, &tm), 0);
	expect_timer_alarm(test, 50);

	ins5s8563_model_advance(&t->model, 50 * ONE_SECOND - 1);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 0);
	ins5s8563_model_advance(&t->model, 1);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 1);
	KUNIT_EXPECT_TRUE(test, wait_for_irq_data(t, RTC_AF | RTC_IRQF));
	synchronize_irq(t->irq);
	flush_work(&t->rtc->irqwork);
}

/*
 * An alarm an earlier kernel left in the timer (running at 1 Hz with TIE)
 * is read back to the second, and the rtc core queues it again.
 */
static void probe_finds_timer_alarm(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm got;
	struct rtc_time tm;

	add_irq(test);
	rtc_time64_to_tm(dt64(&now), &tm);
	poke_time(test, &tm);
	poke_running_timer(test, 2, CTRL2_TIE);
	probe_ok(test);

	KUNIT_ASSERT_EQ(test, read_alarm(test, &got), 0);
	KUNIT_EXPECT_EQ_MSG(test, rtc_tm_to_time64(&got.time), dt64(&now) + 100,
			    "read_alarm gave %ptR", &got.time);
	KUNIT_EXPECT_TRUE(test, got.enabled);
	KUNIT_EXPECT_TRUE_MSG(test, t->rtc->aie_timer.enabled,
			      "the rtc core did not queue it");
	KUNIT_EXPECT_STREQ(test, cd_show(test, "enable"), "0");

	ins5s8563_model_advance(&t->model, 100 * ONE_SECOND);
	KUNIT_EXPECT_TRUE(test, wait_for_irq_data(t, RTC_AF | RTC_IRQF));
	synchronize_irq(t->irq);
	flush_work(&t->rtc->irqwork);
	KUNIT_EXPECT_FALSE(test, peek(test, REG_TIMER_CTRL) & TIMER_TE);
}

/* A countdown left running (no TIE) is the countdown, not an alarm. */
static void probe_finds_countdown(struct kunit *test)
{
	struct rtc_wkalrm got;
	struct rtc_time tm;

	add_irq(test);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 0, 15), &tm);
	poke_time(test, &tm);
	poke_running_timer(test, 2, 0);
	probe_ok(test);
	KUNIT_EXPECT_STREQ(test, cd_show(test, "enable"), "1");
	KUNIT_ASSERT_EQ(test, read_alarm(test, &got), 0);
	KUNIT_EXPECT_FALSE(test, got.enabled);
	KUNIT_EXPECT_EQ(test, got.time.tm_min, -1);
}

struct release_case {
	const char *desc;
	bool uie;
	bool running;
};

static const struct release_case release_cases[] = {
	{ "an alarm pending keeps counting on /INT", false, true },
	{ "update interrupts alone stop", true, false },
};

KUNIT_ARRAY_PARAM_DESC(release_cases, release_cases, desc);

/*
 * Shutdown (and unbind): a pending alarm in the timer keeps counting with
 * TIE, so that a PMIC on /INT powers the board up at its second.
 */
static void exact_alarm_shutdown(struct kunit *test)
{
	const struct release_case *c = test->param_value;
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };

	add_irq(test);
	probe_ok(test);
	set_time_dt(test, &now);
	if (c->uie) {
		KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 1), 0);
	} else {
		rtc_time64_to_tm(dt64(&now) + 100, &alrm.time);
		KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
	}
	ins5s8563_shutdown(t->dev);
	KUNIT_EXPECT_EQ(test, !!(peek(test, REG_TIMER_CTRL) & TIMER_TE),
			c->running);
	KUNIT_EXPECT_EQ(test, !!(peek(test, REG_CTRL2) & CTRL2_TIE),
			c->running);
	if (c->uie)
		KUNIT_EXPECT_EQ(test, rtc_update_irq_enable(t->rtc, 0), 0);
	flush_work(&t->rtc->irqwork);
}

static struct kunit_case ins5s8563_exact_cases[] = {
	KUNIT_CASE_PARAM(exact_alarm, exact_cases_gen_params),
	KUNIT_CASE(exact_alarm_same_delta),
	KUNIT_CASE(exact_alarm_etime),
	KUNIT_CASE(exact_alarm_rollover),
	KUNIT_CASE(uie_steady_state),
	KUNIT_CASE(uie_survives_aie_off),
	KUNIT_CASE(countdown_takes_timer_from_alarm),
	KUNIT_CASE(countdown_stop_at_alarm_minute),
	KUNIT_CASE(countdown_and_uie_exclude),
	KUNIT_CASE(uie_refused_keeps_alarm),
	KUNIT_CASE(alarm_keeps_countdown_expiry),
	KUNIT_CASE(exact_alarm_time_set),
	KUNIT_CASE(probe_finds_timer_alarm),
	KUNIT_CASE(probe_finds_countdown),
	KUNIT_CASE_PARAM(exact_alarm_shutdown, release_cases_gen_params),
	{}
};

static struct kunit_suite ins5s8563_exact_suite = {
	.name = "ins5s8563-exact",
	.init = ins5s8563_test_init,
	.exit = ins5s8563_test_exit,
	.test_cases = ins5s8563_exact_cases,
};

/* ---- watchdog (reset-source) ----------------------------------------------- */

static void add_reset_source(struct kunit *test)
{
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_BOOL("reset-source"),
		{ }
	};
	struct ins5s8563_test *t = test->priv;

	KUNIT_ASSERT_EQ(test, device_create_managed_software_node(t->dev, props,
								  NULL), 0);
}

static struct watchdog_device *wdt(struct kunit *test)
{
	return ins5s8563_wdt(((struct ins5s8563_test *)test->priv)->dev);
}

static bool has_countdown_group(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	const struct attribute_group **g;

	for (g = t->rtc->dev.groups; g && *g; g++)
		if ((*g)->name && !strcmp((*g)->name, "countdown"))
			return true;
	return false;
}

/* The timer is the watchdog's: no alarm, no update interrupts, no countdown. */
static void wdt_owns_timer(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;

	add_irq(test);
	add_reset_source(test);
	probe_ok(test);
	wdd = wdt(test);
	KUNIT_EXPECT_STREQ(test, wdd->info->identity, "INS5S8563");
	KUNIT_EXPECT_FALSE(test, test_bit(RTC_FEATURE_ALARM, t->rtc->features));
	KUNIT_EXPECT_FALSE(test, test_bit(RTC_FEATURE_UPDATE_INTERRUPT,
					  t->rtc->features));
	KUNIT_EXPECT_FALSE(test, has_countdown_group(test));
	KUNIT_EXPECT_EQ(test, wdd->timeout, 60);
	KUNIT_EXPECT_EQ(test, wdd->min_timeout, 2);
	KUNIT_EXPECT_EQ(test, wdd->max_timeout, UINT_MAX / 1000);
	KUNIT_EXPECT_EQ(test, wdd->bootstatus, 0);
	KUNIT_EXPECT_FALSE(test, test_bit(WDOG_HW_RUNNING, &wdd->status));
	KUNIT_EXPECT_FALSE(test, peek(test, REG_TIMER_CTRL) & TIMER_TE);
}

/* Without reset-source nothing changes: no watchdog. */
static void wdt_needs_reset_source(struct kunit *test)
{
	probe_ok(test);
	KUNIT_EXPECT_NULL(test, wdt(test)->info);
	KUNIT_EXPECT_TRUE(test, has_countdown_group(test));
}

/* start, ping, set_timeout, get_timeleft, stop: 1 Hz, TIE, pulsed /INT. */
static void wdt_ops(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;

	add_reset_source(test);
	probe_ok(test);
	wdd = wdt(test);

	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	KUNIT_EXPECT_EQ(test, peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	KUNIT_EXPECT_EQ(test, timer_regs(test), 60);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CTRL2) & (CTRL2_TI_TP | CTRL2_TIE),
			CTRL2_TI_TP | CTRL2_TIE);

	ins5s8563_model_advance(&t->model, 10 * ONE_SECOND);
	KUNIT_EXPECT_EQ(test, wdd->ops->get_timeleft(wdd), 50);
	KUNIT_ASSERT_EQ(test, wdd->ops->ping(wdd), 0);
	KUNIT_EXPECT_EQ(test, timer_regs(test), 60);
	KUNIT_EXPECT_EQ(test, peek(test, REG_TIMER_CTRL), TIMER_TE | 2);

	KUNIT_ASSERT_EQ(test, wdd->ops->set_timeout(wdd, 300), 0);
	KUNIT_ASSERT_EQ(test, wdd->ops->ping(wdd), 0);
	KUNIT_EXPECT_EQ(test, timer_regs(test), 300);

	KUNIT_ASSERT_EQ(test, wdd->ops->stop(wdd), 0);
	KUNIT_EXPECT_FALSE(test, peek(test, REG_TIMER_CTRL) & TIMER_TE);
	ins5s8563_model_advance(&t->model, 400 * ONE_SECOND);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 0);
}

/*
 * Starved, it expires after its timeout and pulses /INT (7.8 ms): TF stays
 * set across the reset, and a level /INT would hold the board in reset.
 */
static void wdt_expiry_pulses(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;

	add_reset_source(test);
	probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->set_timeout(wdd, 2), 0);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	ins5s8563_model_advance(&t->model, 2 * ONE_SECOND);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 1);
	KUNIT_EXPECT_TRUE(test, ins5s8563_model_int(&t->model));
	ins5s8563_model_advance(&t->model, 256);
	KUNIT_EXPECT_FALSE_MSG(test, ins5s8563_model_int(&t->model),
			       "/INT must be a pulse");
	KUNIT_EXPECT_TRUE(test, peek(test, REG_CTRL2) & CTRL2_TF);
}

/* The lowest live count seen after the ping's first write. */
static void min_count_hook(struct ins5s8563_model *m, void *priv,
			   unsigned int access, enum ins5s8563_model_dir dir,
			   u8 reg)
{
	struct ins5s8563_test *t = priv;
	u32 count = m->regs[REG_TIMER_HIGH] << 16 | m->regs[REG_TIMER_MID] << 8 |
		    m->regs[REG_TIMER_LOW];

	if (t->nlog && count < t->race_access)
		t->race_access = count;
	if (dir == INS5S8563_MODEL_WRITE)
		t->nlog = 1;
	/* A seconds rollover while the bytes are written. */
	if (t->race_bits && dir == INS5S8563_MODEL_WRITE) {
		__ins5s8563_model_poke(m, REG_SEC, m->regs[REG_SEC] + 1);
		t->race_bits = 0;
	}
}

struct ping_case {
	const char *desc;
	u32 timeout;
	u32 count;
	bool rollover;
};

static const struct ping_case ping_cases[] = {
	{ "60 s, count 0x000100", 60, 0x100, false },
	{ "60 s, count 0x010000", 60, 0x10000, false },
	{ "300 s (0x00012c), count 5", 300, 5, false },
	{ "256 s (0x000100), count 1", 256, 1, false },
	{ "65536 s (0x010000), count 2", 65536, 2, false },
	{ "2 s, count 0x000100", 2, 0x100, false },
	{ "300 s, a rollover during the writes", 300, 0x100, true },
	{ "60 s, a rollover during the writes", 60, 0x100, true },
};

KUNIT_ARRAY_PARAM_DESC(ping_cases, ping_cases, desc);

/*
 * A ping reloads the running counter without stopping it, and the count
 * never drops below 2 while its bytes are written (at 1 or 0 it would
 * expire, or never expire again).
 */
static void wdt_ping_never_expires(struct kunit *test)
{
	const struct ping_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;

	add_reset_source(test);
	probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->set_timeout(wdd, c->timeout), 0);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	poke(test, REG_TIMER_LOW, c->count & 0xff);
	poke(test, REG_TIMER_MID, (c->count >> 8) & 0xff);
	poke(test, REG_TIMER_HIGH, c->count >> 16);

	t->race_access = U32_MAX;
	t->race_bits = c->rollover;
	t->nlog = 0;
	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_set_hook(&t->model, min_count_hook, t);
	KUNIT_EXPECT_EQ(test, wdd->ops->ping(wdd), 0);
	ins5s8563_model_set_hook(&t->model, NULL, NULL);

	KUNIT_EXPECT_GE_MSG(test, t->race_access, 2,
			    "the count fell to %u during the ping",
			    t->race_access);
	KUNIT_EXPECT_EQ(test, timer_regs(test), c->timeout);
	KUNIT_EXPECT_EQ_MSG(test, peek(test, REG_TIMER_CTRL), TIMER_TE | 2,
			    "the timer never stops");
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 0);
}

/*
 * A watchdog running at registration pins its driver: the watchdog core
 * feeds it, and keeps a reference, until userspace opens it. Open it, and
 * close it with the magic character, as userspace would: it stops.
 */
static void wdt_magic_close(struct kunit *test, struct watchdog_device *wdd)
{
	char cmd[48];
	char *argv[4], *envp[2];

	snprintf(cmd, sizeof(cmd), "printf V >/dev/watchdog%d", wdd->id);
	argv[0] = "/bin/sh";
	argv[1] = "-c";
	argv[2] = cmd;
	argv[3] = NULL;
	envp[0] = "PATH=/usr/sbin:/usr/bin:/sbin:/bin";
	envp[1] = NULL;
	KUNIT_EXPECT_EQ_MSG(test, call_usermodehelper(argv[0], argv, envp,
						      UMH_WAIT_PROC), 0,
			    "sh -c '%s'", cmd);
	KUNIT_EXPECT_FALSE(test, peek(test, REG_TIMER_CTRL) & TIMER_TE);
}

/*
 * A watchdog running at probe (the bootloader's, or one that outlived a
 * reboot) is handed to the watchdog core, never stopped.
 */
static void wdt_handover(struct kunit *test)
{
	struct watchdog_device *wdd;

	add_reset_source(test);
	poke(test, REG_TIMER_LOW, 30);
	poke(test, REG_TIMER_CTRL, TIMER_TE | 2);
	poke(test, REG_CTRL2, CTRL2_TIE);
	probe_ok(test);
	wdd = wdt(test);
	KUNIT_EXPECT_TRUE(test, test_bit(WDOG_HW_RUNNING, &wdd->status));
	KUNIT_EXPECT_EQ(test, peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	/* As found, or already fed by the watchdog core's boot handler. */
	KUNIT_EXPECT_TRUE_MSG(test, timer_regs(test) == 30 ||
			      timer_regs(test) == wdd->timeout,
			      "count %u", timer_regs(test));
	KUNIT_EXPECT_TRUE_MSG(test, peek(test, REG_CTRL2) & CTRL2_TI_TP,
			      "pulsed, or /INT holds the board in reset");
	KUNIT_EXPECT_EQ(test, wdd->bootstatus, 0);
	wdt_magic_close(test, wdd);
}

/* TF at probe: the last reset came from the watchdog. */
static void wdt_bootstatus(struct kunit *test)
{
	struct watchdog_device *wdd;

	add_reset_source(test);
	poke(test, REG_TIMER_LOW, 30);
	poke(test, REG_TIMER_CTRL, TIMER_TE | 2);
	poke(test, REG_CTRL2, CTRL2_TIE | CTRL2_TI_TP | CTRL2_TF);
	probe_ok(test);
	wdd = wdt(test);
	KUNIT_EXPECT_EQ(test, wdd->bootstatus, WDIOF_CARDRESET);
	KUNIT_EXPECT_FALSE(test, peek(test, REG_CTRL2) & CTRL2_TF);
	KUNIT_EXPECT_TRUE(test, test_bit(WDOG_HW_RUNNING, &wdd->status));
	wdt_magic_close(test, wdd);
}

/* A time set after a power loss initialises the chip but the watchdog. */
/*
 * With reset-source there is no interrupt, so resume looks for an alarm
 * that fired. TF there is the watchdog's, with TIE set as an alarm's
 * would be: an expiry whose reset did not come. Cleared, the next probe
 * could not report it (WDIOF_CARDRESET), and the rtc core would hear of
 * an alarm that was never set.
 */
static void wdt_resume_keeps_tf(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;

	add_reset_source(test);
	probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->set_timeout(wdd, 2), 0);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	ins5s8563_model_advance(&t->model, 2 * ONE_SECOND);
	KUNIT_ASSERT_TRUE(test, peek(test, REG_CTRL2) & CTRL2_TF);

	KUNIT_EXPECT_EQ(test, ins5s8563_resume(t->dev), 0);
	KUNIT_EXPECT_TRUE_MSG(test, peek(test, REG_CTRL2) & CTRL2_TF,
			      "resume cleared the watchdog's TF");
	KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), 0);
}

static void wdt_survives_time_set(struct kunit *test)
{
	struct watchdog_device *wdd;
	struct rtc_time tm;

	add_reset_source(test);
	probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 0, 0), &tm);
	KUNIT_ASSERT_EQ(test, set_time(test, &tm), 0);
	KUNIT_EXPECT_EQ(test, peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	KUNIT_EXPECT_EQ(test, peek(test, REG_CTRL2) & (CTRL2_TI_TP | CTRL2_TIE),
			CTRL2_TI_TP | CTRL2_TIE);
}

enum wdt_op { WDT_START, WDT_STOP, WDT_PING };

struct wdt_fault_case {
	const char *desc;
	enum wdt_op op;
};

static const struct wdt_fault_case wdt_fault_cases[] = {
	{ "start", WDT_START },
	{ "stop", WDT_STOP },
	{ "ping", WDT_PING },
};

KUNIT_ARRAY_PARAM_DESC(wdt_fault_cases, wdt_fault_cases, desc);

static int wdt_run(struct watchdog_device *wdd, enum wdt_op op)
{
	switch (op) {
	case WDT_START:
		return wdd->ops->start(wdd);
	case WDT_STOP:
		return wdd->ops->stop(wdd);
	default:
		return wdd->ops->ping(wdd);
	}
}

/*
 * A bus error at any transfer of an op is returned; a failed ping never
 * stops the watchdog nor leaves it at a count that does not expire; the
 * op then works.
 */
static void wdt_bus_errors(struct kunit *test)
{
	const struct wdt_fault_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;
	unsigned int k, n;
	u32 count;

	add_reset_source(test);
	probe_ok(test);
	wdd = wdt(test);
	if (c->op != WDT_START)
		KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	ins5s8563_model_reset_counters(&t->model);
	KUNIT_ASSERT_EQ(test, wdt_run(wdd, c->op), 0);
	n = t->model.accesses;

	for (k = 1; k <= n; k++) {
		if (c->op == WDT_START)
			KUNIT_ASSERT_EQ(test, wdd->ops->stop(wdd), 0);
		else
			KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
		ins5s8563_model_advance(&t->model, 3 * ONE_SECOND);
		ins5s8563_model_reset_counters(&t->model);
		ins5s8563_model_fail(&t->model, k, 1, -ETIMEDOUT);
		KUNIT_EXPECT_EQ_MSG(test, wdt_run(wdd, c->op), -ETIMEDOUT,
				    "transfer %u of %u", k, n);
		ins5s8563_model_fail(&t->model, 0, 0, 0);
		if (c->op == WDT_PING) {
			count = timer_regs(test);
			KUNIT_EXPECT_TRUE_MSG(test,
					      peek(test, REG_TIMER_CTRL) & TIMER_TE,
					      "a failed ping stopped it (%u)", k);
			KUNIT_EXPECT_GE_MSG(test, count, 2,
					    "count %u after transfer %u failed",
					    count, k);
		}
		KUNIT_EXPECT_EQ_MSG(test, wdt_run(wdd, c->op), 0,
				    "the retry after transfer %u", k);
		KUNIT_EXPECT_EQ(test, !!(peek(test, REG_TIMER_CTRL) & TIMER_TE),
				c->op != WDT_STOP);
	}
}

/*
 * A stop while the chip answers nothing, not even the read-back of TE:
 * the watchdog runs on (the core says "did not stop!"), and the next stop
 * must stop it; a start that never reached the chip, and the next start
 * must start it.
 */
static void wdt_chip_gone(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;

	add_reset_source(test);
	probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, 1000, -ENXIO);
	KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), -ENXIO);
	ins5s8563_model_fail(&t->model, 0, 0, 0);
	KUNIT_ASSERT_TRUE(test, peek(test, REG_TIMER_CTRL) & TIMER_TE);
	KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), 0);
	KUNIT_EXPECT_FALSE_MSG(test, peek(test, REG_TIMER_CTRL) & TIMER_TE,
			       "the second stop left it running");

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, 1000, -ENXIO);
	KUNIT_EXPECT_EQ(test, wdd->ops->start(wdd), -ENXIO);
	ins5s8563_model_fail(&t->model, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, wdd->ops->start(wdd), 0);
	KUNIT_EXPECT_EQ(test, peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	KUNIT_EXPECT_EQ(test, timer_regs(test), wdd->timeout);
	KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), 0);
}

static struct kunit_case ins5s8563_wdt_cases[] = {
	KUNIT_CASE(wdt_chip_gone),
	KUNIT_CASE(wdt_owns_timer),
	KUNIT_CASE(wdt_needs_reset_source),
	KUNIT_CASE(wdt_ops),
	KUNIT_CASE(wdt_expiry_pulses),
	KUNIT_CASE_PARAM(wdt_ping_never_expires, ping_cases_gen_params),
	KUNIT_CASE(wdt_handover),
	KUNIT_CASE(wdt_bootstatus),
	KUNIT_CASE(wdt_survives_time_set),
	KUNIT_CASE(wdt_resume_keeps_tf),
	KUNIT_CASE_PARAM(wdt_bus_errors, wdt_fault_cases_gen_params),
	{}
};

static struct kunit_suite ins5s8563_wdt_suite = {
	.name = "ins5s8563-watchdog",
	.init = ins5s8563_test_init,
	.exit = ins5s8563_test_exit,
	.test_cases = ins5s8563_wdt_cases,
};

static struct kunit_case ins5s8563_time_cases[] = {
	KUNIT_CASE_PARAM(set_time_round_trip, time_cases_gen_params),
	KUNIT_CASE_PARAM(read_time_after_carry, time_cases_gen_params),
	KUNIT_CASE(set_time_out_of_range),
	KUNIT_CASE(set_time_computes_weekday),
	KUNIT_CASE(read_time_vlf),
	KUNIT_CASE_PARAM(read_time_vlf_valid_time, vlf_cases_gen_params),
	KUNIT_CASE_PARAM(read_time_bad_field, bad_field_cases_gen_params),
	KUNIT_CASE(read_time_century_wrap),
	KUNIT_CASE_PARAM(read_time_wday_from_date, wday_cases_gen_params),
	KUNIT_CASE(set_time_sequence),
	KUNIT_CASE(set_time_stops_clock),
	KUNIT_CASE_PARAM(set_time_mid_second, phase_cases_gen_params),
	KUNIT_CASE(set_time_after_power_loss),
	KUNIT_CASE_PARAM(set_time_io_error, io_error_cases_gen_params),
	KUNIT_CASE(probe_keeps_registers),
	KUNIT_CASE(probe_keeps_vlf),
	KUNIT_CASE(probe_clears_ext_test),
	KUNIT_CASE(probe_io_error),
	KUNIT_CASE(cache_serves_control_registers),
	{}
};

static struct kunit_suite ins5s8563_time_suite = {
	.name = "ins5s8563-time",
	.init = ins5s8563_test_init,
	.exit = ins5s8563_test_exit,
	.test_cases = ins5s8563_time_cases,
};

kunit_test_suites(&ins5s8563_model_test_suite, &ins5s8563_time_suite,
		  &ins5s8563_alarm_suite, &ins5s8563_clkout_suite,
		  &ins5s8563_countdown_suite, &ins5s8563_exact_suite,
		  &ins5s8563_wdt_suite, &ins5s8563_fault_test_suite);

MODULE_DESCRIPTION("KUnit tests for the Dapu INS5S8563 RTC driver");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING");
