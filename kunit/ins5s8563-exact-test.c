// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite of the INS5S8563 driver: exact alarms, update interrupts and the timer's owner.
 * The fixture and the helpers it shares are in ins5s8563-test.c.
 */

#include "ins5s8563-test.h"

#define NOW_12	DT(2024, 6, 15, 12, 0, 15)

static void set_time_dt(struct kunit *test, const struct dt *d)
{
	struct rtc_time tm;

	rtc_time64_to_tm(ins_dt64(d), &tm);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &tm), 0);
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
	KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2,
			    "the timer runs at 1 Hz");
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), ticks);
	KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, REG_CTRL2) & (CTRL2_TIE | CTRL2_AIE),
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
};

KUNIT_ARRAY_PARAM_DESC(exact_cases, exact_cases, desc);

/*
 * Within the counter's range the alarm is T - now ticks of the 1 Hz timer,
 * and fires on the rollover into T; read_alarm gives T to the second.
 * Beyond it, the 1/60 Hz stage takes it (far_alarm below).
 */
static void exact_alarm(struct kunit *test)
{
	static const struct dt now = NOW_12;
	const struct exact_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	time64_t at = ins_dt64(&now) + c->ahead;
	struct rtc_wkalrm got;

	ins_probe_ok(test);
	set_time_dt(test, &now);
	KUNIT_ASSERT_EQ(test, op_set_alarm(test, at), 0);

	expect_timer_alarm(test, c->ahead);
	KUNIT_ASSERT_EQ(test, ins_read_alarm(test, &got), 0);
	KUNIT_EXPECT_EQ_MSG(test, rtc_tm_to_time64(&got.time), at,
			    "read_alarm gave %ptR", &got.time);
	KUNIT_EXPECT_TRUE(test, got.enabled);
	KUNIT_EXPECT_FALSE(test, got.pending);

	ins5s8563_model_advance(&t->model, (u64)c->ahead * ONE_SECOND - 1);
	KUNIT_EXPECT_EQ_MSG(test, t->model.timer_expiries, 0, "early");
	ins5s8563_model_advance(&t->model, 1);
	KUNIT_EXPECT_EQ_MSG(test, t->model.timer_expiries, 1,
			    "not on the rollover into its second");
	KUNIT_EXPECT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_TF);
	KUNIT_ASSERT_EQ(test, ins_read_alarm(test, &got), 0);
	KUNIT_EXPECT_TRUE(test, got.pending);
}

/* A new alarm as far ahead as the last one was is loaded anew. */
static void exact_alarm_same_delta(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;

	ins_probe_ok(test);
	set_time_dt(test, &now);
	KUNIT_ASSERT_EQ(test, op_set_alarm(test, ins_dt64(&now) + 100), 0);
	ins5s8563_model_advance(&t->model, 30 * ONE_SECOND);
	KUNIT_ASSERT_EQ(test, op_set_alarm(test, ins_dt64(&now) + 130), 0);
	expect_timer_alarm(test, 100);
}

