import { asc, desc, eq } from 'drizzle-orm';
import { db } from './db.js';
import { customers, invoices } from './schema.js';

/** Shown on the admin dashboard. */
export async function activeCustomerCount() {
  return (await db.select().from(customers).where(eq(customers.active, true))).length;
}

/** Whether the "team" upsell banner is worth showing. */
export async function hasTeamCustomers() {
  const teams = await db.select().from(customers).where(eq(customers.plan, 'team'));
  return teams.length > 0;
}

/** The latest invoice of a customer. */
export async function latestInvoice(customerId: number) {
  const newest = (await db.select().from(invoices).where(eq(invoices.customerId, customerId)).orderBy(desc(invoices.id)))[0];
  return newest?.cents ?? 0;
}

/** Everyone who gets the monthly newsletter. */
export async function newsletterRecipients() {
  return (await db.select().from(customers).where(eq(customers.active, true))).map((c) => c.email);
}

/** Revenue so far, in cents. */
export async function revenueCents() {
  return (await db.select().from(invoices).where(eq(invoices.paid, true))).reduce((sum, i) => sum + i.cents, 0);
}

/** Big unpaid invoices, for the collections team. */
export async function bigUnpaid(minCents: number) {
  return (await db.select().from(invoices).where(eq(invoices.paid, false)).orderBy(asc(invoices.id))).filter((i) => i.cents >= minCents);
}

/** Nightly: mark every paid invoice of a churned customer. */
export async function closeChurned(customerId: number) {
  for (const invoice of await db.select().from(invoices).where(eq(invoices.customerId, customerId))) {
    await db.update(invoices).set({ discount: 0 }).where(eq(invoices.id, invoice.id));
  }
}

// Reported, not rewritten: the last row is the first of the reversed order, which the code must ask for.
export async function newestCustomer() {
  return (await db.select().from(customers).orderBy(asc(customers.id))).at(-1)?.email;
}

// Left alone: one page of customers, returned to the caller.
export async function listCustomers(page: number) {
  return db.select().from(customers).orderBy(asc(customers.id)).limit(20).offset(page * 20);
}
