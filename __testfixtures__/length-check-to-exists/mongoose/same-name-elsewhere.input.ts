// The project declares a Mongoose model named User (test/mongoose/models.ts), but these Users are
// something else: a local module that declares no model, and a package. Neither is rewritten.
import { User } from './user-cache.js';
import { User as CachedUser } from 'some-cache-package';

export async function taken(email: string): Promise<boolean> {
  const found = await User.find({ email });
  return found.length > 0;
}

export async function cached(email: string): Promise<boolean> {
  return (await CachedUser.find({ email })).length > 0;
}
