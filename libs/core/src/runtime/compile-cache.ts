import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { projectRoot } from '../views/project-root';

/**
 * Node's on-disk cache of compiled code (Node 22.1 and later; a no-op on Node 20): a process
 * started again skips most of compiling the few thousand modules it loads. Imported first by
 * each entry point, so it is on before they load. `NODE_DISABLE_COMPILE_CACHE=1` turns it off.
 * The cache lives in the installation's own `var/compile-cache`, never in a temporary
 * directory other local users could write to first.
 */
const enable = (nodeModule as { enableCompileCache?: (directory?: string) => unknown })
  .enableCompileCache;
if (typeof enable === 'function') enable(join(projectRoot(), 'var/compile-cache'));
