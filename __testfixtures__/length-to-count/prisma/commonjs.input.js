'use strict';
const { PrismaClient } = require('@prisma/client');

const client = new PrismaClient();

async function countAdmins() {
  return (await client.user.findMany({ where: { role: 'ADMIN' }, orderBy: { id: 'asc' } })).length;
}

module.exports = { countAdmins };
