import {
	DirectoryLoader,
	UnrecognizedCredentialTypeError,
	UnrecognizedNodeTypeError,
} from 'n8n-core';
import { NodeHelpers } from 'n8n-workflow';
import type {
	ICredentialType,
	IDataObject,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';

const prepared = new WeakSet<object>();

function versionsOf(type: INodeType | IVersionedNodeType): INodeType[] {
	return 'nodeVersions' in type ? Object.values(type.nodeVersions) : [type];
}

/** Node-type registry keyed by the `type` string workflows use, post-processed like n8n's DirectoryLoader. */
export class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {
		for (const type of Object.values(types)) {
			for (const version of versionsOf(type)) {
				if (prepared.has(version)) continue;
				prepared.add(version);
				DirectoryLoader.applyDeclarativeNodeOptionParameters(version);
			}
		}
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (!type) throw new UnrecognizedNodeTypeError('test-harness', nodeType);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}

	/** Which node types declare a credential, i.e. what n8n's loader records as `supportedNodes`. */
	nodesByCredential(): Record<string, string[]> {
		const result: Record<string, string[]> = {};
		for (const [name, type] of Object.entries(this.types)) {
			const credentials = versionsOf(type).flatMap((v) => v.description.credentials ?? []);
			for (const { name: credentialName } of credentials) {
				result[credentialName] ??= [];
				if (!result[credentialName].includes(name)) result[credentialName].push(name);
			}
		}
		return result;
	}
}

export class CredentialTypes {
	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly supportedNodes: Record<string, string[]> = {},
	) {}

	recognizes(name: string): boolean {
		return name in this.types;
	}

	getByName(name: string): ICredentialType {
		const type = this.types[name];
		if (!type) throw new UnrecognizedCredentialTypeError(name);
		return type;
	}

	getSupportedNodes(name: string): string[] {
		return this.supportedNodes[name] ?? [];
	}

	getParentTypes(name: string): string[] {
		const parents = this.types[name]?.extends ?? [];
		return [...parents, ...parents.flatMap((parent) => this.getParentTypes(parent))];
	}
}
