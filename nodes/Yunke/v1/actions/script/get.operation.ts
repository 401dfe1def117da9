import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { yunkeApiRequest } from '../../../transport';
import { scriptLocator } from '../../../methods/locators';
import { readScriptSn } from './scriptSn';

const properties: INodeProperties[] = [scriptLocator];

export const description = updateDisplayOptions({ show: { resource: ['script'], operation: ['get'] } }, properties);

/** 7.2 templatedata: the script (`task` in the answer) with its dialogue nodes (`data`) as `asks`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sn = readScriptSn(this, itemIndex);
	const response = await yunkeApiRequest.call(this, {
		method: 'POST',
		endpoint: ENDPOINTS.scriptGet,
		body: { project_sn: sn },
		itemIndex,
		idempotent: true,
	});
	const script = (response.task ?? {}) as IDataObject;
	const asks = Array.isArray(response.data) ? (response.data as IDataObject[]) : [];
	return { ...script, project_sn: script.sn ?? sn, asks };
}
