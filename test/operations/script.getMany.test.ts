import { jsonOf } from '../helpers/yunke';
import { useBed } from '../helpers/bed';
import { expectSigned } from '../helpers/signature';

const bed = useBed();

describe('Script → Get Many in a real n8n engine', () => {
	it('logs in once, signs the request and returns every script with pairedItem', async () => {
		const result = await bed.run({ resource: 'script', operation: 'getMany', returnAll: true });
		expect(result.status).toBe('success');
		const scripts = jsonOf(result.outputs[0]);
		expect(scripts.map((script) => script.project_name)).toEqual(['房产回访', '催缴提醒', '空模板']);
		expect(result.outputs[0].every((item) => JSON.stringify(item.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);

		const [login, list] = bed.sandbox.log;
		expect(login.path).toBe('/api/login');
		expect(list.path).toBe('/api/templatelist');
		expect(list.paramOrder).toEqual(['user_sn', 'api_key', 'pageIndex', 'pageSize', 'url']);
		expectSigned(list);
		expect(list.params.api_key).toBe(bed.storedSession().apiKey);
		expect(bed.sandbox.auth.logins).toBe(1);
	});

	it('applies the name filter and the limit', async () => {
		const result = await bed.run({ resource: 'script', operation: 'getMany', returnAll: false, limit: 1, filters: { projectName: '回访' } });
		expect(jsonOf(result.outputs[0]).map((script) => script.project_name)).toEqual(['房产回访']);
		expect(bed.sandbox.log[1].params).toMatchObject({ project_name: '回访', pageIndex: 0, pageSize: 1 });
	});
});
