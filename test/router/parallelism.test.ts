/**
 * Every per-item operation is declared either parallel or sequential, the Batching option shows for
 * exactly the parallel ones, and the table of them in docs/parallel-requests.md is built from the same lists.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { PARALLEL_OPERATIONS, SEQUENTIAL_OPERATIONS } from '../../nodes/Yunke/v1/actions/parallelism';
import { RESOURCES } from '../../nodes/Yunke/v1/actions/resources';
import { Yunke } from '../../nodes/Yunke/Yunke.node';

const PARALLEL_DOC = path.join(__dirname, '..', '..', 'docs', 'parallel-requests.md');
const description = new Yunke().nodeVersions[1].description as INodeTypeDescription;

function optionsOf(property: INodeProperties | undefined): INodePropertyOptions[] {
	return ((property?.options ?? []) as INodePropertyOptions[]).filter((option) => 'value' in option);
}

const perItem = Object.entries(RESOURCES).flatMap(([resource, definition]) =>
	Object.entries(definition?.operations ?? {})
		.filter(([, operation]) => operation.kind !== 'batch')
		.map(([operation]) => `${resource}.${operation}`),
);
const declared = (lists: typeof PARALLEL_OPERATIONS) => Object.entries(lists).flatMap(([resource, operations]) => (operations ?? []).map((operation) => `${resource}.${operation}`));

it('declares every per-item operation either parallel or sequential, once', () => {
	const all = [...declared(PARALLEL_OPERATIONS), ...declared(SEQUENTIAL_OPERATIONS)];
	expect([...all].sort()).toEqual([...perItem].sort());
	expect(new Set(all).size).toBe(all.length);
});

it('shows Batching → Requests in Parallel (default 8) for the parallel operations only', () => {
	const batching = description.properties.filter((property) => property.name === 'batching');
	const shownFor = batching.flatMap((property) => {
		const show = property.displayOptions?.show ?? {};
		return (show.resource as string[]).flatMap((resource) => (show.operation as string[]).map((operation) => `${resource}.${operation}`));
	});
	expect(shownFor.sort()).toEqual(declared(PARALLEL_OPERATIONS).sort());
	for (const property of batching) expect(property.options).toEqual([expect.objectContaining({ name: 'requestsInParallel', type: 'number', default: 8 })]);
});

it('docs/parallel-requests.md lists which operations run in parallel as the node declares them', () => {
	const resources = optionsOf(description.properties.find((property) => property.name === 'resource'));
	const names = (resource: string, lists: typeof PARALLEL_OPERATIONS) => {
		const selector = description.properties.find((property) => property.name === 'operation' && (property.displayOptions?.show?.resource ?? []).includes(resource));
		return optionsOf(selector)
			.filter((option) => lists[resource as keyof typeof lists]?.includes(String(option.value)))
			.map((option) => option.name)
			.join(', ');
	};
	const rows = resources.map((resource) => `| ${resource.name} | ${names(resource.value as string, PARALLEL_OPERATIONS) || '—'} | ${names(resource.value as string, SEQUENTIAL_OPERATIONS) || '—'} |`);
	const table = ['| Resource | In parallel | One at a time |', '|---|---|---|', ...rows].join('\n');
	const doc = fs.readFileSync(PARALLEL_DOC, 'utf8');
	const section = doc.slice(doc.indexOf('<!-- parallel:start -->') + '<!-- parallel:start -->'.length, doc.indexOf('<!-- parallel:end -->')).trim();
	expect(section).toBe(table);
});
