// SPDX-License-Identifier: GPL-2.0
/*
 * Fault sweep: every operation of the driver, run once clean to count its
 * bus transfers, then once more for each transfer k with k failing, as a
 * NACK (-ENXIO) and as a timeout (-ETIMEDOUT). Each run starts from the
 * same chip and the same driver state, on a device of its own. After the
 * faulted attempt:
 *
 * - the operation reported an error, or succeeded with its whole effect,
 *   as its row's policy says;
 * - STOP is not left set, and no AF, TF or VLF went that the operation
 *   does not mean to clear;
 * - the timer's alarm and the minute registers' are not both armed;
 * - every register the driver caches (0x00, 0x09-0x0e) holds in the cache
 *   what the chip holds;
 * - the same operation, again without a fault, succeeds with its effect.
 *
 * One row per operation, one parameterised case per row. At the end the
 * suite prints the line scripts/check repeats in its summary.
 */

#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/bcd.h>
#include <linux/clk-provider.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/mman.h>
#include <linux/regmap.h>
#include <linux/rtc.h>
#include <linux/sched/mm.h>
#include <linux/uaccess.h>
#include <linux/watchdog.h>

#include "../drivers/rtc/rtc-ins5s8563.h"
#include "ins5s8563-fixture.h"
#include "ins5s8563-model.h"

#define CLKOUT_FE	0x80
#define TD_1HZ		2

/* The flags a write can clear, in one byte: AF and TF, and VLF of 0x02. */
#define FLAG_AF		CTRL2_AF
#define FLAG_TF		CTRL2_TF
#define FLAG_VLF	SEC_VLF

/* The time every run starts from (a Saturday), unless the chip lost power. */
#define NOW		mktime64(2024, 6, 15, 12, 0, 15)
/* Beyond the 1 Hz counter's 16777215 s: the 1/60 Hz stage. */
#define FAR		(16777215 + 3600)
#define TD_1_60HZ	3
/* Beyond the 1/60 Hz stage's 16777215 minutes (31.9 years): the minutes. */
#define MINUTES		(33LL * 366 * 86400)

enum fault_policy {
	/* Every lost transfer is an error its caller sees. */
	FAULT_REPORTS,
	/*
	 * An error, or success with the whole effect: the operation retries
	 * (set_time's STOP release), or part of it is the rtc core's, which
	 * rides out a failed transfer itself.
	 */
	FAULT_REPORTS_OR_DONE,
	/*
	 * The API has no way to report one (a void op, or a value that is
	 * no error): the invariants and the next attempt are what count.
	 */
	FAULT_SILENT,
};

struct fault_op;

/* One run: a device of its own over a chip of its own. */
struct fault_run {
	struct kunit *test;
	const struct fault_op *op;
	struct ins5s8563_model model;
	struct device *dev;
	struct regmap *map;
	struct rtc_device *rtc;
	/* The level interrupt of the case, 0 in wakeup-only mode. */
	int irq;
	/* Wakeup events of the device before the attempt. */
	unsigned long events;
	/* What the operation returned besides its error: a rate, a state. */
	long val;
	char *buf;
	unsigned int __user *ubuf;
	/* What an effect checker found missing. */
	const char *why;
	/* The transfer failing, and how; whether this is the next attempt. */
	unsigned int nth;
	int err;
	bool retry;
};

/*
 * A row: the chip before probe, the driver state after it, what each
 * attempt needs again (flags the operation consumes), the operation, its
 * policy, the flags it means to clear and the checker of its effect.
 * Rows that probe or unbind run the next attempt on a new device over
 * the chip the faulted attempt left.
 */
struct fault_op {
	const char *name;
	enum fault_policy policy;
	/* Why this policy: where a lost transfer goes. */
	const char *because;
	u8 clears;
	bool wakeup_only;
	bool reset_source;
	bool rebind;
	void (*chip)(struct fault_run *r);
	void (*setup)(struct fault_run *r);
	void (*arm)(struct fault_run *r);
	int (*run)(struct fault_run *r);
	bool (*done)(struct fault_run *r);
	void (*teardown)(struct fault_run *r);
};

static unsigned int fault_ops_run, fault_points, fault_violations;

static __printf(2, 3) void violation(struct fault_run *r, const char *fmt,
				      ...);

/* An effect checker's condition; @msg says what is missing if it fails. */
static bool want(struct fault_run *r, bool cond, const char *msg)
{
	if (!cond)
		r->why = msg;
	return cond;
}

static u8 peek(struct fault_run *r, u8 reg)
{
	return ins5s8563_model_peek(&r->model, reg);
}

static void poke(struct fault_run *r, u8 reg, u8 val)
{
	ins5s8563_model_poke(&r->model, reg, val);
}

static void poke_or(struct fault_run *r, u8 reg, u8 bits)
{
	poke(r, reg, peek(r, reg) | bits);
}

static u8 flags(struct fault_run *r)
{
	return (peek(r, REG_CTRL2) & (FLAG_AF | FLAG_TF)) |
	       (peek(r, REG_SEC) & FLAG_VLF);
}

static u32 timer_regs(struct fault_run *r)
{
	return peek(r, REG_TIMER_HIGH) << 16 | peek(r, REG_TIMER_MID) << 8 |
	       peek(r, REG_TIMER_LOW);
}

static void poke_time(struct fault_run *r, time64_t t)
{
	struct rtc_time tm;

	rtc_time64_to_tm(t, &tm);
	poke(r, REG_SEC, bin2bcd(tm.tm_sec));
	poke(r, REG_SEC + 1, bin2bcd(tm.tm_min));
	poke(r, REG_SEC + 2, bin2bcd(tm.tm_hour));
	poke(r, REG_SEC + 3, bin2bcd(tm.tm_mday));
	poke(r, REG_SEC + 4, tm.tm_wday);
	poke(r, REG_SEC + 5, bin2bcd(tm.tm_mon + 1));
	poke(r, REG_SEC + 6, bin2bcd(tm.tm_year - 100));
}

static bool time_regs_are(struct fault_run *r, time64_t t)
{
	struct rtc_time tm;

	rtc_time64_to_tm(t, &tm);
	return peek(r, REG_SEC) == bin2bcd(tm.tm_sec) &&
	       peek(r, REG_SEC + 1) == bin2bcd(tm.tm_min) &&
	       peek(r, REG_SEC + 2) == bin2bcd(tm.tm_hour) &&
	       peek(r, REG_SEC + 3) == bin2bcd(tm.tm_mday) &&
	       peek(r, REG_SEC + 4) == tm.tm_wday &&
	       peek(r, REG_SEC + 5) == bin2bcd(tm.tm_mon + 1) &&
	       peek(r, REG_SEC + 6) == bin2bcd(tm.tm_year - 100);
}

