import type { AreaRoutes } from '../api';

export const skillGroupRoutes: AreaRoutes = {};
