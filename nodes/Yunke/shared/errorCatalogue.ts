/** What each vendor code (seed error table) means for an n8n user, and what to do about it. */
export type VendorErrorKind = 'credential' | 'renewKey' | 'signature' | 'input' | 'quota' | 'server';

export interface VendorError {
	vendorMessage: string;
	message: string;
	description: string;
	kind: VendorErrorKind;
}

const CHECK_CREDENTIAL = 'Open the Yunke API credential and check the Base URL and login details.';

export const VENDOR_ERRORS: Record<number, VendorError> = {
	10001: {
		vendorMessage: 'url验证失败',
		message: 'Yunke rejected the request signature (url parameter)',
		description:
			'The request was signed but the server computed a different signature. This usually means a proxy changed the request body, or the tenant uses a different signing rule. Report it with the request details to the node maintainers.',
		kind: 'signature',
	},
	20001: {
		vendorMessage: '数据传输方式错误',
		message: 'Yunke did not accept how the request was sent',
		description:
			'The server expected another HTTP method or content type for this endpoint. Check that the Base URL points at the Yunke console and not at a proxy that rewrites requests.',
		kind: 'input',
	},
	20002: {
		vendorMessage: '数据格式错误',
		message: 'Yunke could not read the request data',
		description: 'One of the fields has a format the server does not accept. Check the values of the fields you set.',
		kind: 'input',
	},
	20003: {
		vendorMessage: '客户端类型不存在',
		message: 'Yunke does not know this login type',
		description: `The tenant does not support this login method. ${CHECK_CREDENTIAL} Try the other Authentication option.`,
		kind: 'credential',
	},
	20004: {
		vendorMessage: '用户名或者密码错误',
		message: 'Yunke rejected the login details',
		description: `The username and password (or access ID and secret) are wrong. ${CHECK_CREDENTIAL}`,
		kind: 'credential',
	},
	20005: {
		vendorMessage: 'api_key验证失败',
		message: 'Yunke rejected the session key',
		description:
			'Another login to the same Yunke account replaced the session key. The node logs in again automatically; if this persists, make sure no other system logs in with the same account at the same time.',
		kind: 'renewKey',
	},
	20006: {
		vendorMessage: 'api_key已过期',
		message: 'The Yunke session key expired',
		description: 'Session keys live two hours. The node logs in again automatically; if this persists, test the credential.',
		kind: 'renewKey',
	},
	20007: {
		vendorMessage: '没有接口访问权限',
		message: 'This Yunke account has no API access',
		description: 'Ask Yunke customer support to enable API (interface) permission for the account, then try again.',
		kind: 'credential',
	},
	30001: {
		vendorMessage: '导入文件为空',
		message: 'The import file is empty',
		description: 'Fill the script import template with at least one row before importing.',
		kind: 'input',
	},
	30002: {
		vendorMessage: '导入文件格式错误,只支持xlsx、xls',
		message: 'The import file is not an Excel file',
		description: 'Only .xlsx and .xls files are accepted. Convert the file, or use the Input Items source instead.',
		kind: 'input',
	},
	30003: {
		vendorMessage: '导入失败,模板为空',
		message: 'The script has no import template',
		description: 'The chosen script defines no import columns. Pick another script or complete its template in the Yunke console.',
		kind: 'input',
	},
	30004: {
		vendorMessage: '待呼叫数据过多,最多不能超过30万条',
		message: 'Too many numbers are waiting to be called (the limit is 300,000)',
		description: 'Wait until running tasks have dialled part of their numbers, or stop old tasks, then import again.',
		kind: 'quota',
	},
	30005: {
		vendorMessage: '数据过多,最多只能导入3万条',
		message: 'Too many rows in one import (the limit is 30,000)',
		description: 'Lower the Chunk Size option to 30,000 or less, or split the Excel file.',
		kind: 'input',
	},
	30006: {
		vendorMessage: '数据为空或者json格式错误',
		message: 'The import data is empty or malformed',
		description: 'Send at least one row, with the script template columns as field names.',
		kind: 'input',
	},
	30008: {
		vendorMessage: '字段类型错误',
		message: 'A field has the wrong type',
		description: 'Check that numbers are numbers and dates use the format YYYY-MM-DD HH:mm:ss.',
		kind: 'input',
	},
	30009: {
		vendorMessage: '请选择一个AI外呼',
		message: 'No AI outbound sub-account was chosen',
		description: 'Set the Sub-Account field to the sub-account that owns the task.',
		kind: 'input',
	},
	30010: {
		vendorMessage: '没有可用的AI账户',
		message: 'No AI seat is available',
		description: 'All AI seats are in use or none are allotted. Free a seat or allot more AI seats to the sub-account.',
		kind: 'quota',
	},
	30011: {
		vendorMessage: '营销任务不存在',
		message: 'The task does not exist',
		description: 'Check the task ID or sn; the task may have been deleted. Pick it from the list to be sure.',
		kind: 'input',
	},
	30012: {
		vendorMessage: '此账号没有分配AI数,无法建立外呼',
		message: 'The sub-account has no AI seats allotted',
		description: 'Allot AI seats to the sub-account (Extension → Update, AI Seats) before creating an outbound task for it.',
		kind: 'quota',
	},
	30015: {
		vendorMessage: '子账号sn不属于当前登录的主账号',
		message: 'The sub-account does not belong to this account',
		description: 'Pick a sub-account of the account the credential logs in with.',
		kind: 'input',
	},
	40001: {
		vendorMessage: '分机号只能包含数字和字母',
		message: 'The extension number may contain only digits and letters',
		description: 'Remove spaces, dashes and other symbols from the Extension Number.',
		kind: 'input',
	},
	40002: {
		vendorMessage: '分机号已经存在',
		message: 'The extension number already exists',
		description: 'Choose an extension number that is not in use, or update the existing extension instead.',
		kind: 'input',
	},
	40003: {
		vendorMessage: '分机数已达到上限',
		message: 'The account has reached its extension limit',
		description: 'Delete unused extensions or ask Yunke to raise the limit.',
		kind: 'quota',
	},
	40004: {
		vendorMessage: '请求fs错误',
		message: 'The telephony switch did not accept the extension',
		description: 'Yunke could not register the extension on its switch. Try again later; if it persists, contact Yunke support.',
		kind: 'server',
	},
	40005: {
		vendorMessage: '用户名只能包含数字和字母',
		message: 'The username may contain only digits and letters',
		description: 'Remove spaces, dashes and other symbols from the Username.',
		kind: 'input',
	},
	40006: {
		vendorMessage: '用户名已被使用,请重新输入!',
		message: 'The username is already taken',
		description: 'Choose another Username.',
		kind: 'input',
	},
	40007: {
		vendorMessage: '呼入号码已经被使用',
		message: 'The inbound number is already in use',
		description: 'Choose another Inbound Number or leave it empty.',
		kind: 'input',
	},
	40008: {
		vendorMessage: 'Ai数分配数超限',
		message: 'More AI seats were requested than the account has free',
		description: 'Lower AI Seats, or free seats from other sub-accounts first.',
		kind: 'quota',
	},
	40009: {
		vendorMessage: '新密码两次输入不一致!',
		message: 'The password and its confirmation differ',
		description: 'Enter the same value in Password and Confirm Password.',
		kind: 'input',
	},
	50001: {
		vendorMessage: '至少选择一条数据',
		message: 'No record was selected',
		description: 'Give at least one ID, sn or phone number for this operation.',
		kind: 'input',
	},
	50002: {
		vendorMessage: '接通时间不能为空',
		message: 'The call has no connected time',
		description: 'Transcripts exist only for answered calls. Pass the Connected At value of an answered call record.',
		kind: 'input',
	},
	50003: {
		vendorMessage: 'Sn不能为空',
		message: 'The record sn is missing',
		description: 'Pass the sn of the call record or task detail row (for example from Call Record → Get Many).',
		kind: 'input',
	},
	500: {
		vendorMessage: '服务端错误,请联系客服',
		message: 'The Yunke server failed',
		description: 'Yunke reported an internal error. Try again later; if it persists, contact Yunke support.',
		kind: 'server',
	},
	100001: {
		vendorMessage: 'url验证失败',
		message: 'Yunke rejected the request signature (parameter order)',
		description:
			'The server hashed the query parameters in another order than they were sent. Report it to the node maintainers.',
		kind: 'signature',
	},
};

