import type { YunkeResource, YunkeResourceDefinition } from './node.type';
import * as script from './script/Script.resource';

/** Every resource of the node, in the order of the Resource dropdown. */
export const RESOURCES: Partial<Record<YunkeResource, YunkeResourceDefinition>> = {
	script,
};
