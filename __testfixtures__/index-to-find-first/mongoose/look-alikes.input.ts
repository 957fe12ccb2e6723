import { User, Post } from '../../../test/mongoose/models.js';

// The second document, documents used whole.
export async function run(_models: unknown) {
  const second = (await Post.find().sort({ _id: 1 }))[1];
  const rows = await User.find();
  return { second: second?.title, n: rows.length, emails: rows.map((r) => r.email) };
}
