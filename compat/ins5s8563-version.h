/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Out-of-tree builds only (the Makefile force-includes this file into the
 * driver, and passes the tree's VERSION as INS5S8563_VERSION): the
 * module's version, which modinfo and /sys/module/rtc_ins5s8563/version
 * show, is the one of the DKMS package and the Debian package it came
 * from. A mainline driver has none, the kernel's release is its version,
 * so the driver itself does not say it.
 */
#ifndef _INS5S8563_VERSION_H
#define _INS5S8563_VERSION_H

#include <linux/module.h>

MODULE_VERSION(INS5S8563_VERSION);

#endif /* _INS5S8563_VERSION_H */
