// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite of the INS5S8563 driver: the countdown timer through sysfs.
 * The fixture and the helpers it shares are in ins5s8563-test.c.
 */

#include "ins5s8563-test.h"

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

	ins_probe_ok(test);
	snprintf(line, sizeof(line), "%s\n", c->clock);
	ins_cd_store_ok(test, "clock", line);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), c->td);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "clock"), c->clock);
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

	ins_probe_ok(test);
	ins_cd_store_ok(test, "ticks", c->input);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_LOW), c->low);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_MID), c->mid);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_HIGH), c->high);
	KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, 0x10) | ins_peek(test, 0x11), 0,
			    "0x10 and 0x11 are never written");
	snprintf(want, sizeof(want), "%u", c->ticks);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "ticks"), want);
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

	ins_probe_ok(test);
	ins_cd_store_ok(test, "ticks", "300");
	ins_cd_store_ok(test, "clock", "64");
	for (reg = 0; reg < sizeof(before); reg++)
		before[reg] = ins_peek(test, reg);
	ins5s8563_model_reset_counters(&t->model);

	KUNIT_EXPECT_EQ(test, ins_cd_store(test, c->attr, c->input), c->err);
	for (reg = 0; reg < sizeof(after); reg++)
		after[reg] = ins_peek(test, reg);
	KUNIT_EXPECT_MEMEQ(test, after, before, sizeof(before));
	KUNIT_EXPECT_EQ(test, t->model.writes, 0);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "ticks"), "300");
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "clock"), "64");
}

static void countdown_enable_needs_ticks(struct kunit *test)
{
	ins_probe_ok(test);
	KUNIT_EXPECT_EQ(test, ins_cd_store(test, "enable", "1"), -EINVAL);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE, 0);
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
		ins_add_irq(test);
	if (c->wakeup_source)
		ins_add_wakeup_source(test);
	ins_probe_ok(test);
	ins_cd_store_ok(test, "ticks", "1000");
	ins_cd_store_ok(test, "clock", "1");
	ins_cd_store_ok(test, "enable", "1\n");
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	KUNIT_EXPECT_EQ(test, !!(ins_peek(test, REG_CTRL2) & CTRL2_TIE), c->tie);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "enable"), "1");

	ins_cd_store_ok(test, "enable", "0");
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), 2);
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_CTRL2) & CTRL2_TIE);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "enable"), "0");
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), 1000);
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

	ins_probe_ok(test);
	ins_cd_store_ok(test, "ticks", "600");
	ins_cd_store_ok(test, "clock", "64");
	ins_cd_store_ok(test, "enable", "1");
	ins5s8563_model_advance(&t->model, 512 * 10);
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), 590);

	for (i = 0; i < ARRAY_SIZE(steps); i++) {
		t->nlog = 0;
		t->race_bits = 0;
		ins5s8563_model_set_hook(&t->model, load_hook, t);
		ins_cd_store_ok(test, steps[i][0], steps[i][1]);
		ins5s8563_model_set_hook(&t->model, NULL, NULL);
		/*
		 * On a chip whose start resumes the count held, the count is
		 * written again once the timer runs (dapu,timer-start-resumes).
		 */
		if (!ins_has_prop("dapu,timer-start-resumes"))
			KUNIT_EXPECT_EQ_MSG(test, t->race_bits, 0,
					    "%s=%s loaded while TE=1",
					    steps[i][0], steps[i][1]);
		KUNIT_EXPECT_TRUE_MSG(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE,
				      "%s=%s: timer must run again", steps[i][0],
				      steps[i][1]);
	}
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), 5);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 0);
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

	ins_probe_ok(test);
	ins_cd_store_ok(test, "ticks", "258");
	ins_cd_store_ok(test, "clock", "4096");
	ins_cd_store_ok(test, "enable", "1");

	/* Counting down across the 0x100 boundary, tick by tick. */
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "remaining"), "258");
	ins5s8563_model_advance(&t->model, 8);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "remaining"), "257");
	ins5s8563_model_advance(&t->model, 8);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "remaining"), "256");
	ins5s8563_model_advance(&t->model, 8);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "remaining"), "255");

	/* The borrow lands between the driver's reads of the bytes. */
	ins_cd_store_ok(test, "enable", "0");
	ins_cd_store_ok(test, "ticks", "256");
	t->race_bits = 0;
	ins5s8563_model_set_hook(&t->model, borrow_hook, t);
	KUNIT_EXPECT_STREQ_MSG(test, ins_cd_show(test, "remaining"), "255",
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

	ins_add_irq(test);
	ins_probe_ok(test);
	/* An alarm match the alarm code does not own (AIE off). */
	ins_poke(test, REG_CTRL2, CTRL2_AF);
	ins_cd_store_ok(test, "ticks", "2");
	ins_cd_store_ok(test, "clock", "64");
	ins_cd_store_ok(test, "enable", "1");
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "expired"), "0");

	ins5s8563_model_advance(&t->model, 2 * 512);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 1);
	KUNIT_ASSERT_TRUE_MSG(test, wait_for_expiry(t), "TF never cleared");
	synchronize_irq(t->irq);

	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "expired"), "1");
	KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, REG_CTRL2) & (CTRL2_AF | CTRL2_TF),
			    CTRL2_AF, "TF cleared, AF left alone");
	KUNIT_EXPECT_FALSE(test, ins5s8563_model_int(&t->model));

	ins_cd_store_ok(test, "expired", "0\n");
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "expired"), "0");
	KUNIT_EXPECT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_AF);

	/* Periodic: the next expiry comes by itself. */
	ins5s8563_model_advance(&t->model, 2 * 512);
	KUNIT_EXPECT_EQ(test, t->model.timer_expiries, 2);
	KUNIT_ASSERT_TRUE(test, wait_for_expiry(t));
	synchronize_irq(t->irq);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "expired"), "1");
}

