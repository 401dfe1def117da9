/** The environment every n8n process of the tooling gets, CLI and servers alike. */
import * as net from 'node:net';
import type { Tools } from './tools';

export const DEFAULT_ENCRYPTION_KEY = 'n8n-nodes-yunke-e2e-key-0123456789abcdef';

export interface N8nEnvOptions {
	userFolder: string;
	encryptionKey: string;
	/** JS task-runner broker port: must differ between n8n processes that run at the same time. */
	brokerPort: number;
}

export function n8nEnv(tools: Tools, opts: N8nEnvOptions, ...extra: NodeJS.ProcessEnv[]): NodeJS.ProcessEnv {
	return tools.env(
		Object.assign(
			{
				HOME: opts.userFolder,
				N8N_USER_FOLDER: opts.userFolder,
				N8N_ENCRYPTION_KEY: opts.encryptionKey,
				N8N_DIAGNOSTICS_ENABLED: 'false', // else telemetry errors land on stdout after the JSON
				N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
				N8N_TEMPLATES_ENABLED: 'false',
				N8N_PERSONALIZATION_ENABLED: 'false',
				N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
				N8N_RUNNERS_BROKER_PORT: String(opts.brokerPort),
				N8N_LOG_LEVEL: 'info', // execute's JSON is written through logger.info: never lower
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_HOST: '127.0.0.1',
				N8N_PROTOCOL: 'http',
				N8N_SECURE_COOKIE: 'false', // plain http on loopback (editor login for `npm run dev`)
				N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
			},
			...extra,
		),
	);
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}

export const tail = (s: string, n = 4000): string => (s.length > n ? s.slice(-n) : s);
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
