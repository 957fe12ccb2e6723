import { User, Post } from '../../../test/sequelize/models.js';

// Already narrowed, an include (nested rows read), the instance passed on, a getter-reading toJSON.
export async function run(_models: unknown) {
  const narrowed = (await User.findAll({ attributes: ['email'] })).map((u) => u.email);
  const withPosts = (await User.findAll({ include: [{ model: Post, as: 'posts' }] })).map((u) => u.email);
  const json = (await User.findAll()).map((u) => u.toJSON());
  return { narrowed, withPosts, json };
}
