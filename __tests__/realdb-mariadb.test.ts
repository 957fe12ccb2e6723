// Real-database proof for every Prisma rewrite fixture on MariaDB (utf8mb4, _ci collations),
// when the server of `npm run db:up` is up; skipped with the reason otherwise
// (a failure under PUSHDOWN_REQUIRE_SERVERS=1). See test/prisma/proof.ts.

import { defineRealDbProof } from '../test/prisma/proof.js';

await defineRealDbProof('mariadb');
