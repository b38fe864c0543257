// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite of the INS5S8563 driver: the watchdog (reset-source).
 * The fixture and the helpers it shares are in ins5s8563-test.c.
 */

#include "ins5s8563-test.h"

static void add_reset_source(struct kunit *test)
{
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_BOOL("reset-source"),
		{ }
	};

	ins_add_props(test, props);
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

	ins_add_irq(test);
	add_reset_source(test);
	ins_probe_ok(test);
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
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
}

/* Without reset-source nothing changes: no watchdog. */
static void wdt_needs_reset_source(struct kunit *test)
{
	ins_probe_ok(test);
	KUNIT_EXPECT_NULL(test, wdt(test)->info);
	KUNIT_EXPECT_TRUE(test, has_countdown_group(test));
}

/* start, ping, set_timeout, get_timeleft, stop: 1 Hz, TIE, pulsed /INT. */
static void wdt_ops(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;

	add_reset_source(test);
	ins_probe_ok(test);
	wdd = wdt(test);

	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	/* One tick more than the timeout: no reset sooner than 60 s. */
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), 61);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL2) & (CTRL2_TI_TP | CTRL2_TIE),
			CTRL2_TI_TP | CTRL2_TIE);

	ins5s8563_model_advance(&t->model, 10 * ONE_SECOND);
	KUNIT_EXPECT_EQ(test, wdd->ops->get_timeleft(wdd), 50);
	KUNIT_ASSERT_EQ(test, wdd->ops->ping(wdd), 0);
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), 61);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2);

	KUNIT_ASSERT_EQ(test, wdd->ops->set_timeout(wdd, 300), 0);
	KUNIT_ASSERT_EQ(test, wdd->ops->ping(wdd), 0);
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), 301);

	KUNIT_ASSERT_EQ(test, wdd->ops->stop(wdd), 0);
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
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
	ins_probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->set_timeout(wdd, 2), 0);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	ins5s8563_model_advance(&t->model, 2 * ONE_SECOND);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 0);
	ins5s8563_model_advance(&t->model, ONE_SECOND);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 1);
	KUNIT_EXPECT_TRUE(test, ins5s8563_model_int(&t->model));
	ins5s8563_model_advance(&t->model, 256);
	KUNIT_EXPECT_FALSE_MSG(test, ins5s8563_model_int(&t->model),
			       "/INT must be a pulse");
	KUNIT_EXPECT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_TF);
}

/*
 * The lowest live count seen running after the ping's first write. A
 * stopped count neither expires nor stays: the start counts what was
 * written (dapu,timer-write-reload-only stops the timer to write it).
 */
static void min_count_hook(struct ins5s8563_model *m, void *priv,
			   unsigned int access, enum ins5s8563_model_dir dir,
			   u8 reg)
{
	struct ins5s8563_test *t = priv;
	u32 count = m->regs[REG_TIMER_HIGH] << 16 | m->regs[REG_TIMER_MID] << 8 |
		    m->regs[REG_TIMER_LOW];

	if (t->nlog && (m->regs[REG_TIMER_CTRL] & TIMER_TE) &&
	    count < t->race_access)
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
	{ "300 s (0x00012d ticks), count 5", 300, 5, false },
	{ "255 s (0x000100 ticks), count 1", 255, 1, false },
	{ "65535 s (0x010000 ticks), count 2", 65535, 2, false },
	{ "2 s, count 0x000100", 2, 0x100, false },
	{ "300 s, a rollover during the writes", 300, 0x100, true },
	{ "60 s, a rollover during the writes", 60, 0x100, true },
};

KUNIT_ARRAY_PARAM_DESC(ping_cases, ping_cases, desc);

/*
 * A ping reloads the running counter without stopping it, and the count
 * never drops below 2 while its bytes are written (at 1 or 0 it would
 * expire, or never expire again); with dapu,timer-write-reload-only it
 * stops the counter, writes it and starts it.
 */
static void wdt_ping_never_expires(struct kunit *test)
{
	const struct ping_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;

	add_reset_source(test);
	ins_probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->set_timeout(wdd, c->timeout), 0);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	ins_poke(test, REG_TIMER_LOW, c->count & 0xff);
	ins_poke(test, REG_TIMER_MID, (c->count >> 8) & 0xff);
	ins_poke(test, REG_TIMER_HIGH, c->count >> 16);

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
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), c->timeout + 1);
	KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2,
			    "the timer never stops");
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 0);
}

/* Built in, the suites may run with no userspace at all (see below). */
static bool wdt_built_in(void)
{
#ifdef MODULE
	return false;
#else
	return true;
#endif
}

/*
 * A watchdog running at registration pins its driver: the watchdog core
 * feeds it, and keeps a reference, until userspace opens it. Open it, and
 * close it with the magic character, as userspace would: it stops.
 *
 * Built in, the suites may run before there is any userspace (kunit.py
 * runs them at boot, before the root file system): no /bin/sh then, and
 * no module to pin either. The watchdog is stopped the way the core's
 * release stops it, so that the core's worker no longer feeds it.
 */
static void wdt_magic_close(struct kunit *test, struct watchdog_device *wdd)
{
	char cmd[48];
	char *argv[4], *envp[2];
	int ret;

	snprintf(cmd, sizeof(cmd), "printf V >/dev/watchdog%d", wdd->id);
	argv[0] = "/bin/sh";
	argv[1] = "-c";
	argv[2] = cmd;
	argv[3] = NULL;
	envp[0] = "PATH=/usr/sbin:/usr/bin:/sbin:/bin";
	envp[1] = NULL;
	ret = call_usermodehelper(argv[0], argv, envp, UMH_WAIT_PROC);
	if (ret == -ENOENT && wdt_built_in()) {
		/*
		 * In watchdog_stop()'s order: the bit first, so that the
		 * core's worker does not feed it between the stop and the
		 * clear; a stop that failed sets it again.
		 */
		clear_bit(WDOG_HW_RUNNING, &wdd->status);
		KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), 0);
		KUNIT_EXPECT_FALSE(test, test_bit(WDOG_HW_RUNNING, &wdd->status));
	} else {
		KUNIT_EXPECT_EQ_MSG(test, ret, 0, "sh -c '%s'", cmd);
	}
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
}