/* Without an interrupt, expired reports TF itself; writing 0 clears it. */
static void countdown_expired_polled(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	ins_probe_ok(test);
	ins_cd_store_ok(test, "ticks", "1");
	ins_cd_store_ok(test, "clock", "1");
	ins_cd_store_ok(test, "enable", "1");
	ins5s8563_model_advance(&t->model, ONE_SECOND);
	KUNIT_EXPECT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_TF);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "expired"), "1");
	ins_cd_store_ok(test, "expired", "0");
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_CTRL2) & CTRL2_TF);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "expired"), "0");
}

static void countdown_pulse(struct kunit *test)
{
	ins_probe_ok(test);
	ins_cd_store_ok(test, "pulse", "1");
	KUNIT_EXPECT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_TI_TP);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "pulse"), "1");
	ins_cd_store_ok(test, "pulse", "0");
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_CTRL2) & CTRL2_TI_TP);
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

	ins_poke(test, REG_TIMER_LOW, 0x34);
	ins_poke(test, REG_TIMER_MID, 0x12);
	ins_poke(test, REG_TIMER_HIGH, 0x00);
	ins_poke(test, REG_TIMER_CTRL, c->timer_ctrl);
	ins_poke(test, REG_CTRL2, CTRL2_TI_TP);
	ins_probe_ok(test);

	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "ticks"), c->ticks);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "clock"), "1/60");
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "enable"), c->enable);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "pulse"), "1");

	if (running) {
		/* A reload from an unknown value is refused, not guessed. */
		KUNIT_EXPECT_EQ(test, ins_cd_store(test, "clock", "64"), -EINVAL);
		KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 3);
		ins_cd_store_ok(test, "enable", "0");
	}
	KUNIT_EXPECT_EQ_MSG(test, ins_cd_store(test, "enable", "1"),
			    running ? -EINVAL : 1, "enable 1");
	KUNIT_EXPECT_EQ(test, !!(ins_peek(test, REG_TIMER_CTRL) & TIMER_TE),
			!running);
	if (!running)
		KUNIT_EXPECT_EQ(test, ins_timer_regs(test), 4660);
}

/* Unbinding leaves the timer counting and releases /INT. */
static void countdown_unbind_releases_int(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	ins_add_irq(test);
	ins_probe_ok(test);
	ins_cd_store_ok(test, "ticks", "100");
	ins_cd_store_ok(test, "enable", "1");
	KUNIT_ASSERT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_TIE);

	flush_work(&t->rtc->irqwork);
	t->rtc = NULL;
	kunit_device_unregister(test, t->dev);
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_CTRL2) & CTRL2_TIE);
	KUNIT_EXPECT_TRUE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
}

