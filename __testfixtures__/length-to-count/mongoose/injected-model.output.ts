import type { Model } from 'mongoose';
import { User, type IUser } from '../../../test/mongoose/models.js';

const InjectModel = (_name: string): ParameterDecorator => () => undefined;

// A NestJS service: `@InjectModel(User.name) private readonly userModel: Model<IUser>`.
class UserService {
  constructor(@InjectModel(User.name) private readonly userModel: Model<IUser>) {}

  async adults(): Promise<number> {
    const adultsCount = await this.userModel.countDocuments({ age: { $gte: 18 } }).exec();
    return adultsCount;
  }
}

export async function run(_models: unknown) {
  return new UserService(User).adults();
}
