// vitest globalSetup: make the generated Prisma client current, then build
// the seeded template database that every real-database run copies.

import { buildTemplate, generateClient } from './setup.js';

export default function setup(): void {
  generateClient();
  buildTemplate();
}
