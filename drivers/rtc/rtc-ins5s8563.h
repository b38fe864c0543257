/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the INS5S8563 driver shows its KUnit suites: the register map
 * description and the bus-independent probe, so that a test can put the
 * whole driver on a regmap of its own.
 */
#ifndef _RTC_INS5S8563_H
#define _RTC_INS5S8563_H

#include <linux/device.h>
#include <linux/regmap.h>

#if IS_ENABLED(CONFIG_KUNIT)
extern const struct regmap_config ins5s8563_regmap_config;
int ins5s8563_probe(struct device *dev, struct regmap *regmap, int irq);
#endif

#endif /* _RTC_INS5S8563_H */
