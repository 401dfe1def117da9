/**
 * `table[key]` when the table itself holds that key, else undefined. A key that comes from outside (a
 * push, a file name, an expression) may be `constructor` or `toString`, which every object inherits.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string | number): T | undefined {
	return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
