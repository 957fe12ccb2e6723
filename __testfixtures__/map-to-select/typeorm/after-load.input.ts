import { AfterLoad, Column, Entity, PrimaryGeneratedColumn, type DataSource } from 'typeorm';

// An @AfterLoad hook may read columns a select leaves out: the projection is declined.
@Entity('account')
class Account {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar' })
  first!: string;

  @Column({ type: 'varchar' })
  last!: string;

  @Column({ type: 'varchar' })
  label!: string;

  @AfterLoad()
  fill() {
    this.label = `${this.first} ${this.last}`;
  }
}

export async function labels(dataSource: DataSource) {
  return (await dataSource.getRepository(Account).find()).map((a) => a.label);
}
