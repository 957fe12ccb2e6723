import { User, Post } from '../../../test/mongoose/models.js';

// Limited, sorted by another field, rows used after the loop.
export async function run(_models: unknown) {
  let total = 0;
  for (const u of await User.find().limit(5)) total += u.age;
  for (const u of await User.find().sort({ name: 1 })) total += u.age;
  const rows = await User.find();
  for (const u of rows) total += u.age;
  return { total, n: rows.length };
}