/*
 * A watchdog running at probe (the bootloader's, or one that outlived a
 * reboot) is handed to the watchdog core, never stopped.
 */
static void wdt_handover(struct kunit *test)
{
	struct watchdog_device *wdd;

	add_reset_source(test);
	ins_poke(test, REG_TIMER_LOW, 30);
	ins_poke(test, REG_TIMER_CTRL, TIMER_TE | 2);
	ins_poke(test, REG_CTRL2, CTRL2_TIE);
	ins_probe_ok(test);
	wdd = wdt(test);
	KUNIT_EXPECT_TRUE(test, test_bit(WDOG_HW_RUNNING, &wdd->status));
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	/* As found, or already fed by the watchdog core's boot handler. */
	KUNIT_EXPECT_TRUE_MSG(test, ins_timer_regs(test) == 30 ||
			      ins_timer_regs(test) == wdd->timeout + 1,
			      "count %u", ins_timer_regs(test));
	KUNIT_EXPECT_TRUE_MSG(test, ins_peek(test, REG_CTRL2) & CTRL2_TI_TP,
			      "pulsed, or /INT holds the board in reset");
	KUNIT_EXPECT_EQ(test, wdd->bootstatus, 0);
	wdt_magic_close(test, wdd);
}

/* TF at probe: the last reset came from the watchdog. */
static void wdt_bootstatus(struct kunit *test)
{
	struct watchdog_device *wdd;

	add_reset_source(test);
	ins_poke(test, REG_TIMER_LOW, 30);
	ins_poke(test, REG_TIMER_CTRL, TIMER_TE | 2);
	ins_poke(test, REG_CTRL2, CTRL2_TIE | CTRL2_TI_TP | CTRL2_TF);
	ins_probe_ok(test);
	wdd = wdt(test);
	KUNIT_EXPECT_EQ(test, wdd->bootstatus, WDIOF_CARDRESET);
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_CTRL2) & CTRL2_TF);
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
	ins_probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->set_timeout(wdd, 2), 0);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	ins5s8563_model_advance(&t->model, 3 * ONE_SECOND);
	KUNIT_ASSERT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_TF);

	KUNIT_EXPECT_EQ(test, ins5s8563_resume(t->dev), 0);
	KUNIT_EXPECT_TRUE_MSG(test, ins_peek(test, REG_CTRL2) & CTRL2_TF,
			      "resume cleared the watchdog's TF");
	KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), 0);
}

static void wdt_survives_time_set(struct kunit *test)
{
	struct watchdog_device *wdd;
	struct rtc_time tm;

	add_reset_source(test);
	ins_probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 0, 0), &tm);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &tm), 0);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL2) & (CTRL2_TI_TP | CTRL2_TIE),
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
	ins_probe_ok(test);
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
		/* A stop that fails leaves it fed by the core: no error. */
		KUNIT_EXPECT_EQ_MSG(test, wdt_run(wdd, c->op),
				    c->op == WDT_STOP ? 0 : -ETIMEDOUT,
				    "transfer %u of %u", k, n);
		ins5s8563_model_fail(&t->model, 0, 0, 0);
		if (c->op == WDT_PING) {
			count = ins_timer_regs(test);
			KUNIT_EXPECT_TRUE_MSG(test,
					      ins_peek(test, REG_TIMER_CTRL) & TIMER_TE,
					      "a failed ping stopped it (%u)", k);
			KUNIT_EXPECT_GE_MSG(test, count, 2,
					    "count %u after transfer %u failed",
					    count, k);
		}
		KUNIT_EXPECT_EQ_MSG(test, wdt_run(wdd, c->op), 0,
				    "the retry after transfer %u", k);
		KUNIT_EXPECT_EQ(test, !!(ins_peek(test, REG_TIMER_CTRL) & TIMER_TE),
				c->op != WDT_STOP);
	}
}

/*
 * A stop while the chip answers nothing, not even the read-back of TE:
 * the watchdog runs on, known to run so that the core feeds it, and the
 * next stop must stop it; a start that never reached the chip, and the
 * next start must start it.
 */
static void wdt_chip_gone(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;

	add_reset_source(test);
	ins_probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, 1000, -ENXIO);
	KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), 0);
	ins5s8563_model_fail(&t->model, 0, 0, 0);
	KUNIT_ASSERT_TRUE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
	KUNIT_EXPECT_TRUE(test, test_bit(WDOG_HW_RUNNING, &wdd->status));
	clear_bit(WDOG_HW_RUNNING, &wdd->status);
	KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), 0);
	KUNIT_EXPECT_FALSE_MSG(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE,
			       "the second stop left it running");

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, 1000, -ENXIO);
	KUNIT_EXPECT_EQ(test, wdd->ops->start(wdd), -ENXIO);
	ins5s8563_model_fail(&t->model, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, wdd->ops->start(wdd), 0);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), wdd->timeout + 1);
	KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), 0);
}

/* ---- never sooner than the timeout, never while the system sleeps ------------ */

struct early_case {
	const char *desc;
	u32 timeout;
	/* Oscillator ticks from the ping to the next seconds rollover. */
	u32 to_rollover;
};

