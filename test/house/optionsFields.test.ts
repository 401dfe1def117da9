/**
 * Every dropdown the nodes show, as n8n's lint rules want it (`node-param-default-wrong-for-options`,
 * `node-param-options-type-unsorted-items`), checked on the built descriptions: the lint reads object
 * literals only, and fields built by `optionsField` or inside collections are not literals it sees.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { Yunke } from '../../nodes/Yunke/Yunke.node';
import { YunkeTrigger } from '../../nodes/YunkeTrigger/YunkeTrigger.node';
import { optionsField } from '../../nodes/Yunke/v1/actions/common.descriptions';

/** Every property, with the fields nested in collections and fixed collections, named by its path. */
function allProperties(properties: INodeProperties[], path: string): Array<[string, INodeProperties]> {
	return properties.flatMap((property) => {
		const here = `${path}${property.name}`;
		const nested = (property.options ?? []).flatMap((option) => {
			if ('displayName' in option && 'type' in option) return allProperties([option as INodeProperties], `${here}.`);
			if ('values' in option) return allProperties((option as INodePropertyCollection).values, `${here}.${option.name}.`);
			return [];
		});
		return [[here, property] as [string, INodeProperties], ...nested];
	});
}

function dropdownFaults(properties: INodeProperties[]): string[] {
	return allProperties(properties, '')
		.filter(([, property]) => property.type === 'options' && !property.typeOptions?.loadOptionsMethod)
		.flatMap(([path, property]) => {
			const choices = (property.options ?? []) as INodePropertyOptions[];
			const faults: string[] = [];
			if (!choices.some((choice) => choice.value === property.default)) faults.push(`${path}: default ${JSON.stringify(property.default)} is not one of its choices`);
			const names = choices.map((choice) => choice.name);
			const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
			if (names.length >= 5 && names.join('|') !== sorted.join('|')) faults.push(`${path}: choices not in display-name order`);
			return faults;
		});
}

describe('dropdowns', () => {
	it('default to one of their choices and list five or more in display-name order', () => {
		const yunke = new Yunke();
		const versions = Object.values(yunke.nodeVersions).map((node) => node.description.properties);
		expect([...versions, new YunkeTrigger().description.properties].flatMap(dropdownFaults)).toEqual([]);
	});

	it('the check finds a wrong default and an unsorted list', () => {
		const choices = ['Epsilon', 'Alpha', 'Beta', 'Delta', 'Gamma'].map((name) => ({ name, value: name.toLowerCase() }));
		const field = optionsField({ displayName: 'Pick', name: 'pick', default: 'zeta' }, choices);
		expect(dropdownFaults([field])).toEqual(['pick: default "zeta" is not one of its choices', 'pick: choices not in display-name order']);
	});
});
