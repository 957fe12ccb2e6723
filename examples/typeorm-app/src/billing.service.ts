import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Customer } from './entities/customer.entity';
import { Invoice } from './entities/invoice.entity';

declare function sendReminder(email: string, invoiceId: number): Promise<void>;

@Injectable()
export class BillingService {
  constructor(private readonly dataSource: DataSource) {}

  /** Revenue so far, in cents. */
  async revenueCents(): Promise<number> {
    const paid = await this.dataSource.manager.find(Invoice, { where: { status: 'paid' } });
    return paid.reduce((sum, invoice) => sum + invoice.amountCents, 0);
  }

  /** Nightly job: remind every customer with an open invoice. */
  async remindOpenInvoices(): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      for (const invoice of await em.find(Invoice, { where: { status: 'open' }, relations: { customer: true } })) {
        await sendReminder(invoice.customer.email, invoice.id);
      }
    });
  }

  /** Customers with at least one paid invoice (a query builder). */
  async payingCustomerCount(): Promise<number> {
    const paying = await this.dataSource
      .getRepository(Customer)
      .createQueryBuilder('c')
      .innerJoin('c.invoices', 'i', 'i.status = :status', { status: 'paid' })
      .getMany();
    return paying.length;
  }

  /** Reported, not rewritten: the newest invoices are a page, and their count is not a count of all. */
  async recentInvoiceCount(): Promise<number> {
    return (await this.dataSource.getRepository(Invoice).find({ order: { id: 'DESC' }, take: 50 })).length;
  }
}
