import * as nodeModule from 'node:module';

/**
 * Node's on-disk cache of compiled code (Node 22.1 and later; a no-op on Node 20): a process
 * started again skips most of compiling the few thousand modules it loads. Imported first by
 * each entry point, so it is on before they load. `NODE_DISABLE_COMPILE_CACHE=1` turns it off.
 */
const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
if (typeof enable === 'function') enable();
