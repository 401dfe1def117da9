import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Logger } from '@n8n/backend-common';
import { OutboundHttp } from '@n8n/backend-network';
import { GlobalConfig, InstanceSettingsConfig, SsrfProtectionConfig } from '@n8n/config';
import { Container } from '@n8n/di';
import {
	BinaryDataConfig,
	BinaryDataService,
	Cipher,
	EncryptionKeyProxy,
	ErrorReporter,
	InstanceSettings,
} from 'n8n-core';
import type { KeyInfo } from 'n8n-core';
import { Expression, LoggerProxy } from 'n8n-workflow';

export type BinaryDataMode = 'memory' | 'filesystem';

let userFolder: string | undefined;
const binaryServices = new Map<BinaryDataMode, { config: BinaryDataConfig; service: BinaryDataService }>();

// Loaded at the top level of a test file, so registering the hook here is allowed; Jest's
// sandboxed `process` never emits 'exit', which rules out a process listener.
if (typeof afterAll === 'function') {
	afterAll(() => {
		if (userFolder) rmSync(userFolder, { recursive: true, force: true });
	});
}

/**
 * Wires the @n8n/di singletons n8n-core reaches for via `Container.get` during an execution
 * (InstanceSettings, Logger, ErrorReporter, OutboundHttp, BinaryDataService). Idempotent.
 */
export function setupContainer(): string {
	if (userFolder) return userFolder;
	userFolder = mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));

	// Keep n8n away from ~/.n8n: the settings file (encryption key) and storage go to a temp dir.
	const instanceSettingsConfig = Container.get(InstanceSettingsConfig);
	Object.assign(instanceSettingsConfig, { n8nFolder: path.join(userFolder, '.n8n'), userHome: userFolder });
	instanceSettingsConfig.encryptionKey ||= 'n8n-nodes-yunke-test-harness-key';
	instanceSettingsConfig.enforceSettingsFilePermissions = false;

	if (!process.env.N8N_LOG_LEVEL) Container.get(GlobalConfig).logging.level = 'silent';
	// The local sandbox server lives on 127.0.0.1, which SSRF protection would block.
	Container.get(SsrfProtectionConfig).enabled = false;

	// The n8n 2.41 server defaults to N8N_EXPRESSION_ENGINE=vm (isolated-vm 7, Node >= 24 and a
	// native build that ignore-scripts skips). On Node 20 only the tournament-based 'legacy'
	// engine can run, so pin it rather than depend on what the CLI would have initialised.
	Expression.setExpressionEngine('legacy');

	const logger = Container.get(Logger);
	LoggerProxy.init(logger);
	const instanceSettings = Container.get(InstanceSettings);
	// The CLI backs the key proxy with its DB key table; n8n's pre-rotation default is the
	// instance key as a no-prefix aes-256-cbc descriptor, which is what we provide here.
	const legacyKey: KeyInfo = {
		id: 'legacy',
		value: Container.get(Cipher).encryptDEKWithInstanceKey(instanceSettings.encryptionKey),
		algorithm: 'aes-256-cbc',
		format: 'no-prefix',
	};
	Container.get(EncryptionKeyProxy).setProvider({
		getActiveKey: async () => legacyKey,
		getLegacyKey: async () => legacyKey,
		getKeyById: async (id) => (id === legacyKey.id ? legacyKey : null),
	});
	Container.get(ErrorReporter);
	Container.get(OutboundHttp);
	return userFolder;
}

/**
 * memory: no manager is initialised, so n8n-core keeps binary data inline as base64 in `data`
 * (what the removed "default" mode did). filesystem: the real blob manager under a temp dir.
 */
export async function useBinaryDataMode(mode: BinaryDataMode): Promise<BinaryDataService> {
	const folder = setupContainer();
	let entry = binaryServices.get(mode);
	if (!entry) {
		const base = Container.get(BinaryDataConfig);
		const config = Object.assign(Object.create(Object.getPrototypeOf(base)), base, {
			mode: mode === 'memory' ? 'default' : 'filesystem',
			localStoragePath: path.join(folder, 'binary-data'),
		}) as BinaryDataConfig;
		const service = new BinaryDataService(config, Container.get(ErrorReporter), Container.get(Logger));
		if (mode === 'filesystem') await service.init();
		entry = { config, service };
		binaryServices.set(mode, entry);
	}
	Container.set(BinaryDataConfig, entry.config);
	Container.set(BinaryDataService, entry.service);
	return entry.service;
}
