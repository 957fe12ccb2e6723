// Every Drizzle rewrite fixture typechecks under strict against drizzle-orm's types.
import { typecheckRewriteFixtures } from '../test/shared/typecheck-suite.js';

typecheckRewriteFixtures('drizzle');