static unsigned long wakeup_events(struct fault_run *r)
{
	return r->dev->power.wakeup ? r->dev->power.wakeup->event_count : 0;
}

static struct device *rtc_parent(struct fault_run *r)
{
	return r->rtc->dev.parent;
}

/* ---- the driver's entry points, as their callers use them -------------- */

static ssize_t cd_store(struct fault_run *r, const char *name,
			const char *val)
{
	struct device_attribute *attr;

	attr = ins5s8563_fixture_cd_attr(r->rtc, name);
	KUNIT_ASSERT_NOT_NULL_MSG(r->test, attr, "no countdown/%s", name);
	return attr->store(&r->rtc->dev, attr, val, strlen(val));
}

static void cd_store_ok(struct fault_run *r, const char *name,
			const char *val)
{
	KUNIT_ASSERT_EQ_MSG(r->test, cd_store(r, name, val), strlen(val),
			    "echo %s > countdown/%s", val, name);
}

/* The attribute's text in r->buf; 0 or the error. */
static int cd_show(struct fault_run *r, const char *name)
{
	struct device_attribute *attr;
	ssize_t len;

	attr = ins5s8563_fixture_cd_attr(r->rtc, name);
	KUNIT_ASSERT_NOT_NULL_MSG(r->test, attr, "no countdown/%s", name);
	memset(r->buf, 0, PAGE_SIZE);
	len = attr->show(&r->rtc->dev, attr, r->buf);
	return len < 0 ? len : 0;
}

static bool shows(struct fault_run *r, const char *name, const char *want)
{
	return !cd_show(r, name) && !strcmp(r->buf, want);
}

static int set_alarm(struct fault_run *r, time64_t t, bool enabled)
{
	struct rtc_wkalrm alrm = { .enabled = enabled };

	rtc_time64_to_tm(t, &alrm.time);
	return r->rtc->ops->set_alarm(rtc_parent(r), &alrm);
}

/* Through the rtc core, which then keeps it in its timer queue. */
static void core_set_alarm(struct fault_run *r, time64_t t)
{
	struct rtc_wkalrm alrm = { .enabled = 1 };

	rtc_time64_to_tm(t, &alrm.time);
	KUNIT_ASSERT_EQ(r->test, rtc_set_alarm(r->rtc, &alrm), 0);
	flush_work(&r->rtc->irqwork);
}

static void countdown_set(struct fault_run *r)
{
	cd_store_ok(r, "ticks", "100");
	cd_store_ok(r, "clock", "1");
}

static void countdown_run(struct fault_run *r)
{
	countdown_set(r);
	cd_store_ok(r, "enable", "1");
}

static bool countdown_runs(struct fault_run *r, u8 td, u32 ticks)
{
	if (!want(r, peek(r, REG_TIMER_CTRL) == (TIMER_TE | td),
		  "the timer does not run from the source asked for"))
		return false;
	if (!want(r, timer_regs(r) == ticks, "the counter holds other ticks"))
		return false;
	if (!want(r, peek(r, REG_CTRL2) & CTRL2_TIE, "the countdown is off /INT"))
		return false;
	return true;
}

static bool alarm_in_timer(struct fault_run *r, u32 ticks)
{
	if (!want(r, peek(r, REG_TIMER_CTRL) == (TIMER_TE | TD_1HZ),
		  "the timer does not run at 1 Hz"))
		return false;
	if (!want(r, timer_regs(r) == ticks, "the timer holds other ticks"))
		return false;
	if (!want(r, (peek(r, REG_CTRL2) & (CTRL2_TIE | CTRL2_AIE)) == CTRL2_TIE,
		  "TIE must be set, AIE clear"))
		return false;
	return true;
}

static struct clk_hw *clkout(struct fault_run *r)
{
	return ins5s8563_clkout_hw(r->dev);
}

/* As a failed write of CLKOUT leaves it: the next read asks the chip. */
static void clkout_uncached(struct fault_run *r)
{
	regcache_drop_region(r->map, REG_CLKOUT, REG_CLKOUT);
}

/* ---- probe -------------------------------------------------------------- */

/* An alarm that fired while no driver was bound, and test mode left on. */
static void probe_chip(struct fault_run *r)
{
	poke(r, REG_CTRL1, CTRL1_EXT_TEST);
	poke(r, REG_CTRL2, CTRL2_AF | CTRL2_TF | CTRL2_AIE);
}

static int probe_run(struct fault_run *r)
{
	int ret;

	ret = ins5s8563_probe(r->dev, r->map, r->irq);
	if (ret)
		return ret;
	r->rtc = ins5s8563_fixture_rtc(r->dev);
	KUNIT_ASSERT_NOT_NULL(r->test, r->rtc);
	return 0;
}

static bool probe_done(struct fault_run *r)
{
	if (!want(r, r->rtc, "no rtc device"))
		return false;
	if (!want(r, !(peek(r, REG_CTRL1) & CTRL1_EXT_TEST), "EXT_TEST left set"))
		return false;
	if (!want(r, !(peek(r, REG_CTRL2) & (CTRL2_AF | CTRL2_TF)),
		  "a flag found at probe holds /INT low"))
		return false;
	if (!want(r, !(peek(r, REG_CTRL2) & CTRL2_AIE), "the spent alarm kept AIE"))
		return false;
	return true;
}

/* ---- time --------------------------------------------------------------- */

#define SET_TIME	mktime64(2031, 2, 3, 4, 5, 6)

static int read_time_run(struct fault_run *r)
{
	struct rtc_time tm;
	int ret;

	ret = r->rtc->ops->read_time(rtc_parent(r), &tm);
	r->val = ret ? 0 : rtc_tm_to_time64(&tm);
	return ret;
}

static bool read_time_done(struct fault_run *r)
{
	if (!want(r, r->val == NOW, "read another time"))
		return false;
	return true;
}

/* Flags of no one's: setting the time must leave them. */
static void set_time_setup(struct fault_run *r)
{
	poke_or(r, REG_CTRL2, CTRL2_AF | CTRL2_TF);
}

static int set_time_run(struct fault_run *r)
{
	struct rtc_time tm;

	rtc_time64_to_tm(SET_TIME, &tm);
	return r->rtc->ops->set_time(rtc_parent(r), &tm);
}

static bool set_time_done(struct fault_run *r)
{
	if (!want(r, time_regs_are(r, SET_TIME), "the time registers"))
		return false;
	if (!want(r, peek(r, REG_CTRL1) == 0, "Control_1 is not 0"))
		return false;
	return true;
}

