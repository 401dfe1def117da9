import type { AreaRoutes } from '../api';

export const callbackRoutes: AreaRoutes = {};
