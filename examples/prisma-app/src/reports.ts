import { prisma } from './db.js';

/** Paid orders since a date, for the daily report. */
export async function paidOrderCount(since = new Date('2024-06-01T00:00:00.000Z')) {
  const paidOrders = await prisma.order.findMany({ where: { status: 'paid', createdAt: { gte: since } } });
  return paidOrders.length;
}

/** Revenue in cents over every paid order. */
export async function revenueCents() {
  const orders = await prisma.order.findMany({ where: { status: 'paid' } });
  return orders.reduce((sum, o) => sum + o.totalCents, 0);
}

/** The newest team accounts with their paid orders: one query per account (an N+1 loop). */
export async function teamOrderTotals() {
  const team = await prisma.user.findMany({ where: { plan: 'team' }, orderBy: { id: 'desc' }, take: 300 });
  const totals: { email: string; orders: number; cents: number }[] = [];
  for (const u of team) {
    const orders = await prisma.order.findMany({ where: { userId: u.id, status: 'paid' }, orderBy: { id: 'asc' } });
    totals.push({ email: u.email, orders: orders.length, cents: orders.reduce((sum, o) => sum + o.totalCents, 0) });
  }
  return totals;
}

/** How many different plans people are on. Reported only: count() has no distinct. */
export async function planCount() {
  return (await prisma.user.findMany({ distinct: ['plan'] })).length;
}

// Left alone: the rows are returned, not just counted.
export async function latestOrders() {
  const orders = await prisma.order.findMany({ orderBy: { id: 'desc' }, take: 10 });
  return orders;
}

// Left alone: not a Prisma call.
export function weekdayCount(days: string[]) {
  return days.filter((d) => d !== 'Sat' && d !== 'Sun').length;
}
