import type { YunkeResource, YunkeResourceDefinition } from './node.type';
import * as callRecord from './callRecord/CallRecord.resource';
import * as callback from './callback/Callback.resource';
import * as callTime from './callTime/CallTime.resource';
import * as customer from './customer/Customer.resource';
import * as doNotDisturb from './doNotDisturb/DoNotDisturb.resource';
import * as extension from './extension/Extension.resource';
import * as role from './role/Role.resource';
import * as script from './script/Script.resource';
import * as skillGroup from './skillGroup/SkillGroup.resource';
import * as subAccount from './subAccount/SubAccount.resource';
import * as task from './task/Task.resource';

/** Every resource of the node, in the order of the Resource dropdown. */
export const RESOURCES: Partial<Record<YunkeResource, YunkeResourceDefinition>> = {
	callRecord,
	callback,
	callTime,
	customer,
	doNotDisturb,
	extension,
	role,
	script,
	skillGroup,
	subAccount,
	task,
};
