import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { fetchImportTemplate } from '../actions/script/importTemplate';

/** The Columns mapper of Task → Create / Import Data: the chosen script's import template (5.11). */
export async function getTemplateColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const projectSn = String(this.getNodeParameter('script', '', { extractValue: true }) ?? '').trim();
	// The editor asks for the columns as soon as the panel opens, before a script is picked: an error
	// here would be a failed request in the browser, so the mapper explains instead. n8n 2.41 keeps the
	// last notice until the panel is reopened (with Map Automatically, after a script is picked too), so
	// it says what stays true once one is.
	if (!projectSn) return { fields: [], emptyFieldsNotice: "The columns are those of the Script's import template (Script → Get Import Template lists them)" };
	const { columns } = await fetchImportTemplate(this, projectSn);
	return {
		fields: columns.map((column) => ({
			id: column.name,
			displayName: column.isPhone ? `${column.key} (phone)` : column.key,
			required: column.required,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type: 'string',
		})),
		...(columns.length === 0 ? { emptyFieldsNotice: 'This script has no import template. Complete it in the Yunke console first.' } : {}),
	};
}
