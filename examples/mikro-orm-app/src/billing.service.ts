import { EntityManager, EntityRepository } from '@mikro-orm/better-sqlite';
import { Customer, Invoice, Plan } from './entities.js';

export interface Mailer {
  send(to: string, subject: string): Promise<void>;
}

/** A NestJS-style service: the EntityManager and a repository are injected. */
export class BillingService {
  constructor(
    private readonly em: EntityManager,
    private readonly invoices: EntityRepository<Invoice>,
    private readonly mailer: Mailer,
  ) {}

  /** Shown on the admin dashboard. */
  async activeCustomerCount() {
    return (await this.em.find(Customer, { active: true })).length;
  }

  /** Whether the "team" upsell banner is worth showing. */
  async hasTeamCustomers() {
    const teams = await this.em.find(Customer, { plan: Plan.Team, active: true });
    return teams.length > 0;
  }

  /** The last invoice paid, for the receipt page. */
  async latestPaidInvoice() {
    const [latest] = await this.invoices.find({ paid: true }, { orderBy: { id: 'desc' } });
    return latest;
  }

  /** Unpaid invoices over a threshold, oldest first. */
  async largeUnpaid(minCents: number) {
    return (await this.invoices.find({ paid: false }, { orderBy: { id: 'asc' } })).filter((i) => i.amountCents >= minCents);
  }

  /** The monthly newsletter. */
  async sendNewsletter() {
    for (const customer of await this.em.find(Customer, { active: true })) {
      await this.mailer.send(customer.email, 'This month at Acme');
    }
  }

  /** Revenue so far: MikroORM's EntityManager has no sum, so this is only reported. */
  async revenueCents() {
    return (await this.invoices.find({ paid: true })).reduce((sum, i) => sum + i.amountCents, 0);
  }

  /** Writes in the loop: batching would need em.clear(), which would drop the changes. Only reported. */
  async closeInactive() {
    for (const customer of await this.em.find(Customer, { active: false })) {
      customer.plan = Plan.Free;
    }
    await this.em.flush();
  }

  // Left alone: one page of customers, returned to the caller.
  async listCustomers(page: number) {
    return this.em.find(Customer, {}, { orderBy: { id: 'asc' }, limit: 20, offset: page * 20 });
  }

  // Left alone: an array's find, not a query.
  planName(plan: Plan) {
    return [Plan.Free, Plan.Pro, Plan.Team].find((p) => p === plan) ?? 'unknown';
  }
}