/*
 * The chip at its power-on state (VLF); the clock framework then asks for
 * 1024 Hz, and AF and TF are set: the time set clears them, turns the
 * alarm and the timer off and keeps CLKOUT.
 */
static void power_loss_chip(struct fault_run *r)
{
	ins5s8563_model_power_on_reset(&r->model);
}

static void power_loss_setup(struct fault_run *r)
{
	KUNIT_ASSERT_EQ(r->test, ins5s8563_clkout_ops.set_rate(clkout(r), 1024,
							       0), 0);
	poke_or(r, REG_CTRL2, CTRL2_AF | CTRL2_TF);
}

static bool power_loss_done(struct fault_run *r)
{
	int i;

	if (!set_time_done(r))
		return false;
	if (!want(r, !(peek(r, REG_SEC) & SEC_VLF), "VLF left set"))
		return false;
	if (!want(r, !(peek(r, REG_CTRL2) & (CTRL2_AF | CTRL2_TF)),
		  "AF or TF of before the power loss left set"))
		return false;
	for (i = 0; i < 4; i++)
		if (!want(r, peek(r, REG_ALM_MIN + i) == ALM_AE,
			  "the alarm registers are not off"))
			return false;
	if (!want(r, peek(r, REG_CLKOUT) == (CLKOUT_FE | 1),
		  "CLKOUT is not what the clock framework asked for"))
		return false;
	if (!want(r, peek(r, REG_TIMER_CTRL) == 0, "the timer is not off"))
		return false;
	return true;
}

/* ---- alarms ------------------------------------------------------------- */

static void exact_alarm_setup(struct fault_run *r)
{
	KUNIT_ASSERT_EQ(r->test, set_alarm(r, NOW + 100, true), 0);
}

static int read_alarm_run(struct fault_run *r)
{
	struct rtc_wkalrm alrm = { };
	int ret;

	ret = r->rtc->ops->read_alarm(rtc_parent(r), &alrm);
	r->val = ret || !alrm.enabled || alrm.pending ? 0 :
		 rtc_tm_to_time64(&alrm.time);
	return ret;
}

static bool read_alarm_done(struct fault_run *r)
{
	if (!want(r, r->val == NOW + 100, "read another alarm, or not enabled"))
		return false;
	return true;
}

/* Flags of before: setting an alarm in the timer clears both. */
static void set_exact_setup(struct fault_run *r)
{
	poke_or(r, REG_CTRL2, CTRL2_AF | CTRL2_TF);
}

static int set_exact_run(struct fault_run *r)
{
	return set_alarm(r, NOW + 100, true);
}

static bool set_exact_done(struct fault_run *r)
{
	if (!alarm_in_timer(r, 100))
		return false;
	if (!want(r, !read_alarm_run(r) && r->val == NOW + 100,
		  "read_alarm gives another alarm"))
		return false;
	return true;
}

/* From an alarm in the timer, which must go. */
static int set_far_run(struct fault_run *r)
{
	return set_alarm(r, NOW + FAR, true);
}

static bool set_far_done(struct fault_run *r)
{
	if (!want(r, peek(r, REG_TIMER_CTRL) == (TIMER_TE | TD_1_60HZ),
		  "the timer does not count minutes"))
		return false;
	if (!want(r, timer_regs(r) == div_s64(NOW + FAR, 60) - div_s64(NOW, 60),
		  "the timer holds other minutes"))
		return false;
	if (!want(r, (peek(r, REG_CTRL2) & (CTRL2_AIE | CTRL2_TIE)) == CTRL2_TIE,
		  "TIE must be set, AIE clear"))
		return false;
	return true;
}

/* A disabled alarm in the minute registers, and an AF of no one's. */
static void aie_on_setup(struct fault_run *r)
{
	KUNIT_ASSERT_EQ(r->test, set_alarm(r, NOW + MINUTES, false), 0);
	poke_or(r, REG_CTRL2, CTRL2_AF);
}

static int aie_on_run(struct fault_run *r)
{
	return r->rtc->ops->alarm_irq_enable(rtc_parent(r), 1);
}

static bool aie_on_done(struct fault_run *r)
{
	if (!want(r, peek(r, REG_CTRL2) & CTRL2_AIE, "AIE not set"))
		return false;
	return true;
}

static int aie_off_run(struct fault_run *r)
{
	return r->rtc->ops->alarm_irq_enable(rtc_parent(r), 0);
}

static bool timer_off(struct fault_run *r)
{
	if (!want(r, !(peek(r, REG_TIMER_CTRL) & TIMER_TE), "the timer still runs"))
		return false;
	if (!want(r, !(peek(r, REG_CTRL2) & (CTRL2_TIE | CTRL2_AIE)),
		  "TIE or AIE left set"))
		return false;
	return true;
}

/* ---- the interrupt ------------------------------------------------------ */

/* The handler, and what the rtc core does with its report. */
static int irq_run(struct fault_run *r)
{
	irqreturn_t ret = ins5s8563_handle_irq(r->irq, dev_get_drvdata(r->dev));

	flush_work(&r->rtc->irqwork);
	return ret == IRQ_HANDLED ? 0 : -EIO;
}

/* An alarm in the minute registers, through the rtc core. */
static void irq_af_setup(struct fault_run *r)
{
	core_set_alarm(r, NOW + MINUTES);
}

/* AF fired; a TF off /INT is no one's. */
static void irq_af_arm(struct fault_run *r)
{
	poke_or(r, REG_CTRL2, CTRL2_AF | CTRL2_TF);
}

static bool irq_af_done(struct fault_run *r)
{
	if (!want(r, !(peek(r, REG_CTRL2) & CTRL2_AF), "AF left set"))
		return false;
	if (!want(r, peek(r, REG_CTRL2) & CTRL2_AIE, "the alarm went off /INT"))
		return false;
	if (!want(r, wakeup_events(r) != r->events, "the alarm was not reported"))
		return false;
	return true;
}

/* A countdown on /INT. */
static void irq_tf_setup(struct fault_run *r)
{
	countdown_run(r);
}

/* TF fired; an AF off /INT is no one's. */
static void irq_tf_arm(struct fault_run *r)
{
	poke_or(r, REG_CTRL2, CTRL2_AF | CTRL2_TF);
}

static bool irq_tf_done(struct fault_run *r)
{
	if (!want(r, !(peek(r, REG_CTRL2) & CTRL2_TF), "TF left set"))
		return false;
	if (!want(r, shows(r, "expired", "1\n"), "the expiry was not recorded"))
		return false;
	return true;
}

