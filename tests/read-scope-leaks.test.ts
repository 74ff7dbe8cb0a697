import { describeReadScopeLeaks } from './harness/leak-suite';
import { bootTestAppForFile } from './harness/strapi';

/** The read scope's leak suite (tests/harness/leak-suite.ts) over the built-in content model. */
describeReadScopeLeaks(bootTestAppForFile());
