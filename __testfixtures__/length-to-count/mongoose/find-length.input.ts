import { User, Post } from '../../../test/mongoose/models.js';

export async function run(_models: unknown, minAge: number) {
  return (await User.find({ age: { $gte: minAge } })).length;
}

export const cases: unknown[][] = [[0], [30], [1000]];
