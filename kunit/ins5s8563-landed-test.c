// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite of the INS5S8563 driver: writes that reach the chip and
 * still report an error (a lost ACK, a timeout after the stop condition),
 * and the other paths a review of the timer's users found. The fault sweep
 * fails a transfer before it reaches the chip; here the chip takes it.
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

static void add_reset_source(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	KUNIT_ASSERT_EQ(test, ins5s8563_fixture_reset_source(t->dev), 0);
}

static unsigned long alarm_events(struct ins5s8563_test *t)
{
	unsigned long data = READ_ONCE(t->rtc->irq_data);

	return data & RTC_AF ? data >> 8 : 0;
}

/*
 * The landed write: the @nth write that starts at register @reg reaches
 * the chip (and, with @poke, leaves @pval in @preg, as a write the model
 * would refuse could not) and then fails with -ETIMEDOUT.
 */
struct landed {
	u8 reg, preg, pval;
	bool poke;
	unsigned int nth, seen;
};

static void landed_hook(struct ins5s8563_model *m, void *priv,
			unsigned int access, enum ins5s8563_model_dir dir,
			u8 reg)
{
	struct landed *l = priv;

	if (dir != INS5S8563_MODEL_WRITE || reg != l->reg || ++l->seen != l->nth)
		return;
	if (l->poke)
		__ins5s8563_model_poke(m, l->preg, l->pval);
	m->fail_at = access;
	m->fail_count = 1;
	m->fail_err = -ETIMEDOUT;
}

static void land(struct kunit *test, struct landed *l)
{
	struct ins5s8563_test *t = test->priv;

	l->seen = 0;
	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_set_hook(&t->model, landed_hook, l);
}

static void landed_off(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	ins5s8563_model_set_hook(&t->model, NULL, NULL);
	ins5s8563_model_fail(&t->model, 0, 0, 0);
}

/*
 * A watchdog start whose TE write reached the chip: the counter runs, so
 * the start must say so (the watchdog core then feeds it), never fail
 * and leave it counting unfed.
 */
static void wdt_start_landed(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct landed l = { REG_TIMER_CTRL, REG_TIMER_CTRL, TIMER_TE | 2, true, 2 };
	struct watchdog_device *wdd;
	int ret;

	add_reset_source(test);
	ins_probe_ok(test);
	wdd = ins5s8563_wdt(t->dev);
	land(test, &l);
	ret = wdd->ops->start(wdd);
	landed_off(test);
	KUNIT_ASSERT_TRUE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0,
			    "the counter runs, and the core takes the start as failed");
	KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), 0);
}

/*
 * The chip lost power with the watchdog running, and the time is set
 * before the next ping (NTP's update, hwclock --systohc): VLF is gone by
 * then, and the counter with it. The ping must start it again.
 */
static void wdt_power_loss_then_set_time(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;
	struct rtc_time tm;

	add_reset_source(test);
	ins_probe_ok(test);
	wdd = ins5s8563_wdt(t->dev);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 0, 0), &tm);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &tm), 0);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	ins5s8563_model_power_on_reset(&t->model);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &tm), 0);
	KUNIT_EXPECT_EQ(test, wdd->ops->ping(wdd), 0);
	KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2,
			    "the ping succeeded, and the watchdog is stopped");
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL2) & (CTRL2_TIE | CTRL2_TI_TP),
			CTRL2_TIE | CTRL2_TI_TP);
	KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), 0);
}

/*
 * Stopped for power-off, the watchdog stays stopped: a ping of the
 * watchdog core's worker between the device shutdown and the power-off
 * must not start it again.
 */
static void wdt_ping_after_poweroff(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;

	add_reset_source(test);
	ins_probe_ok(test);
	wdd = ins5s8563_wdt(t->dev);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	ins5s8563_shutdown(t->dev, SYSTEM_POWER_OFF);
	KUNIT_ASSERT_FALSE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
	wdd->ops->ping(wdd);
	KUNIT_EXPECT_FALSE_MSG(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE,
			       "a ping after the power-off stop started it again");
}

/*
 * Hibernation: the image is written after thaw, with userspace frozen and
 * the watchdog core's pings stopped: the counter must not run then. It
 * runs again at restore (and the core's ping after hibernation starts it
 * where hibernation failed).
 */
