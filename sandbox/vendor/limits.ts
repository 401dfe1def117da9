/** Limits printed in 5.7.1 / 5.7.2 and the error table (30004, 30005). */
export const LIMITS = {
	/** 30005 数据过多,最多只能导入3万条 */
	rowsPerImport: 30_000,
	/** 30004 待呼叫数据过多,最多不能超过30万条 */
	pendingCalls: 300_000,
	/** 5.7.1 / 5.7.2: at most 100 task creations a day; appending to a task does not count. No code is printed. */
	taskCreationsPerDay: 100,
} as const;

/** The answer to the 101st creation of a day: the pages give no code, so the server error with a reason. */
export const CREATION_LIMIT_MESSAGE = '今日新建任务次数已达上限(100次),请向已有任务追加号码';
