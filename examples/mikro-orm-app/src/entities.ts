import { Collection, Entity, Enum, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';

export enum Plan {
  Free = 'free',
  Pro = 'pro',
  Team = 'team',
}

@Entity()
export class Customer {
  @PrimaryKey()
  id!: number;

  @Property({ unique: true })
  email!: string;

  @Property({ nullable: true })
  name?: string | null;

  @Property()
  active: boolean = true;

  @Enum(() => Plan)
  plan: Plan = Plan.Free;

  @Property()
  createdAt: Date = new Date();

  @OneToMany(() => Invoice, (invoice) => invoice.customer)
  invoices = new Collection<Invoice>(this);
}

@Entity()
export class Invoice {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Customer)
  customer!: Customer;

  @Property()
  amountCents!: number;

  @Property()
  paid: boolean = false;

  @Property({ nullable: true })
  paidAt?: Date | null;
}
