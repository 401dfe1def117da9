const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `Y-m-d H:i:s` in China Standard Time (UTC+8), the format every Yunke date field uses. */
export function formatChinaTime(date: Date): string {
	return new Date(date.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

const CHINA_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;

/** Parses `Y-m-d H:i:s` or `Y-m-d` as China time; undefined when the text is not in that shape. */
export function parseChinaTime(text: string): Date | undefined {
	const match = CHINA_TIME_PATTERN.exec(text.trim());
	if (!match) return undefined;
	const [, year, month, day, hour = '00', minute = '00', second = '00'] = match;
	const utc = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second) - CHINA_OFFSET_MS;
	const date = new Date(utc);
	return formatChinaTime(date).startsWith(`${year}-${month}-${day}`) ? date : undefined;
}

/**
 * Accepts what n8n users type or map into a date field (ISO 8601 with or without zone, `Y-m-d H:i:s`,
 * a Luxon DateTime or a JS Date) and returns the Yunke text form, or undefined when unreadable.
 */
export function toChinaTime(value: unknown): string | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : formatChinaTime(value);
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return toChinaTime(String((value as { toISO: () => string }).toISO()));
	}
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	if (CHINA_TIME_PATTERN.test(text)) return parseChinaTime(text) ? text.length === 10 ? `${text} 00:00:00` : text : undefined;
	if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
	const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text);
	const date = new Date(hasZone ? text : `${text}+08:00`);
	return Number.isNaN(date.getTime()) ? undefined : formatChinaTime(date);
}
