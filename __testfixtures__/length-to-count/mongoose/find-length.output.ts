import { User, Post } from '../../../test/mongoose/models.js';

export async function run(_models: unknown, minAge: number) {
  return await User.countDocuments({ age: { $gte: minAge } });
}

export const cases: unknown[][] = [[0], [30], [1000]];
