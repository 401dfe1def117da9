import { useBed } from '../helpers/bed';

const bed = useBed();

const deleteGroup = { resource: 'skillGroup', operation: 'delete', skillGroup: { __rl: true, mode: 'id', value: 'SKILLGROUPsupport' } };

describe('a path the package assumed, on a tenant that does not have it', () => {
	it('HTTP 404 says the path does not exist and that it is unverified; sent once, not retried', async () => {
		bed.sandbox.injectFault({ path: '/api/skillGroupListsDataapii', action: { type: 'http', status: 404, body: '<html><body><h1>404 Not Found</h1></body></html>' } });
		const result = await bed.run(deleteGroup);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Yunke has no path /api/skillGroupListsDataapii (HTTP 404)');
		expect(String((result.error as { description?: string }).description)).toContain('The vendor documentation does not confirm this path');
		expect(bed.sandbox.requestsTo('/api/skillGroupListsDataapii')).toHaveLength(1);
	});

	it('a not-found page served with HTTP 200 (framework error page) is read the same way', async () => {
		bed.sandbox.injectFault({ path: '/api/skillGroupListsDataapii', action: { type: 'http', status: 200, body: '<html><body>控制器不存在:Skillgrouplistsdataapii</body></html>' } });
		const result = await bed.run(deleteGroup);
		expect(result.error?.message).toBe('Yunke has no path /api/skillGroupListsDataapii (HTTP 404)');
	});

	it('the sandbox answers an unknown path like a web server: HTTP 404 with a page', async () => {
		const response = await fetch(`${bed.sandbox.url}/api/noSuchPath`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
		expect(response.status).toBe(404);
		expect(await response.text()).toContain('404 Not Found');
	});
});
