import * as XLSX from 'xlsx';

/** Excel in and out for the sandbox only (the node itself never parses Excel). */
export function buildWorkbook(rows: unknown[][]): Buffer {
	const book = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
	return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** The rows of the first sheet as objects keyed by the header row; undefined when the file is not Excel. */
export function readWorkbook(data: Buffer): Array<Record<string, string>> | undefined {
	const isZip = data.subarray(0, 2).toString('latin1') === 'PK';
	const isOle = data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
	if (!isZip && !isOle) return undefined;
	try {
		const book = XLSX.read(data, { type: 'buffer' });
		const sheet = book.Sheets[book.SheetNames[0]];
		return XLSX.utils.sheet_to_json<Record<string, string>>(sheet, { defval: '', raw: false });
	} catch {
		return undefined;
	}
}
