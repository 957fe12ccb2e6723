import { Customer, Invoice } from './models.js';

/** How many active customers there are (loads every one of them to count). */
export async function activeCustomerCount(): Promise<number> {
  const customers = await Customer.findAll({ where: { active: true } });
  return customers.length;
}

/** Is anyone on the enterprise plan? */
export async function hasEnterprise(): Promise<boolean> {
  return (await Customer.findAll({ where: { plan: 'enterprise' } })).length > 0;
}

/** Every active customer's email, for a newsletter. */
export async function newsletter(): Promise<string[]> {
  return (await Customer.findAll({ where: { active: true } })).map((c) => c.email);
}

/** Credits across all customers. */
export async function totalCredits(): Promise<number> {
  return (await Customer.findAll()).reduce((sum, c) => sum + c.credits, 0);
}

/** Grants a credit to every active customer, one row at a time. */
export async function grantCredits(): Promise<void> {
  for (const c of await Customer.findAll({ where: { active: true } })) {
    await c.increment('credits');
  }
}

/** Unpaid invoices of a page of customers: limit makes count() wrong, so it is only reported. */
export async function unpaidOnFirstPage(): Promise<number> {
  return (await Invoice.findAll({ where: { paid: false }, limit: 50 })).length;
}
