import { TASK_OPERATIONS } from '../../../shared/contract';
import { taskControlOperation } from './control/taskControl';

/** 5.2 `stop` (the vendor's word for pause): no new calls until Start/Resume. */
export const { description, execute } = taskControlOperation('pause', TASK_OPERATIONS.pause);
