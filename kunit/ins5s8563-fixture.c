// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture helpers shared by the driver's KUnit suites; see
 * ins5s8563-fixture.h.
 */

#include <kunit/test.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/property.h>
#include <linux/regmap.h>
#include <linux/rtc.h>
#include <linux/string.h>

#include "ins5s8563-fixture.h"
#include "ins5s8563-model.h"

static int fixture_bus_write(void *ctx, const void *data, size_t count)
{
	return ins5s8563_model_write(ctx, data, count);
}

static int fixture_bus_read(void *ctx, const void *reg, size_t reg_size,
			    void *val, size_t val_size)
{
	return ins5s8563_model_read_regs(ctx, *(const u8 *)reg, val, val_size);
}

const struct regmap_bus ins5s8563_model_bus = {
	.write = fixture_bus_write,
	.read = fixture_bus_read,
};

static int fixture_match_rtc(struct device *dev, const void *data)
{
	return !strncmp(dev_name(dev), "rtc", 3);
}

struct rtc_device *ins5s8563_fixture_rtc(struct device *dev)
{
	struct device *child;

	child = device_find_child(dev, NULL, fixture_match_rtc);
	if (!child)
		return NULL;
	put_device(child);
	return to_rtc_device(child);
}

struct device_attribute *ins5s8563_fixture_cd_attr(struct rtc_device *rtc,
						   const char *name)
{
	const struct attribute_group **g;
	struct attribute **a;

	for (g = rtc->dev.groups; g && *g; g++) {
		if (!(*g)->name || strcmp((*g)->name, "countdown"))
			continue;
		for (a = (*g)->attrs; *a; a++)
			if (!strcmp((*a)->name, name))
				return container_of(*a, struct device_attribute,
						    attr);
	}
	return NULL;
}

static int fixture_level_irq_map(struct irq_domain *d, unsigned int virq,
				 irq_hw_number_t hw)
{
	irq_set_chip_and_handler(virq, &dummy_irq_chip, handle_simple_irq);
	return 0;
}

static const struct irq_domain_ops fixture_level_irq_ops = {
	.map = fixture_level_irq_map,
};

static void fixture_free_fwnode(void *fwnode)
{
	irq_domain_free_fwnode(fwnode);
}

static void fixture_remove_domain(void *domain)
{
	irq_domain_remove(domain);
}

static void fixture_dispose_mapping(void *data)
{
	irq_dispose_mapping((unsigned long)data);
}

int ins5s8563_fixture_level_irq(struct kunit *test, struct device *dev,
				const char *name)
{
	struct irq_domain *domain;
	struct fwnode_handle *fwnode;
	int irq;

	fwnode = irq_domain_alloc_named_fwnode(name);
	KUNIT_ASSERT_NOT_NULL(test, fwnode);
	KUNIT_ASSERT_EQ(test, devm_add_action_or_reset(dev, fixture_free_fwnode,
						       fwnode), 0);
	domain = irq_domain_create_linear(fwnode, 1, &fixture_level_irq_ops,
					  NULL);
	KUNIT_ASSERT_NOT_NULL(test, domain);
	KUNIT_ASSERT_EQ(test, devm_add_action_or_reset(dev,
						       fixture_remove_domain,
						       domain), 0);
	irq = irq_create_mapping(domain, 0);
	KUNIT_ASSERT_GT(test, irq, 0);
	KUNIT_ASSERT_EQ(test,
			devm_add_action_or_reset(dev, fixture_dispose_mapping,
						 (void *)(unsigned long)irq),
			0);
	/*
	 * The dummy chip sets no type; a descriptor an earlier test had
	 * still carries its edge.
	 */
	irqd_set_trigger_type(irq_get_irq_data(irq), IRQ_TYPE_LEVEL_LOW);
	return irq;
}

int ins5s8563_fixture_wakeup_source(struct device *dev)
{
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_BOOL("wakeup-source"),
		{ }
	};

	return device_create_managed_software_node(dev, props, NULL);
}

int ins5s8563_fixture_reset_source(struct device *dev)
{
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_BOOL("reset-source"),
		{ }
	};

	return device_create_managed_software_node(dev, props, NULL);
}