static const struct early_case early_cases[] = {
	{ "2 s, pinged 10 ms before a rollover", 2, 328 },
	{ "3 s, pinged 10 ms before a rollover", 3, 328 },
	{ "10 s, pinged 10 ms before a rollover", 10, 328 },
	{ "2 s, pinged just after a rollover", 2, 32767 },
	{ "10 s, pinged just after a rollover", 10, 32767 },
};

KUNIT_ARRAY_PARAM_DESC(early_cases, early_cases, desc);

/*
 * A starved watchdog resets the board no sooner than its timeout after
 * the last ping, wherever in its second the ping came, and at most one
 * second later (the counter steps on the seconds rollovers, decision 9).
 */
static void wdt_never_early(struct kunit *test)
{
	const struct early_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;
	u64 tick;

	add_reset_source(test);
	ins_probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->set_timeout(wdd, c->timeout), 0);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	ins5s8563_model_advance(&t->model, 2 * ONE_SECOND - c->to_rollover -
				t->model.subsec);
	KUNIT_ASSERT_EQ(test, wdd->ops->ping(wdd), 0);
	ins5s8563_model_reset_counters(&t->model);

	for (tick = 0; tick < (u64)(c->timeout + 1) * ONE_SECOND; tick += 64) {
		ins5s8563_model_advance(&t->model, 64);
		if (t->model.timer_expiries)
			break;
	}
	KUNIT_EXPECT_GE_MSG(test, tick + 64, (u64)c->timeout * ONE_SECOND,
			    "reset %llu ms after the last ping, timeout %u s",
			    div_u64((tick + 64) * 1000, ONE_SECOND), c->timeout);
	KUNIT_EXPECT_EQ_MSG(test, t->model.timer_expiries, 1,
			    "no reset within timeout + 1 s");
	KUNIT_EXPECT_LE(test, wdd->ops->get_timeleft(wdd), c->timeout);
}

/*
 * The watchdog core clears WDOG_HW_RUNNING and calls ->stop (the magic
 * close); when the stop may not have reached the chip, the counter runs
 * on, and the core feeds only a watchdog that is not active and is known
 * to run: ->stop returns 0 with WDOG_HW_RUNNING set. The core's pings then
 * feed it, and the next stop (the next magic close) stops it.
 */
struct stop_fault_case {
	const char *desc;
	unsigned int count;
};

static const struct stop_fault_case stop_fault_cases[] = {
	{ "the stop write fails, the chip answers after", 1 },
	{ "the chip answers nothing", 100 },
};

KUNIT_ARRAY_PARAM_DESC(stop_fault_cases, stop_fault_cases, desc);

static void wdt_failed_stop_keeps_feeding(struct kunit *test)
{
	const struct stop_fault_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;
	int ret;

	add_reset_source(test);
	ins_probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);

	clear_bit(WDOG_HW_RUNNING, &wdd->status);
	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, c->count, -ETIMEDOUT);
	ret = wdd->ops->stop(wdd);
	ins5s8563_model_fail(&t->model, 0, 0, 0);
	KUNIT_ASSERT_TRUE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0,
			    "an error keeps the watchdog active, and unfed");
	KUNIT_EXPECT_TRUE_MSG(test, test_bit(WDOG_HW_RUNNING, &wdd->status),
			      "the core does not know that the counter runs");

	ins5s8563_model_advance(&t->model, 30 * ONE_SECOND);
	KUNIT_EXPECT_EQ(test, wdd->ops->ping(wdd), 0);
	KUNIT_EXPECT_EQ_MSG(test, ins_timer_regs(test), wdd->timeout + 1,
			    "the core's ping did not feed it");
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2);

	clear_bit(WDOG_HW_RUNNING, &wdd->status);
	KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), 0);
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
	KUNIT_EXPECT_FALSE(test, test_bit(WDOG_HW_RUNNING, &wdd->status));
	ins5s8563_model_advance(&t->model, 200 * ONE_SECOND);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 0);
}

/*
 * The driver refuses dapu,timer-write-reload-only with a variant's
 * dapu,timer-start-resumes (no write feeds such a chip): its cases of
 * the reload-only ping do not apply there.
 */
static void skip_start_resumes(struct kunit *test)
{
	const char * const *name;

	for (name = ins5s8563_test_props; name && *name; name++)
		if (!strcmp(*name, "dapu,timer-start-resumes"))
			kunit_skip(test, "refused with the variant's %s", *name);
}

/*
 * dapu,timer-write-reload-only, on the chip it is for: the ping stops the
 * timer, writes the count and starts it, which loads it (or resumes it,
 * start=resume: the count written with TE=0 is the live one). A write
 * that fails is made again; a stop that fails is reported, and the
 * timer, which may never have stopped, started all the same. A count
 * left half written (the stop writes the low byte as 0xff, the real one
 * comes after the upper bytes) is the old or the new upper bytes over
 * 0xff: the timer is started on it, never shorter than the count it had
 * unfed or than the one asked for, whichever is shorter, and at most 255
 * ticks longer than the longer (after a timeout lowered, the old upper
 * bytes may be the longer), and the error reported. Only a start that
 * cannot be made leaves it stopped, reported. The next ping, which may
 * fail too, stops, loads and starts it again the same way, a second
 * later: started but for a start that cannot be made, also where the
 * chip's VLF is set (a stopped timer whose /INT enables are kept is no
 * power loss). A fed board is never reset, and a ping that did not feed
 * is never reported as one that did. Accesses of a ping: SEC, the stop
 * with the low byte 0xff, the upper bytes, the low byte, the start (VLF
 * set: the timer control and Control_2 read after SEC).
 */
