// A plain JavaScript file: no type annotations may be emitted.
const { PrismaClient } = require('@prisma/client');

const prisma = new PrismaClient();

async function exportAll(write) {
  for (let after; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [{ active: true }, after === undefined ? {} : { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: 1000,
    });
    for (const user of batch) {
      await write(user);
    }
    if (batch.length < 1000) break;
    after = batch[batch.length - 1].id;
  }
}

module.exports = { exportAll };
