// Every Sequelize rewrite fixture typechecks under strict against sequelize's types.
import { typecheckRewriteFixtures } from '../test/shared/typecheck-suite.js';

typecheckRewriteFixtures('sequelize');