/* An alarm whose second has come (the rollover beat the rtc core) is -ETIME. */
static void exact_alarm_etime(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;

	ins_probe_ok(test);
	set_time_dt(test, &now);
	ins5s8563_model_reset_counters(&t->model);
	KUNIT_EXPECT_EQ(test, op_set_alarm(test, ins_dt64(&now)), -ETIME);
	KUNIT_EXPECT_EQ(test, op_set_alarm(test, ins_dt64(&now) - 10), -ETIME);
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

	ins_probe_ok(test);
	set_time_dt(test, &now);
	t->race_bits = 1;
	ins5s8563_model_set_hook(&t->model, rollover_hook, t);
	KUNIT_ASSERT_EQ(test, op_set_alarm(test, ins_dt64(&now) + 20), 0);
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
	int one_shot = ins_has_prop("dapu,timer-one-shot");
	int sec, i, n, rearms, rearm_cost = 0;

	/*
	 * A one-shot timer (dapu,timer-one-shot) is given its count of 1
	 * again by the handler: stopped with the low byte, the upper bytes,
	 * started (three writes), or with dapu,timer-start-resumes one write
	 * of the low byte, live.
	 */
	if (one_shot)
		rearm_cost = ins_has_prop("dapu,timer-start-resumes") ? 1 : 3;

	ins_add_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 1), 0);
	expect_timer_alarm(test, 1);

	for (sec = 0; sec < 4; sec++) {
		rearms = 0;
		t->nlog = 0;
		ins5s8563_model_reset_counters(&t->model);
		ins5s8563_model_set_hook(&t->model, ins_log_access, t);
		WRITE_ONCE(t->rtc->irq_data, 0);
		ins5s8563_model_advance(&t->model, ONE_SECOND);
		KUNIT_ASSERT_TRUE_MSG(test, ins_wait_for_irq_data(t, RTC_UF),
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
		 * times. Nothing else: set_alarm costs no transfer, and a
		 * one-shot timer's re-arm (above) writes the timer's registers.
		 */
		for (i = 0, n = 0; i < t->nlog && i < ARRAY_SIZE(t->log); i++) {
			if (t->log[i].reg == REG_SEC &&
			    t->log[i].dir == INS5S8563_MODEL_READ)
				n++;
			else if (one_shot && t->log[i].reg >= REG_TIMER_CTRL &&
				 t->log[i].dir == INS5S8563_MODEL_WRITE)
				rearms++;
			else
				KUNIT_EXPECT_EQ_MSG(test, t->log[i].reg, REG_CTRL2,
						    "second %d: access %d", sec,
						    i + 1);
		}
		KUNIT_EXPECT_EQ_MSG(test, n, 3, "second %d: reads of the time",
				    sec);
		KUNIT_EXPECT_EQ_MSG(test, rearms, rearm_cost,
				    "second %d: writes of the timer", sec);
		KUNIT_EXPECT_LE_MSG(test, t->model.accesses, 6 + rearm_cost,
				    "transfers in second %d", sec);
	}
	expect_timer_alarm(test, 1);
	KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 0), 0);
	flush_work(&t->rtc->irqwork);
	KUNIT_EXPECT_FALSE_MSG(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE,
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

	ins_add_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 1), 0);
	KUNIT_ASSERT_EQ(test, rtc_alarm_irq_enable(t->rtc, 0), 0);
	expect_timer_alarm(test, 1);

	WRITE_ONCE(t->rtc->irq_data, 0);
	ins5s8563_model_advance(&t->model, ONE_SECOND);
	KUNIT_EXPECT_TRUE_MSG(test, ins_wait_for_irq_data(t, RTC_UF),
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

	ins_add_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	rtc_time64_to_tm(ins_dt64(&now) + 30, &alrm.time);	/* 12:00:45 */
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
	expect_timer_alarm(test, 30);

	ins_cd_store_ok(test, "ticks", "100");
	ins_cd_store_ok(test, "clock", "64");
	ins_cd_store_ok(test, "enable", "1");
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 1);
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), 100);
	KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, REG_ALM_MIN), 0x01,
			    "12:00:45 rounds up to 12:01");
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_ALM_MIN + 1), 0x12);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL2) & (CTRL2_TIE | CTRL2_AIE),
			CTRL2_TIE | CTRL2_AIE);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "enable"), "1");

	ins5s8563_model_advance(&t->model, 5 * ONE_SECOND);
	ins_cd_store_ok(test, "enable", "0");
	expect_timer_alarm(test, 25);
	KUNIT_ASSERT_EQ(test, ins_read_alarm(test, &got), 0);
	KUNIT_EXPECT_EQ(test, rtc_tm_to_time64(&got.time), ins_dt64(&now) + 30);

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_advance(&t->model, 25 * ONE_SECOND);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 1);
	KUNIT_EXPECT_EQ(test, t->model.alarm_matches, 0);
	KUNIT_EXPECT_TRUE(test, ins_wait_for_irq_data(t, RTC_AF | RTC_IRQF));
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

	ins_add_irq(test);
	ins_probe_ok(test);
	rtc_time64_to_tm(ins_dt64(&now) + 1, &alrm.time);	/* 12:01:00 */
	ins_cd_store_ok(test, "ticks", "100");
	ins_cd_store_ok(test, "clock", "64");

	for (k = 0; k <= n + 1; k++) {
		set_time_dt(test, &now);
		ins5s8563_model_advance(&t->model, ONE_SECOND - 1);
		KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
		ins_cd_store_ok(test, "enable", "1");
		synchronize_irq(t->irq);
		flush_work(&t->rtc->irqwork);
		WRITE_ONCE(t->rtc->irq_data, 0);

		/* k = 0 counts the transfers; n + 1: the rollover after. */
		t->race_access = k;
		ins5s8563_model_reset_counters(&t->model);
		ins5s8563_model_set_hook(&t->model, tick_hook, t);
		ins_cd_store_ok(test, "enable", "0");
		ins5s8563_model_set_hook(&t->model, NULL, NULL);
		if (!k) {
			n = t->model.accesses;
			continue;
		}
		if (k > n)
			ins5s8563_model_advance(&t->model, 1);

		KUNIT_EXPECT_TRUE_MSG(test, ins_wait_for_irq_data(t, RTC_AF),
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
		KUNIT_EXPECT_FALSE_MSG(test, ins_peek(test, REG_CTRL2) & CTRL2_AIE,
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

	ins_add_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	ins_cd_store_ok(test, "ticks", "100");
	ins_cd_store_ok(test, "enable", "1");
	/* -EINVAL, as without update interrupts: hwclock then busy-waits. */
	KUNIT_EXPECT_EQ(test, rtc_update_irq_enable(t->rtc, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), 100);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "enable"), "1");

	ins_cd_store_ok(test, "enable", "0");
	KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 1), 0);
	KUNIT_EXPECT_EQ(test, ins_cd_store(test, "enable", "1"), -EBUSY);
	expect_timer_alarm(test, 1);

	KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 0), 0);
	flush_work(&t->rtc->irqwork);
	ins_cd_store_ok(test, "enable", "1");
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 0);
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

	ins_add_wakeup_source(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	ins_cd_store_ok(test, "ticks", "1");
	ins_cd_store_ok(test, "clock", "1");
	ins_cd_store_ok(test, "enable", "1");
	ins5s8563_model_advance(&t->model, ONE_SECOND);
	ins_cd_store_ok(test, "enable", "0");
	KUNIT_ASSERT_STREQ(test, ins_cd_show(test, "expired"), "1");

	KUNIT_ASSERT_EQ(test, op_set_alarm(test, ins_dt64(&now) + 60), 0);
	KUNIT_EXPECT_STREQ_MSG(test, ins_cd_show(test, "expired"), "1",
			       "the alarm's start cleared an expiry not acknowledged");
}

