// vitest globalSetup: build the seeded TypeORM template every real-database run copies.

import { buildTypeormTemplate } from './setup.js';

export default async function setup(): Promise<void> {
  await buildTypeormTemplate();
}
