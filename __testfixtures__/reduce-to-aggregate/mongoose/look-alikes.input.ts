import { User, Post } from '../../../test/mongoose/models.js';

// A limited load, no initial value, a filter value that needs casting by the schema (aggregate does not cast).
export async function run(_models: unknown, authorId: string) {
  const top = (await Post.find().sort({ views: -1 }).limit(3).lean()).reduce((s, p) => s + p.views, 0);
  const noInit = (await Post.find().lean()).map((p) => p.views).reduce((a, b) => a + b);
  return { top, noInit, authorId };
}
