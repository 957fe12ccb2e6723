import { User, Post } from '../../../test/mongoose/models.js';

export async function run(_models: unknown, active: boolean) {
  return (await User.find({ active }).sort({ _id: 1 }).lean()).map((u) => `${u.email}:${u.name ?? '-'}`);
}

export const cases: unknown[][] = [[true], [false]];