static void irq_both_setup(struct fault_run *r)
{
	countdown_run(r);
	core_set_alarm(r, NOW + MINUTES);
}

static bool irq_both_done(struct fault_run *r)
{
	return irq_af_done(r) && irq_tf_done(r);
}

/* ---- the countdown through sysfs ----------------------------------------- */

static int store(struct fault_run *r, const char *name, const char *val)
{
	ssize_t ret = cd_store(r, name, val);

	if (ret < 0)
		return ret;
	return ret == strlen(val) ? 0 : -EIO;
}

/*
 * A failed reload leaves the countdown stopped, and countdown/enable says
 * so (ins5s8563_timer_apply()): the next attempt is the store and then
 * enable 1.
 */
static int cd_reload(struct fault_run *r, const char *name, const char *val)
{
	int ret = store(r, name, val);

	if (!ret && r->retry && shows(r, "enable", "0\n"))
		ret = store(r, "enable", "1");
	return ret;
}

static int cd_clock_run(struct fault_run *r)
{
	return cd_reload(r, "clock", "64");
}

static bool cd_clock_done(struct fault_run *r)
{
	if (!want(r, shows(r, "clock", "64\n"), "countdown/clock"))
		return false;
	return countdown_runs(r, 1, 100);
}

static int cd_ticks_run(struct fault_run *r)
{
	return cd_reload(r, "ticks", "200");
}

static bool cd_ticks_done(struct fault_run *r)
{
	if (!want(r, shows(r, "ticks", "200\n"), "countdown/ticks"))
		return false;
	return countdown_runs(r, TD_1HZ, 200);
}

static int cd_enable_run(struct fault_run *r)
{
	return store(r, "enable", "1");
}

static bool cd_enable_done(struct fault_run *r)
{
	if (!want(r, shows(r, "enable", "1\n"), "countdown/enable"))
		return false;
	return countdown_runs(r, TD_1HZ, 100);
}

static int cd_disable_run(struct fault_run *r)
{
	return store(r, "enable", "0");
}

static bool cd_disable_done(struct fault_run *r)
{
	if (!want(r, shows(r, "enable", "0\n"), "countdown/enable"))
		return false;
	if (!want(r, peek(r, REG_TIMER_CTRL) == TD_1HZ, "the timer still runs"))
		return false;
	if (!want(r, !(peek(r, REG_CTRL2) & CTRL2_TIE), "TIE left set"))
		return false;
	if (!want(r, timer_regs(r) == 100, "the ticks are gone"))
		return false;
	return true;
}

/* The alarm in the timer (through the rtc core), the countdown set up. */
static void cd_alarm_setup(struct fault_run *r)
{
	core_set_alarm(r, NOW + 30);
	countdown_set(r);
}

/* The countdown took the timer; the alarm waits in the minute registers. */
static bool cd_took_alarm_done(struct fault_run *r)
{
	if (!cd_enable_done(r))
		return false;
	if (!want(r, peek(r, REG_ALM_MIN) == 0x01 && peek(r, REG_ALM_MIN + 1) == 0x12,
		  "the alarm is not in the minute registers, rounded up"))
		return false;
	if (!want(r, peek(r, REG_CTRL2) & CTRL2_AIE, "AIE not set"))
		return false;
	return true;
}

/* The countdown runs, the alarm waits in the minute registers. */
static void cd_alarm_waits_setup(struct fault_run *r)
{
	cd_alarm_setup(r);
	cd_store_ok(r, "enable", "1");
}

/* The countdown stopped: the alarm is back in the timer. */
static bool cd_gave_alarm_done(struct fault_run *r)
{
	if (!want(r, shows(r, "enable", "0\n"), "countdown/enable"))
		return false;
	return alarm_in_timer(r, 30);
}

static int cd_pulse_run(struct fault_run *r)
{
	return store(r, "pulse", "1");
}

static bool cd_pulse_done(struct fault_run *r)
{
	if (!want(r, shows(r, "pulse", "1\n"), "countdown/pulse"))
		return false;
	if (!want(r, peek(r, REG_CTRL2) & CTRL2_TI_TP, "TI_TP not set"))
		return false;
	return countdown_runs(r, TD_1HZ, 100);
}

/* The countdown expired; an AF off /INT is no one's. */
static void cd_expired_arm(struct fault_run *r)
{
	poke_or(r, REG_CTRL2, CTRL2_AF | CTRL2_TF);
}

static int cd_ack_run(struct fault_run *r)
{
	return store(r, "expired", "0");
}

static bool cd_ack_done(struct fault_run *r)
{
	if (!want(r, !(peek(r, REG_CTRL2) & CTRL2_TF), "TF left set"))
		return false;
	if (!want(r, shows(r, "expired", "0\n"), "countdown/expired"))
		return false;
	return true;
}

static int cd_remaining_run(struct fault_run *r)
{
	return cd_show(r, "remaining");
}

static bool cd_remaining_done(struct fault_run *r)
{
	if (!want(r, !strcmp(r->buf, "100\n"), "countdown/remaining"))
		return false;
	return true;
}

static int cd_expired_run(struct fault_run *r)
{
	return cd_show(r, "expired");
}

static bool cd_expired_done(struct fault_run *r)
{
	if (!want(r, !strcmp(r->buf, "1\n"), "countdown/expired"))
		return false;
	return true;
}

/* ---- CLKOUT ------------------------------------------------------------- */

static void clkout_off_chip(struct fault_run *r)
{
	poke(r, REG_CLKOUT, 0);
}

static int clk_prepare_run(struct fault_run *r)
{
	return ins5s8563_clkout_ops.prepare(clkout(r));
}

static bool clkout_on(struct fault_run *r)
{
	if (!want(r, peek(r, REG_CLKOUT) & CLKOUT_FE, "FE not set"))
		return false;
	return true;
}

static int clk_unprepare_run(struct fault_run *r)
{
	ins5s8563_clkout_ops.unprepare(clkout(r));
	return 0;
}

static bool clkout_off(struct fault_run *r)
{
	if (!want(r, !(peek(r, REG_CLKOUT) & CLKOUT_FE), "FE left set"))
		return false;
	return true;
}

static int clk_is_prepared_run(struct fault_run *r)
{
	r->val = ins5s8563_clkout_ops.is_prepared(clkout(r));
	return 0;
}

static bool clk_is_prepared_done(struct fault_run *r)
{
	if (!want(r, r->val == 1, "CLKOUT runs, but is not prepared"))
		return false;
	return true;
}

static void clkout_1024_chip(struct fault_run *r)
{
	poke(r, REG_CLKOUT, CLKOUT_FE | 1);
}

