// The project declares a Sequelize model named User (test/sequelize/models.ts), but these Users are
// something else: a local module that declares no model, and a required package. Neither is rewritten.
import { User } from './user-cache.js';

const { User: Remote } = require('remote-cache');

export async function taken(email: string): Promise<boolean> {
  const users = await User.findAll({ where: { email } });
  return users.length > 0;
}

export async function remote(email: string): Promise<boolean> {
  return (await Remote.findAll({ where: { email } })).length > 0;
}
