// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite of the INS5S8563 driver: CLKOUT as a clock provider.
 * The fixture and the helpers it shares are in ins5s8563-test.c.
 */

#include "ins5s8563-test.h"

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

	ins_probe_ok(test);
	clk = clkout(test);
	KUNIT_ASSERT_EQ(test, clk_set_rate(clk, c->rate), 0);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CLKOUT), 0x80 | c->fd);
	KUNIT_EXPECT_EQ(test, clk_get_rate(clk), c->rate);
}

/* The rate found at probe is the rate reported. */
static void clkout_rate_from_hardware(struct kunit *test)
{
	const struct rate_case *c = test->param_value;

	ins_poke(test, REG_CLKOUT, c->fd);
	ins_probe_ok(test);
	KUNIT_EXPECT_EQ(test, clk_get_rate(clkout(test)), c->rate);
	KUNIT_EXPECT_EQ_MSG(test, ins_peek(test, REG_CLKOUT), c->fd,
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

	ins_probe_ok(test);
	KUNIT_EXPECT_EQ(test, clk_round_rate(clkout(test), c->req), c->rate);
}

/* Only the four rates reach the chip; anything else changes nothing. */
static void clkout_set_rate_unsupported(struct kunit *test)
{
	static const unsigned long bad[] = { 0, 2, 1000, 32767, 65536 };
	struct ins5s8563_test *t = test->priv;
	struct clk_hw *hw;
	int i;

	ins_poke(test, REG_CLKOUT, 0x81);
	ins_probe_ok(test);
	hw = __clk_get_hw(clkout(test));
	ins5s8563_model_reset_counters(&t->model);

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KUNIT_EXPECT_EQ_MSG(test,
				    ins5s8563_clkout_ops.set_rate(hw, bad[i], 0),
				    -EINVAL, "%lu Hz", bad[i]);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CLKOUT), 0x81);
	KUNIT_EXPECT_EQ(test, t->model.accesses, 0);
}

static void clkout_prepare_toggles_fe(struct kunit *test)
{
	struct clk *clk;

	ins_poke(test, REG_CLKOUT, 0x02);
	ins_probe_ok(test);
	clk = clkout(test);
	KUNIT_EXPECT_FALSE(test, __clk_is_enabled(clk));

	KUNIT_ASSERT_EQ(test, clk_prepare_enable(clk), 0);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CLKOUT), 0x82);
	KUNIT_EXPECT_TRUE(test, clk_hw_is_prepared(__clk_get_hw(clk)));

	clk_disable_unprepare(clk);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CLKOUT), 0x02);
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

	ins_poke(test, REG_CLKOUT, c->clkout);
	ins_probe_ok(test);
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

	ins_probe_ok(test);

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
	ins_probe_ok(test);
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
	ins_poke(test, REG_CLKOUT, 0x81);
	ins_probe_ok(test);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CLKOUT), 0x01);
	KUNIT_EXPECT_FALSE(test, clk_hw_is_prepared(__clk_get_hw(clkout(test))));
}

/* Every op returns the bus error, and the next one finds the truth. */
static void clkout_io_error(struct kunit *test)
{
	const struct clk_ops *ops = &ins5s8563_clkout_ops;
	struct ins5s8563_test *t = test->priv;
	struct clk_hw *hw;
	struct clk *clk;

	ins_poke(test, REG_CLKOUT, 0x00);
	ins_probe_ok(test);
	clk = clkout(test);
	hw = __clk_get_hw(clk);

	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, 1, -EIO);
	KUNIT_EXPECT_EQ(test, clk_prepare(clk), -EIO);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CLKOUT), 0x00);
	KUNIT_EXPECT_EQ_MSG(test, ops->is_prepared(hw), 0,
			    "a failed prepare must not be cached");

	/* The framework drops set_rate's result; the op itself tells. */
	ins5s8563_model_reset_counters(&t->model);
	ins5s8563_model_fail(&t->model, 1, 1, -EIO);
	KUNIT_EXPECT_EQ(test, ops->set_rate(hw, 32, 0), -EIO);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CLKOUT), 0x00);

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
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CLKOUT), 0x02);
	KUNIT_EXPECT_EQ(test, clk_get_rate(clk), 32);
}

/* After a power loss, setting the time brings back the framework's CLKOUT. */
static void clkout_restored_after_power_loss(struct kunit *test)
{
	struct ins5s8563_test *t = test->priv;
	struct rtc_time tm;
	struct clk *clk;

	ins_probe_ok(test);
	clk = clkout(test);
	KUNIT_ASSERT_EQ(test, clk_set_rate(clk, 32), 0);
	KUNIT_ASSERT_EQ(test, clk_prepare(clk), 0);
	clk_unprepare(clk);
	KUNIT_ASSERT_EQ(test, ins_peek(test, REG_CLKOUT), 0x02);

	ins5s8563_model_power_on_reset(&t->model);
	KUNIT_ASSERT_EQ(test, ins_peek(test, REG_CLKOUT), 0x80);
	rtc_time64_to_tm(mktime64(2024, 6, 15, 12, 0, 0), &tm);
	KUNIT_ASSERT_EQ(test, ins_set_time(test, &tm), 0);
	KUNIT_EXPECT_EQ(test, ins_peek(test, REG_CLKOUT), 0x02);
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
	ins_probe_ok(test);
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

	fd = ins_peek(test, REG_CLKOUT) & 0x03;
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

struct kunit_suite ins5s8563_clkout_suite = {
	.name = "ins5s8563-clkout",
	.init = ins5s8563_test_init,
	.exit = ins5s8563_test_exit,
	.test_cases = ins5s8563_clkout_cases,
};
