import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Ordered loops: ties in the ordered fields (ages 25, 30, 41; two users created at the same
// instant) fall across pages of 2, so the keyset must break them by id.
export async function run(prisma: PrismaClient, minAge: number) {
  const byAge: string[] = [];
  for (const user of await prisma.user.findMany({ where: { age: { gte: minAge } }, orderBy: { age: 'desc' } })) {
    byAge.push(`${user.age}`);
  }
  const byCreation: number[] = [];
  const users = await prisma.user.findMany({ orderBy: [{ createdAt: 'asc' }, { score: 'desc' }], select: { id: true, createdAt: true, score: true } });
  for (const user of users) byCreation.push(user.id);
  const byTitle: string[] = [];
  for (const post of await prisma.post.findMany({ where: { published: true }, orderBy: [{ views: 'asc' }, { title: 'desc' }] })) {
    byTitle.push(`${post.views}:${post.title}`);
  }
  return { byAge, byCreation, byTitle };
}

export const cases: unknown[][] = [[0], [30]];