struct restart_fault_case {
	const char *name;
	unsigned int nth, count;
	int ret;
	bool running;
	/* Seconds of the timeout, and of its count left at the ping. */
	unsigned int timeout, left;
	enum ins5s8563_model_start start;
	/* It runs the count it had, not the new one. */
	bool as_was;
	/* The timeout set before the ping (0: unchanged). */
	unsigned int lowered;
	/* The access of the next ping that fails once (0: none). */
	unsigned int next_nth;
	/* VLF set before the next ping (the time never set since a dip). */
	bool vlf;
};

static const struct restart_fault_case restart_fault_cases[] = {
	{ "stop fails", 2, 1, -ETIMEDOUT, true, 10, 6, 0, true },
	{ "upper bytes fail", 3, 1, -ETIMEDOUT, true, 10, 6 },
	{ "upper bytes never written", 3, 3, -ETIMEDOUT, true, 10, 6 },
	{ "low byte fails", 4, 1, -ETIMEDOUT, true, 10, 6 },
	{ "low byte never written", 4, 3, -ETIMEDOUT, true, 10, 6 },
	{ "start fails once", 5, 1, -ETIMEDOUT, true, 10, 6 },
	{ "start fails twice", 5, 2, -ETIMEDOUT, true, 10, 6 },
	{ "start never made", 5, 3, -ETIMEDOUT, false, 10, 6 },
	{ "start=resume, timeout 1000 s, 401 s left, stop fails",
	  2, 1, -ETIMEDOUT, true, 1000, 401, INS5S8563_MODEL_START_RESUME,
	  true },
	{ "start=resume, timeout 1000 s, 401 s left, upper bytes fail once",
	  3, 1, -ETIMEDOUT, true, 1000, 401, INS5S8563_MODEL_START_RESUME },
	{ "start=resume, timeout 1000 s, 401 s left, upper bytes never written",
	  3, 3, -ETIMEDOUT, true, 1000, 401, INS5S8563_MODEL_START_RESUME },
	{ "start=resume, timeout 1000 s, 401 s left, low byte never written",
	  4, 3, -ETIMEDOUT, true, 1000, 401, INS5S8563_MODEL_START_RESUME },
	{ "timeout 1000 s, 401 s left, upper bytes never written",
	  3, 3, -ETIMEDOUT, true, 1000, 401 },
	{ "timeout 1000 s, 401 s left, low byte never written",
	  4, 3, -ETIMEDOUT, true, 1000, 401 },
	{ "timeout 1000 s lowered to 10 s, 900 s left, upper bytes never written",
	  3, 3, -ETIMEDOUT, true, 1000, 900, 0, false, 10 },
	{ "timeout 1000 s lowered to 10 s, 900 s left, low byte never written",
	  4, 3, -ETIMEDOUT, true, 1000, 900, 0, false, 10 },
	{ "low byte never written, the next ping's stop fails",
	  4, 3, -ETIMEDOUT, true, 10, 6, 0, false, 0, 2 },
	{ "low byte never written, the next ping's upper bytes fail",
	  4, 3, -ETIMEDOUT, true, 10, 6, 0, false, 0, 3 },
	{ "start never made, the next ping's upper bytes fail",
	  5, 3, -ETIMEDOUT, false, 10, 6, 0, false, 0, 3 },
	{ "start never made, the next ping's start fails",
	  5, 3, -ETIMEDOUT, false, 10, 6, 0, false, 0, 5 },
	{ "start never made, VLF set, the next ping's upper bytes fail",
	  5, 3, -ETIMEDOUT, false, 10, 6, 0, false, 0, 5, true },
};

static void restart_fault_case_desc(const struct restart_fault_case *c,
				    char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(restart_fault_cases, restart_fault_cases,
		  restart_fault_case_desc);

static void wdt_reload_only_ping_faults(struct kunit *test)
{
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_BOOL("reset-source"),
		PROPERTY_ENTRY_BOOL("dapu,timer-write-reload-only"),
		{ }
	};
	const struct restart_fault_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	u32 whole = c->timeout + 1, before, count;
	struct watchdog_device *wdd;
	int ret;

	skip_start_resumes(test);

	t->variant.write_running = INS5S8563_MODEL_WRITE_RUNNING_RELOAD_ONLY;
	t->variant.start = c->start;
	ins5s8563_model_set_variant(&t->model, &t->variant);
	ins_add_props(test, props);
	ins_poke(test, REG_SEC, 0);
	ins_probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->set_timeout(wdd, c->timeout), 0);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	ins5s8563_model_advance(&t->model, (u64)(whole - c->left) * ONE_SECOND);
	before = ins_timer_regs(test);
	KUNIT_ASSERT_EQ(test, before, c->left);
	if (c->lowered) {
		KUNIT_ASSERT_EQ(test, wdd->ops->set_timeout(wdd, c->lowered), 0);
		whole = c->lowered + 1;
	}

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, c->nth, c->count, -ETIMEDOUT);
	ret = wdd->ops->ping(wdd);
	ins5s8563_model_fail(&t->model, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, ret, c->ret);
	count = ins_timer_regs(test);
	KUNIT_EXPECT_EQ_MSG(test, !!(ins_peek(test, REG_TIMER_CTRL) & TIMER_TE),
			    c->running, "the timer runs after the ping (count %u)",
			    count);
	if (c->running && c->as_was)
		KUNIT_EXPECT_EQ_MSG(test, count, before,
				    "the count it runs after the ping (it had %u)",
				    before);
	/* Guarded, and never reset before the unfed deadline. */
	if (c->running && !c->as_was) {
		KUNIT_EXPECT_GE_MSG(test, count, min(before, whole),
				    "a failed ping shortened the count it had");
		KUNIT_EXPECT_LE_MSG(test, count, max(before, whole) + 255,
				    "a failed ping lengthened the count (it had %u)",
				    before);
	}
	if (!ret) {
		KUNIT_EXPECT_EQ_MSG(test, count, whole,
				    "a ping reported done did not feed");
	} else if (c->next_nth) {
		u32 first;

		ins5s8563_model_advance(&t->model, ONE_SECOND);
		first = ins_timer_regs(test);
		if (c->vlf)
			ins_poke(test, REG_SEC, ins_peek(test, REG_SEC) | SEC_VLF);
		ins5s8563_model_reset_counters(&t->model);
		ins5s8563_model_fail(&t->model, c->next_nth, 1, -ETIMEDOUT);
		KUNIT_EXPECT_EQ(test, wdd->ops->ping(wdd), -ETIMEDOUT);
		ins5s8563_model_fail(&t->model, 0, 0, 0);
		count = ins_timer_regs(test);
		KUNIT_EXPECT_TRUE_MSG(test,
				      ins_peek(test, REG_TIMER_CTRL) & TIMER_TE,
				      "the next ping, failed, left the board unguarded (count %u)",
				      count);
		KUNIT_EXPECT_GE_MSG(test, count, min(first, whole),
				    "the next ping, failed, shortened the count (it had %u)",
				    first);
		KUNIT_EXPECT_LE(test, count, max(first, whole) + 255);
		KUNIT_EXPECT_EQ(test, wdd->ops->ping(wdd), 0);
	} else {
		KUNIT_EXPECT_EQ(test, wdd->ops->ping(wdd), 0);
	}

	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), whole);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	ins5s8563_model_advance(&t->model, (u64)(whole - 2) * ONE_SECOND);
	KUNIT_EXPECT_EQ(test, wdd->ops->ping(wdd), 0);
	ins5s8563_model_advance(&t->model, (u64)(whole - 2) * ONE_SECOND);
	KUNIT_EXPECT_EQ_MSG(test, t->model.timer_expiries, 0,
			    "a fed watchdog expired");
	ins5s8563_model_advance(&t->model, 3 * ONE_SECOND);
	KUNIT_EXPECT_EQ_MSG(test, t->model.timer_expiries, 1,
			    "an unfed watchdog did not expire");
}

