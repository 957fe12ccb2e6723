import { User, Post } from '../../../test/mongoose/models.js';

// A call in the predicate, a maybe-undefined value, a limited load.
export async function run(_models: unknown, name?: string) {
  const called = (await User.find().lean()).filter((u) => u.email.includes('@'));
  const maybe = (await User.find().lean()).filter((u) => u.name === name);
  const limited = (await User.find().limit(2).lean()).filter((u) => u.age > 30);
  return { called: called.length, maybe: maybe.length, limited: limited.length };
}
