import { DataTypes, Model, Sequelize, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';

export const sequelize = new Sequelize({ dialect: 'sqlite', storage: 'app.db', logging: false });

export class Customer extends Model<InferAttributes<Customer>, InferCreationAttributes<Customer>> {
  declare id: CreationOptional<number>;
  declare email: string;
  declare plan: string;
  declare active: boolean;
  declare credits: number;
}

Customer.init(
  {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    email: { type: DataTypes.STRING, allowNull: false, unique: true },
    plan: { type: DataTypes.STRING, allowNull: false },
    active: { type: DataTypes.BOOLEAN, allowNull: false },
    credits: { type: DataTypes.INTEGER, allowNull: false },
  },
  { sequelize, tableName: 'customers', timestamps: false },
);

export const Invoice = sequelize.define('Invoice', {
  amountCents: { type: DataTypes.INTEGER, allowNull: false },
  paid: { type: DataTypes.BOOLEAN, allowNull: false },
  customerId: { type: DataTypes.INTEGER, allowNull: false },
});
