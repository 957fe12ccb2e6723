import { User, Post } from '../../../test/mongoose/models.js';

export async function run(_models: unknown, age: number) {
  if ((await User.findOne({ age }, { _id: 1 }).lean()) !== null) return 'some';
  return 'none';
}

export const cases: unknown[][] = [[30], [31]];
