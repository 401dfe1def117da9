import type { AreaRoutes } from '../api';

export const importRoutes: AreaRoutes = {};