/* 0 is the framework's "rate unknown". */
static int clk_recalc_run(struct fault_run *r)
{
	r->val = ins5s8563_clkout_ops.recalc_rate(clkout(r), 0);
	return r->val ? 0 : -EIO;
}

static bool clk_recalc_done(struct fault_run *r)
{
	if (!want(r, r->val == 1024, "another rate"))
		return false;
	return true;
}

static int clk_set_rate_run(struct fault_run *r)
{
	return ins5s8563_clkout_ops.set_rate(clkout(r), 32, 0);
}

static bool clk_set_rate_done(struct fault_run *r)
{
	if (!want(r, peek(r, REG_CLKOUT) == (CLKOUT_FE | 2), "CLKOUT is not 32 Hz"))
		return false;
	return true;
}

/* ---- RTC_VL_READ, unbind, resume, shutdown ------------------------------- */

static int vl_read_run(struct fault_run *r)
{
	unsigned int val = 0;
	int ret;

	KUNIT_ASSERT_EQ(r->test, put_user(0x5a5a, r->ubuf), 0);
	ret = r->rtc->ops->ioctl(rtc_parent(r), RTC_VL_READ,
				 (unsigned long)r->ubuf);
	KUNIT_ASSERT_EQ(r->test, get_user(val, r->ubuf), 0);
	r->val = val;
	return ret;
}

static bool vl_read_done(struct fault_run *r)
{
	if (!want(r, r->val == RTC_VL_DATA_INVALID, "VLF not reported"))
		return false;
	return true;
}

static void fault_unbind(struct fault_run *r);

static int unbind_run(struct fault_run *r)
{
	fault_unbind(r);
	return 0;
}

/* The countdown keeps counting, off /INT. */
static bool countdown_released(struct fault_run *r)
{
	if (!want(r, peek(r, REG_TIMER_CTRL) == (TIMER_TE | TD_1HZ),
		  "the countdown stopped"))
		return false;
	if (!want(r, !(peek(r, REG_CTRL2) & CTRL2_TIE), "the countdown is on /INT"))
		return false;
	return true;
}

/* Wakeup-only: the alarm in the timer, through the rtc core. */
static void resume_setup(struct fault_run *r)
{
	core_set_alarm(r, NOW + 100);
}

/* The alarm fired; an AF off /INT is no one's. */
static void resume_arm(struct fault_run *r)
{
	poke_or(r, REG_CTRL2, CTRL2_AF | CTRL2_TF);
}

static int resume_run(struct fault_run *r)
{
	int ret = ins5s8563_resume(r->dev);

	flush_work(&r->rtc->irqwork);
	return ret;
}

static bool resume_done(struct fault_run *r)
{
	if (!want(r, !(peek(r, REG_CTRL2) & CTRL2_TF),
		  "TF left set: /INT would power the board up again"))
		return false;
	if (!want(r, wakeup_events(r) != r->events, "the alarm was not reported"))
		return false;
	return true;
}

/* Update interrupts alone have the timer: shutdown stops it. */
static void shutdown_setup(struct fault_run *r)
{
	KUNIT_ASSERT_EQ(r->test, rtc_update_irq_enable(r->rtc, 1), 0);
	flush_work(&r->rtc->irqwork);
}

static int shutdown_run(struct fault_run *r)
{
	ins5s8563_shutdown(r->dev, SYSTEM_RESTART);
	return 0;
}

static void shutdown_teardown(struct fault_run *r)
{
	KUNIT_EXPECT_EQ(r->test, rtc_update_irq_enable(r->rtc, 0), 0);
}

/* ---- the watchdog (reset-source) ---------------------------------------- */

#define WDT_TIMEOUT	60

static struct watchdog_device *wdd(struct fault_run *r)
{
	return ins5s8563_wdt(r->dev);
}

/* Running at 1 Hz, reset pulses on /INT, @ticks left. */
static bool wdt_runs(struct fault_run *r, u32 ticks)
{
	if (!want(r, peek(r, REG_TIMER_CTRL) == (TIMER_TE | TD_1HZ),
		  "the watchdog does not run at 1 Hz"))
		return false;
	if (!want(r, timer_regs(r) == ticks, "the counter holds other ticks"))
		return false;
	if (!want(r, (peek(r, REG_CTRL2) & (CTRL2_TIE | CTRL2_TI_TP)) ==
		  (CTRL2_TIE | CTRL2_TI_TP), "/INT is no reset pulse"))
		return false;
	return true;
}

static bool wdt_probe_done(struct fault_run *r)
{
	if (!want(r, r->rtc && wdd(r)->info, "no watchdog"))
		return false;
	if (!want(r, !(peek(r, REG_TIMER_CTRL) & TIMER_TE),
		  "a stopped watchdog was started"))
		return false;
	return true;
}

static int wdt_start_run(struct fault_run *r)
{
	return wdd(r)->ops->start(wdd(r));
}

/* A timeout of N is N + 1 ticks: never a reset sooner than N s. */
static bool wdt_start_done(struct fault_run *r)
{
	return wdt_runs(r, WDT_TIMEOUT + 1);
}

/* Started, and 3 s into its timeout. */
static void wdt_started(struct fault_run *r)
{
	KUNIT_ASSERT_EQ(r->test, wdt_start_run(r), 0);
	ins5s8563_model_advance(&r->model, 3 * INS5S8563_MODEL_OSC_HZ);
}

/*
 * As the watchdog core stops it: WDOG_HW_RUNNING cleared first. A counter
 * left running must be known to run, or nobody feeds it.
 */
static int wdt_stop_run(struct fault_run *r)
{
	int ret;

	clear_bit(WDOG_HW_RUNNING, &wdd(r)->status);
	ret = wdd(r)->ops->stop(wdd(r));
	if ((peek(r, REG_TIMER_CTRL) & TIMER_TE) &&
	    !test_bit(WDOG_HW_RUNNING, &wdd(r)->status))
		violation(r, "the counter runs, and the core does not know");
	return ret;
}

static bool wdt_stop_done(struct fault_run *r)
{
	if (!want(r, !(peek(r, REG_TIMER_CTRL) & TIMER_TE),
		  "the watchdog still runs"))
		return false;
	return true;
}

/*
 * A ping that fails must neither stop the watchdog nor leave a count that
 * never expires (0) or expires at once (1): the board stays guarded.
 */
static int wdt_ping_run(struct fault_run *r)
{
	int ret = wdd(r)->ops->ping(wdd(r));

	if (ret && (!(peek(r, REG_TIMER_CTRL) & TIMER_TE) || timer_regs(r) < 2))
		violation(r, "a failed ping left the count at %u, TE %d",
			  timer_regs(r), !!(peek(r, REG_TIMER_CTRL) & TIMER_TE));
	return ret;
}

