import type { DataSource, Repository } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

// Nest-style (legacy) decorators, as @nestjs/common and @nestjs/typeorm declare them.
function Injectable(): ClassDecorator {
  return () => undefined;
}
function InjectRepository(_entity: unknown): ParameterDecorator {
  return () => undefined;
}

@Injectable()
class UserService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Post) private readonly postRepository: Repository<Post>,
  ) {}

  async activeCount(active: boolean): Promise<number> {
    const rows = await this.users.find({ where: { active } });
    return rows.length;
  }

  async postsOf(authorId: number): Promise<number> {
    return (await this.postRepository.findBy({ authorId })).length;
  }
}

// A custom repository (Repository.extend): `this` is the repository inside, and the result is one outside.
function userRepository(dataSource: DataSource) {
  return dataSource.getRepository(User).extend({
    async adultCount(this: Repository<User>, age: number) {
      return (await this.findBy({ age })).length;
    },
  });
}

export async function run(dataSource: DataSource, authorId: number) {
  const service = new UserService(dataSource.getRepository(User), dataSource.getRepository(Post));
  const UserRepository = dataSource.getRepository(User).extend({});
  const inactive = (await UserRepository.find({ where: { active: false } })).length;
  return {
    active: await service.activeCount(true),
    posts: await service.postsOf(authorId),
    aged: await userRepository(dataSource).adultCount(30),
    inactive,
  };
}

export const cases: unknown[][] = [[1], [7], [999]];
