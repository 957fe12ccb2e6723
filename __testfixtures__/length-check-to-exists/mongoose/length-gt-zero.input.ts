import { User, Post } from '../../../test/mongoose/models.js';

export async function run(_models: unknown, age: number) {
  if ((await User.find({ age }).lean()).length > 0) return 'some';
  return 'none';
}

export const cases: unknown[][] = [[30], [31]];