static bool wdt_ping_done(struct fault_run *r)
{
	return wdt_runs(r, WDT_TIMEOUT + 1);
}

static int wdt_suspend_run(struct fault_run *r)
{
	return ins5s8563_pm_ops.suspend(r->dev);
}

/* Suspended; the counter stopped. */
static void wdt_suspended(struct fault_run *r)
{
	wdt_started(r);
	KUNIT_ASSERT_EQ(r->test, wdt_suspend_run(r), 0);
}

static int wdt_resume_run(struct fault_run *r)
{
	return ins5s8563_pm_ops.resume(r->dev);
}

static bool wdt_resume_done(struct fault_run *r)
{
	return wdt_runs(r, WDT_TIMEOUT + 1);
}

static int wdt_timeleft_run(struct fault_run *r)
{
	r->val = wdd(r)->ops->get_timeleft(wdd(r));
	return 0;
}

static bool wdt_timeleft_done(struct fault_run *r)
{
	if (!want(r, r->val == WDT_TIMEOUT - 3, "another time left"))
		return false;
	return true;
}

/* Why a row's policy is what it is: where a lost transfer goes. */
#define RETURNS_IT	"every transfer is needed and its error returned"
#define CORE_RETRIES	"the rtc core then sets the alarm again, and retries that itself"
#define CORE_READS_ALARM \
	"the rtc core reads the alarm at registration, and goes on without it"

static const struct fault_op fault_ops[] = {
	{ "probe", FAULT_REPORTS_OR_DONE, CORE_READS_ALARM,
	  FLAG_AF | FLAG_TF, .rebind = true,
	  .chip = probe_chip, .run = probe_run, .done = probe_done },
	{ "read_time", FAULT_REPORTS, RETURNS_IT,
	  .run = read_time_run, .done = read_time_done },
	{ "set_time", FAULT_REPORTS_OR_DONE,
	  "STOP is released a second time after a failure",
	  .setup = set_time_setup, .run = set_time_run, .done = set_time_done },
	{ "set_time after a power loss", FAULT_REPORTS_OR_DONE,
	  "STOP is released a second time after a failure",
	  FLAG_AF | FLAG_TF | FLAG_VLF, .chip = power_loss_chip,
	  .setup = power_loss_setup, .run = set_time_run,
	  .done = power_loss_done },
	{ "read_alarm (in the timer)", FAULT_REPORTS, RETURNS_IT,
	  .setup = exact_alarm_setup, .run = read_alarm_run,
	  .done = read_alarm_done },
	{ "set_alarm in the timer", FAULT_REPORTS, RETURNS_IT,
	  FLAG_AF | FLAG_TF, .setup = set_exact_setup, .run = set_exact_run,
	  .done = set_exact_done },
	{ "set_alarm beyond 16777215 s, from the timer", FAULT_REPORTS,
	  RETURNS_IT, FLAG_AF | FLAG_TF, .setup = exact_alarm_setup,
	  .run = set_far_run, .done = set_far_done },
	{ "alarm_irq_enable on", FAULT_REPORTS, RETURNS_IT,
	  .setup = aie_on_setup, .run = aie_on_run, .done = aie_on_done },
	{ "alarm_irq_enable off (the timer's alarm)", FAULT_REPORTS,
	  RETURNS_IT, .setup = exact_alarm_setup, .run = aie_off_run,
	  .done = timer_off },
	{ "irq AF", FAULT_REPORTS_OR_DONE, "IRQ_NONE; " CORE_RETRIES, FLAG_AF,
	  .setup = irq_af_setup, .arm = irq_af_arm, .run = irq_run,
	  .done = irq_af_done },
	{ "irq TF", FAULT_REPORTS_OR_DONE, "IRQ_NONE, or handled", FLAG_TF,
	  .setup = irq_tf_setup, .arm = irq_tf_arm, .run = irq_run,
	  .done = irq_tf_done },
	{ "irq AF and TF", FAULT_REPORTS_OR_DONE, "IRQ_NONE; " CORE_RETRIES,
	  FLAG_AF | FLAG_TF, .setup = irq_both_setup, .arm = irq_af_arm,
	  .run = irq_run, .done = irq_both_done },
	{ "countdown/clock store", FAULT_REPORTS, RETURNS_IT, FLAG_TF,
	  .setup = countdown_run, .run = cd_clock_run,
	  .done = cd_clock_done },
	{ "countdown/ticks store", FAULT_REPORTS, RETURNS_IT, FLAG_TF,
	  .setup = countdown_run, .run = cd_ticks_run,
	  .done = cd_ticks_done },
	{ "countdown/enable store 1", FAULT_REPORTS, RETURNS_IT, FLAG_TF,
	  .setup = countdown_set, .run = cd_enable_run,
	  .done = cd_enable_done },
	{ "countdown/enable store 0", FAULT_REPORTS, RETURNS_IT,
	  .setup = countdown_run, .run = cd_disable_run,
	  .done = cd_disable_done },
	{ "countdown/enable store 1 (the alarm in the timer)",
	  FAULT_REPORTS_OR_DONE,
	  "the countdown runs when the check that the alarm's second has not come fails: the rtc core is then asked to look",
	  FLAG_TF, .setup = cd_alarm_setup, .run = cd_enable_run,
	  .done = cd_took_alarm_done },
	{ "countdown/enable store 0 (the alarm back to the timer)",
	  FAULT_REPORTS, RETURNS_IT, FLAG_AF | FLAG_TF,
	  .setup = cd_alarm_waits_setup, .run = cd_disable_run,
	  .done = cd_gave_alarm_done },
	{ "countdown/pulse store", FAULT_REPORTS, RETURNS_IT,
	  .setup = countdown_run, .run = cd_pulse_run, .done = cd_pulse_done },
	{ "countdown/expired store 0", FAULT_REPORTS, RETURNS_IT, FLAG_TF,
	  .setup = countdown_run, .arm = cd_expired_arm, .run = cd_ack_run,
	  .done = cd_ack_done },
	{ "countdown/remaining show", FAULT_REPORTS, RETURNS_IT,
	  .setup = countdown_run, .run = cd_remaining_run,
	  .done = cd_remaining_done },
	{ "countdown/expired show", FAULT_REPORTS, RETURNS_IT,
	  .setup = countdown_run, .arm = cd_expired_arm,
	  .run = cd_expired_run, .done = cd_expired_done },
	{ "clk prepare", FAULT_REPORTS, RETURNS_IT, .chip = clkout_off_chip,
	  .run = clk_prepare_run, .done = clkout_on },
	{ "clk unprepare", FAULT_SILENT, "it returns nothing",
	  .run = clk_unprepare_run, .done = clkout_off },
	{ "clk is_prepared", FAULT_SILENT,
	  "it has no error value (a failed read says not prepared)",
	  .setup = clkout_uncached, .run = clk_is_prepared_run,
	  .done = clk_is_prepared_done },
	{ "clk recalc_rate", FAULT_REPORTS,
	  "rate 0 is the clock framework's unknown rate",
	  .chip = clkout_1024_chip, .setup = clkout_uncached,
	  .run = clk_recalc_run, .done = clk_recalc_done },
	{ "clk set_rate", FAULT_REPORTS, RETURNS_IT,
	  .run = clk_set_rate_run, .done = clk_set_rate_done },
	{ "RTC_VL_READ", FAULT_REPORTS, RETURNS_IT, .chip = power_loss_chip,
	  .run = vl_read_run, .done = vl_read_done },
	{ "unbind (a countdown on /INT)", FAULT_SILENT,
	  "it returns nothing (a warning)", .rebind = true,
	  .setup = countdown_run, .run = unbind_run,
	  .done = countdown_released },
	{ "resume (wakeup-only, the timer's alarm fired)",
	  FAULT_REPORTS_OR_DONE, CORE_RETRIES, FLAG_TF, .wakeup_only = true,
	  .setup = resume_setup, .arm = resume_arm, .run = resume_run,
	  .done = resume_done },
	{ "shutdown (update interrupts)", FAULT_SILENT,
	  "it returns nothing (a warning)", .setup = shutdown_setup,
	  .run = shutdown_run, .done = timer_off,
	  .teardown = shutdown_teardown },
	/*
	 * Not a watchdog found running: the watchdog core pings it from its
	 * own thread as it registers it, concurrently with the rest of probe,
	 * so its transfers have no fixed numbers (the suite ins5s8563-wdt
	 * covers that hand-over).
	 */
	{ "probe (reset-source)", FAULT_REPORTS_OR_DONE, CORE_READS_ALARM,
	  FLAG_AF | FLAG_TF, .reset_source = true, .rebind = true,
	  .chip = probe_chip, .run = probe_run, .done = wdt_probe_done },
	{ "watchdog start", FAULT_REPORTS, RETURNS_IT, .reset_source = true,
	  .run = wdt_start_run, .done = wdt_start_done },
	{ "watchdog stop", FAULT_SILENT,
	  "a stop that may not have reached the chip is no error: the watchdog core feeds a watchdog known to run (WDOG_HW_RUNNING)",
	  .reset_source = true, .setup = wdt_started, .run = wdt_stop_run,
	  .done = wdt_stop_done },
	{ "watchdog ping", FAULT_REPORTS, RETURNS_IT, .reset_source = true,
	  .setup = wdt_started, .run = wdt_ping_run, .done = wdt_ping_done },
	{ "watchdog suspend", FAULT_REPORTS_OR_DONE,
	  "a failed stop fails the suspend; one the chip took is done",
	  .reset_source = true, .setup = wdt_started, .run = wdt_suspend_run,
	  .done = wdt_stop_done },
	{ "watchdog resume", FAULT_REPORTS, RETURNS_IT, .reset_source = true,
	  .setup = wdt_suspended, .run = wdt_resume_run,
	  .done = wdt_resume_done },
	{ "watchdog get_timeleft", FAULT_SILENT,
	  "it has no error value (0 s left on a failed read)",
	  .reset_source = true, .setup = wdt_started,
	  .run = wdt_timeleft_run, .done = wdt_timeleft_done },
};

