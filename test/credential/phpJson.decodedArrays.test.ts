/**
 * The `url` signature over a nested JSON body is PHP's json_encode of `json_decode($body, true)`: a decoded
 * object is a PHP array, so `{}` and objects keyed "0", "1", … encode as lists. The node's encoder and the
 * sandbox's own reading must both say so.
 */
import { PiecewiseJson, phpJsonEncode } from '../../nodes/Yunke/shared/phpJson';
import { urlSignature } from '../../nodes/Yunke/shared/signature';
import { expectedUrl, phpJson } from '../../sandbox/php';

const decoded = { empty: {}, listLike: { 0: 'a', 1: 'b' }, nested: { data: [{ 姓名: '张三', 电话: '138' }], extra: {} }, keyed: { 1: 'x' } };
const AS_PHP = '{"empty":[],"listLike":["a","b"],"nested":{"data":[{"\\u59d3\\u540d":"\\u5f20\\u4e09","\\u7535\\u8bdd":"138"}],"extra":[]},"keyed":{"1":"x"}}';

describe('PHP json_encode of a decoded JSON body', () => {
	it('the node writes an empty object as [] and a 0, 1, … keyed one as a list', () => {
		expect(phpJsonEncode(decoded)).toBe(AS_PHP);
		expect(phpJsonEncode({})).toBe('[]');
	});

	it('the sandbox reads it the same way, independently', () => {
		expect(phpJson(decoded)).toBe(AS_PHP);
		expect(expectedUrl(Object.entries({ client_info_json: { data: [] }, remark: {} }))).toBe(urlSignature({ client_info_json: { data: [] }, remark: {} }));
	});

	it('a nested client_info_json given in pieces signs as the object it is', () => {
		const pieces = ['{"data":[', '{"\\u7535\\u8bdd":"13800000001"}', ',{"\\u7535\\u8bdd":"13800000002"}', ']}'];
		const object = JSON.parse(pieces.join('')) as Record<string, unknown>;
		expect(urlSignature({ source: '任务', client_info_json: new PiecewiseJson(pieces) })).toBe(urlSignature({ source: '任务', client_info_json: object }));
		expect(urlSignature({ source: '任务', client_info_json: new PiecewiseJson(pieces) })).toBe(expectedUrl([['source', '任务'], ['client_info_json', object]]));
	});
});
