import { MoreThanOrEqual, type DataSource, type Repository, MoreThan } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

function InjectRepository(_entity: unknown): ParameterDecorator {
  return () => undefined;
}

class Mailer {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async notifyActive(seen: string[]) {
    for (let after: number | undefined; ; ) {
      const batch = await this.users.find({
        where: { active: true, ...(after === undefined ? {} : { id: MoreThan(after) }) },
        order: { id: 'ASC' },
        take: 2,
      });
      for (const user of batch) {
        seen.push(`mail:${user.email}`);
      }
      if (batch.length < 2) break;
      after = batch[batch.length - 1]!.id;
    }
  }
}

// Loops over every row walk them in keyset batches: `id` > the last one
// (MoreThan, imported), ordered by id, `take` rows at a time.
export async function run(dataSource: DataSource, minViews: number) {
  const seen: string[] = [];
  await new Mailer(dataSource.getRepository(User)).notifyActive(seen);
  for (let after: number | undefined; ; ) {
    const batch = await dataSource.manager.find(Post, {
      where: { views: MoreThanOrEqual(minViews), ...(after === undefined ? {} : { id: MoreThan(after) }) },
      order: { id: 'ASC' },
      take: 2,
    });
    for (const post of batch) {
      await dataSource.manager.update(Post, { id: post.id }, { title: `${post.title}!` });
      seen.push(`post:${post.id}`);
    }
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!.id;
  }
  await dataSource.transaction(async (em) => {
    for (let after: number | undefined; ; ) {
      const batch = await em.find(User, {
        where: { age: MoreThanOrEqual(minViews), ...(after === undefined ? {} : { id: MoreThan(after) }) },
        order: { id: 'ASC' },
        take: 2,
      });
      for (const u of batch) {
        seen.push(`age:${u.id}`);
      }
      if (batch.length < 2) break;
      after = batch[batch.length - 1]!.id;
    }
  });
  for (let after: number | undefined; ; ) {
    const batch = await dataSource.getRepository(User).find({
      where: after === undefined ? {} : { id: MoreThan(after) },
      order: { id: 'ASC' },
      take: 2,
    });
    for (const u of batch) seen.push(`all:${u.id}`);
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!.id;
  }
  return seen;
}

export const cases: unknown[][] = [[0], [30], [5000]];