static void fault_op_desc(const struct fault_op *op, char *desc)
{
	strscpy(desc, op->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(fault_ops, fault_ops, fault_op_desc);

/* ---- the sweep ---------------------------------------------------------- */

/* A new device over the chip as it is, probed unless @probe is false. */
static void fault_bind(struct fault_run *r, bool probe)
{
	struct kunit *test = r->test;

	r->dev = kunit_device_register(test, "ins5s8563-fault");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, r->dev);
	/* The map outlives an unbind, for the cache check after it. */
	get_device(r->dev);
	if (r->op->wakeup_only)
		KUNIT_ASSERT_EQ(test, ins5s8563_fixture_wakeup_source(r->dev), 0);
	if (r->op->reset_source)
		KUNIT_ASSERT_EQ(test, ins5s8563_fixture_reset_source(r->dev), 0);
	r->map = regmap_init(r->dev, &ins5s8563_model_bus, &r->model,
			     &ins5s8563_regmap_config);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, r->map);
	r->rtc = NULL;
	if (probe)
		KUNIT_ASSERT_EQ_MSG(test, probe_run(r), 0, "probe failed");
}

static void fault_unbind(struct fault_run *r)
{
	if (r->rtc)
		flush_work(&r->rtc->irqwork);
	r->rtc = NULL;
	kunit_device_unregister(r->test, r->dev);
}

static void fault_release(struct fault_run *r)
{
	if (r->map)
		regmap_exit(r->map);
	r->map = NULL;
	if (r->dev)
		put_device(r->dev);
	r->dev = NULL;
}

static void fault_start(struct fault_run *r)
{
	ins5s8563_model_init(&r->model);
	poke_time(r, NOW);
	if (r->op->chip)
		r->op->chip(r);
	fault_bind(r, r->op->run != probe_run);
	if (r->op->setup)
		r->op->setup(r);
	if (r->rtc)
		flush_work(&r->rtc->irqwork);
}

static void fault_end(struct fault_run *r)
{
	if (r->op->teardown && r->rtc)
		r->op->teardown(r);
	/* Still bound, unless the unbind row's attempt unbound it. */
	if (r->rtc || r->op->run == probe_run)
		fault_unbind(r);
	fault_release(r);
}

static __printf(2, 3) void violation(struct fault_run *r, const char *fmt,
				      ...)
{
	char what[128];
	va_list args;

	va_start(args, fmt);
	vscnprintf(what, sizeof(what), fmt, args);
	va_end(args);

	fault_violations++;
	if (!r->nth)
		KUNIT_FAIL(r->test, "%s, clean run: %s", r->op->name, what);
	else
		KUNIT_FAIL(r->test, "%s, transfer %u failing with %d%s: %s",
			   r->op->name, r->nth, r->err,
			   r->retry ? ", the next attempt" : "", what);
}

