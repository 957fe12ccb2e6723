// A plain JavaScript file: no type annotations may be emitted.
const { PrismaClient } = require('@prisma/client');

const prisma = new PrismaClient();

async function exportAll(write) {
  for (const user of await prisma.user.findMany({ where: { active: true } })) {
    await write(user);
  }
}

module.exports = { exportAll };
