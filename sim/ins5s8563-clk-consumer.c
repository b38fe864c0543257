// SPDX-License-Identifier: GPL-2.0
/*
 * A clock consumer for the end-to-end tests of the INS5S8563 CLKOUT
 * (test only): a platform driver for the device tree node
 *
 *	clk-consumer {
 *		compatible = "ins5s8563,sim-clk-consumer";
 *		clocks = <&rtc>;
 *	};
 *
 * that gets its clock like any DT consumer (devm_clk_get(), deferring
 * until the RTC driver registers its provider) and lets the test drive it
 * through the clock framework, in /sys/kernel/debug/ins5s8563-clk-consumer/:
 *
 *   clock   read: the clock's name as the framework knows it
 *   rate    read: clk_get_rate(); write N: clk_set_rate(N)
 *   round   write N, then read: clk_round_rate(N)
 *   enable  write 1: clk_prepare_enable(), 0: clk_disable_unprepare();
 *           read: how many enables this consumer holds
 */

#include <linux/clk.h>
#include <linux/clk-provider.h>
#include <linux/debugfs.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>

struct clk_consumer {
	struct clk *clk;
	/* Protects enabled and round. */
	struct mutex lock;
	unsigned int enabled;
	long round;
	struct dentry *debugfs;
};

static int consumer_rate_get(void *data, u64 *val)
{
	struct clk_consumer *c = data;

	*val = clk_get_rate(c->clk);
	return 0;
}

static int consumer_rate_set(void *data, u64 val)
{
	struct clk_consumer *c = data;

	return clk_set_rate(c->clk, val);
}
DEFINE_DEBUGFS_ATTRIBUTE(consumer_rate_fops, consumer_rate_get,
			 consumer_rate_set, "%llu\n");

static int consumer_round_get(void *data, u64 *val)
{
	struct clk_consumer *c = data;

	mutex_lock(&c->lock);
	*val = c->round;
	mutex_unlock(&c->lock);
	return 0;
}

static int consumer_round_set(void *data, u64 val)
{
	struct clk_consumer *c = data;
	long rate = clk_round_rate(c->clk, val);

	if (rate < 0)
		return rate;
	mutex_lock(&c->lock);
	c->round = rate;
	mutex_unlock(&c->lock);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(consumer_round_fops, consumer_round_get,
			 consumer_round_set, "%llu\n");

static int consumer_enable_get(void *data, u64 *val)
{
	struct clk_consumer *c = data;

	mutex_lock(&c->lock);
	*val = c->enabled;
	mutex_unlock(&c->lock);
	return 0;
}

static int consumer_enable_set(void *data, u64 val)
{
	struct clk_consumer *c = data;
	int ret = 0;

	if (val > 1)
		return -EINVAL;
	mutex_lock(&c->lock);
	if (val) {
		ret = clk_prepare_enable(c->clk);
		if (!ret)
			c->enabled++;
	} else if (c->enabled) {
		clk_disable_unprepare(c->clk);
		c->enabled--;
	} else {
		ret = -EALREADY;
	}
	mutex_unlock(&c->lock);
	return ret;
}
DEFINE_DEBUGFS_ATTRIBUTE(consumer_enable_fops, consumer_enable_get,
			 consumer_enable_set, "%llu\n");

static int consumer_clock_show(struct seq_file *sf, void *unused)
{
	struct clk_consumer *c = sf->private;

	seq_printf(sf, "%s\n", __clk_get_name(c->clk));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(consumer_clock);

static int clk_consumer_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct clk_consumer *c;

	c = devm_kzalloc(dev, sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	mutex_init(&c->lock);

	c->clk = devm_clk_get(dev, NULL);
	if (IS_ERR(c->clk))
		return dev_err_probe(dev, PTR_ERR(c->clk), "no clock\n");

	c->debugfs = debugfs_create_dir("ins5s8563-clk-consumer", NULL);
	debugfs_create_file("clock", 0400, c->debugfs, c, &consumer_clock_fops);
	debugfs_create_file_unsafe("rate", 0600, c->debugfs, c,
				   &consumer_rate_fops);
	debugfs_create_file_unsafe("round", 0600, c->debugfs, c,
				   &consumer_round_fops);
	debugfs_create_file_unsafe("enable", 0600, c->debugfs, c,
				   &consumer_enable_fops);
	platform_set_drvdata(pdev, c);
	dev_info(dev, "got clock %s\n", __clk_get_name(c->clk));
	return 0;
}

static void clk_consumer_remove(struct platform_device *pdev)
{
	struct clk_consumer *c = platform_get_drvdata(pdev);

	debugfs_remove_recursive(c->debugfs);
	while (c->enabled--)
		clk_disable_unprepare(c->clk);
}

static const struct of_device_id clk_consumer_of_match[] = {
	{ .compatible = "ins5s8563,sim-clk-consumer" },
	{ }
};
MODULE_DEVICE_TABLE(of, clk_consumer_of_match);

static struct platform_driver clk_consumer_driver = {
	.driver = {
		.name = "ins5s8563-clk-consumer",
		.of_match_table = clk_consumer_of_match,
	},
	.probe = clk_consumer_probe,
	.remove = clk_consumer_remove,
};
module_platform_driver(clk_consumer_driver);

MODULE_AUTHOR("The INS5S8563 driver authors");
MODULE_DESCRIPTION("Clock consumer for the INS5S8563 CLKOUT tests (test only)");
MODULE_LICENSE("GPL");
