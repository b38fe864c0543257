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
	time64_t at = ins_dt64(&now) + c->ahead;
	struct rtc_wkalrm got;
	struct rtc_time tm;

	ins_probe_ok(test);
	set_time_dt(test, &now);
	KUNIT_ASSERT_EQ(test, op_set_alarm(test, at), 0);

	if (c->ahead > 16777215) {
		rtc_time64_to_tm(DIV_ROUND_UP_ULL(at, 60) * 60, &tm);
		KUNIT_EXPECT_EQ(test, ins_peek(test, REG_ALM_MIN), bin2bcd(tm.tm_min));
		KUNIT_EXPECT_EQ(test, ins_peek(test, REG_ALM_MIN + 1),
				bin2bcd(tm.tm_hour));
		KUNIT_EXPECT_EQ(test, ins_peek(test, REG_ALM_MIN + 2),
				bin2bcd(tm.tm_mday));
		KUNIT_EXPECT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_AIE);
		KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
		return;
	}

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
	int sec, i, n;

	ins_add_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	KUNIT_ASSERT_EQ(test, rtc_update_irq_enable(t->rtc, 1), 0);
	expect_timer_alarm(test, 1);

	for (sec = 0; sec < 4; sec++) {
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
	ins5s8563_shutdown(t->dev);
	KUNIT_EXPECT_EQ(test, !!(ins_peek(test, REG_TIMER_CTRL) & TIMER_TE),
			c->running);
	KUNIT_EXPECT_EQ(test, !!(ins_peek(test, REG_CTRL2) & CTRL2_TIE),
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

struct kunit_suite ins5s8563_exact_suite = {
	.name = "ins5s8563-exact",
	.init = ins5s8563_test_init,
	.exit = ins5s8563_test_exit,
	.test_cases = ins5s8563_exact_cases,
};
