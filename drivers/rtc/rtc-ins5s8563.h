/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the INS5S8563 driver shows its KUnit suites: the register map
 * description, the bus-independent probe and the interrupt thread, so that
 * a test can put the whole driver on a regmap of its own.
 */
#ifndef _RTC_INS5S8563_H
#define _RTC_INS5S8563_H

#include <linux/clk-provider.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/regmap.h>
#include <linux/watchdog.h>

#if IS_ENABLED(CONFIG_KUNIT)
extern const struct regmap_config ins5s8563_regmap_config;
int ins5s8563_probe(struct device *dev, struct regmap *regmap, int irq);
/* The interrupt thread; @dev_id is the driver data of the probed device. */
irqreturn_t ins5s8563_handle_irq(int irq, void *dev_id);
/* What the bus driver's shutdown and the PM resume call. */
void ins5s8563_shutdown(struct device *dev, enum system_states state);
int ins5s8563_resume(struct device *dev);
extern const struct dev_pm_ops ins5s8563_pm_ops;
/* The watchdog of a probed device with reset-source. */
struct watchdog_device *ins5s8563_wdt(struct device *dev);
#ifdef CONFIG_COMMON_CLK
/* CLKOUT's ops, so that a test can hand set_rate what the core never would. */
extern const struct clk_ops ins5s8563_clkout_ops;
struct clk_hw *ins5s8563_clkout_hw(struct device *dev);
#endif
#endif

#endif /* _RTC_INS5S8563_H */
