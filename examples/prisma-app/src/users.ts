import { prisma } from './db.js';

/** Shown on the admin dashboard. */
export async function activeUserCount() {
  return (await prisma.user.findMany({ where: { active: true } })).length;
}

/** Whether the "pro" upsell banner is worth showing. */
export async function hasTeamUsers() {
  const teams = await prisma.user.findMany({ where: { plan: 'team', active: true } });
  return teams.length > 0;
}

/** The first account ever created (the founder's, usually). */
export async function firstSignupEmail() {
  const first = (await prisma.user.findMany({ orderBy: { id: 'asc' } }))[0];
  return first?.email ?? null;
}

/** Everyone who gets the monthly newsletter. */
export async function newsletterRecipients() {
  const users = await prisma.user.findMany({ where: { active: true } });
  return users.map((u) => u.email);
}

// Left alone: one page of users, returned to the caller.
export async function listUsers(page: number) {
  return prisma.user.findMany({ orderBy: { id: 'asc' }, take: 20, skip: page * 20 });
}
