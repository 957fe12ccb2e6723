import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Nest-style legacy decorator (experimentalDecorators).
function Injectable(): ClassDecorator {
  return () => undefined;
}

@Injectable()
class UserService {
  constructor(private readonly prisma: PrismaClient) {}

  async activeCount<T extends boolean = true>(active: T = true as T): Promise<number> {
    const users = await this.prisma.user.findMany({ where: { active } });
    return users.length;
  }
}

export async function run(prisma: PrismaClient) {
  return new UserService(prisma).activeCount();
}
