import { NodeHelpers } from 'n8n-workflow';

import { YunkeApi } from '../../credentials/YunkeApi.credentials';

const credential = new YunkeApi();
const notice = credential.properties.find((property) => property.type === 'notice');

/** n8n's own display rule, as the editor applies it to the credential form. */
const shown = (baseUrl: string) => NodeHelpers.displayParameter({ baseUrl, authentication: 'password' }, notice!, null, null);

describe('the credential warns about a plain http:// Base URL', () => {
	it('shows a notice for http:// addresses only', () => {
		expect(notice?.displayName).toContain('plain http://');
		expect(shown('http://ai123.example.com')).toBe(true);
		expect(shown('  HTTP://10.0.0.5:8080')).toBe(true);
		expect(shown('https://ai123.example.com')).toBe(false);
		expect(shown('')).toBe(false);
	});
});