/*
 * At shutdown or reboot the countdown goes off /INT as at unbind: a
 * warm-booted kernel would otherwise find TIE set and an edge it never saw.
 */
static void countdown_shutdown_releases_int(struct kunit *test)
{
	ins_add_irq(test);
	ins_probe_ok(test);
	ins_cd_store_ok(test, "ticks", "100");
	ins_cd_store_ok(test, "enable", "1");
	KUNIT_ASSERT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_TIE);

	ins5s8563_shutdown(((struct ins5s8563_test *)test->priv)->dev, SYSTEM_RESTART);
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_CTRL2) & CTRL2_TIE);
	KUNIT_EXPECT_TRUE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
}

/*
 * Without an interrupt nothing clears TF: a countdown some earlier owner
 * left on /INT is taken off it at probe (and keeps counting).
 */
static void countdown_probe_takes_timer_off_int(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	ins_add_wakeup_source(test);
	ins_poke_running_timer(test, 1, CTRL2_TIE);
	ins_probe_ok(test);
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_CTRL2) & CTRL2_TIE);
	KUNIT_EXPECT_TRUE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
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

	ins_cd_store_ok(test, "enable", "0");
	ins_cd_store_ok(test, "pulse", "0");
	for (i = 0; i < ARRAY_SIZE(c->setup) && c->setup[i][0]; i++)
		ins_cd_store_ok(test, c->setup[i][0], c->setup[i][1]);
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

	ins_add_irq(test);
	ins_probe_ok(test);

	/* The transfers of a clean run: each is then made to fail once. */
	apply_setup(test, c);
	ins5s8563_model_reset_counters(&t->model);
	ins_cd_store_ok(test, c->attr, c->val);
	n = t->model.accesses;
	KUNIT_ASSERT_GT(test, n, 0);

	for (k = 1; k <= n; k++) {
		apply_setup(test, c);
		ins5s8563_model_reset_counters(&t->model);
		ins5s8563_model_fail(&t->model, k, 1, -ENXIO);
		ret = ins_cd_store(test, c->attr, c->val);
		ins5s8563_model_fail(&t->model, 0, 0, 0);
		KUNIT_EXPECT_EQ_MSG(test, ret, -ENXIO, "transfer %u of %u", k, n);

		te = ins_peek(test, REG_TIMER_CTRL) & TIMER_TE;
		KUNIT_EXPECT_STREQ_MSG(test, ins_cd_show(test, "enable"),
				       te ? "1" : "0",
				       "transfer %u of %u failed: enable vs TE",
				       k, n);

		/*
		 * Again: a timer the failure left stopped says so above, and
		 * enable 1 must then start it (not find it "running").
		 */
		ins_cd_store_ok(test, c->attr, c->val);
		if (c->running_after)
			ins_cd_store_ok(test, "enable", "1");
		KUNIT_EXPECT_EQ_MSG(test, !!(ins_peek(test, REG_TIMER_CTRL) & TIMER_TE),
				    c->running_after,
				    "the retry after transfer %u of %u", k, n);
		KUNIT_EXPECT_EQ_MSG(test, !!(ins_peek(test, REG_CTRL2) & CTRL2_TIE),
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

	ins_probe_ok(test);
	ins_cd_store_ok(test, "ticks", "1000");
	ins_cd_store_ok(test, "clock", "1");
	ins_cd_store_ok(test, "enable", "1");

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, 1000, -ENXIO);
	KUNIT_EXPECT_EQ(test, ins_cd_store(test, "enable", "0"), -ENXIO);
	ins5s8563_model_fail(&t->model, 0, 0, 0);
	KUNIT_ASSERT_TRUE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);
	KUNIT_EXPECT_STREQ_MSG(test, ins_cd_show(test, "enable"), "1",
			       "the timer may run: enable must not say it stopped");

	ins_cd_store_ok(test, "enable", "0");
	KUNIT_EXPECT_FALSE_MSG(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE,
			       "the second enable 0 left it running");
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_CTRL2) & CTRL2_TIE);
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "enable"), "0");

	/* A start that never reached the chip, then one that does. */
	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, 1000, -ENXIO);
	KUNIT_EXPECT_EQ(test, ins_cd_store(test, "enable", "1"), -ENXIO);
	ins5s8563_model_fail(&t->model, 0, 0, 0);
	ins_cd_store_ok(test, "enable", "1");
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL), TIMER_TE | 2);
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), 1000);
}

