import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const customers = sqliteTable('customers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name'),
  plan: text('plan').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
});

export const invoices = sqliteTable('invoices', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  customerId: integer('customer_id')
    .notNull()
    .references(() => customers.id),
  cents: integer('cents').notNull(),
  paid: integer('paid', { mode: 'boolean' }).notNull(),
  discount: real('discount'),
});
