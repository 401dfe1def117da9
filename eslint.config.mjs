import tseslint from 'typescript-eslint';
import { buildScanConfig } from '@n8n/scan-community-package/scanner/scanner.mjs';

/** The shippable sources get exactly the rule sets n8n's community-package scanner runs. */
const SHIPPED = ['package.json', 'nodes/**/*.ts', 'nodes/**/*.json', 'credentials/**/*.ts'];

const scannerConfig = (await buildScanConfig()).map((block) => ({
	...block,
	files: block.files ?? SHIPPED,
}));

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.tools/**', 'coverage/**', '**/*.js', '**/*.mjs', 'package-lock.json'] },
	...scannerConfig,
	...tseslint.configs.recommended.map((block) => ({
		...block,
		files: ['test/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
	})),
	{
		files: ['test/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/no-require-imports': 'off',
		},
	},
];