/*
 * dapu,timer-one-shot on the chip it is for: the handler gives the count
 * back after each expiry. Counts above 0xff at 4096 Hz (an edge every 8
 * ticks) with time moving on the bus (3 ticks a byte), or at 64 Hz on a
 * bus slow enough that an edge comes during each transfer: an edge between
 * the writes of the upper bytes and the low byte would borrow from the
 * upper bytes, a period 256 ticks early. The next period is the count,
 * less the edges of the handler's own transfers. And on the one-shot
 * chips that also take a count written while the timer runs only as its
 * reload value (dapu,timer-write-reload-only), load a corrupted first
 * count when such a write meets an edge (write_running=pcf8563, no
 * property), or resume the count held at a start and take a count written
 * with TE=0 only as the reload value (dapu,timer-start-resumes): the
 * re-arm writes the count as every other load on that chip does.
 */
struct one_shot_case {
	const char *desc;
	const char *ticks;
	const char *clock;
	u32 count;
	/* Ticks each transfer takes. */
	u32 access_ticks;
	/* The chip, besides its one-shot reload, and its property. */
	struct ins5s8563_model_variant variant;
	const char *prop;
};

#define ONE_SHOT_RELOAD_ONLY						\
	.variant = { .write_running =					\
		     INS5S8563_MODEL_WRITE_RUNNING_RELOAD_ONLY },	\
	.prop = "dapu,timer-write-reload-only"
#define ONE_SHOT_PCF8563						\
	.variant = { .write_running = INS5S8563_MODEL_WRITE_RUNNING_PCF8563 }
#define ONE_SHOT_START_RESUMES						\
	.variant = { .start = INS5S8563_MODEL_START_RESUME_STALE },	\
	.prop = "dapu,timer-start-resumes"

static const struct one_shot_case one_shot_cases[] = {
	{ "4096 Hz, 300 ticks", "300", "4096", 300, 9 },
	{ "4096 Hz, 0x10000 ticks", "65536", "4096", 0x10000, 9 },
	{ "4096 Hz, 200 ticks", "200", "4096", 200, 9 },
	/* A slow bus: each transfer meets a 64 Hz edge. */
	{ "64 Hz, 300 ticks, 512 ticks a transfer", "300", "64", 300, 512 },
	{ "write_running=reload-only +dapu,timer-write-reload-only, 4096 Hz, 200 ticks",
	  "200", "4096", 200, 9, ONE_SHOT_RELOAD_ONLY },
	{ "write_running=reload-only +dapu,timer-write-reload-only, 4096 Hz, 300 ticks",
	  "300", "4096", 300, 9, ONE_SHOT_RELOAD_ONLY },
	{ "write_running=pcf8563, 4096 Hz, 200 ticks",
	  "200", "4096", 200, 9, ONE_SHOT_PCF8563 },
	{ "write_running=pcf8563, 4096 Hz, 300 ticks",
	  "300", "4096", 300, 9, ONE_SHOT_PCF8563 },
	{ "start=resume-stale +dapu,timer-start-resumes, 4096 Hz, 200 ticks",
	  "200", "4096", 200, 9, ONE_SHOT_START_RESUMES },
	{ "start=resume-stale +dapu,timer-start-resumes, 4096 Hz, 300 ticks",
	  "300", "4096", 300, 9, ONE_SHOT_START_RESUMES },
	{ "start=resume-stale +dapu,timer-start-resumes, 64 Hz, 300 ticks, 512 ticks a transfer",
	  "300", "64", 300, 512, ONE_SHOT_START_RESUMES },
};

KUNIT_ARRAY_PARAM_DESC(one_shot_cases, one_shot_cases, desc);

/*
 * A one-shot chip (on top of the suite's variant, with @variant's
 * settings) and dapu,timer-one-shot with @prop, an interrupt, and the
 * countdown running @ticks of @clock.
 */
