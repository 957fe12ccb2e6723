import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Customer } from './entities/customer.entity';

@Injectable()
export class CustomersService {
  constructor(@InjectRepository(Customer) private readonly customers: Repository<Customer>) {}

  /** Shown on the admin dashboard. */
  async activeCount(): Promise<number> {
    const activeCustomers = await this.customers.find({ where: { active: true } });
    return activeCustomers.length;
  }

  /** Whether the "team" upsell banner is worth showing. */
  async hasTeamCustomers(): Promise<boolean> {
    return (await this.customers.findBy({ plan: 'team', active: true })).length > 0;
  }

  /** The first account ever created. */
  async founderEmail(): Promise<string | null> {
    const [first] = await this.customers.find({ order: { id: 'ASC' } });
    return first?.email ?? null;
  }

  /** Everyone who gets the monthly newsletter. */
  async newsletterRecipients(): Promise<string[]> {
    return (await this.customers.find({ where: { active: true } })).map((c) => c.email);
  }

  /** Companies on a paid plan (the filter runs in JavaScript). */
  async paidCompanies(): Promise<Customer[]> {
    return (await this.customers.find({ order: { id: 'ASC' } })).filter((c) => c.plan === 'pro');
  }

  // Left alone: one page, returned to the caller.
  async page(n: number): Promise<Customer[]> {
    return this.customers.find({ order: { id: 'ASC' }, take: 20, skip: n * 20 });
  }
}
