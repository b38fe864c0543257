// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite of the INS5S8563 driver: the alarm, its interrupt and wakeup.
 * The fixture and the helpers it shares are in ins5s8563-test.c.
 */

#include "ins5s8563-test.h"

struct alarm_case {
	const char *desc;
	struct dt now;
	struct dt alarm;
	u8 regs[4];
};

/* While the user's countdown has the timer: the minute registers. */
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

/*
 * With the timer the countdown's, the alarm lands in 0x09-0x0c, AIE
 * follows, read_alarm reports it back.
 */
static void set_alarm_round_trip(struct kunit *test)
{
	const struct alarm_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	struct rtc_wkalrm got;
	struct rtc_time now;
	u8 regs[4];
	int i;

	ins_add_irq(test);
	ins_probe_ok(test);
	rtc_time64_to_tm(ins_dt64(&c->now), &now);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &now), 0);
	ins_cd_store_ok(test, "ticks", "100");
	ins_cd_store_ok(test, "enable", "1");

	rtc_time64_to_tm(ins_dt64(&c->alarm), &alrm.time);
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
	for (i = 0; i < 4; i++)
		regs[i] = ins_peek(test, REG_ALM_MIN + i);
	KUNIT_EXPECT_MEMEQ_MSG(test, regs, c->regs, sizeof(regs),
			       "alarm registers 0x09-0x0c");
	KUNIT_EXPECT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_AIE);

	KUNIT_ASSERT_EQ(test, ins_read_alarm(test, &got), 0);
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
		ins_poke(test, REG_ALM_MIN + i, c->regs[i]);
	ins_probe_ok(test);

	KUNIT_ASSERT_EQ(test, ins_read_alarm(test, &got), 0);
	KUNIT_EXPECT_EQ(test, got.time.tm_min, c->min);
	KUNIT_EXPECT_EQ(test, got.time.tm_hour, c->hour);
	KUNIT_EXPECT_EQ(test, got.time.tm_mday, c->mday);
}

static void read_alarm_bad_bcd(struct kunit *test)
{
	struct rtc_wkalrm got;

	ins_poke(test, REG_ALM_MIN, 0x5a);
	ins_probe_ok(test);
	KUNIT_EXPECT_EQ(test, ins_read_alarm(test, &got), -EINVAL);
}

static void read_alarm_enabled_pending(struct kunit *test)
{
	struct rtc_wkalrm got;

	ins_poke(test, REG_CTRL2, CTRL2_AIE);
	ins_probe_ok(test);
	ins_poke(test, REG_CTRL2, CTRL2_AIE | CTRL2_AF);
	KUNIT_ASSERT_EQ(test, ins_read_alarm(test, &got), 0);
	KUNIT_EXPECT_TRUE(test, got.enabled);
	KUNIT_EXPECT_TRUE(test, got.pending);
}

