/**
 * The vendor's error-code table (三、错误码定义), code → the vendor's own message, exactly as printed.
 * Business errors travel with HTTP 200 as `{ code, msg }`.
 */
const VENDOR_CODES: Readonly<Record<number, string>> = {
	0: '请求处理成功',
	10001: 'url验证失败',
	20001: '数据传输方式错误',
	20002: '数据格式错误',
	20003: '客户端类型不存在',
	20004: '用户名或者密码错误',
	20005: 'api_key验证失败',
	20006: 'api_key已过期',
	20007: '没有接口访问权限',
	30001: '导入文件为空',
	30002: '导入文件格式错误,只支持xlsx、xls',
	30003: '导入失败,模板为空',
	30004: '待呼叫数据过多,最多不能超过30万条',
	30005: '数据过多,最多只能导入3万条',
	30006: '数据为空或者json格式错误',
	30008: '字段类型错误',
	30009: '请选择一个AI外呼',
	30010: '没有可用的AI账户',
	30011: '营销任务不存在',
	30012: '此账号没有分配AI数,无法建立外呼',
	30015: '子账号sn不属于当前登录的主账号',
	40001: '分机号只能包含数字和字母',
	40002: '分机号已经存在',
	40003: '分机数已达到上限',
	40004: '请求fs错误',
	40005: '用户名只能包含数字和字母',
	40006: '用户名已被使用,请重新输入!',
	40007: '呼入号码已经被使用',
	40008: 'Ai数分配数超限',
	40009: '新密码两次输入不一致!',
	50001: '至少选择一条数据',
	50002: '接通时间不能为空',
	50003: 'Sn不能为空',
	500: '服务端错误,请联系客服',
};

export const SUCCESS_CODE = 0;
export const SERVER_ERROR_CODE = 500;

/** The message of a code; a code the table lacks is answered as the server error it would be. */
export function vendorMessage(code: number): string {
	return VENDOR_CODES[code] ?? VENDOR_CODES[SERVER_ERROR_CODE];
}
