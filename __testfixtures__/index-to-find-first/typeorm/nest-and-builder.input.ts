import type { DataSource, Repository } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

function Injectable(): ClassDecorator {
  return () => undefined;
}
function InjectRepository(_entity: unknown): ParameterDecorator {
  return () => undefined;
}

@Injectable()
class PostService {
  constructor(@InjectRepository(Post) private readonly repo: Repository<Post>) {}

  async latestTitle(authorId: number) {
    const [latest] = await this.repo.find({ where: { authorId }, order: { id: 'DESC' } });
    return latest ? latest.title : null;
  }
}

// A query builder's first entity: getOne() after take(1) (getOne alone loads every row).
export async function run(dataSource: DataSource, minViews: number) {
  const service = new PostService(dataSource.getRepository(Post));
  const top = (await dataSource.getRepository(Post).createQueryBuilder('p').where('p.views >= :minViews', { minViews }).orderBy('p.views', 'DESC').addOrderBy('p.id', 'ASC').getMany())[0];
  const writer = (
    await dataSource.manager.createQueryBuilder(User, 'u').innerJoinAndSelect('u.posts', 'p').where('p.views >= :minViews', { minViews }).orderBy('u.id', 'ASC').getMany()
  )[0];
  return { latest: await service.latestTitle(7), top, writer };
}

export const cases: unknown[][] = [[0], [100], [5000]];
