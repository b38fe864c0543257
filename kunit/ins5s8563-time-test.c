// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite of the INS5S8563 driver: time round trips, invalid contents, set_time, probe.
 * The fixture and the helpers it shares are in ins5s8563-test.c.
 */

#include "ins5s8563-test.h"

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

	ins_probe_ok(test);
	rtc_time64_to_tm(ins_dt64(&c->t), &tm);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &tm), 0);

	ins_expect_time_regs(test, &tm);
	KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, REG_CTRL1), 0,
			    "STOP must be released, EXT_TEST clear");

	KUNIT_ASSERT_EQ(test, rtc_read_time(((struct ins5s8563_test *)
					     test->priv)->rtc, &got), 0);
	ins_expect_tm_eq(test, &got, &tm);
}

/* The chip carries the second into the next minute, day, month, year. */
static void read_time_after_carry(struct kunit *test)
{
	const struct time_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm, got, want;

	rtc_time64_to_tm(ins_dt64(&c->t), &tm);
	ins_poke_time(test, &tm);
	ins_probe_ok(test);

	ins5s8563_model_advance(&t->model, ONE_SECOND);
	if (c->wraps) {
		KUNIT_EXPECT_EQ_MSG(test, rtc_read_time(t->rtc, &got), -EINVAL,
				    "the wrap read as %ptR", &got);
		return;
	}
	rtc_time64_to_tm(ins_dt64(&c->t) + 1, &want);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	ins_expect_tm_eq(test, &got, &want);
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

	ins_probe_ok(test);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		rtc_time64_to_tm(ins_dt64(&bad[i]), &tm);
		ins5s8563_model_reset_counters(&t->model);
		KUNIT_EXPECT_EQ_MSG(test, ins_set_time(test, &tm), -ERANGE,
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

	ins_probe_ok(test);
	rtc_time64_to_tm(mktime64(2031, 2, 3, 4, 5, 6), &tm);	/* a Monday */
	tm.tm_wday = 5;
	KUNIT_ASSERT_EQ(test, rtc_set_time(t->rtc, &tm), 0);
	flush_work(&t->rtc->irqwork);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_SEC + 4), 1);
}

/* ---- invalid contents --------------------------------------------------- */

static void read_time_vlf(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm;

	/* The model starts at its power-on state: VLF = 1. */
	ins_probe_ok(test);
	KUNIT_EXPECT_EQ(test, rtc_read_time(t->rtc, &tm), -EINVAL);
	KUNIT_EXPECT_EQ(test, rtc_read_time(t->rtc, &tm), -EINVAL);
	KUNIT_EXPECT_TRUE_MSG(test, ins_peek(test, REG_SEC) & SEC_VLF,
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
	ins_poke_time(test, &tm);
	if (!c->while_bound)
		ins_poke(test, REG_SEC, ins_peek(test, REG_SEC) | SEC_VLF);
	ins_probe_ok(test);
	if (c->while_bound) {
		KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
		ins_poke(test, REG_SEC, ins_peek(test, REG_SEC) | SEC_VLF);
	}

	KUNIT_EXPECT_EQ_MSG(test, rtc_read_time(t->rtc, &got), -EINVAL,
			    "VLF set, yet the time read as %ptR", &got);
	KUNIT_EXPECT_TRUE_MSG(test, ins_peek(test, REG_SEC) & SEC_VLF,
			      "reading must not clear VLF");

	KUNIT_ASSERT_EQ(test, ins_set_time(test, &tm), 0);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	ins_expect_tm_eq(test, &got, &tm);
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
	ins_poke_time(test, &tm);
	ins_poke(test, c->reg, c->val);
	ins_probe_ok(test);

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

	ins_probe_ok(test);
	rtc_time64_to_tm(mktime64(2099, 12, 31, 23, 59, 59), &tm);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &tm), 0);
	ins5s8563_model_advance(&t->model, 2 * ONE_SECOND);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_YEAR), 0x00);
	KUNIT_EXPECT_EQ_MSG(test, rtc_read_time(t->rtc, &got), -EINVAL,
			    "the wrap read as %ptR", &got);
	KUNIT_EXPECT_EQ(test, rtc_read_time(t->rtc, &got), -EINVAL);

	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 45), &tm);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &tm), 0);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	ins_expect_tm_eq(test, &got, &tm);
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

	rtc_time64_to_tm(ins_dt64(&c->t), &tm);
	ins_poke_time(test, &tm);
	ins_poke(test, REG_SEC + 4, c->week);
	ins_probe_ok(test);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	KUNIT_EXPECT_EQ(test, got.tm_wday, c->wday);
	KUNIT_EXPECT_EQ(test, rtc_tm_to_time64(&got), ins_dt64(&c->t));
}

/* ---- set_time sequence, power loss and bus errors ------------------------ */

