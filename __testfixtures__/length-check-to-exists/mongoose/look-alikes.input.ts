import { User, Post } from '../../../test/mongoose/models.js';

// A skipped page, rows also used.
export async function run(_models: unknown) {
  const paged = (await User.find().skip(20)).length > 0;
  const rows = await User.find();
  return { paged, any: rows.length > 0, n: rows.map((r) => r.email) };
}
