'use strict';
const { PrismaClient } = require('@prisma/client');

const client = new PrismaClient();

async function countAdmins() {
  return await client.user.count({ where: { role: 'ADMIN' } });
}

module.exports = { countAdmins };