/*
 * Across system suspend the counter is stopped (nobody pings it while the
 * system sleeps, and it keeps counting on its battery), and started again
 * with a whole timeout at resume.
 */
static void wdt_suspend_resume(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;

	add_reset_source(test);
	ins_probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->set_timeout(wdd, 3), 0);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	set_bit(WDOG_ACTIVE, &wdd->status);
	ins5s8563_model_advance(&t->model, 2 * ONE_SECOND);

	KUNIT_ASSERT_EQ(test, ins5s8563_pm_ops.suspend(t->dev), 0);
	KUNIT_EXPECT_FALSE_MSG(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE,
			       "the watchdog counts while the system sleeps");
	ins5s8563_model_advance(&t->model, 60 * ONE_SECOND);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 0);

	KUNIT_ASSERT_EQ(test, ins5s8563_pm_ops.resume(t->dev), 0);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	KUNIT_EXPECT_EQ_MSG(test, ins_timer_regs(test), 4,
			    "resume starts a whole timeout (3 s, one tick more)");
	ins5s8563_model_advance(&t->model, 3 * ONE_SECOND);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 0);
	ins5s8563_model_advance(&t->model, ONE_SECOND);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 1);
	clear_bit(WDOG_ACTIVE, &wdd->status);
	KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), 0);
}

/* A stopped watchdog stays stopped across suspend and resume. */
static void wdt_suspend_stopped(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	add_reset_source(test);
	ins_probe_ok(test);
	ins5s8563_model_reset_counters(&t->model);
	KUNIT_ASSERT_EQ(test, ins5s8563_pm_ops.suspend(t->dev), 0);
	KUNIT_ASSERT_EQ(test, ins5s8563_pm_ops.resume(t->dev), 0);
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
	KUNIT_EXPECT_EQ(test, t->model.writes, 0);
}

static void count_int(struct ins5s8563_model *m, void *priv, bool asserted)
{
	struct ins5s8563_test *t = priv;

	if (asserted)
		t->fires++;
}

/* Each bus access lasts 8 ticks: a 4096 Hz count of 1 expires meanwhile. */
static void slow_bus_hook(struct ins5s8563_model *m, void *priv,
			  unsigned int access, enum ins5s8563_model_dir dir,
			  u8 reg)
{
	__ins5s8563_model_advance(m, 8);
}

struct leftover_case {
	const char *desc;
	u8 td;
	u8 ctrl2;
};

static const struct leftover_case leftover_cases[] = {
	{ "4096 Hz, off /INT", 0, 0 },
	{ "4096 Hz, off /INT, pulse mode set", 0, CTRL2_TI_TP },
	{ "64 Hz, off /INT", 1, 0 },
};

KUNIT_ARRAY_PARAM_DESC(leftover_cases, leftover_cases, desc);

/*
 * Probe with reset-source over a fast countdown an earlier kernel left
 * running off /INT: /INT is the board's reset, and must not move until
 * that count is stopped.
 */
static void wdt_probe_never_pulses(struct kunit *test)
{
	const struct leftover_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;

	add_reset_source(test);
	ins_poke(test, REG_TIMER_LOW, 1);
	ins_poke(test, REG_TIMER_CTRL, TIMER_TE | c->td);
	ins_poke(test, REG_CTRL2, c->ctrl2);
	t->fires = 0;
	ins5s8563_model_set_int_cb(&t->model, count_int, t);
	ins5s8563_model_set_hook(&t->model, slow_bus_hook, t);
	ins_probe_ok(test);
	ins5s8563_model_set_hook(&t->model, NULL, NULL);
	KUNIT_EXPECT_EQ_MSG(test, t->fires, 0, "/INT (the reset) moved during probe");
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL2) & (CTRL2_TIE | CTRL2_TI_TP),
			CTRL2_TIE | CTRL2_TI_TP);
}

