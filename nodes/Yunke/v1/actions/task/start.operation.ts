import { TASK_OPERATIONS } from '../../../shared/contract';
import { taskControlOperation } from './control/taskControl';

/** "Start AI outbound": there is no start call; 5.2 `keepOn` starts a task created without auto-start and resumes a paused one. */
export const { description, execute } = taskControlOperation('start', TASK_OPERATIONS.resume);