/**
 * Codes that mean something narrower on one kind of call. A task creation (5.7.1/5.7.2 without
 * `dial_task_main_sn`) refused with 500 is most likely the 101st creation of the day (5.7.1/5.7.2: no code is
 * documented for the limit; the platform answers 500 with a message).
 */
export const TASK_CREATION_ERRORS: Record<number, VendorError> = {
	500: {
		vendorMessage: '服务端错误,请联系客服',
		message: 'Yunke refused to create the task; the likely cause is the limit of 100 new tasks a day',
		description:
			'Yunke answers code 500 when the day\'s 100 task creations are used up (appending rows to an existing task does not count). Add the rows to an existing task with Task → Import Data (Into: Existing Task), or try again tomorrow. If the vendor message names another cause, the server failed: try again later.',
		kind: 'quota',
	},
};

export function describeVendorCode(code: number | undefined, vendorMessage: string, overrides?: Record<number, VendorError>): VendorError {
	const known = code === undefined ? undefined : (overrides?.[code] ?? VENDOR_ERRORS[code]);
	if (known) return known;
	return {
		vendorMessage,
		message: `Yunke answered with an unknown code ${code ?? '(none)'}`,
		description:
			'The server reported a failure this node does not know. The vendor message is in the error details; check the request values or contact Yunke support.',
		kind: 'server',
	};
}