/* AIE toggles alone: neither flag is touched on the way. */
static void alarm_irq_enable_toggles_aie(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	int (*enable)(struct device *dev, unsigned int enabled);

	ins_probe_ok(test);
	enable = t->rtc->ops->alarm_irq_enable;
	ins_poke(test, REG_CTRL2, CTRL2_AF | CTRL2_TF);

	KUNIT_ASSERT_EQ(test, enable(t->rtc->dev.parent, 1), 0);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL2),
			CTRL2_AF | CTRL2_TF | CTRL2_AIE);
	KUNIT_ASSERT_EQ(test, enable(t->rtc->dev.parent, 0), 0);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL2), CTRL2_AF | CTRL2_TF);

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
	ins_add_level_irq(test);
	ins_poke(test, REG_CTRL2, c->enables);
	ins_probe_ok(test);
	KUNIT_ASSERT_NOT_NULL(test, t->dev->power.wakeup);
	ins_poke(test, REG_CTRL2, c->enables | c->flags);
	ins5s8563_model_reset_counters(&t->model);
	events = t->dev->power.wakeup->event_count;

	KUNIT_EXPECT_EQ(test, ins5s8563_handle_irq(0, dev_get_drvdata(t->dev)),
			c->ret);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL2), c->ctrl2_after);
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

	ins_poke(test, REG_CTRL2, CTRL2_AIE);
	ins_probe_ok(test);
	ins = dev_get_drvdata(t->dev);
	ins_poke(test, REG_CTRL2, CTRL2_AIE | CTRL2_AF);

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, 1, -EIO);
	/*
	 * Claiming it would rerun a oneshot thread on a level line that is
	 * still low at once, forever; unclaimed, the core's spurious
	 * interrupt detection sees a line that never recovers.
	 */
	KUNIT_EXPECT_EQ_MSG(test, ins5s8563_handle_irq(0, ins), IRQ_NONE,
			    "an interrupt not handled must not be claimed");
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL2), CTRL2_AIE | CTRL2_AF);

	/* The bus is back: the same flag is handled. */
	KUNIT_EXPECT_EQ(test, ins5s8563_handle_irq(0, ins), IRQ_HANDLED);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL2), CTRL2_AIE);
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
	ins_add_level_irq(test);
	ins_poke(test, REG_CTRL2, c->enables);
	ins_probe_ok(test);
	dev = t->rtc->dev.parent;
	ins_poke(test, REG_CTRL2, c->enables | c->flags);
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
		/* Beyond the 1/60 Hz stage (31.9 years): the minute registers. */
		rtc_time64_to_tm(mktime64(2023, 6, 15, 12, 0, 0), &now);
		ins_poke_time(test, &now);
		rtc_time64_to_tm(mktime64(2099, 6, 15, 12, 5, 0), &alrm.time);
		KUNIT_EXPECT_EQ(test, t->rtc->ops->set_alarm(dev, &alrm), 0);
		break;
	}
	ins5s8563_model_set_hook(&t->model, NULL, NULL);

	KUNIT_EXPECT_EQ_MSG(test, t->race_bits, 0, "the race was not run");
	KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, REG_CTRL2), c->ctrl2_after,
			    "Control_2 after the race");
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

	ins_add_irq(test);
	ins_probe_ok(test);
	KUNIT_EXPECT_TRUE(test, test_bit(RTC_FEATURE_ALARM, t->rtc->features));

	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 4, 59), &now);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &now), 0);
	if (c->countdown) {
		ins_cd_store_ok(test, "ticks", "1000");
		ins_cd_store_ok(test, "clock", "1");
		ins_cd_store_ok(test, "enable", "1");
	}
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 5, 0), &alrm.time);
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);

	ins5s8563_model_advance(&t->model, ONE_SECOND);
	if (c->countdown)
		KUNIT_EXPECT_EQ(test, t->model.alarm_matches, 1);
	else
		KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 1);
	KUNIT_ASSERT_TRUE_MSG(test, ins_wait_for_irq_data(t, RTC_AF | RTC_IRQF),
			      "the alarm never reached the rtc core");
	synchronize_irq(t->irq);
	flush_work(&t->rtc->irqwork);

	KUNIT_EXPECT_FALSE_MSG(test, ins_peek(test, REG_CTRL2) & c->flag,
			       "the flag must be cleared");
	KUNIT_EXPECT_FALSE_MSG(test, ins5s8563_model_int(&t->model),
			       "/INT must be released");
	KUNIT_EXPECT_FALSE_MSG(test, ins_peek(test, REG_CTRL2) & CTRL2_AIE,
			       "the rtc core disables the expired alarm");
	KUNIT_EXPECT_EQ_MSG(test, !!(ins_peek(test, REG_TIMER_CTRL) & TIMER_TE),
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

	ins_add_irq(test);
	ins_poke(test, REG_CTRL2, CTRL2_AIE | CTRL2_TIE);
	ins_probe_ok(test);

	t->race_bits = CTRL2_TF;
	ins5s8563_model_set_hook(&t->model, race_hook, t);
	ins_poke(test, REG_CTRL2, CTRL2_AIE | CTRL2_TIE | CTRL2_AF);
	for (i = 0; i < 100; i++) {
		if (!(ins_peek(test, REG_CTRL2) & (CTRL2_AF | CTRL2_TF)) &&
		    !t->race_bits)
			break;
		msleep(20);
	}
	synchronize_irq(t->irq);
	ins5s8563_model_set_hook(&t->model, NULL, NULL);

	KUNIT_EXPECT_EQ_MSG(test, t->race_bits, 0, "the race was not run");
	KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, REG_CTRL2), CTRL2_AIE | CTRL2_TIE,
			    "TF came in during the handler and was stranded");
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "expired"), "1");
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

	ins_add_irq(test);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 5, 20), &now);
	ins_poke_time(test, &now);
	for (i = 0; i < 4; i++)
		ins_poke(test, REG_ALM_MIN + i, alarm[i]);
	ins_poke(test, REG_CTRL2, CTRL2_AIE | CTRL2_AF);
	KUNIT_ASSERT_TRUE(test, ins5s8563_model_int(&t->model));

	ins_probe_ok(test);
	KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, REG_CTRL2), 0,
			    "AF and AIE cleared");
	KUNIT_EXPECT_FALSE(test, ins5s8563_model_int(&t->model));
	KUNIT_EXPECT_FALSE_MSG(test, t->rtc->aie_timer.enabled,
			       "the spent alarm came back for next month");
	for (i = 0; i < 4; i++)
		regs[i] = ins_peek(test, REG_ALM_MIN + i);
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
		ins_add_irq(test);
	if (c->wakeup_source)
		ins_add_wakeup_source(test);
	ins_probe_ok(test);
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
	ins_poke_time(test, &now);
	ins_probe_ok(test);
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

	KUNIT_ASSERT_EQ(test, ins_read_alarm(test, &got), 0);
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
	ins_poke_time(test, &now);
	ins_probe_ok(test);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 5, 0), &alrm.time);
	KUNIT_ASSERT_EQ(test, t->rtc->ops->set_alarm(t->rtc->dev.parent, &alrm),
			0);

	/* Power fails and comes back; the user sets the time. */
	ins5s8563_model_power_on_reset(&t->model);
	ins_poke(test, REG_ALM_MIN, 0x05);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &now), 0);

	KUNIT_ASSERT_EQ(test, ins_read_alarm(test, &got), 0);
	KUNIT_EXPECT_FALSE(test, got.enabled);
	KUNIT_EXPECT_EQ(test, got.time.tm_min, -1);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_ALM_MIN), ALM_AE);
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

	ins_probe_ok(test);
	rtc_time64_to_tm(ins_dt64(&c->now), &now);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &now), 0);
	ins_cd_store_ok(test, "ticks", "100000");
	ins_cd_store_ok(test, "clock", "1");
	ins_cd_store_ok(test, "enable", "1");
	rtc_time64_to_tm(ins_dt64(&c->alarm), &alrm.time);
	KUNIT_ASSERT_EQ(test, t->rtc->ops->set_alarm(t->rtc->dev.parent, &alrm),
			0);
	for (i = 0; i < 4; i++)
		regs[i] = ins_peek(test, REG_ALM_MIN + i);
	KUNIT_EXPECT_MEMEQ_MSG(test, regs, c->regs, sizeof(regs),
			       "alarm registers 0x09-0x0c");

	ins5s8563_model_advance(&t->model, (u64)c->fires_after * ONE_SECOND - 1);
	KUNIT_EXPECT_EQ_MSG(test, t->model.alarm_matches, 0, "alarm early");
	ins5s8563_model_advance(&t->model, 1);
	KUNIT_EXPECT_EQ_MSG(test, t->model.alarm_matches, 1,
			    "no match at the rollover %u s after the set",
			    c->fires_after);
	KUNIT_EXPECT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_AF);
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

	ins_add_irq(test);
	t->int_muted = true;
	if (c->td >= 0)
		ins_poke_running_timer(test, c->td, c->ctrl2);
	else
		ins_poke(test, REG_CTRL2, c->ctrl2);
	t->race_bits = c->late;
	t->race_access = 2;
	ins5s8563_model_set_hook(&t->model, flag_hook, t);
	ins_probe_ok(test);
	ins5s8563_model_set_hook(&t->model, NULL, NULL);
	t->int_muted = false;

	KUNIT_EXPECT_EQ_MSG(test, t->race_bits, 0, "the late flag never set");
	KUNIT_EXPECT_TRUE_MSG(test, wait_flags_clear(t, CTRL2_AF | CTRL2_TF),
			      "flags left pending: Control_2 0x%02x",
			      ins_peek(test, REG_CTRL2));
	KUNIT_EXPECT_FALSE_MSG(test, ins5s8563_model_int(&t->model),
			       "/INT stuck low");
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "expired"), c->expired);
	KUNIT_EXPECT_EQ(test, !!(ins_peek(test, REG_TIMER_CTRL) & TIMER_TE),
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
	ins_poke_time(test, &tm);
	ins_poke(test, REG_CTRL1, CTRL1_STOP);
	ins_probe_ok(test);

	ins5s8563_model_reset_counters(&t->model);
	KUNIT_EXPECT_EQ_MSG(test, rtc_read_time(t->rtc, &got), -EINVAL,
			    "a stopped clock read as %ptR", &got);
	KUNIT_EXPECT_EQ_MSG(test, t->model.accesses, 0,
			    "STOP comes from the cache, before any transfer");

	KUNIT_ASSERT_EQ(test, ins_set_time(test, &tm), 0);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL1), 0);
	KUNIT_ASSERT_EQ(test, rtc_read_time(t->rtc, &got), 0);
	ins_expect_tm_eq(test, &got, &tm);
}

