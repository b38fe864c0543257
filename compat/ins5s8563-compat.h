/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Out-of-tree builds only (the Makefile force-includes this file): maps the
 * mainline API that the driver is written against onto the older kernels
 * this tree still supports, 6.1 onwards. Every version check of the
 * project lives here, so that drivers/rtc/ stays as it would be upstream.
 */
#ifndef _INS5S8563_COMPAT_H
#define _INS5S8563_COMPAT_H

#include <linux/version.h>

/* The maple tree register cache arrived in 6.4. */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 4, 0)
#define REGCACHE_MAPLE REGCACHE_RBTREE
#endif

/*
 * Until 6.3 the one-argument I2C probe was .probe_new (.probe took the
 * i2c_device_id too). Every header that declares a member called probe is
 * included first, so the rename only reaches the driver's own initialiser.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 3, 0)
#include <linux/device.h>
#include <linux/i2c.h>
#include <linux/platform_device.h>
#define probe probe_new
#endif

/* MODULE_IMPORT_NS() takes a string literal from 6.13 on. */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 13, 0)
#include <linux/module.h>
#undef MODULE_IMPORT_NS
#define MODULE_IMPORT_NS(ns) MODULE_INFO(import_ns, ns)
#endif

/*
 * device_find_child() takes a const data pointer and a device_match_t
 * (whose data is const) from 6.14 on. Before, the match took void *data:
 * the const match is called through a trampoline of the old type, never
 * cast to it (an indirect call through a cast pointer fails kCFI).
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 14, 0)
#include <linux/device.h>

struct ins5s8563_find_child {
	int (*match)(struct device *dev, const void *data);
	const void *data;
};

static inline int ins5s8563_find_child_match(struct device *dev, void *data)
{
	const struct ins5s8563_find_child *f = data;

	return f->match(dev, f->data);
}

static inline struct device *
ins5s8563_device_find_child(struct device *parent, const void *data,
			    int (*match)(struct device *dev, const void *data))
{
	struct ins5s8563_find_child f = { .match = match, .data = data };

	return device_find_child(parent, &f, ins5s8563_find_child_match);
}

#define device_find_child ins5s8563_device_find_child
#endif

/*
 * hrtimer_setup() (6.13) initialises the timer and sets its function in
 * one call; hrtimer_init() is gone in the newest kernels.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 13, 0)
#include <linux/hrtimer.h>

static inline void
ins5s8563_hrtimer_setup(struct hrtimer *timer,
			enum hrtimer_restart (*function)(struct hrtimer *),
			clockid_t clock_id, enum hrtimer_mode mode)
{
	hrtimer_init(timer, clock_id, mode);
	timer->function = function;
}

#define hrtimer_setup ins5s8563_hrtimer_setup
#endif

/*
 * struct i2c_board_info has only a fwnode in the newest kernels: its
 * of_node is gone (present in 6.12, gone by 7.2; the release in between
 * is not pinned here, so the seam reaches up to 7.1: a kernel that lost
 * the member earlier fails to compile the simulator rather than run it
 * wrong). Before, the I2C core took the client's of_node from of_node
 * alone: set it from the fwnode.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(7, 2, 0)
#include <linux/i2c.h>
#include <linux/of.h>

static inline struct i2c_client *
ins5s8563_i2c_new_client_device(struct i2c_adapter *adap,
				const struct i2c_board_info *info)
{
	struct i2c_board_info i = *info;

	if (!i.of_node && is_of_node(i.fwnode))
		i.of_node = to_of_node(i.fwnode);
	return i2c_new_client_device(adap, &i);
}

#define i2c_new_client_device ins5s8563_i2c_new_client_device
#endif

#endif /* _INS5S8563_COMPAT_H */
