// Plain JavaScript: an untyped `em` is taken to be MikroORM's EntityManager by its name.
const { User } = require('./entities');

async function activeCount(em) {
  return (await em.find(User, { active: true })).length;
}

// Not an EntityManager by name or binding: left alone.
async function viaManager(manager) {
  return (await manager.find(User, { active: true })).length;
}

module.exports = { activeCount, viaManager };