static void wdt_hibernate(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;

	add_reset_source(test);
	ins_probe_ok(test);
	wdd = ins5s8563_wdt(t->dev);
	KUNIT_ASSERT_EQ(test, wdd->ops->set_timeout(wdd, 3), 0);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	KUNIT_ASSERT_EQ(test, ins5s8563_pm_ops.freeze(t->dev), 0);
	if (ins5s8563_pm_ops.thaw)
		KUNIT_ASSERT_EQ(test, ins5s8563_pm_ops.thaw(t->dev), 0);
	ins5s8563_model_advance(&t->model, 60 * ONE_SECOND);
	KUNIT_EXPECT_EQ_MSG(test, t->model.timer_expiries, 0,
			    "the board reset while the image was written");
	KUNIT_ASSERT_EQ(test, ins5s8563_pm_ops.poweroff(t->dev), 0);
	KUNIT_ASSERT_EQ(test, ins5s8563_pm_ops.restore(t->dev), 0);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), 4);
	KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), 0);
}

struct due_case {
	const char *desc;
	struct landed l;
};

static const struct due_case due_cases[] = {
	{ "the load's high bytes fail", { REG_TIMER_HIGH, 0, 0, false, 1 } },
	{ "the start reaches the chip and fails",
	  { REG_TIMER_CTRL, REG_TIMER_CTRL, TIMER_TE | 1, true, 2 } },
};

KUNIT_ARRAY_PARAM_DESC(due_cases, due_cases, desc);

/*
 * The countdown is enabled in the second an exact alarm fired, and the
 * change fails on the bus: the alarm, found due, is still reported, once.
 */
static void due_alarm_on_error(struct kunit *test)
{
	const struct due_case *c = test->param_value;
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	struct landed l = c->l;

	ins_add_level_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	rtc_time64_to_tm(ins_dt64(&now) + 25, &alrm.time);
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
	WRITE_ONCE(t->rtc->irq_data, 0);
	ins5s8563_model_advance(&t->model, 25ULL * ONE_SECOND);
	KUNIT_ASSERT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_TF);

	ins_cd_store_ok(test, "ticks", "100");
	ins_cd_store_ok(test, "clock", "64");
	land(test, &l);
	ins_cd_store(test, "enable", "1");
	landed_off(test);
	ins5s8563_handle_irq(t->irq, dev_get_drvdata(t->dev));
	flush_work(&t->rtc->irqwork);
	KUNIT_EXPECT_EQ_MSG(test, alarm_events(t), 1,
			    "the alarm found due was not reported");
	ins5s8563_model_advance(&t->model, 120 * ONE_SECOND);
	ins5s8563_handle_irq(t->irq, dev_get_drvdata(t->dev));
	flush_work(&t->rtc->irqwork);
	KUNIT_EXPECT_EQ(test, alarm_events(t), 1);
	ins_cd_store(test, "enable", "0");
	flush_work(&t->rtc->irqwork);
}

/*
 * The countdown stops and the alarm goes back to the timer; the write
 * that clears AIE reaches the chip and fails: the alarm comes once.
 */
static void alarm_back_aie_clear_landed(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	struct landed l = { REG_CTRL2, REG_CTRL2, 0, true, 3 };

	ins_add_level_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	ins_cd_store_ok(test, "ticks", "100");
	ins_cd_store_ok(test, "clock", "1");
	ins_cd_store_ok(test, "enable", "1");
	rtc_time64_to_tm(ins_dt64(&now) + 600, &alrm.time);
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
	KUNIT_ASSERT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_AIE);
	WRITE_ONCE(t->rtc->irq_data, 0);
	/* The disable's Control_2 writes: TIE off, the start's, AIE off. */
	l.pval = (ins_peek(test, REG_CTRL2) & ~CTRL2_AIE) | CTRL2_TIE;
	land(test, &l);
	ins_cd_store(test, "enable", "0");
	landed_off(test);
	ins5s8563_model_advance(&t->model, 700ULL * ONE_SECOND);
	ins5s8563_handle_irq(t->irq, dev_get_drvdata(t->dev));
	flush_work(&t->rtc->irqwork);
	KUNIT_EXPECT_EQ_MSG(test, alarm_events(t), 1, "the alarm was lost");
}

/*
 * The handler's write that clears TF reaches the chip and fails: /INT is
 * released, nothing brings the handler back, and the alarm must still
 * reach the rtc core at its second, not a reload period later.
 */