/*
 * The timer's alarm (1 Hz or 1/60 Hz with TIE, no countdown) and the
 * minute registers' (AIE) are never armed together: a second wake.
 */
static bool alarm_doubled(struct fault_run *r)
{
	u8 ctrl = peek(r, REG_TIMER_CTRL);

	return (ctrl & TIMER_TE) && (ctrl & 3) >= TD_1HZ &&
	       (peek(r, REG_CTRL2) & (CTRL2_TIE | CTRL2_AIE)) ==
	       (CTRL2_TIE | CTRL2_AIE) && !shows(r, "enable", "1\n");
}

/* The registers the driver caches: the cache holds what the chip holds. */
static void check_cache(struct fault_run *r)
{
	static const u8 cached[] = { 0x00, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e };
	unsigned int val;
	int i, ret;

	for (i = 0; i < ARRAY_SIZE(cached); i++) {
		regcache_cache_only(r->map, true);
		ret = regmap_read(r->map, cached[i], &val);
		regcache_cache_only(r->map, false);
		if (ret || val == peek(r, cached[i]))
			continue;
		violation(r, "cache has %#04x in %#04x, the chip %#04x", val,
			  cached[i], peek(r, cached[i]));
	}
}

/*
 * One attempt, with transfer r->nth failing unless this is the next
 * attempt, then the checks every attempt must pass. Returns the
 * operation's transfers.
 */
static unsigned int fault_attempt(struct fault_run *r)
{
	const struct fault_op *op = r->op;
	unsigned int accesses, nth = r->retry ? 0 : r->nth;
	u8 before, lost;
	int ret;

	if (op->arm)
		op->arm(r);
	before = flags(r);
	r->events = r->dev ? wakeup_events(r) : 0;
	ins5s8563_model_reset_counters(&r->model);
	ins5s8563_model_fail(&r->model, nth, nth ? 1 : 0, r->err);
	ret = op->run(r);
	accesses = r->model.accesses;
	ins5s8563_model_fail(&r->model, 0, 0, 0);

	r->why = NULL;
	if (!nth || op->policy == FAULT_SILENT) {
		if (ret)
			violation(r, "failed with %d", ret);
		else if (!nth && !op->done(r))
			violation(r, "%s", r->why);
	} else if (op->policy == FAULT_REPORTS && !ret) {
		violation(r, "the lost transfer was not reported");
	} else if (!ret && !op->done(r)) {
		violation(r, "reported success, but %s", r->why);
	}

	if (peek(r, REG_CTRL1) & CTRL1_STOP)
		violation(r, "the clock is left stopped");
	lost = before & ~flags(r) & ~op->clears;
	if (lost)
		violation(r, "flags %#04x cleared (AF 0x08, TF 0x04, VLF 0x80)",
			  lost);
	if (r->rtc && !op->reset_source && !op->rebind && alarm_doubled(r))
		violation(r, "the timer's alarm and AIE armed together");
	/*
	 * A probe that fails takes its map with it (devm, in the bus
	 * driver): nothing reads that cache again.
	 */
	if (!(op->run == probe_run && ret))
		check_cache(r);

	return accesses;
}

/*
 * kunit_vm_mmap() (6.12) attaches an mm to the test's thread that nothing
 * releases: kmemleak finds it after the suite.
 */
static void fault_detach_mm(void)
{
	struct mm_struct *mm = current->mm;

	if (!mm)
		return;
	kthread_unuse_mm(mm);
	mmput(mm);
}

/* Transfer @nth fails with @err; the next attempt succeeds. */
static void fault_point(struct fault_run *r, unsigned int nth, int err)
{
	r->nth = nth;
	r->err = err;
	r->retry = false;
	fault_start(r);
	fault_attempt(r);
	if (r->op->rebind) {
		if (r->op->run == probe_run || r->rtc)
			fault_unbind(r);
		fault_release(r);
		fault_bind(r, r->op->run != probe_run);
	}
	r->retry = true;
	fault_attempt(r);
	fault_end(r);
}

static void fault_sweep(struct kunit *test)
{
	const struct fault_op *op = test->param_value;
	static const int errs[] = { -ENXIO, -ETIMEDOUT };
	struct fault_run *r;
	struct device *irq_dev;
	unsigned int n, k, e, before = fault_violations;

	r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r);
	r->test = test;
	r->op = op;
	r->buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r->buf);
	if (op->run == vl_read_run) {
		r->ubuf = (unsigned int __user *)
			kunit_vm_mmap(test, NULL, 0, PAGE_SIZE,
				      PROT_READ | PROT_WRITE,
				      MAP_ANONYMOUS | MAP_PRIVATE, 0);
		KUNIT_ASSERT_NE_MSG(test, (unsigned long)r->ubuf, 0,
				    "no user memory");
	}
	/* A watchdog's /INT resets the board: no interrupt. */
	if (!op->wakeup_only && !op->reset_source) {
		irq_dev = kunit_device_register(test, "ins5s8563-fault-irq");
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, irq_dev);
		r->irq = ins5s8563_fixture_level_irq(test, irq_dev,
						     "ins5s8563-fault-irq");
	}

	fault_start(r);
	n = fault_attempt(r);
	fault_end(r);
	KUNIT_ASSERT_GT_MSG(test, n, 0, "%s makes no transfer", op->name);

	for (k = 1; k <= n; k++)
		for (e = 0; e < ARRAY_SIZE(errs); e++)
			fault_point(r, k, errs[e]);

	if (r->ubuf)
		fault_detach_mm();
	fault_ops_run++;
	fault_points += n * ARRAY_SIZE(errs);
	kunit_info(test, "%s: %u transfers, %u violations (%s: %s)\n", op->name,
		   n, fault_violations - before,
		   op->policy == FAULT_REPORTS ? "reports every failure" :
		   op->policy == FAULT_SILENT ? "cannot report" :
		   "reports, or rides it out", op->because);
}

static int fault_suite_init(struct kunit_suite *suite)
{
	fault_ops_run = 0;
	fault_points = 0;
	fault_violations = 0;
	return 0;
}

static void fault_suite_exit(struct kunit_suite *suite)
{
	pr_info("fault sweep: %u operations, %u injection points, %u violations\n",
		fault_ops_run, fault_points, fault_violations);
}

static struct kunit_case ins5s8563_fault_cases[] = {
	KUNIT_CASE_PARAM(fault_sweep, fault_ops_gen_params),
	{}
};

struct kunit_suite ins5s8563_fault_test_suite = {
	.name = "ins5s8563-faults",
	.suite_init = fault_suite_init,
	.suite_exit = fault_suite_exit,
	.test_cases = ins5s8563_fault_cases,
};