/* A refused RTC_UIE_ON leaves the pending alarm as it was. */
static void uie_refused_keeps_alarm(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };

	ins_add_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	rtc_time64_to_tm(ins_dt64(&now) + 30, &alrm.time);
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
	ins_cd_store_ok(test, "ticks", "100");
	ins_cd_store_ok(test, "enable", "1");
	KUNIT_EXPECT_EQ(test, rtc_update_irq_enable(t->rtc, 1), -EINVAL);

	ins5s8563_model_advance(&t->model, 5 * ONE_SECOND);
	ins_cd_store_ok(test, "enable", "0");
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

	ins_add_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	rtc_time64_to_tm(ins_dt64(&now) + 100, &alrm.time);
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
	ins5s8563_model_advance(&t->model, ONE_SECOND / 2);

	rtc_time64_to_tm(ins_dt64(&now) + 50, &tm);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &tm), 0);
	expect_timer_alarm(test, 50);

	ins5s8563_model_advance(&t->model, 50 * ONE_SECOND - 1);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 0);
	ins5s8563_model_advance(&t->model, 1);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 1);
	KUNIT_EXPECT_TRUE(test, ins_wait_for_irq_data(t, RTC_AF | RTC_IRQF));
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

	ins_add_irq(test);
	rtc_time64_to_tm(ins_dt64(&now), &tm);
	ins_poke_time(test, &tm);
	ins_poke_running_timer(test, 2, CTRL2_TIE);
	ins_probe_ok(test);

	KUNIT_ASSERT_EQ(test, ins_read_alarm(test, &got), 0);
	KUNIT_EXPECT_EQ_MSG(test, rtc_tm_to_time64(&got.time), ins_dt64(&now) + 100,
			    "read_alarm gave %ptR", &got.time);
	KUNIT_EXPECT_TRUE(test, got.enabled);
	KUNIT_EXPECT_TRUE_MSG(test, t->rtc->aie_timer.enabled,
			      "the rtc core did not queue it");
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "enable"), "0");

	ins5s8563_model_advance(&t->model, 100 * ONE_SECOND);
	KUNIT_EXPECT_TRUE(test, ins_wait_for_irq_data(t, RTC_AF | RTC_IRQF));
	synchronize_irq(t->irq);
	flush_work(&t->rtc->irqwork);
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
}

