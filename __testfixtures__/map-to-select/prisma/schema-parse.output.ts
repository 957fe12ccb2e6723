import { z } from 'zod';
import type { PrismaClient } from '../../../test/prisma/generated/client.js';

const UserRow = z.object({ id: z.number(), email: z.string(), name: z.string().nullable() });
const UserRows = z.array(UserRow);
const PostRows = z.object({ title: z.string(), views: z.number().int() }).array();

// Rows parsed by a zod schema that names its keys (z.object strips the others):
// the load reads just those keys, and whatever else the code reads.
export async function run(prisma: PrismaClient, minAge: number) {
  const users = await prisma.user.findMany({ where: { age: { gte: minAge } }, orderBy: { id: 'asc' }, select: { id: true, email: true, name: true } });
  const parsed = UserRows.parse(users);

  const posts = await prisma.post.findMany({ orderBy: { id: 'asc' }, select: { title: true, views: true, published: true } });
  const checked = PostRows.safeParse(posts);
  const published = posts.filter((p) => p.published).length;

  const people = await prisma.user.findMany({ orderBy: { id: 'asc' }, select: { age: true, id: true, email: true, name: true } });
  const oldest = people.find((u) => u.age >= minAge);
  const one = oldest ? UserRow.parse(oldest) : null;

  // a schema written inline, and one that rejects a Decimal: the same error either way
  const ages = z.array(z.object({ age: z.number(), balance: z.number() })).safeParse(await prisma.user.findMany({ orderBy: { id: 'asc' }, select: { age: true, balance: true } }));

  return { parsed, checked: checked.success ? checked.data : checked.error.issues, published, one, ages: ages.success ? ages.data : ages.error.issues.length };
}

export const cases: unknown[][] = [[0], [41], [1000]];