static void one_shot_setup(struct kunit *test,
			   const struct ins5s8563_model_variant *variant,
			   const char *prop, const char *ticks,
			   const char *clock)
{
	struct ins5s8563_model_variant v = variant ? *variant :
		(struct ins5s8563_model_variant){ };
	struct property_entry props[3] = {
		PROPERTY_ENTRY_BOOL("dapu,timer-one-shot"),
	};

	v.reload = INS5S8563_MODEL_RELOAD_ONESHOT;
	ins_or_variant(test, &v);
	if (prop)
		props[1] = PROPERTY_ENTRY_BOOL(prop);
	ins_add_props(test, props);
	ins_add_irq(test);
	ins_probe_ok(test);
	ins_cd_store_ok(test, "ticks", ticks);
	ins_cd_store_ok(test, "clock", clock);
	ins_cd_store_ok(test, "enable", "1");
}

/* Runs the countdown to its expiry and waits for the handler's re-arm. */
static bool one_shot_expire(struct kunit *test, unsigned int expiries)
{
	struct ins5s8563_test *t = test->priv;
	int i;

	for (i = 0; i < 0x20000 && t->model.timer_expiries < expiries; i++)
		ins5s8563_model_advance(&t->model, 8);
	if (t->model.timer_expiries != expiries || !wait_for_expiry(t))
		return false;
	synchronize_irq(t->irq);
	return true;
}

static void countdown_one_shot_rearm(struct kunit *test)
{
	const struct one_shot_case *c = test->param_value;
	struct ins5s8563_test *t = test->priv;
	const char * const *name;
	u32 count;

	/* A case of its own chip runs on no other chip's timer writes. */
	if (c->variant.write_running || c->variant.start) {
		for (name = ins5s8563_test_props; name && *name; name++)
			if (strcmp(*name, "dapu,timer-one-shot") &&
			    (!c->prop || strcmp(*name, c->prop)))
				kunit_skip(test, "the variant's %s is not this chip's",
					   *name);
		if ((t->variant.write_running &&
		     t->variant.write_running != c->variant.write_running) ||
		    (t->variant.start && t->variant.start != c->variant.start))
			kunit_skip(test, "the variant's timer is not this chip's");
	}
	one_shot_setup(test, &c->variant, c->prop, c->ticks, c->clock);
	t->model.access_ticks = c->access_ticks;

	KUNIT_ASSERT_TRUE(test, one_shot_expire(test, 1));
	t->model.access_ticks = 0;
	count = ins_timer_regs(test);
	KUNIT_EXPECT_TRUE_MSG(test, count <= c->count && count + 16 > c->count,
			      "the next period is %u ticks, not %u", count,
			      c->count);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE,
			TIMER_TE);
	t->model.access_ticks = c->access_ticks;
	KUNIT_ASSERT_TRUE_MSG(test, one_shot_expire(test, 2),
			      "no second expiry: the re-arm left %u ticks",
			      count);
	t->model.access_ticks = 0;
	KUNIT_EXPECT_STREQ(test, ins_cd_show(test, "expired"), "1");
	KUNIT_EXPECT_TRUE(test, ins_timer_regs(test) + 16 > c->count);
}

/*
 * A re-arm that fails leaves the timer at 0 (or stopped): the driver does
 * not know what it holds, so the same settings written again start it
 * whole.
 */
static void countdown_one_shot_failed_rearm(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;

	one_shot_setup(test, NULL, NULL, "300", "64");

	/* The handler: read and clear Control_2, then the re-arm fails. */
	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 3, 100, -ETIMEDOUT);
	ins5s8563_model_advance(&t->model, 300 * 512);
	KUNIT_ASSERT_EQ(test, t->model.timer_expiries, 1);
	KUNIT_ASSERT_TRUE(test, wait_for_expiry(t));
	synchronize_irq(t->irq);
	ins5s8563_model_fail(&t->model, 0, 0, 0);
	KUNIT_ASSERT_NE_MSG(test, ins_timer_regs(test), 300,
			    "the re-arm did not fail");

	ins_cd_store_ok(test, "ticks", "300");
	ins_cd_store_ok(test, "enable", "1");
	KUNIT_EXPECT_EQ_MSG(test, ins_timer_regs(test), 300,
			    "the same settings again did not load the count");
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_TIMER_CTRL),
			TIMER_TE | 1);
	ins5s8563_model_advance(&t->model, 300 * 512);
	KUNIT_EXPECT_EQ_MSG(test, t->model.timer_expiries, 2,
			    "the countdown never expired again");
}