/* A countdown left running (no TIE) is the countdown, not an alarm. */
static void probe_finds_countdown(struct kunit *test)
{
	struct rtc_wkalrm got;
	struct rtc_time tm;

	ins_add_irq(test);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 0, 15), &tm);
	ins_poke_time(test, &tm);
	ins_poke_running_timer(test, 2, 0);
	ins_probe_ok(test);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "enable"), "1");
	KUNIT_ASSERT_EQ(test, ins_read_alarm(test, &got), 0);
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

	ins_add_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	if (c->uie) {
		KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 1), 0);
	} else {
		rtc_time64_to_tm(ins_dt64(&now) + 100, &alrm.time);
		KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
	}
	ins5s8563_shutdown(t->dev, SYSTEM_RESTART);
	KUNIT_EXPECT_EQ(test, !!(ins_peek(test, REG_TIMER_CTRL) & TIMER_TE),
			c->running);
	KUNIT_EXPECT_EQ(test, !!(ins_peek(test, REG_CTRL2) & CTRL2_TIE),
			c->running);
	if (c->uie)
		KUNIT_EXPECT_EQ(test, rtc_update_irq_enable(t->rtc, 0), 0);
	flush_work(&t->rtc->irqwork);
}

/* ---- the alarm leaving the timer, and the timer changing hands ------------ */

struct fired_case {
	const char *desc;
	struct dt now;
	u32 ahead;
};

static const struct fired_case fired_cases[] = {
	{ "at 12:01:00, a whole minute", DT(2024, 6, 15, 12, 0, 55), 5 },
	{ "at 12:00:40", DT(2024, 6, 15, 12, 0, 15), 25 },
};

KUNIT_ARRAY_PARAM_DESC(fired_cases, fired_cases, desc);

/*
 * The countdown is enabled in the second an exact alarm fired, before the
 * interrupt thread ran (the handler is called afterwards, as a level line
 * would bring it). Starting the countdown clears TF: the alarm must reach
 * the rtc core once, at its second, and must not go to the minute
 * registers, where a whole minute would match a month later.
 */
static void countdown_enable_after_alarm_fired(struct kunit *test)
{
	const struct fired_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	time64_t at = ins_dt64(&c->now) + c->ahead;

	ins_add_level_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &c->now);
	rtc_time64_to_tm(at, &alrm.time);
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
	expect_timer_alarm(test, c->ahead);
	WRITE_ONCE(t->rtc->irq_data, 0);
	ins5s8563_model_advance(&t->model, (u64)c->ahead * ONE_SECOND);
	KUNIT_ASSERT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_TF);

	ins_cd_store_ok(test, "ticks", "100");
	ins_cd_store_ok(test, "clock", "64");
	ins_cd_store_ok(test, "enable", "1");
	ins5s8563_handle_irq(t->irq, dev_get_drvdata(t->dev));
	flush_work(&t->rtc->irqwork);
	KUNIT_EXPECT_EQ_MSG(test, alarm_events(t), 1,
			    "the alarm of %ptR did not reach the rtc core at its second",
			    &alrm.time);
	KUNIT_EXPECT_FALSE_MSG(test, ins_peek(test, REG_CTRL2) & CTRL2_AIE,
			       "the fired alarm went back to the minute registers");

	/* Nothing more, in the minute and a month on. */
	ins5s8563_model_advance(&t->model, 120 * ONE_SECOND);
	ins5s8563_handle_irq(t->irq, dev_get_drvdata(t->dev));
	flush_work(&t->rtc->irqwork);
	KUNIT_EXPECT_EQ(test, t->model.alarm_matches, 0);
	KUNIT_EXPECT_EQ(test, alarm_events(t), 1);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "enable"), "1");
}

/*
 * The countdown's first period starts when it is enabled, also when its
 * settings are those of the alarm it takes the timer from (1 Hz, the same
 * ticks): the alarm's count is not the countdown's.
 */
static void countdown_restarts_alarm_count(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;

	ins_add_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	ins_cd_store_ok(test, "ticks", "100");
	ins_cd_store_ok(test, "clock", "1");
	KUNIT_ASSERT_EQ(test, op_set_alarm(test, ins_dt64(&now) + 100), 0);
	ins5s8563_model_advance(&t->model, 3 * ONE_SECOND);
	KUNIT_ASSERT_EQ(test, ins_timer_regs(test), 97);

	ins_cd_store_ok(test, "enable", "1");
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	KUNIT_EXPECT_EQ_MSG(test, ins_timer_regs(test), 100,
			    "the countdown kept the alarm's count");
	ins_cd_store_ok(test, "enable", "0");
	flush_work(&t->rtc->irqwork);
}

