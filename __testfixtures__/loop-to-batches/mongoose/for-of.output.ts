import { User, Post } from '../../../test/mongoose/models.js';
import { Types } from 'mongoose';

export async function run(_models: unknown) {
  const seen: string[] = [];
  for (let after: Types.ObjectId | undefined; ; ) {
    const batch = await User.find({ $and: [{ active: true }, after === undefined ? {} : { _id: { $gt: after } }] })
      .sort({ _id: 1 })
      .limit(2);
    for (const u of batch) {
      await User.updateOne({ _id: u._id }, { $set: { bonus: (u.bonus ?? 0) + 1 } });
      seen.push(u.email);
    }
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!._id;
  }
  return seen.sort();
}
