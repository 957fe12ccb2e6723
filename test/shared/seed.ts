// The rows every real-database fixture runs against, whatever the ORM
// (test/prisma, test/mikro-orm seed the same rows). Small on purpose (tests stay
// fast) but shaped to catch the edges a rewrite can get wrong:
//
//   users
//   - NULL names (3, 5, 16) and a duplicated name (1 and 11, both "Alice");
//     "ivan" lower-case and "Mallory " with a trailing space, for collation
//     and exact-match cases.
//   - duplicate ages (25 ×2, 30 ×3, 41 ×2) and a duplicated createdAt
//     (4 and 5): duplicates in an ordered column, so orderBy without a
//     tie-breaker is ambiguous there.
//   - inactive users (3, 6, 9, 14); the only user over 55 (12) is active.
//   - users with no posts (4, 5, 8, 11, 12, 16), one post (6, 10, 14, 15), several (1, 2, 3, 7, 9, 13).
//   - bonus (Int?) is NULL for several users and 0 for one; balance (Decimal)
//     has a negative value, a zero and fractions that are not exact in binary.
//   - email is unique: `where: { email: 'alice@example.com' }` matches one row,
//     `where: { age: 30 }` matches three, `where: { age: { gte: 1000 } }` none.
//
//   posts
//   - NULL ratings (4, 8, 13, 16), ratings whose float sum is inexact (0.1, 0.2),
//     duplicate views (10 ×3, 0 ×2), unpublished posts (3, 6, 8, 12, 15).
//   - every post of user 6 is unpublished; every post of user 10 has a NULL rating.
//
//   what the database engines disagree on (the proof runs on SQLite,
//   PostgreSQL with en_US.UTF-8 and MariaDB with utf8mb4 _ci collations):
//   - case and accents: "bob" (13) beside "Bob" (2), "Émile" (14) beside
//     "emile" (15): equal under MariaDB's _ci collations, and "Émile" sorts
//     after "z" in JavaScript (code units) but beside "E" in PostgreSQL and
//     MariaDB; lower-case titles ("apple pie", 21) sort after "Z" in
//     JavaScript and SQLite but before "B" under a linguistic collation;
//   - trailing spaces: "Mallory " (12), "Zebra " (23): PAD SPACE collations
//     (MariaDB) compare them equal to "Mallory", "Zebra";
//   - a character outside the BMP ("😀 party", 24): JavaScript compares
//     UTF-16 code units (a surrogate sorts below U+E000..U+FFFF), the
//     databases compare code points or bytes;
//   - floats whose sum depends on the order and method of adding: scores
//     1e16 (13) and -1e16 (14), ratings 1e16 (21) and -1e16 (22) swallow the
//     small values added between them when added left to right (JavaScript's
//     reduce), but not under SQLite's compensated SUM;
//   - large integers: views 2,000,000,000 twice (21, 22) and bonus
//     2,000,000,000 twice (13, 16): each fits a 32-bit INTEGER column, their
//     sum does not (PostgreSQL's SUM(int4) is a bigint, MariaDB's a DECIMAL);
//     bonus -2,000,000,000 (14);
//   - NULLs in ordered columns: names (3, 5, 16), ratings (4, 8, 13, 16, 23):
//     ascending order puts them first in SQLite and MariaDB, last in PostgreSQL.
//
// A fixture that needs an empty table can delete rows first: each side of a
// comparison gets its own copy of the database.
//
// Ids are explicit, so ids, ordering and AUTOINCREMENT (the next user is 17,
// the next post 25) are identical on every run.

export interface SeedUser {
  id: number;
  email: string;
  name: string | null;
  age: number;
  score: number;
  active: boolean;
  createdAt: Date;
  bonus: number | null;
  /** Decimal, written as its exact decimal text. */
  balance: string;
}

export interface SeedPost {
  id: number;
  title: string;
  views: number;
  published: boolean;
  rating: number | null;
  authorId: number;
}

const at = (iso: string): Date => new Date(iso);

