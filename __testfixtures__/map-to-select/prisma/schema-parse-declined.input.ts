import { z } from 'zod';
import * as other from './not-zod.js';
import type { PrismaClient } from '../../../test/prisma/generated/client.js';

const Strict = z.array(z.object({ id: z.number() }).strict());
const Loose = z.array(z.object({ id: z.number() }).passthrough());
const CatchAll = z.object({ id: z.number() }).catchall(z.unknown()).array();
const Refined = z.array(z.object({ id: z.number() })).refine((rows) => rows.length > 0);
const shape = { id: z.number() };
const Spread = z.array(z.object({ ...shape }));
let Reassigned = z.array(z.object({ id: z.number() }));
Reassigned = z.array(z.object({ id: z.number(), email: z.string() }));
const NotZod = other.z.array(other.z.object({ id: 1 }));

// Schemas that read (or keep) more than their keys, or that pushdown cannot read: left alone.
export async function declined(prisma: PrismaClient) {
  const a = await prisma.user.findMany();
  const b = await prisma.user.findMany();
  const c = await prisma.user.findMany();
  const d = await prisma.user.findMany();
  const e = await prisma.user.findMany();
  const f = await prisma.user.findMany();
  const g = await prisma.user.findMany();
  const h = await prisma.user.findMany();
  return [Strict.parse(a), Loose.parse(b), CatchAll.parse(c), Refined.parse(d), Spread.parse(e), Reassigned.parse(f), NotZod.parse(g), z.array(z.object({ id: z.number() })).parse(h, { reportInput: true }), a.length];
}
