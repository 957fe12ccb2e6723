// The entities every MikroORM fixture runs against: the same two tables as
// test/prisma/schema.prisma (User, Post), declared the way MikroORM apps do,
// with decorators. Every property names its `type` explicitly, so discovery
// needs neither ts-morph nor emitDecoratorMetadata (which the fixtures'
// toolchains do not emit); `reflect-metadata` is still loaded because the
// default ReflectMetadataProvider expects the Reflect API to exist.
//
// Mapping of test/prisma's schema: Int -> integer, Float -> float (a JS
// number), String -> string, DateTime -> datetime (a JS Date), Boolean ->
// boolean, Decimal -> decimal (a JS string in MikroORM 6), User.posts is a
// one-to-many Collection and Post.author its many-to-one owner (column
// author_id, MikroORM's default naming).

import 'reflect-metadata';
import { Collection, Entity, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';

@Entity({ tableName: 'user' })
export class User {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', unique: true })
  email!: string;

  @Property({ type: 'string', nullable: true })
  name!: string | null;

  @Property({ type: 'integer' })
  age!: number;

  @Property({ type: 'float' })
  score!: number;

  @Property({ type: 'boolean' })
  active!: boolean;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'integer', nullable: true })
  bonus!: number | null;

  @Property({ type: 'decimal', precision: 12, scale: 4 })
  balance!: string;

  @OneToMany(() => Post, (post) => post.author)
  posts = new Collection<Post>(this);
}

@Entity({ tableName: 'post' })
export class Post {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string' })
  title!: string;

  @Property({ type: 'integer' })
  views!: number;

  @Property({ type: 'boolean' })
  published!: boolean;

  @Property({ type: 'float', nullable: true })
  rating!: number | null;

  @ManyToOne(() => User)
  author!: User;
}

export const entities = [User, Post];