static void set_time_sequence(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm;

	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 45), &tm);
	ins_poke_time(test, &tm);
	ins_probe_ok(test);

	ins5s8563_model_set_hook(&t->model, ins_log_access, t);
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
	ins_expect_time_regs(test, &tm);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL1), 0);
}

/* STOP halts the calendar for as long as the time is being written. */
static void set_time_stops_clock(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm, got;

	ins_probe_ok(test);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 45), &tm);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &tm), 0);
	/* Half a second later, a whole second has not passed yet. */
	ins5s8563_model_advance(&t->model, ONE_SECOND / 2);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	ins_expect_tm_eq(test, &got, &tm);
	ins5s8563_model_advance(&t->model, ONE_SECOND / 2);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 46), &tm);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	ins_expect_tm_eq(test, &got, &tm);
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

	ins_probe_ok(test);
	rtc_time64_to_tm(mktime64(2023, 1, 1, 0, 0, 0), &tm);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &tm), 0);
	ins5s8563_model_advance(&t->model, 5 * ONE_SECOND + c->ticks);
	KUNIT_ASSERT_EQ(test, t->model.subsec, c->ticks);

	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 45), &tm);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &tm), 0);
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
	ins_poke(test, REG_CTRL2, 0x1f);
	ins_poke(test, REG_ALM_MIN, 0x15);
	ins_poke(test, REG_ALM_MIN + 1, 0x07);
	ins_poke(test, REG_CLKOUT, 0x82);
	ins_poke(test, REG_TIMER_CTRL, 0x82);
	ins_probe_ok(test);

	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 45), &tm);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &tm), 0);

	for (reg = 0; reg < ARRAY_SIZE(want); reg++) {
		if (reg >= REG_SEC && reg <= REG_YEAR)
			continue;
		KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, reg), want[reg],
				    "register 0x%02x", reg);
	}
	ins_expect_time_regs(test, &tm);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	ins_expect_tm_eq(test, &got, &tm);
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
		ins_poke_time(test, &tm);
	ins_probe_ok(test);

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, c->access, c->count, -EIO);
	rtc_time64_to_tm(mktime64(2030, 1, 2, 3, 4, 5), &got);
	KUNIT_EXPECT_EQ(test, rtc_set_time(t->rtc, &got), c->ret);
	/* The queued read of the time must not meet the injected faults. */
	flush_work(&t->rtc->irqwork);
	ins5s8563_model_fail(&t->model, 0, 0, 0);

	if (c->count == 1)
		KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, REG_CTRL1) & CTRL1_STOP, 0,
				    "clock left stopped");

	/* And the next attempt succeeds from whatever state is left. */
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &got), 0);
	ins_expect_time_regs(test, &got);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL1), 0);
}

/* ---- probe ----------------------------------------------------------- */

static void probe_keeps_registers(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	u8 before[0x14], after[0x14];
	struct rtc_time tm;
	int reg;

	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 30, 45), &tm);
	ins_poke_time(test, &tm);
	ins_poke(test, REG_CTRL2, 0x12);
	ins_poke(test, REG_ALM_MIN, 0x30);
	ins_poke(test, REG_CLKOUT, 0x01);
	ins_poke(test, REG_TIMER_CTRL, 0x02);
	ins_poke(test, 0x0f, 0x34);
	for (reg = 0; reg < sizeof(before); reg++)
		before[reg] = ins_peek(test, reg);

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_set_hook(&t->model, ins_log_access, t);
	ins_probe_ok(test);
	ins5s8563_model_set_hook(&t->model, NULL, NULL);
	for (reg = 0; reg < sizeof(after); reg++)
		after[reg] = ins_peek(test, reg);

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

	ins_probe_ok(test);
	KUNIT_EXPECT_TRUE(test, ins_peek(test, REG_SEC) & SEC_VLF);
	KUNIT_EXPECT_EQ(test, t->model.writes, 0);
}

static void probe_clears_ext_test(struct kunit *test)
{
	ins_poke(test, REG_CTRL1, CTRL1_EXT_TEST | CTRL1_STOP);
	ins_probe_ok(test);
	KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, REG_CTRL1), CTRL1_STOP,
			    "EXT_TEST forced to 0, STOP left as found");
}

static void probe_io_error(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	ins5s8563_model_fail(&t->model, 1, 1, -EIO);
	KUNIT_EXPECT_EQ(test, ins_probe(test), -EIO);
}

/*
 * The kernel's NTP update (rtc_set_ntp_time()) writes time N when the
 * system clock reads N + 1 less set_offset_nsec. With a whole first second
 * after STOP (decision 15) the core's default, 1 s plus 5 ms for the bus,
 * is the one; dapu,first-second-ms moves it up by the part of the second
 * the chip does not wait.
 */
static void set_offset_whole_first_second(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	ins_probe_ok(test);
	KUNIT_EXPECT_EQ(test, t->rtc->set_offset_nsec,
			NSEC_PER_SEC + 5 * NSEC_PER_MSEC);
}

