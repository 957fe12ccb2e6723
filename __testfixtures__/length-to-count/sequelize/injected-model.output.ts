import type { Transaction } from 'sequelize';
import { User } from '../../../test/sequelize/models.js';

// A NestJS-style service: the model is injected (`@InjectModel(User) private readonly users: typeof User`).
class UserService {
  constructor(private readonly users: typeof User) {}

  async activeCount(transaction?: Transaction) {
    const rowsCount = await this.users.count({ where: { active: true }, transaction });
    return rowsCount;
  }
}

export async function run(_models: unknown) {
  return new UserService(User).activeCount();
}
