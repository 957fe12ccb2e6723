import { type PrismaClient, User } from '../../../test/prisma/generated/client.js';

// A type imported without `type` and a const of the same name: TypeScript
// accepts it (one has only a type meaning, the other only a value meaning).
// pushdown must process the file, not crash on it.
const User = { name: 'User', fields: ['id', 'email'] };

export function label(u: User): string {
  return `${User.name}: ${u.email}`;
}

export async function run(prisma: PrismaClient, minAge: number) {
  const users = await prisma.user.findMany({ where: { age: { gte: minAge } } });
  return [users.length, label({ email: 'a@b.c' } as User)];
}

export const cases: unknown[][] = [[0], [40]];
