import { User, Post } from '../../../test/sequelize/models.js';

// Rows used whole, the second row, an unrelated class with a static findAll.
class Cache {
  static async findAll(): Promise<string[]> {
    return ['a'];
  }
}

export async function run(_models: unknown) {
  const rows = await User.findAll();
  const second = (await Post.findAll({ order: [['id', 'ASC']] }))[1];
  const cached = (await Cache.findAll())[0];
  return { ids: rows.map((r) => r.id), n: rows.length, second: second?.id, cached };
}
