/**
 * Every suite of `npm run test:ui`, in order. Each one gets its own n8n (started with the suite's
 * `n8nEnv`, e.g. `{ N8N_DEFAULT_LOCALE: 'zh-CN' }`), sandbox and browser. Add a suite here.
 */
import type { Suite } from '../harness';
import { englishSuite } from './english';

export const SUITES: Suite[] = [englishSuite];
