// The Drizzle tables every Drizzle fixture runs against: the same users and
// posts as test/prisma (seed in ../prisma/seed.ts), declared with
// drizzle-orm's sqlite-core so fixtures typecheck against Drizzle's real types.
// Column names match the property names; change setup.ts's DDL with this file.

import { relations } from 'drizzle-orm';
import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name'),
  age: integer('age').notNull(),
  score: real('score').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
  createdAt: integer('createdAt', { mode: 'timestamp_ms' }).notNull(),
  bonus: integer('bonus'),
});

export const posts = sqliteTable('posts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  views: integer('views').notNull(),
  published: integer('published', { mode: 'boolean' }).notNull(),
  rating: real('rating'),
  authorId: integer('authorId')
    .notNull()
    .references(() => users.id),
});

export const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
export const postsRelations = relations(posts, ({ one }) => ({ author: one(users, { fields: [posts.authorId], references: [users.id] }) }));