/* The timer's alarm and the minute registers' are never armed together. */
static bool both_armed(struct kunit *test)
{
	u8 ctrl = ins_peek(test, REG_TIMER_CTRL);

	return (ctrl & TIMER_TE) && (ctrl & 3) >= 2 &&
	       (ins_peek(test, REG_CTRL2) & (CTRL2_TIE | CTRL2_AIE)) ==
	       (CTRL2_TIE | CTRL2_AIE) &&
	       strcmp(ins_cd_show(test, "enable"), "1");
}

enum owner_op {
	OWNER_CD_ENABLE,	/* countdown/enable 1: the alarm to the minutes */
	OWNER_CD_DISABLE,	/* countdown/enable 0: the alarm back in the timer */
};

struct owner_fault_case {
	const char *desc;
	enum owner_op op;
};

static const struct owner_fault_case owner_fault_cases[] = {
	{ "countdown/enable 1 takes the timer from the alarm", OWNER_CD_ENABLE },
	{ "countdown/enable 0 gives the timer back to the alarm", OWNER_CD_DISABLE },
};

KUNIT_ARRAY_PARAM_DESC(owner_fault_cases, owner_fault_cases, desc);

/* The alarm 30 s ahead, through the rtc core; for DISABLE, the countdown on. */
static void owner_setup(struct kunit *test, enum owner_op op)
{
	static const struct dt now = NOW_12;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	struct ins5s8563_test *t = test->priv;

	ins_cd_store(test, "enable", "0");
	set_time_dt(test, &now);
	ins_cd_store_ok(test, "ticks", "100");
	ins_cd_store_ok(test, "clock", "64");
	rtc_time64_to_tm(ins_dt64(&now) + 30, &alrm.time);
	if (op == OWNER_CD_DISABLE)
		ins_cd_store_ok(test, "enable", "1");
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
	flush_work(&t->rtc->irqwork);
}

static ssize_t owner_run(struct kunit *test, enum owner_op op)
{
	return ins_cd_store(test, "enable", op == OWNER_CD_ENABLE ? "1" : "0");
}

/*
 * Each transfer of a change of the timer's owner fails in turn: whatever
 * is left, never the timer's alarm and AIE armed together, and the rtc
 * core's alarm_irq_enable(0) leaves neither.
 */
static void owner_change_bus_errors(struct kunit *test)
{
	const struct owner_fault_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	unsigned int k, n;
	ssize_t ret;

	ins_add_level_irq(test);
	ins_probe_ok(test);
	owner_setup(test, c->op);
	ins5s8563_model_reset_counters(&t->model);
	KUNIT_ASSERT_GT(test, owner_run(test, c->op), 0);
	n = t->model.accesses;

	for (k = 1; k <= n; k++) {
		owner_setup(test, c->op);
		ins5s8563_model_reset_counters(&t->model);
		ins5s8563_model_fail(&t->model, k, 1, -ETIMEDOUT);
		ret = owner_run(test, c->op);
		ins5s8563_model_fail(&t->model, 0, 0, 0);
		KUNIT_EXPECT_FALSE_MSG(test, both_armed(test),
				       "transfer %u of %u failing (%zd): both alarms armed",
				       k, n, ret);
		if (ret >= 0)
			continue;
		KUNIT_EXPECT_EQ(test, rtc_alarm_irq_enable(t->rtc, 0), 0);
		KUNIT_EXPECT_FALSE_MSG(test, both_armed(test) ||
				       (ins_peek(test, REG_CTRL2) & CTRL2_AIE),
				       "transfer %u of %u failing: an alarm armed after AIE off",
				       k, n);
	}
}

/*
 * An alarm load that fails after the timer started (here the read of the
 * seconds that checks for a rollover) must not leave the second of the
 * alarm before in timer_next: update interrupts for that second would then
 * take the timer, loaded for another second, as ready.
 */
