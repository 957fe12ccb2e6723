import { User, Post } from '../../../test/mongoose/models.js';

// countDocuments honours skip and limit, so a page's length is counted in the database too.
export async function run(_models: unknown, skip: number) {
  const page = await User.find({ active: true }).sort({ age: 1 }).skip(skip).limit(3).lean();
  return page.length;
}

export const cases: unknown[][] = [[0], [7], [8], [100]];
