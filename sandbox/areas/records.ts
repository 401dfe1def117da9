import type { AreaRoutes } from '../api';

export const recordRoutes: AreaRoutes = {};