static void handler_clear_landed(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;
	struct rtc_wkalrm alrm = { .enabled = 1 };
	struct landed l = { REG_CTRL2, REG_CTRL2, 0, true, 1 };

	ins_add_level_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	rtc_time64_to_tm(ins_dt64(&now) + 3600, &alrm.time);
	KUNIT_ASSERT_EQ(test, rtc_set_alarm(t->rtc, &alrm), 0);
	WRITE_ONCE(t->rtc->irq_data, 0);
	ins5s8563_model_advance(&t->model, 3600ULL * ONE_SECOND);
	KUNIT_ASSERT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_TF);
	l.pval = ins_peek(test, REG_CTRL2) & ~CTRL2_TF;
	land(test, &l);
	ins5s8563_handle_irq(t->irq, dev_get_drvdata(t->dev));
	landed_off(test);
	flush_work(&t->rtc->irqwork);
	KUNIT_EXPECT_EQ_MSG(test, alarm_events(t), 1,
			    "the alarm did not reach the rtc core at its second");
}

/*
 * alarm_irq_enable(1)'s write of AIE reaches the chip and fails: AIE is
 * on in the chip, whatever the driver remembers. The next
 * alarm_irq_enable(0) must write it off, or a cancelled alarm still
 * powers the board up.
 */
static void aie_enable_landed(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;
	struct landed l = { REG_CTRL2, REG_CTRL2, 0, true, 1 };

	ins_probe_ok(test);
	set_time_dt(test, &now);
	KUNIT_ASSERT_FALSE(test, ins_peek(test, REG_CTRL2) & CTRL2_AIE);
	l.pval = ins_peek(test, REG_CTRL2) | CTRL2_AIE;
	land(test, &l);
	KUNIT_EXPECT_NE(test, t->rtc->ops->alarm_irq_enable(t->dev, 1), 0);
	landed_off(test);
	KUNIT_ASSERT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_AIE);
	KUNIT_EXPECT_EQ(test, t->rtc->ops->alarm_irq_enable(t->dev, 0), 0);
	KUNIT_EXPECT_FALSE_MSG(test, ins_peek(test, REG_CTRL2) & CTRL2_AIE,
			       "AIE left on in the chip after alarm_irq_enable(0)");
}

/*
 * RTC_UIE_ON refused while the countdown runs (-EINVAL, by design): update
 * interrupts are off, and the countdown must stay the user's to change.
 */
static void uie_refused_keeps_countdown(struct kunit *test)
{
	static const struct dt now = NOW_12;
	struct ins5s8563_test *t = test->priv;

	ins_add_irq(test);
	ins_probe_ok(test);
	set_time_dt(test, &now);
	ins_cd_store_ok(test, "ticks", "100");
	ins_cd_store_ok(test, "enable", "1");
	KUNIT_EXPECT_EQ(test, rtc_update_irq_enable(t->rtc, 1), -EINVAL);
	KUNIT_EXPECT_EQ_MSG(test, ins_cd_store(test, "ticks", "50"), 2,
			    "ticks refused after a refused RTC_UIE_ON");
	KUNIT_EXPECT_EQ(test, ins_cd_store(test, "enable", "0"), 1);
	KUNIT_EXPECT_EQ_MSG(test, ins_cd_store(test, "enable", "1"), 1,
			    "enable refused after a refused RTC_UIE_ON");
}

static struct kunit_case ins5s8563_landed_cases[] = {
	KUNIT_CASE(wdt_start_landed),
	KUNIT_CASE(wdt_power_loss_then_set_time),
	KUNIT_CASE(wdt_ping_after_poweroff),
	KUNIT_CASE(wdt_hibernate),
	KUNIT_CASE_PARAM(due_alarm_on_error, due_cases_gen_params),
	KUNIT_CASE(alarm_back_aie_clear_landed),
	KUNIT_CASE(handler_clear_landed),
	KUNIT_CASE(aie_enable_landed),
	KUNIT_CASE(uie_refused_keeps_countdown),
	{}
};

struct kunit_suite ins5s8563_landed_suite = {
	.name = "ins5s8563-landed",
	.init = ins5s8563_test_init,
	.exit = ins5s8563_test_exit,
	.test_cases = ins5s8563_landed_cases,
};