/*
 * The chip lost power at runtime (VLF): its timer is stopped and /INT's
 * enables are gone. A ping must not go on writing counter bytes that count
 * nothing: it starts the watchdog anew, at no more transfers than a ping.
 */
static void wdt_power_loss_restarts(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;
	struct rtc_time tm;
	unsigned int ping;
	bool reload_only;

	add_reset_source(test);
	ins_probe_ok(test);
	wdd = wdt(test);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 0, 0), &tm);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &tm), 0);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	ins5s8563_model_reset_counters(&t->model);
	KUNIT_ASSERT_EQ(test, wdd->ops->ping(wdd), 0);
	ping = t->model.accesses;

	ins5s8563_model_power_on_reset(&t->model);
	KUNIT_EXPECT_EQ(test, wdd->ops->ping(wdd), 0);
	KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2,
			    "the watchdog silently stopped with the power loss");
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), wdd->timeout + 1);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL2) & (CTRL2_TIE | CTRL2_TI_TP),
			CTRL2_TIE | CTRL2_TI_TP);
	kunit_info(test, "transfers per ping: %u\n", ping);
	/*
	 * dapu,timer-write-reload-only: the stop with the low byte 0xff,
	 * the upper bytes, the low byte and the start, and no SEC after:
	 * one more.
	 */
	reload_only = device_property_read_bool(t->dev,
						"dapu,timer-write-reload-only");
	KUNIT_EXPECT_LE(test, ping, reload_only ? 5 : 4);
	KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), 0);
}

struct shutdown_case {
	const char *desc;
	enum system_states state;
	bool runs;
};

static const struct shutdown_case shutdown_cases[] = {
	{ "reboot: it guards the reboot", SYSTEM_RESTART, true },
	{ "power-off: stopped", SYSTEM_POWER_OFF, false },
	{ "halt: stopped", SYSTEM_HALT, false },
};

KUNIT_ARRAY_PARAM_DESC(shutdown_cases, shutdown_cases, desc);

/*
 * Through a reboot the watchdog keeps running (the next kernel takes it
 * over); at power-off it stops, or it would reset (power up) a board meant
 * to stay off, and the next boot would report a reset it never made.
 */
static void wdt_shutdown(struct kunit *test)
{
	const struct shutdown_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;

	add_reset_source(test);
	ins_probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	ins5s8563_shutdown(t->dev, c->state);
	KUNIT_EXPECT_EQ(test, !!(ins_peek(test, REG_TIMER_CTRL) & TIMER_TE),
			c->runs);
	ins5s8563_model_advance(&t->model, 120 * ONE_SECOND);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, c->runs ? 1 : 0);
	if (c->runs)
		KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), 0);
}

/*
 * dapu,timer-write-reload-only, with either start the chip may have: a
 * start that loads the reload value (decision 14's chosen reading), or
 * one that resumes the count held (start=resume, which needs no property
 * of its own: a count written with TE=0 is still the live count). Each
 * ping must feed the watchdog: a fed board is never reset.
 */
struct reload_only_case {
	const char *desc;
	enum ins5s8563_model_start start;
};

static const struct reload_only_case reload_only_cases[] = {
	{ "start=reload", INS5S8563_MODEL_START_RELOAD },
	{ "start=resume", INS5S8563_MODEL_START_RESUME },
};

KUNIT_ARRAY_PARAM_DESC(reload_only_cases, reload_only_cases, desc);

static void wdt_reload_only_ping_feeds(struct kunit *test)
{
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_BOOL("reset-source"),
		PROPERTY_ENTRY_BOOL("dapu,timer-write-reload-only"),
		{ }
	};
	const struct reload_only_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;
	int i;

	skip_start_resumes(test);

	t->variant = (struct ins5s8563_model_variant){
		.write_running = INS5S8563_MODEL_WRITE_RUNNING_RELOAD_ONLY,
		.start = c->start,
	};
	ins5s8563_model_set_variant(&t->model, &t->variant);
	ins_add_props(test, props);
	ins_probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->set_timeout(wdd, 10), 0);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), 11);

	for (i = 0; i < 4; i++) {
		ins5s8563_model_advance(&t->model, 7 * ONE_SECOND);
		KUNIT_ASSERT_EQ(test, wdd->ops->ping(wdd), 0);
		KUNIT_EXPECT_EQ_MSG(test, ins_timer_regs(test), 11,
				    "ping %d did not feed", i + 1);
		KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL),
				TIMER_TE | 2);
	}
	KUNIT_EXPECT_EQ_MSG(test, t->model.timer_expiries, 0,
			    "a fed watchdog reset the board");
	ins5s8563_model_advance(&t->model, 12 * ONE_SECOND);
	KUNIT_EXPECT_EQ_MSG(test, t->model.timer_expiries, 1,
			    "an unfed watchdog did not expire");
}

/*
 * A start reported done is a watchdog that runs, on /INT (TIE, pulsed),
 * with its whole timeout, or one whose state a failed read left unknown,
 * which the next ping starts whole; one reported failed does not run on
 * /INT, since the watchdog core feeds only a started one (it would reset
 * a board nobody knows is guarded). Whatever failed, the watchdog core's
 * next call (a ping for a watchdog it started, a start for one that
 * failed) makes it run whole. Every transfer fails, once or several
 * times in a row, on each chip the driver adapts to (on top of the
 * suite's variant): of a start from stopped, and of a ping of one that
 * runs (the watchdog core never starts a running watchdog: it pings it).
 */
struct start_fault_case {
	const char *desc;
	struct ins5s8563_model_variant variant;
	const char *prop;
	bool running;
};

