import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Customer } from './customer.entity';

@Entity()
export class Invoice {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  amountCents!: number;

  @Column({ type: 'varchar' })
  status!: 'open' | 'paid' | 'void';

  @Column({ type: 'datetime', nullable: true })
  paidAt!: Date | null;

  @Column({ type: 'integer' })
  customerId!: number;

  @ManyToOne(() => Customer, (customer) => customer.invoices)
  customer!: Customer;
}
