import { MoreThanOrEqual, type DataSource, type Repository } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

function InjectRepository(_entity: unknown): ParameterDecorator {
  return () => undefined;
}

class Mailer {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async notifyActive(seen: string[]) {
    for (const user of await this.users.find({ where: { active: true }, order: { id: 'ASC' } })) {
      seen.push(`mail:${user.email}`);
    }
  }
}

// Loops over every row walk them in keyset batches: `id` > the last one
// (MoreThan, imported), ordered by id, `take` rows at a time.
export async function run(dataSource: DataSource, minViews: number) {
  const seen: string[] = [];
  await new Mailer(dataSource.getRepository(User)).notifyActive(seen);
  const posts = await dataSource.manager.find(Post, { where: { views: MoreThanOrEqual(minViews) } });
  for (const post of posts) {
    await dataSource.manager.update(Post, { id: post.id }, { title: `${post.title}!` });
    seen.push(`post:${post.id}`);
  }
  await dataSource.transaction(async (em) => {
    (await em.findBy(User, { age: MoreThanOrEqual(minViews) })).forEach((u) => {
      seen.push(`age:${u.id}`);
    });
  });
  for (const u of await dataSource.getRepository(User).find()) seen.push(`all:${u.id}`);
  return seen;
}

export const cases: unknown[][] = [[0], [30], [5000]];
