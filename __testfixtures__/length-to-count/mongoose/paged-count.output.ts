import { User, Post } from '../../../test/mongoose/models.js';

// countDocuments honours skip and limit, so a page's length is counted in the database too.
export async function run(_models: unknown, skip: number) {
  const pageCount = await User.countDocuments({ active: true }).skip(skip).limit(3);
  return pageCount;
}

export const cases: unknown[][] = [[0], [7], [8], [100]];
