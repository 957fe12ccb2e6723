import { User, Post } from '../../../test/mongoose/models.js';

export async function run(_models: unknown, age: number) {
  if ((await User.exists({ age })) !== null) return 'some';
  return 'none';
}

export const cases: unknown[][] = [[30], [31]];
