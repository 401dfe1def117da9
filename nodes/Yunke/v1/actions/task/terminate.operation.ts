import { TASK_OPERATIONS } from '../../../shared/contract';
import { taskControlOperation } from './control/taskControl';

/** 5.2 `end`: the task stops for good and cannot be resumed. */
export const { description, execute } = taskControlOperation('terminate', TASK_OPERATIONS.terminate);
