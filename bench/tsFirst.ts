/**
 * Under plain ts-node, `require('…/Yunke.node')` finds the codex file `Yunke.node.json` before
 * `Yunke.node.ts` (Node tries `.json` first). Jest resolves `.ts` first; make ts-node do the same.
 */
import Module from 'node:module';

const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
const json = extensions['.json'];
delete extensions['.json'];
extensions['.json'] = json;
