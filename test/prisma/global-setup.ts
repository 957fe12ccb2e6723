// vitest globalSetup: make the generated Prisma clients current (SQLite and
// each server provider), build the seeded template database that every
// SQLite run copies, and say which engines the real-database proof runs on.

import { serversRequired, serverUrl } from '../db/servers.js';
import { buildTemplate, generateClient } from './setup.js';

export default function setup(): void {
  generateClient();
  buildTemplate();
  const servers = (['postgresql', 'mariadb'] as const).map((engine) => {
    const found = serverUrl(engine);
    return found.ok ? `${engine} (${found.url})` : `${engine} SKIPPED${serversRequired ? ' (required: its tests fail)' : ''}: ${found.reason}`;
  });
  console.info(`[realdb] Prisma proof engines: sqlite; ${servers.join('; ')}`);
}
