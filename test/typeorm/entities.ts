// The entities every TypeORM fixture runs against: the same User/Post shape
// as test/prisma/schema.prisma (without User.balance: TypeORM reads DECIMAL
// back as a number or string depending on the driver, a detour these
// fixtures do not need).
//
// Column types are spelled out, so the tables do not depend on
// emitDecoratorMetadata (vitest's transform does not emit design:type).

import 'reflect-metadata';
import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';

@Entity('user')
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', unique: true })
  email!: string;

  @Column({ type: 'varchar', nullable: true })
  name!: string | null;

  @Column({ type: 'integer' })
  age!: number;

  @Column({ type: 'real' })
  score!: number;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ type: 'datetime' })
  createdAt!: Date;

  @Column({ type: 'integer', nullable: true })
  bonus!: number | null;

  @OneToMany(() => Post, (post) => post.author)
  posts!: Post[];
}

@Entity('post')
export class Post {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar' })
  title!: string;

  @Column({ type: 'integer' })
  views!: number;

  @Column({ type: 'boolean' })
  published!: boolean;

  @Column({ type: 'real', nullable: true })
  rating!: number | null;

  @Column({ type: 'integer' })
  authorId!: number;

  @ManyToOne(() => User, (user) => user.posts)
  @JoinColumn({ name: 'authorId' })
  author!: User;
}

export const entities = [User, Post];