static void alarm_load_failure_forgets_next(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;
	time64_t t0 = ins_dt64(&now);
	unsigned int k, n;
	int ret;

	ins_add_level_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	KUNIT_ASSERT_EQ(test, op_set_alarm(test, t0 + 1), 0);
	ins5s8563_model_reset_counters(&t->model);
	KUNIT_ASSERT_EQ(test, op_set_alarm(test, t0 + 40), 0);
	n = t->model.accesses;

	/* The last transfer of the load is the seconds' re-read. */
	for (k = 1; k <= n; k++) {
		KUNIT_ASSERT_EQ(test, op_set_alarm(test, t0 + 1), 0);
		ins5s8563_model_reset_counters(&t->model);
		ins5s8563_model_fail(&t->model, k, 1, -ETIMEDOUT);
		ret = op_set_alarm(test, t0 + 40);
		ins5s8563_model_fail(&t->model, 0, 0, 0);
		KUNIT_EXPECT_LT_MSG(test, ret, 0, "transfer %u of %u", k, n);

		KUNIT_EXPECT_EQ(test, op_set_alarm(test, t0 + 1), 0);
		KUNIT_EXPECT_EQ_MSG(test, ins_timer_regs(test), 1,
				    "transfer %u of %u failing: the alarm at +1 s not reloaded",
				    k, n);
		KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	}
}

struct cd_store_work {
	struct kunit *test;
	struct completion done;
	ssize_t ret;
};

static int cd_enable_thread(void *data)
{
	struct cd_store_work *w = data;

	w->ret = ins_cd_store(w->test, "enable", "1");
	complete(&w->done);
	return 0;
}

/*
 * The rtc core takes the update timer out of its queue (enabled = 0) and
 * puts it back after its callback, in rtc_timer_do_work(), under its
 * ops_lock. A countdown enable (another thread here) must not decide in
 * between: it waits for the core, then sees update interrupts on, and the
 * timer theirs.
 */
static void uie_owner_not_mid_work(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;
	struct cd_store_work w = { .test = test };
	struct task_struct *task;

	ins_add_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	ins_cd_store_ok(test, "ticks", "100");
	KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 1), 0);

	init_completion(&w.done);
	mutex_lock(&t->rtc->ops_lock);
	t->rtc->uie_rtctimer.enabled = 0;
	task = kthread_run(cd_enable_thread, &w, "ins5s8563-cd");
	KUNIT_ASSERT_FALSE(test, IS_ERR(task));
	msleep(200);
	t->rtc->uie_rtctimer.enabled = 1;
	mutex_unlock(&t->rtc->ops_lock);
	KUNIT_ASSERT_TRUE(test, wait_for_completion_timeout(&w.done, 5 * HZ));
	KUNIT_EXPECT_EQ_MSG(test, w.ret, -EBUSY,
			    "the countdown took the timer from update interrupts");
	expect_timer_alarm(test, 1);

	WRITE_ONCE(t->rtc->irq_data, 0);
	ins5s8563_model_advance(&t->model, ONE_SECOND);
	KUNIT_EXPECT_TRUE_MSG(test, ins_wait_for_irq_data(t, RTC_UF),
			      "update interrupts stopped");
	synchronize_irq(t->irq);
	flush_work(&t->rtc->irqwork);
	KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 0), 0);
	flush_work(&t->rtc->irqwork);
}

/*
 * The rtc core holds its ops_lock while it unregisters the rtc device, and
 * waits there for the sysfs writes under way to end: a countdown write
 * must not wait on that lock (it would never end), but give up.
 */
static void cd_store_never_waits_on_core(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;
	struct cd_store_work w = { .test = test };
	struct task_struct *task;
	bool done;

	ins_add_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	ins_cd_store_ok(test, "ticks", "100");

	init_completion(&w.done);
	mutex_lock(&t->rtc->ops_lock);
	task = kthread_run(cd_enable_thread, &w, "ins5s8563-cd");
	KUNIT_ASSERT_FALSE(test, IS_ERR(task));
	done = wait_for_completion_timeout(&w.done, 3 * HZ);
	mutex_unlock(&t->rtc->ops_lock);
	if (!done)
		wait_for_completion(&w.done);
	KUNIT_EXPECT_TRUE_MSG(test, done,
			      "the write waited on the core's lock while the core held it");
	KUNIT_EXPECT_EQ(test, w.ret, -EBUSY);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "enable"), "0");
}

/*
 * Update interrupts turned off while an alarm comes first in the rtc
 * core's queue: the core calls no op of the driver (the queue's head is
 * unchanged). The countdown must then be free to take the timer.
 */
