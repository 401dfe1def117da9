import { DEMO_LOGIN } from './seed';
import { describeShapes, readingsFromArgs } from './readingChoice';
import { Sandbox } from './server';

/** `npm run sandbox [-- --reading name=value …]`: a simulated Yunke tenant on localhost for building flows without real calls. */
async function main(): Promise<void> {
	const port = Number(process.env.YUNKE_SANDBOX_PORT ?? 8710);
	const sandbox = new Sandbox({ port, shapes: readingsFromArgs(process.argv.slice(2)) });
	const url = await sandbox.start();
	process.stdout.write(
		[
			`Yunke sandbox listening on ${url}`,
			'Credential "Yunke API" for n8n:',
			`  Base URL:  ${url}`,
			`  Username:  ${DEMO_LOGIN.username}    Password: ${DEMO_LOGIN.password}`,
			`  or Access ID: ${DEMO_LOGIN.accessId}    Access Secret: ${DEMO_LOGIN.accessSecret}`,
			'Readings in force (--reading name=value to change; docs/vendor-conformance.md):',
			...describeShapes(sandbox.shapes).map((line) => `  ${line}`),
			`Control API (tests only): ${url}/__control/{reset,config,faults,log,stats,state}`,
			'Press Ctrl+C to stop.',
			'',
		].join('\n'),
	);
	const stop = () => void sandbox.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	process.stderr.write(`sandbox: ${error.message}\n`);
	process.exit(1);
});
