import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Nest-style legacy decorator (experimentalDecorators).
function Injectable(): ClassDecorator {
  return () => undefined;
}

@Injectable()
class UserService {
  constructor(private readonly prisma: PrismaClient) {}

  async activeCount<T extends boolean = true>(active: T = true as T): Promise<number> {
    const usersCount = await this.prisma.user.count({ where: { active } });
    return usersCount;
  }
}

export async function run(prisma: PrismaClient) {
  return new UserService(prisma).activeCount();
}