static void uie_off_behind_alarm(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };

	ins_add_level_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	ins_cd_store_ok(test, "ticks", "100");
	rtc_time64_to_tm(ins_dt64(&now) + 1, &alrm.time);
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
	KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 1), 0);
	KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 0), 0);
	KUNIT_EXPECT_EQ_MSG(test, ins_cd_store(test, "enable", "1"), 1,
			    "update interrupts are off, and the countdown is refused");
	ins_cd_store(test, "enable", "0");
	flush_work(&t->rtc->irqwork);
}

/* ---- far alarms: the 1/60 Hz stage ---------------------------------------- */

struct far_case {
	const char *desc;
	u64 ahead;
};

static const struct far_case far_cases[] = {
	{ "1 month", 31ULL * 86400 + 3723 },
	{ "2 months", 61ULL * 86400 + 17 },
	{ "12 months", 365ULL * 86400 + 50 },
	{ "12 months, on a whole minute", 365ULL * 86400 + 45 },
	{ "20 years", 7305ULL * 86400 + 86399 },
};

KUNIT_ARRAY_PARAM_DESC(far_cases, far_cases, desc);

/* Waits until the timer runs from source @td (the rtc core's work). */
static bool wait_timer_td(struct kunit *test, u8 td)
{
	int i;

	for (i = 0; i < 100; i++) {
		if (ins_peek(test, REG_TIMER_CTRL) == (TIMER_TE | td))
			return true;
		msleep(20);
	}
	return false;
}

/*
 * Lets the driver and the rtc core finish with an expiry the model has just
 * counted (none on the chosen chip): the interrupt thread clears TF, then
 * the core's work delivers or sets the alarm again. What the test reads
 * next no longer depends on whether the thread has run yet.
 */
static void far_settle(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	int i;

	for (i = 0; i < 100 && (ins_peek(test, REG_CTRL2) & CTRL2_TF); i++)
		msleep(20);
	KUNIT_EXPECT_FALSE_MSG(test, ins_peek(test, REG_CTRL2) & CTRL2_TF,
			       "the interrupt thread never cleared TF");
	synchronize_irq(t->irq);
	flush_work(&t->rtc->irqwork);
}

/*
 * An alarm within the 1 Hz counter's range (194 days) is one stage. Beyond
 * it the timer counts minute rollovers at 1/60 Hz up to the last one at or
 * before T; there the rtc core finds the alarm not yet due and sets it
 * again, now on the 1 Hz counter: no flag, no interrupt, no match of the
 * minute registers before, and the alarm at T to the second. An early
 * expiry shows in the model's count (TF is the interrupt thread's to clear).
 */
static void far_alarm(struct kunit *test)
{
	const struct far_case *c = test->param_value;
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	time64_t t0 = ins_dt64(&now), at = t0 + c->ahead;
	time64_t stage = at;
	unsigned int set, reset = 0;

	ins_add_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	WRITE_ONCE(t->rtc->irq_data, 0);
	rtc_time64_to_tm(at, &alrm.time);
	ins5s8563_model_reset_counters(&t->model);
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
	set = t->model.accesses;

	if (c->ahead > 16777215) {
		stage = div_s64(at, 60) * 60;
		KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 3,
				    "the timer does not count minutes");
		KUNIT_EXPECT_EQ(test, ins_timer_regs(test),
				div_s64(at, 60) - div_s64(t0, 60));
		KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL2) & (CTRL2_TIE | CTRL2_AIE),
				CTRL2_TIE);
		ins5s8563_model_advance(&t->model,
					(u64)(stage - t0) * ONE_SECOND - 1);
		far_settle(test);
		KUNIT_EXPECT_EQ_MSG(test, t->model.timer_expiries, 0,
				    "the 1/60 Hz stage expired early");
		KUNIT_EXPECT_EQ_MSG(test, alarm_events(t), 0,
				    "delivered early at the 1/60 Hz stage");
		ins5s8563_model_reset_counters(&t->model);
		ins5s8563_model_advance(&t->model, 1);
		KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 1);
		if (at == stage) {
			KUNIT_EXPECT_TRUE(test, ins_wait_for_irq_data(t, RTC_AF));
		} else {
			KUNIT_ASSERT_TRUE_MSG(test, wait_timer_td(test, 2),
					      "the rtc core did not set it again at 1 Hz");
			synchronize_irq(t->irq);
			flush_work(&t->rtc->irqwork);
			reset = t->model.accesses;
			KUNIT_EXPECT_EQ(test, alarm_events(t), 0);
			KUNIT_EXPECT_EQ(test, ins_timer_regs(test), at - stage);
		}
		t0 = stage;
	} else {
		expect_timer_alarm(test, c->ahead);
	}

	if (at != stage || c->ahead <= 16777215) {
		unsigned int expiries = t->model.timer_expiries;

		ins5s8563_model_advance(&t->model, (u64)(at - t0) * ONE_SECOND - 1);
		far_settle(test);
		KUNIT_EXPECT_EQ_MSG(test, t->model.timer_expiries, expiries,
				    "the 1 Hz stage expired early");
		KUNIT_EXPECT_EQ_MSG(test, alarm_events(t), 0, "delivered early");
		ins5s8563_model_advance(&t->model, 1);
		KUNIT_EXPECT_TRUE_MSG(test, ins_wait_for_irq_data(t, RTC_AF),
				      "no alarm at its second");
	}
	synchronize_irq(t->irq);
	flush_work(&t->rtc->irqwork);
	KUNIT_EXPECT_EQ(test, alarm_events(t), 1);
	KUNIT_EXPECT_EQ(test, t->model.alarm_matches, 0);
	kunit_info(test, "transfers: set %u, at the 1/60 Hz stage's expiry %u\n",
		   set, reset);
	KUNIT_EXPECT_LE(test, set, 10);
}