/* A flag that fired while no driver was bound is reported on resume. */
static void resume_clears_fired_alarm(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	unsigned long events;
	struct rtc_time now;

	ins_add_wakeup_source(test);
	ins_probe_ok(test);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 4, 59), &now);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &now), 0);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 5, 0), &alrm.time);
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);

	/* The alarm powers the board up (or wakes it): AF holds /INT low. */
	ins5s8563_model_advance(&t->model, ONE_SECOND);
	KUNIT_ASSERT_TRUE(test, ins5s8563_model_int(&t->model));
	events = t->dev->power.wakeup->event_count;

	KUNIT_EXPECT_EQ(test, ins5s8563_resume(t->dev), 0);
	flush_work(&t->rtc->irqwork);
	KUNIT_EXPECT_FALSE_MSG(test, ins_peek(test, REG_CTRL2) & CTRL2_AF,
			       "AF must be cleared, or /INT powers the board up again");
	KUNIT_EXPECT_FALSE(test, ins5s8563_model_int(&t->model));
	KUNIT_EXPECT_NE_MSG(test, t->dev->power.wakeup->event_count, events,
			    "the alarm is reported to the rtc core");
	KUNIT_EXPECT_FALSE_MSG(test, ins_peek(test, REG_CTRL2) & CTRL2_AIE,
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

	ins_add_irq(test);
	t->int_muted = true;
	ins_probe_ok(test);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 0, 0), &now);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &now), 0);
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
	KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, REG_CTRL2) & (CTRL2_TF | CTRL2_TIE),
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

struct kunit_suite ins5s8563_alarm_suite = {
	.name = "ins5s8563-alarm",
	.init = ins5s8563_test_init,
	.exit = ins5s8563_test_exit,
	.test_cases = ins5s8563_alarm_cases,
};