/*
 * The first write of Control_2 while the timer runs reaches the chip but
 * fails (the acknowledge lost), and the transfer after it fails too.
 */
static void tie_landed_hook(struct ins5s8563_model *m, void *priv,
			    unsigned int access, enum ins5s8563_model_dir dir,
			    u8 reg)
{
	struct ins5s8563_test *t = priv;

	if (t->fires || dir != INS5S8563_MODEL_WRITE || reg != REG_CTRL2 ||
	    !(m->regs[REG_TIMER_CTRL] & TIMER_TE))
		return;
	t->fires++;
	__ins5s8563_model_poke(m, REG_CTRL2, m->regs[REG_CTRL2] | CTRL2_TIE);
	m->fail_at = access;
	m->fail_count = 2;
	m->fail_err = -ETIMEDOUT;
}

/*
 * dapu,timer-start-resumes: a start runs off /INT until its count is
 * written, and TIE comes back with the write of Control_2 after it. That
 * write reaches the chip, TIE on, but fails, and so does the stop after
 * it: the driver cannot know TIE. The next change, enable 0, must take
 * it off /INT, not take it as off: a free timer left on /INT would be an
 * alarm to the next probe (a countdown never keeps TIE across an unbind),
 * and the next start on this chip would run a stale count on /INT.
 */
static void countdown_start_resumes_tie_unknown(struct kunit *test)
{
	static const struct ins5s8563_model_variant resume_stale = {
		.start = INS5S8563_MODEL_START_RESUME_STALE,
	};
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_BOOL("dapu,timer-start-resumes"),
		{ }
	};
	struct ins5s8563_test *t = test->priv;
	const char * const *name;

	for (name = ins5s8563_test_props; name && *name; name++)
		if (strcmp(*name, "dapu,timer-start-resumes"))
			kunit_skip(test, "the variant's %s is not this chip's",
				   *name);
	ins_or_variant(test, &resume_stale);
	ins_add_props(test, props);
	ins_add_irq(test);
	ins_probe_ok(test);
	ins_cd_store_ok(test, "ticks", "300");
	ins_cd_store_ok(test, "clock", "64");

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_set_hook(&t->model, tie_landed_hook, t);
	KUNIT_EXPECT_EQ(test, ins_cd_store(test, "enable", "1"), -ETIMEDOUT);
	ins5s8563_model_set_hook(&t->model, NULL, NULL);
	ins5s8563_model_fail(&t->model, 0, 0, 0);
	KUNIT_ASSERT_EQ_MSG(test, t->fires, 1, "no write of Control_2 failed");
	KUNIT_ASSERT_TRUE(test, ins_peek(test, REG_CTRL2) & CTRL2_TIE);

	ins_cd_store_ok(test, "enable", "0");
	KUNIT_EXPECT_FALSE_MSG(test, ins_peek(test, REG_CTRL2) & CTRL2_TIE,
			       "the free timer is left on /INT");
	KUNIT_EXPECT_FALSE(test, ins_peek(test, REG_TIMER_CTRL) & TIMER_TE);

	ins_cd_store_ok(test, "enable", "1");
	KUNIT_EXPECT_EQ(test, ins_timer_regs(test), 300);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CTRL2) & CTRL2_TIE, CTRL2_TIE);
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
	KUNIT_CASE_PARAM(countdown_one_shot_rearm, one_shot_cases_gen_params),
	KUNIT_CASE(countdown_one_shot_failed_rearm),
	KUNIT_CASE(countdown_start_resumes_tie_unknown),
	KUNIT_CASE(countdown_pulse),
	KUNIT_CASE_PARAM(countdown_state_from_probe,
			 probe_state_cases_gen_params),
	KUNIT_CASE(countdown_unbind_releases_int),
	KUNIT_CASE(countdown_shutdown_releases_int),
	KUNIT_CASE(countdown_probe_takes_timer_off_int),
	KUNIT_CASE_PARAM(countdown_apply_io_error, apply_cases_gen_params),
	{}
};

struct kunit_suite ins5s8563_countdown_suite = {
	.name = "ins5s8563-countdown",
	.init = ins5s8563_test_init,
	.exit = ins5s8563_test_exit,
	.test_cases = ins5s8563_countdown_cases,
};
