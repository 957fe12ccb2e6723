// Every Mongoose rewrite fixture typechecks under strict against mongoose's own types.
import { typecheckRewriteFixtures } from '../test/shared/typecheck-suite.js';

typecheckRewriteFixtures('mongoose');
