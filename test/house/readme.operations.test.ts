/**
 * The README's Operations table must match the nodes: this test builds the same table from
 * `new Yunke()` (version 1: the Resource options and each resource's Operation options) and the
 * trigger's events, and fails when the README differs, so the two cannot drift.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { Yunke } from '../../nodes/Yunke/Yunke.node';
import { YunkeTrigger } from '../../nodes/YunkeTrigger/YunkeTrigger.node';

const README = path.join(__dirname, '..', '..', 'README.md');
const TABLE_START = '<!-- operations:start -->';
const TABLE_END = '<!-- operations:end -->';

function optionsOf(property: INodeProperties | undefined): INodePropertyOptions[] {
	return ((property?.options ?? []) as INodePropertyOptions[]).filter((option) => 'value' in option);
}

/**
 * `| Resource | Operations |` rows in the order of the node's dropdowns, then one row for the
 * trigger's events.
 */
function operationsTable(): string {
	const description = new Yunke().nodeVersions[1].description as INodeTypeDescription;
	const resources = optionsOf(description.properties.find((property) => property.name === 'resource'));
	const rows = resources.map((resource) => {
		const selector = description.properties.find(
			(property) => property.name === 'operation' && (property.displayOptions?.show?.resource ?? []).includes(resource.value),
		);
		const operations = optionsOf(selector).map((operation) => operation.name);
		if (operations.length === 0) throw new Error(`resource ${resource.name} has no operations`);
		return `| ${resource.name} | ${operations.join(', ')} |`;
	});
	const events = optionsOf(new YunkeTrigger().description.properties.find((property) => property.name === 'events'));
	rows.push(`| Yunke Trigger (events) | ${events.map((event) => event.name).join(', ')} |`);
	return ['| Resource | Operations |', '|---|---|', ...rows].join('\n');
}

function readmeTable(): string {
	const text = fs.readFileSync(README, 'utf8');
	const start = text.indexOf(TABLE_START);
	const end = text.indexOf(TABLE_END);
	if (start < 0 || end < start) throw new Error(`README.md has no ${TABLE_START} … ${TABLE_END} block`);
	return text.slice(start + TABLE_START.length, end).trim();
}

describe('README operations table', () => {
	test('lists every resource and operation of the node, in the node’s order', () => {
		const expected = operationsTable();
		if (process.env.PRINT_OPERATIONS_TABLE) process.stdout.write(`${expected}\n`);
		expect(readmeTable()).toBe(expected);
	});
});