static const struct start_fault_case start_fault_cases[] = {
	{ "chosen, from stopped", { }, NULL, false },
	{ "chosen, running", { }, NULL, true },
	{ "write_running=reload-only +dapu,timer-write-reload-only, from stopped",
	  { .write_running = INS5S8563_MODEL_WRITE_RUNNING_RELOAD_ONLY },
	  "dapu,timer-write-reload-only", false },
	{ "write_running=reload-only +dapu,timer-write-reload-only, running",
	  { .write_running = INS5S8563_MODEL_WRITE_RUNNING_RELOAD_ONLY },
	  "dapu,timer-write-reload-only", true },
	{ "write_running=reload-only,start=resume +dapu,timer-write-reload-only, running",
	  { .write_running = INS5S8563_MODEL_WRITE_RUNNING_RELOAD_ONLY,
	    .start = INS5S8563_MODEL_START_RESUME },
	  "dapu,timer-write-reload-only", true },
	{ "start=resume-stale +dapu,timer-start-resumes, from stopped",
	  { .start = INS5S8563_MODEL_START_RESUME_STALE },
	  "dapu,timer-start-resumes", false },
	{ "start=resume-stale +dapu,timer-start-resumes, running",
	  { .start = INS5S8563_MODEL_START_RESUME_STALE },
	  "dapu,timer-start-resumes", true },
};

KUNIT_ARRAY_PARAM_DESC(start_fault_cases, start_fault_cases, desc);

/* What the watchdog core calls: a ping where it runs, else a start. */
static int start_or_ping(struct watchdog_device *wdd, bool running)
{
	return running ? wdd->ops->ping(wdd) : wdd->ops->start(wdd);
}

/* A stopped watchdog, or one started whole and run for 3 s. */
static void start_fault_setup(struct kunit *test, bool running)
{
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd = wdt(test);

	/* The core stops only a watchdog that runs. */
	if (ins_peek(test, REG_TIMER_CTRL) & TIMER_TE)
		KUNIT_ASSERT_EQ(test, wdd->ops->stop(wdd), 0);
	clear_bit(WDOG_HW_RUNNING, &wdd->status);
	if (running)
		KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);
	ins5s8563_model_advance(&t->model, 3 * ONE_SECOND);
}

static void wdt_start_done_is_armed(struct kunit *test)
{
	const struct start_fault_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	struct property_entry props[3] = {
		PROPERTY_ENTRY_BOOL("reset-source"),
	};
	const char *op = c->running ? "ping" : "start";
	const char * const *name;
	struct watchdog_device *wdd;
	unsigned int k, n, count, unfed;
	bool armed;
	int ret;

	/* A variant's property would make another chip of this one. */
	for (name = ins5s8563_test_props; name && *name; name++)
		if (!c->prop || strcmp(*name, c->prop))
			kunit_skip(test, "the variant's %s is not this chip's",
				   *name);
	if (c->prop)
		props[1] = PROPERTY_ENTRY_BOOL(c->prop);
	ins_or_variant(test, &c->variant);
	ins_add_props(test, props);
	ins_probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->set_timeout(wdd, 10), 0);
	start_fault_setup(test, c->running);
	ins5s8563_model_reset_counters(&t->model);
	KUNIT_ASSERT_EQ(test, start_or_ping(wdd, c->running), 0);
	n = t->model.accesses;

	for (count = 1; count <= 3; count++) {
		for (k = 1; k <= n; k++) {
			start_fault_setup(test, c->running);
			unfed = ins_timer_regs(test);
			ins5s8563_model_reset_counters(&t->model);
			ins5s8563_model_fail(&t->model, k, count, -ETIMEDOUT);
			ret = start_or_ping(wdd, c->running);
			ins5s8563_model_fail(&t->model, 0, 0, 0);

			armed = (ins_peek(test, REG_TIMER_CTRL) & TIMER_TE) &&
				(ins_peek(test, REG_CTRL2) & CTRL2_TIE);
			if (!ret && !armed) {
				/*
				 * Reported done, it may not run: the next ping
				 * (userspace's, or the core's worker) must make
				 * it run whole.
				 */
				KUNIT_EXPECT_EQ_MSG(test, wdd->ops->ping(wdd), 0,
						    "%s, transfers %u-%u of %u failed: the ping after",
						    op, k, k + count - 1, n);
				armed = (ins_peek(test, REG_TIMER_CTRL) & TIMER_TE) &&
					(ins_peek(test, REG_CTRL2) & CTRL2_TIE);
			}
			if (!ret) {
				KUNIT_EXPECT_TRUE_MSG(test, armed,
						      "%s, transfers %u-%u of %u failed: done, not armed",
						      op, k, k + count - 1, n);
				KUNIT_EXPECT_TRUE_MSG(test,
						      ins_peek(test, REG_CTRL2) & CTRL2_TI_TP,
						      "%s, transfers %u-%u of %u failed: /INT a level",
						      op, k, k + count - 1, n);
				KUNIT_EXPECT_EQ_MSG(test, ins_timer_regs(test), 11,
						    "%s, transfers %u-%u of %u failed: done, count",
						    op, k, k + count - 1, n);
			} else if (!c->running) {
				/*
				 * The watchdog core neither feeds nor counts a
				 * watchdog whose start failed (watchdog_start()
				 * schedules its worker, and watchdog_open() keeps
				 * its references, only on success): it must not
				 * run on /INT, and WDOG_HW_RUNNING with an error
				 * unbalances the core's module and device
				 * references at the next release.
				 */
				KUNIT_EXPECT_FALSE_MSG(test, armed,
						       "start, transfers %u-%u of %u failed: failed, armed, unfed",
						       k, k + count - 1, n);
				KUNIT_EXPECT_FALSE_MSG(test,
						       test_bit(WDOG_HW_RUNNING, &wdd->status),
						       "start, transfers %u-%u of %u failed: failed with WDOG_HW_RUNNING",
						       k, k + count - 1, n);
			} else if (armed || k != n || count != 3) {
				/*
				 * A failed ping of a running watchdog leaves it
				 * guarded (only a start never made leaves it
				 * stopped), and never resets the board before
				 * the count it had unfed.
				 */
				KUNIT_EXPECT_TRUE_MSG(test, armed,
						      "ping, transfers %u-%u of %u failed: failed, unguarded",
						      k, k + count - 1, n);
				KUNIT_EXPECT_GE_MSG(test, ins_timer_regs(test), unfed,
						    "ping, transfers %u-%u of %u failed: count shortened",
						    k, k + count - 1, n);
				KUNIT_EXPECT_LE_MSG(test, ins_timer_regs(test), 11 + 255,
						    "ping, transfers %u-%u of %u failed: count lengthened",
						    k, k + count - 1, n);
			}

			/*
			 * A ping that failed: the core keeps the watchdog
			 * active and pings it again. A start that failed: it
			 * is not started, and the next open starts it.
			 */
			KUNIT_EXPECT_EQ_MSG(test,
					    start_or_ping(wdd, c->running || !ret),
					    0, "the %s after %s's transfers %u-%u of %u failed",
					    c->running || !ret ? "ping" : "start",
					    op, k, k + count - 1, n);
			KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL),
					TIMER_TE | 2);
			KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL2) &
					(CTRL2_TI_TP | CTRL2_TIE),
					CTRL2_TI_TP | CTRL2_TIE);
			KUNIT_EXPECT_EQ(test, ins_timer_regs(test), 11);
		}
	}
	KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), 0);
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
}

