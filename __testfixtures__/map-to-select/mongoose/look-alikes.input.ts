import { User, Post } from '../../../test/mongoose/models.js';

// Hydrated documents: a virtual or getter may be read, so no projection; the document passed on; already selected.
export async function run(_models: unknown) {
  const ids = (await User.find()).map((u) => u.id as string);
  const docs = (await User.find()).map((u) => u.toObject());
  const picked = (await User.find().select('email').lean()).map((u) => u.email);
  return { ids, docs, picked };
}
