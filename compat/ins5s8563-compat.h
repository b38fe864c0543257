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

#endif /* _INS5S8563_COMPAT_H */
