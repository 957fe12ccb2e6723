import { User, Post } from '../../../test/mongoose/models.js';

export async function run(_models: unknown) {
  const seen: string[] = [];
  for (const u of await User.find({ active: true })) {
    await User.updateOne({ _id: u._id }, { $set: { bonus: (u.bonus ?? 0) + 1 } });
    seen.push(u.email);
  }
  return seen.sort();
}
