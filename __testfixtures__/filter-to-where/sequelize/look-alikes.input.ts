import { User, Post } from '../../../test/sequelize/models.js';

// A call in the predicate, a maybe-undefined value (Sequelize throws on undefined in a where), a limited load.
export async function run(_models: unknown, name?: string) {
  const called = (await User.findAll()).filter((u) => u.email.startsWith('a'));
  const maybe = (await User.findAll()).filter((u) => u.name === name);
  const limited = (await User.findAll({ limit: 2 })).filter((u) => u.age > 30);
  return { called: called.length, maybe: maybe.length, limited: limited.length };
}