export const seedUsers: readonly SeedUser[] = [
  { id: 1, email: 'alice@example.com', name: 'Alice', age: 30, score: 88.5, active: true, createdAt: at('2024-01-01T00:00:00.000Z'), bonus: 10, balance: '100.5' },
  { id: 2, email: 'bob@example.com', name: 'Bob', age: 25, score: 72.25, active: true, createdAt: at('2024-01-02T08:30:00.000Z'), bonus: null, balance: '0' },
  { id: 3, email: 'carol@example.com', name: null, age: 30, score: 91, active: false, createdAt: at('2024-01-03T12:00:00.123Z'), bonus: 5, balance: '12.34' },
  { id: 4, email: 'dave@example.com', name: 'Dave', age: 41, score: 55.5, active: true, createdAt: at('2024-02-01T00:00:00.000Z'), bonus: null, balance: '-5.25' },
  { id: 5, email: 'erin@example.com', name: null, age: 25, score: 60.125, active: true, createdAt: at('2024-02-01T00:00:00.000Z'), bonus: 3, balance: '0.1' },
  { id: 6, email: 'frank@example.com', name: 'Frank', age: 30, score: 70, active: false, createdAt: at('2024-02-15T18:45:30.500Z'), bonus: 0, balance: '7' },
  { id: 7, email: 'grace@example.com', name: 'Grace', age: 19, score: 99.9, active: true, createdAt: at('2024-03-01T00:00:00.000Z'), bonus: 20, balance: '250.75' },
  { id: 8, email: 'heidi@example.com', name: 'Heidi', age: 52, score: 40, active: true, createdAt: at('2024-03-10T09:00:00.000Z'), bonus: null, balance: '0.2' },
  { id: 9, email: 'ivan@example.com', name: 'ivan', age: 41, score: 65.75, active: false, createdAt: at('2024-04-01T00:00:00.000Z'), bonus: 1, balance: '3.3' },
  { id: 10, email: 'judy@example.com', name: 'Judy', age: 33, score: 77.7, active: true, createdAt: at('2024-05-05T05:05:05.005Z'), bonus: null, balance: '42' },
  { id: 11, email: 'alice2@example.com', name: 'Alice', age: 27, score: 81.3, active: true, createdAt: at('2024-06-01T00:00:00.000Z'), bonus: 7, balance: '1000' },
  { id: 12, email: 'mallory@example.com', name: 'Mallory ', age: 60, score: 12.5, active: true, createdAt: at('2024-07-01T00:00:00.000Z'), bonus: null, balance: '9.99' },
  { id: 13, email: 'bob.lower@example.com', name: 'bob', age: 25, score: 1e16, active: true, createdAt: at('2024-08-01T00:00:00.000Z'), bonus: 2_000_000_000, balance: '0.3' },
  { id: 14, email: 'emile@example.com', name: 'Émile', age: 36, score: -1e16, active: false, createdAt: at('2024-08-02T10:00:00.000Z'), bonus: -2_000_000_000, balance: '-0.01' },
  { id: 15, email: 'emile.lower@example.com', name: 'emile', age: 36, score: 64.5, active: true, createdAt: at('2024-08-03T00:00:00.000Z'), bonus: null, balance: '5' },
  { id: 16, email: 'nameless@example.com', name: null, age: 44, score: 0.3, active: true, createdAt: at('2024-08-04T00:00:00.000Z'), bonus: 2_000_000_000, balance: '1.5' },
];

export const seedPosts: readonly SeedPost[] = [
  { id: 1, title: 'Hello', views: 10, published: true, rating: 4.5, authorId: 1 },
  { id: 2, title: 'Second', views: 250, published: true, rating: 3.25, authorId: 1 },
  { id: 3, title: 'Draft', views: 0, published: false, rating: 0.1, authorId: 1 },
  { id: 4, title: 'Bob writes', views: 10, published: true, rating: null, authorId: 2 },
  { id: 5, title: 'Carol one', views: 33, published: true, rating: 0.2, authorId: 3 },
  { id: 6, title: 'Carol two', views: 7, published: false, rating: 5, authorId: 3 },
  { id: 7, title: 'Grace 1', views: 1000, published: true, rating: 4.75, authorId: 7 },
  { id: 8, title: 'Grace 2', views: 10, published: false, rating: null, authorId: 7 },
  { id: 9, title: 'Grace 3', views: 99, published: true, rating: 2, authorId: 7 },
  { id: 10, title: 'Grace 4', views: 5, published: true, rating: 1.5, authorId: 7 },
  { id: 11, title: 'Ivan A', views: 42, published: true, rating: 3.3, authorId: 9 },
  { id: 12, title: 'Ivan B', views: 0, published: false, rating: 4, authorId: 9 },
  { id: 13, title: 'Judy', views: 64, published: true, rating: null, authorId: 10 },
  { id: 14, title: 'hello', views: 3, published: true, rating: 2.5, authorId: 1 },
  { id: 15, title: 'Frank draft', views: 1, published: false, rating: 3, authorId: 6 },
  { id: 16, title: 'Grace 5', views: 12, published: true, rating: null, authorId: 7 },
  { id: 17, title: 'Carol three', views: 8, published: true, rating: 4.1, authorId: 3 },
  { id: 18, title: 'Ivan C', views: 15, published: true, rating: 1, authorId: 9 },
  { id: 19, title: 'Bob again', views: 21, published: true, rating: 3.9, authorId: 2 },
  { id: 20, title: 'Grace 6', views: 2, published: true, rating: 5, authorId: 7 },
  { id: 21, title: 'apple pie', views: 2_000_000_000, published: true, rating: 1e16, authorId: 13 },
  { id: 22, title: 'Éclair', views: 2_000_000_000, published: true, rating: -1e16, authorId: 14 },
  { id: 23, title: 'Zebra ', views: 4, published: false, rating: null, authorId: 13 },
  { id: 24, title: '😀 party', views: 6, published: true, rating: 0.7, authorId: 15 },
];
