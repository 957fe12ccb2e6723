// Every TypeORM rewrite fixture typechecks under strict against typeorm's own
// types, with the decorator settings TypeORM documents.
import { typecheckRewriteFixtures } from '../test/shared/typecheck-suite.js';

typecheckRewriteFixtures('typeorm', { experimentalDecorators: true, emitDecoratorMetadata: true });
