import { User, Post } from '../../../test/mongoose/models.js';

export async function run(_models: unknown, minAge: number) {
  return (await User.find({ active: true }).sort({ _id: 1 }).lean()).filter((u) => u.age >= minAge).map((u) => u.email);
}

export const cases: unknown[][] = [[0], [30], [1000]];
