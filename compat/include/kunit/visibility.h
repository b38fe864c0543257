/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fallback for kernels before 6.2, which have no <kunit/visibility.h>: the
 * compiler finds this copy only when the kernel's own is missing. Those
 * kernels build no KUnit suite of ours, so nothing is exported.
 */
#ifndef _KUNIT_VISIBILITY_H
#define _KUNIT_VISIBILITY_H

#define VISIBLE_IF_KUNIT static
#define EXPORT_SYMBOL_IF_KUNIT(symbol)

#endif /* _KUNIT_VISIBILITY_H */
