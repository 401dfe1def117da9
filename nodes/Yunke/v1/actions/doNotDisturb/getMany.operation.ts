import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { yunkeApiRequestAllItems } from '../../../transport';
import { paginationFields } from '../common.descriptions';
import { readLimit } from '../../helpers/fields';

const properties: INodeProperties[] = [...paginationFields()];

export const description = updateDisplayOptions({ show: { resource: ['doNotDisturb'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	return await yunkeApiRequestAllItems.call(this, { method: 'POST', endpoint: ENDPOINTS.dndList, body: {}, itemIndex }, { limit });
}
