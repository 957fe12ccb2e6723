// The Mongoose models every Mongoose fixture runs against: the users and posts
// of test/prisma/seed.ts as documents, with typed schemas so fixtures
// typecheck under strict against mongoose's own types. Fixtures call the
// models directly (`User.find(...)`), as apps do.

import { model, Schema, Types } from 'mongoose';

export interface IUser {
  _id: Types.ObjectId;
  email: string;
  name?: string | null;
  age: number;
  score: number;
  active: boolean;
  createdAt: Date;
  bonus?: number | null;
}

export interface IPost {
  _id: Types.ObjectId;
  title: string;
  views: number;
  published: boolean;
  rating?: number | null;
  authorId: Types.ObjectId;
}

const userSchema = new Schema<IUser>(
  {
    email: { type: String, required: true, unique: true },
    name: { type: String, default: undefined },
    age: { type: Number, required: true },
    score: { type: Number, required: true },
    active: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    bonus: { type: Number, default: undefined },
  },
  { versionKey: false, autoIndex: false, autoCreate: false },
);

const postSchema = new Schema<IPost>(
  {
    title: { type: String, required: true },
    views: { type: Number, required: true },
    published: { type: Boolean, required: true },
    rating: { type: Number, default: undefined },
    authorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { versionKey: false, autoIndex: false, autoCreate: false },
);

export const User = model<IUser>('User', userSchema);
export const Post = model<IPost>('Post', postSchema);

/** The ObjectId of seed row `n` (deterministic, ordered like the ids). */
export const oid = (n: number): Types.ObjectId => new Types.ObjectId(n.toString(16).padStart(24, '0'));