/*
 * A timer left running at 1/60 Hz with TIE by an earlier kernel is an
 * alarm in its 1/60 Hz stage: read back as the minute rollover it expires
 * at (the second within it is not in the chip).
 */
static void probe_finds_far_alarm(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct rtc_wkalrm got;
	struct rtc_time tm;

	ins_add_irq(test);
	rtc_time64_to_tm(ins_dt64(&now), &tm);
	ins_poke_time(test, &tm);
	ins_poke_running_timer(test, 3, CTRL2_TIE);
	ins_probe_ok(test);

	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "enable"), "0");
	KUNIT_ASSERT_EQ(test, ins_read_alarm(test, &got), 0);
	KUNIT_EXPECT_TRUE(test, got.enabled);
	KUNIT_EXPECT_EQ_MSG(test, rtc_tm_to_time64(&got.time),
			    div_s64(ins_dt64(&now), 60) * 60 + 100 * 60,
			    "read_alarm gave %ptR", &got.time);
}

/*
 * Without an interrupt (wakeup-source only), an alarm's TF that latched
 * while the system was awake is the alarm's, not a countdown expiry: when
 * the alarm leaves the timer, countdown/expired must not report it.
 */
static void wakeup_only_alarm_tf_not_expiry(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;

	ins_add_wakeup_source(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	KUNIT_ASSERT_EQ(test, op_set_alarm(test, ins_dt64(&now) + 5), 0);
	ins5s8563_model_advance(&t->model, 5 * ONE_SECOND);
	KUNIT_ASSERT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_TF);
	KUNIT_ASSERT_EQ(test, t->rtc->ops->alarm_irq_enable(t->rtc->dev.parent, 0),
			0);
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
	KUNIT_EXPECT_STREQ_MSG(test, ins_cd_show(test, "expired"), "0",
			       "the alarm's TF taken for a countdown expiry");
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
	KUNIT_CASE_PARAM(countdown_enable_after_alarm_fired,
			 fired_cases_gen_params),
	KUNIT_CASE(countdown_restarts_alarm_count),
	KUNIT_CASE_PARAM(owner_change_bus_errors, owner_fault_cases_gen_params),
	KUNIT_CASE(alarm_load_failure_forgets_next),
	KUNIT_CASE(uie_owner_not_mid_work),
	KUNIT_CASE(uie_off_behind_alarm),
	KUNIT_CASE(cd_store_never_waits_on_core),
	KUNIT_CASE_PARAM(far_alarm, far_cases_gen_params),
	KUNIT_CASE(probe_finds_far_alarm),
	KUNIT_CASE(wakeup_only_alarm_tf_not_expiry),
	{}
};

struct kunit_suite ins5s8563_exact_suite = {
	.name = "ins5s8563-exact",
	.init = ins5s8563_test_init,
	.exit = ins5s8563_test_exit,
	.test_cases = ins5s8563_exact_cases,
};
