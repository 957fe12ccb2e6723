// The Sequelize models every Sequelize fixture runs against: the users and
// posts of test/prisma/seed.ts (the Prisma-only Decimal column left out),
// declared with Model.init and Sequelize's own attribute types so fixtures
// typecheck under strict. Fixtures call the classes directly (`User.findAll`),
// as apps do; initModels binds them to the database of one run.

import {
  DataTypes,
  Model,
  Sequelize,
  type CreationOptional,
  type ForeignKey,
  type InferAttributes,
  type InferCreationAttributes,
} from 'sequelize';

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare email: string;
  declare name: string | null;
  declare age: number;
  declare score: number;
  declare active: boolean;
  declare createdAt: Date;
  declare bonus: number | null;
}

export class Post extends Model<InferAttributes<Post>, InferCreationAttributes<Post>> {
  declare id: CreationOptional<number>;
  declare title: string;
  declare views: number;
  declare published: boolean;
  declare rating: number | null;
  declare authorId: ForeignKey<User['id']>;
}

/** Binds the model classes to `sequelize` (re-binding them if an earlier run used another database). */
export function initModels(sequelize: Sequelize): { User: typeof User; Post: typeof Post } {
  User.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      email: { type: DataTypes.STRING, allowNull: false, unique: true },
      name: { type: DataTypes.STRING, allowNull: true },
      age: { type: DataTypes.INTEGER, allowNull: false },
      score: { type: DataTypes.FLOAT, allowNull: false },
      active: { type: DataTypes.BOOLEAN, allowNull: false },
      createdAt: { type: DataTypes.DATE, allowNull: false },
      bonus: { type: DataTypes.INTEGER, allowNull: true },
    },
    { sequelize, tableName: 'users', updatedAt: false },
  );
  Post.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      title: { type: DataTypes.STRING, allowNull: false },
      views: { type: DataTypes.INTEGER, allowNull: false },
      published: { type: DataTypes.BOOLEAN, allowNull: false },
      rating: { type: DataTypes.FLOAT, allowNull: true },
    },
    { sequelize, tableName: 'posts', timestamps: false },
  );
  User.hasMany(Post, { foreignKey: 'authorId', as: 'posts' });
  Post.belongsTo(User, { foreignKey: 'authorId', as: 'author' });
  return { User, Post };
}

export type Models = ReturnType<typeof initModels>;

export function openSequelize(dbPath: string): { models: Models; sequelize: Sequelize; close(): Promise<void> } {
  const sequelize = new Sequelize({ dialect: 'sqlite', storage: dbPath, logging: false });
  const models = initModels(sequelize);
  return { models, sequelize, close: () => sequelize.close() };
}
