import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const folder = join(__dirname, '..', '..', 'nodes', 'Yunke', 'shared', 'contract');

/** The doc comment an editor shows on hover for each exported constant of the contract. */
function hovers(): Map<string, string> {
	const docs = new Map<string, string>();
	for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
		const source = ts.createSourceFile(file, readFileSync(join(folder, file), 'utf8'), ts.ScriptTarget.ES2022, true);
		for (const statement of source.statements) {
			if (!ts.isVariableStatement(statement) && !ts.isFunctionDeclaration(statement)) continue;
			const names = ts.isVariableStatement(statement) ? statement.declarationList.declarations.map((d) => d.name.getText(source)) : [statement.name?.getText(source) ?? ''];
			const text = ts.getJSDocCommentsAndTags(statement).map((doc) => doc.getText(source)).join('\n');
			for (const name of names) docs.set(name, text);
		}
	}
	return docs;
}

describe('contract doc comments sit on the constant they describe', () => {
	const docs = hovers();

	it('IMPORT_FAIL_REASON_FIELD explains the reason column, not every import assumption', () => {
		expect(docs.get('IMPORT_FAIL_REASON_FIELD')).toMatch(/reason/);
		expect(docs.get('IMPORT_FAIL_REASON_FIELD')).not.toMatch(/getImportTaskInfo|is_zidong|101st/);
	});

	it('DND_UPLOAD_FIELD explains the upload field, not the 8.4 answer', () => {
		expect(docs.get('DND_UPLOAD_FIELD')).toMatch(/field/);
		expect(docs.get('DND_UPLOAD_FIELD')).not.toMatch(/导入成功|term_value/);
	});

	it('CUSTOMER_IMPORT_MAX_QUERY_BYTES explains the query size, not the CRM answer shapes', () => {
		expect(docs.get('CUSTOMER_IMPORT_MAX_QUERY_BYTES')).toMatch(/bytes/);
		expect(docs.get('CUSTOMER_IMPORT_MAX_QUERY_BYTES')).not.toMatch(/success_count|6\.7\.5/);
	});

	it('the envelope rules live in their own file', () => {
		expect(readFileSync(join(folder, 'envelope.ts'), 'utf8')).toContain('export function isSuccessEnvelope');
	});
});