struct first_second_case {
	const char *desc;
	u32 ms;
	int ret;
	unsigned long offset;
};

static const struct first_second_case first_second_cases[] = {
	{ "1000 ms: the default", 1000, 0, NSEC_PER_SEC + 5 * NSEC_PER_MSEC },
	{ "500 ms: a PCF8563-like divider", 500, 0, 505 * NSEC_PER_MSEC },
	{ "1 ms", 1, 0, 6 * NSEC_PER_MSEC },
	{ "0 ms: refused", 0, -EINVAL, 0 },
	{ "1001 ms: refused", 1001, -EINVAL, 0 },
};

KUNIT_ARRAY_PARAM_DESC(first_second_cases, first_second_cases, desc);

static void set_offset_first_second_ms(struct kunit *test)
{
	const struct first_second_case *c = test->param_value;
	const struct property_entry props[] = {
		PROPERTY_ENTRY_U32("dapu,first-second-ms", c->ms),
		{ }
	};
	struct ins5s8563_test *t = test->priv;

	KUNIT_ASSERT_EQ(test, device_create_managed_software_node(t->dev, props,
								  NULL), 0);
	ins5s8563_model_reset_counters(&t->model);
	KUNIT_ASSERT_EQ(test, ins_probe(test), c->ret);
	if (c->ret) {
		/* Refused before the chip is touched. */
		KUNIT_EXPECT_EQ(test, t->model.accesses, 0);
		return;
	}
	KUNIT_EXPECT_EQ(test, t->rtc->set_offset_nsec, c->offset);
}

/*
 * Not one u32: refused, never read as its first cell or as the default.
 * (A software node stores a short string inline, 8 bytes: two cells; a
 * device tree string "500" is one cell of 0x35303000, out of range.)
 */
static void set_offset_first_second_not_u32(struct kunit *test)
{
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_STRING("dapu,first-second-ms", "500"),
		{ }
	};
	struct ins5s8563_test *t = test->priv;

	KUNIT_ASSERT_EQ(test, device_create_managed_software_node(t->dev, props,
								  NULL), 0);
	KUNIT_EXPECT_EQ(test, ins_probe(test), -EINVAL);
}

static void set_offset_first_second_two_cells(struct kunit *test)
{
	static const u32 cells[] = { 500, 600 };
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_U32_ARRAY("dapu,first-second-ms", cells),
		{ }
	};
	struct ins5s8563_test *t = test->priv;

	KUNIT_ASSERT_EQ(test, device_create_managed_software_node(t->dev, props,
								  NULL), 0);
	ins5s8563_model_reset_counters(&t->model);
	KUNIT_EXPECT_EQ(test, ins_probe(test), -EINVAL);
	KUNIT_EXPECT_EQ(test, t->model.accesses, 0);
}

/*
 * dapu,timer-write-reload-only stops the timer to write the count, which a
 * chip with dapu,timer-start-resumes then never takes: no write feeds it.
 * Probe refuses the pair rather than run a watchdog that cannot be fed.
 */
static void probe_reload_only_start_resumes(struct kunit *test)
{
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_BOOL("dapu,timer-write-reload-only"),
		PROPERTY_ENTRY_BOOL("dapu,timer-start-resumes"),
		{ }
	};
	struct ins5s8563_test *t = test->priv;

	KUNIT_ASSERT_EQ(test, device_create_managed_software_node(t->dev, props,
								  NULL), 0);
	KUNIT_EXPECT_EQ(test, ins_probe(test), -EINVAL);
}

/* Control registers come from the cache once probe has read them. */
static void cache_serves_control_registers(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	unsigned int val;
	int reg;

	ins_probe_ok(test);
	ins5s8563_model_reset_counters(&t->model);
	for (reg = REG_ALM_MIN; reg <= REG_TIMER_CTRL; reg++)
		KUNIT_ASSERT_EQ(test, regmap_read(t->regmap, reg, &val), 0);
	KUNIT_EXPECT_EQ(test, t->model.accesses, 0);

	/* Flags and time are always read from the chip. */
	KUNIT_ASSERT_EQ(test, regmap_read(t->regmap, REG_CTRL2, &val), 0);
	KUNIT_ASSERT_EQ(test, regmap_read(t->regmap, REG_SEC, &val), 0);
	KUNIT_EXPECT_EQ(test, t->model.accesses, 2);
}

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
	KUNIT_CASE(set_offset_whole_first_second),
	KUNIT_CASE_PARAM(set_offset_first_second_ms,
			 first_second_cases_gen_params),
	KUNIT_CASE(set_offset_first_second_not_u32),
	KUNIT_CASE(set_offset_first_second_two_cells),
	KUNIT_CASE(probe_reload_only_start_resumes),
	{}
};

struct kunit_suite ins5s8563_time_suite = {
	.name = "ins5s8563-time",
	.init = ins5s8563_test_init,
	.exit = ins5s8563_test_exit,
	.test_cases = ins5s8563_time_cases,
};
