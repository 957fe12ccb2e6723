// Real-database proof for every Prisma rewrite fixture on PostgreSQL (15, en_US.UTF-8 collation),
// when the server of `npm run db:up` is up; skipped with the reason otherwise
// (a failure under PUSHDOWN_REQUIRE_SERVERS=1). See test/prisma/proof.ts.

import { defineRealDbProof } from '../test/prisma/proof.js';

await defineRealDbProof('postgresql');
