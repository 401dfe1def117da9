import type { AreaRoutes } from '../api';

export const accountRoutes: AreaRoutes = {};
