import type { AreaRoutes } from '../api';

export const dndRoutes: AreaRoutes = {};