/*
 * write_running=pcf8563 (finding C1), with time moving on the bus (a
 * transfer's bytes take 3 ticks each): a ping whose writes meet a
 * seconds rollover loads a corrupted first count, the AND of the byte
 * the counter held and the byte written. The counter holds 0xc2 in each
 * byte, which has no 1 where 61 (0x3d) has one: a corrupted load leaves 0
 * in the low byte, a count that never expires. The ping reads the seconds
 * before and after its writes and writes again when they moved, so
 * wherever the rollover falls, the watchdog ends fed whole (no edge came
 * after the last write, or the seconds read after it would have moved)
 * and never resets early.
 */
static void wdt_ping_pcf8563_bus_time(struct kunit *test)
{
	static const struct ins5s8563_model_variant pcf8563 = {
		.write_running = INS5S8563_MODEL_WRITE_RUNNING_PCF8563,
	};
	struct ins5s8563_test *t = test->priv;
	struct watchdog_device *wdd;
	u32 before;
	u64 tick;

	ins_or_variant(test, &pcf8563);
	add_reset_source(test);
	ins_probe_ok(test);
	wdd = wdt(test);
	KUNIT_ASSERT_EQ(test, wdd->ops->set_timeout(wdd, 60), 0);
	KUNIT_ASSERT_EQ(test, wdd->ops->start(wdd), 0);

	for (before = 1; before <= 64; before++) {
		ins_poke(test, REG_TIMER_LOW, 0xc2);
		ins_poke(test, REG_TIMER_MID, 0xc2);
		ins_poke(test, REG_TIMER_HIGH, 0xc2);
		ins5s8563_model_advance(&t->model, 2 * ONE_SECOND - before -
					t->model.subsec);
		t->model.access_ticks = 3 * INS5S8563_MODEL_BYTE_TICKS;
		KUNIT_EXPECT_EQ_MSG(test, wdd->ops->ping(wdd), 0,
				    "%u ticks before a rollover", before);
		t->model.access_ticks = 0;
		KUNIT_EXPECT_EQ_MSG(test, ins_timer_regs(test), 61,
				    "%u ticks before a rollover", before);
	}

	ins5s8563_model_reset_counters(&t->model);
	for (tick = 0; tick < 59 * (u64)ONE_SECOND; tick += ONE_SECOND / 4)
		ins5s8563_model_advance(&t->model, ONE_SECOND / 4);
	KUNIT_EXPECT_EQ_MSG(test, t->model.timer_expiries, 0,
			    "reset sooner than the timeout after the last ping");
	ins5s8563_model_advance(&t->model, 3 * ONE_SECOND);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 1);
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
	KUNIT_CASE_PARAM(wdt_never_early, early_cases_gen_params),
	KUNIT_CASE_PARAM(wdt_failed_stop_keeps_feeding,
			 stop_fault_cases_gen_params),
	KUNIT_CASE_PARAM(wdt_reload_only_ping_faults,
			 restart_fault_cases_gen_params),
	KUNIT_CASE_PARAM(wdt_reload_only_ping_feeds,
			 reload_only_cases_gen_params),
	KUNIT_CASE_PARAM(wdt_start_done_is_armed, start_fault_cases_gen_params),
	KUNIT_CASE(wdt_ping_pcf8563_bus_time),
	KUNIT_CASE(wdt_suspend_resume),
	KUNIT_CASE(wdt_suspend_stopped),
	KUNIT_CASE_PARAM(wdt_probe_never_pulses, leftover_cases_gen_params),
	KUNIT_CASE(wdt_power_loss_restarts),
	KUNIT_CASE_PARAM(wdt_shutdown, shutdown_cases_gen_params),
	{}
};

struct kunit_suite ins5s8563_wdt_suite = {
	.name = "ins5s8563-watchdog",
	.init = ins5s8563_test_init,
	.exit = ins5s8563_test_exit,
	.test_cases = ins5s8563_wdt_cases,
};
