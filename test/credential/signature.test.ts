import { PiecewiseText, phpJsonEncode } from '../../nodes/Yunke/shared/phpJson';
import { signRequest } from '../../nodes/Yunke/shared/loginAndSigning';
import { accessSign, urlSignature, withUrlSignature, md5Hex } from '../../nodes/Yunke/shared/signature';
import { formatChinaTime, parseChinaTime, toChinaTime } from '../../nodes/Yunke/shared/chinaTime';

describe('PHP-compatible JSON for the url signature', () => {
	it('writes slashes as \\/ and keeps key order without spaces', () => {
		expect(phpJsonEncode({ user_sn: 'SYSUSER|ab', callback_url: 'http://xxx/api/crm', open_callback: '1' })).toBe(
			'{"user_sn":"SYSUSER|ab","callback_url":"http:\\/\\/xxx\\/api\\/crm","open_callback":"1"}',
		);
	});

	it('writes every non-ASCII UTF-16 unit as lowercase \\uXXXX', () => {
		expect(phpJsonEncode({ 姓名: '张三', note: '😀' })).toBe('{"\\u59d3\\u540d":"\\u5f20\\u4e09","note":"\\ud83d\\ude00"}');
	});

	it('escapes quotes, backslashes and control characters like PHP and leaves DEL alone', () => {
		expect(phpJsonEncode('a"b\\c\nd\te\u0001\u007f')).toBe('"a\\"b\\\\c\\nd\\te\\u0001\u007f"');
	});

	it('keeps numbers, booleans, null and nested arrays as JSON values', () => {
		expect(phpJsonEncode({ pageIndex: 0, pageSize: 1000, on: true, none: null, status_value: ['A', 'B'] })).toBe(
			'{"pageIndex":0,"pageSize":1000,"on":true,"none":null,"status_value":["A","B"]}',
		);
	});
});

describe('url signature', () => {
	it('is md5 of the PHP JSON of all other params, 8 characters from the second', () => {
		const params = { user_sn: 'SYSUSER|cb31', api_key: 'TEcAVs9a', pkeys: '1423', project_type: '2', oper: 'failRe' };
		const digest = md5Hex('{"user_sn":"SYSUSER|cb31","api_key":"TEcAVs9a","pkeys":"1423","project_type":"2","oper":"failRe"}');
		expect(urlSignature(params)).toBe(digest.slice(1, 9));
		expect(urlSignature({ ...params, url: 'ignored' })).toBe(digest.slice(1, 9));
	});

	it('hashes Chinese values and URLs in their escaped form', () => {
		const params = { source: '测试任务', callback_url: 'https://crm.example.com/yunke' };
		const expected = md5Hex('{"source":"\\u6d4b\\u8bd5\\u4efb\\u52a1","callback_url":"https:\\/\\/crm.example.com\\/yunke"}').slice(1, 9);
		expect(urlSignature(params)).toBe(expected);
	});

	it('appends url as the last parameter', () => {
		expect(Object.keys(withUrlSignature({ b: 1, a: 2 }))).toEqual(['b', 'a', 'url']);
	});
});

describe('access-id login sign', () => {
	it('reproduces the worked example of the vendor docs (1.1)', () => {
		expect(
			accessSign('a655f309e7d7b404f4b6b898688ff50d', '339168cd341bb57c45d9f45ea1f9bfdf', '2024-09-24 09:34:25'),
		).toBe('0bf4482eac6ac7ae68813905aa26b2b4');
	});
});

describe('China time', () => {
	it('formats UTC instants as UTC+8 Y-m-d H:i:s', () => {
		expect(formatChinaTime(new Date('2024-09-24T01:34:25Z'))).toBe('2024-09-24 09:34:25');
	});

	it('parses vendor dates and rejects impossible ones', () => {
		expect(parseChinaTime('2024-09-24 09:34:25')?.toISOString()).toBe('2024-09-24T01:34:25.000Z');
		expect(parseChinaTime('2024-02-30 00:00:00')).toBeUndefined();
		expect(parseChinaTime('yesterday')).toBeUndefined();
	});

	it('converts what users type: ISO with zone, ISO without zone (China), dates, vendor text', () => {
		expect(toChinaTime('2024-09-24T01:34:25Z')).toBe('2024-09-24 09:34:25');
		expect(toChinaTime('2024-09-24T09:34:25')).toBe('2024-09-24 09:34:25');
		expect(toChinaTime('2024-09-24')).toBe('2024-09-24 00:00:00');
		expect(toChinaTime('2024-09-24 09:34:25')).toBe('2024-09-24 09:34:25');
		expect(toChinaTime('24/09/2024')).toBeUndefined();
		expect(toChinaTime('')).toBeUndefined();
	});
});

describe('signing large imports', () => {
	it('hashes a multi-slice string with Chinese text and a surrogate pair on a slice boundary like the whole text', () => {
		const big = `${'张'.repeat(65535)}😀${'a/b"c'.repeat(30000)}`;
		const params = { user_sn: 'SYSUSER|x', client_info_json: big };
		expect(urlSignature(params)).toBe(md5Hex(phpJsonEncode(params)).slice(1, 9));
		expect(phpJsonEncode(big)).toBe(
			JSON.stringify(big).replace(/[/\u0080-\uffff]/g, (c) => (c === '/' ? '\\/' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)),
		);
	});
});

describe('a text sent in pieces', () => {
	it('is signed and sent exactly like the same text in one piece', () => {
		const pieces = ['{"data":[', '{"\\u59d3\\u540d":"a/b"}', ',{"x":"\\"q\\""}', ']}', '张三😀'];
		const credentials = { baseUrl: 'http://127.0.0.1:1', userSn: 'SYSUSER|x', apiKey: 'k' };
		const whole = signRequest(credentials, { method: 'POST', url: '/api/addJson', body: { source: '任务', client_info_json: pieces.join('') } });
		const split = signRequest(credentials, { method: 'POST', url: '/api/addJson', body: { source: '任务', client_info_json: new PiecewiseText(pieces) as never } });
		expect(Buffer.isBuffer(split.body)).toBe(true);
		expect(JSON.parse((split.body as Buffer).toString('utf8'))).toEqual(whole.body);
		expect(Object.keys(JSON.parse((split.body as Buffer).toString('utf8')))).toEqual(Object.keys(whole.body as object));
	});
});
