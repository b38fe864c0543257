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
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), 60);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL2) & (CTRL2_TI_TP | CTRL2_TIE),
			CTRL2_TI_TP | CTRL2_TIE);

	ins5s8563_model_advance(&t->model, 10 * ONE_SECOND);
	KUNIT_EXPECT_EQ(test, wdd->ops->get_timeleft(wdd), 50);
	KUNIT_ASSERT_EQ(test, wdd->ops->ping(wdd), 0);
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), 60);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2);

	KUNIT_ASSERT_EQ(test, wdd->ops->set_timeout(wdd, 300), 0);
	KUNIT_ASSERT_EQ(test, wdd->ops->ping(wdd), 0);
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), 300);

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
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 1);
	KUNIT_EXPECT_TRUE(test, ins5s8563_model_int(&t->model));
	ins5s8563_model_advance(&t->model, 256);
	KUNIT_EXPECT_FALSE_MSG(test, ins5s8563_model_int(&t->model),
			       "/INT must be a pulse");
	KUNIT_EXPECT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_TF);
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
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), c->timeout);
	KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2,
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
			      ins_timer_regs(test) == wdd->timeout,
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
	ins5s8563_model_advance(&t->model, 2 * ONE_SECOND);
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
		KUNIT_EXPECT_EQ_MSG(test, wdt_run(wdd, c->op), -ETIMEDOUT,
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
 * the watchdog runs on (the core says "did not stop!"), and the next stop
 * must stop it; a start that never reached the chip, and the next start
 * must start it.
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
	KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), -ENXIO);
	ins5s8563_model_fail(&t->model, 0, 0, 0);
	KUNIT_ASSERT_TRUE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
	KUNIT_EXPECT_EQ(test, wdd->ops->stop(wdd), 0);
	KUNIT_EXPECT_FALSE_MSG(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE,
			       "the second stop left it running");

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, 1000, -ENXIO);
	KUNIT_EXPECT_EQ(test, wdd->ops->start(wdd), -ENXIO);
	ins5s8563_model_fail(&t->model, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, wdd->ops->start(wdd), 0);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), wdd->timeout);
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

struct kunit_suite ins5s8563_wdt_suite = {
	.name = "ins5s8563-watchdog",
	.init = ins5s8563_test_init,
	.exit = ins5s8563_test_exit,
	.test_cases = ins5s8563_wdt_cases,
};
