// Runs every report once: `DATABASE_URL=file:./dev.db tsx src/main.ts`.
import { prisma } from './db.js';
import { retryFailedJobs, queuedJobs } from './jobs.js';
import { latestOrders, paidOrderCount, planCount, revenueCents } from './reports.js';
import { activeUserCount, firstSignupEmail, hasTeamUsers, listUsers, newsletterRecipients } from './users.js';

console.log('active users     ', await activeUserCount());
console.log('team users?      ', await hasTeamUsers());
console.log('first signup     ', await firstSignupEmail());
console.log('newsletter       ', (await newsletterRecipients()).length, 'recipients');
console.log('first page       ', (await listUsers(0)).length, 'users');
console.log('paid orders      ', await paidOrderCount());
console.log('revenue (cents)  ', await revenueCents());
console.log('plans            ', await planCount());
console.log('latest orders    ', (await latestOrders()).length);
console.log('failed -> retry  ', await retryFailedJobs());
console.log('queued job kinds ', await queuedJobs());
await prisma.$disconnect();
