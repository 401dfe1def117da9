import { randomBytes } from 'node:crypto';

export interface MultipartFile {
	field: string;
	fileName: string;
	mimeType: string;
	data: Buffer;
}

/**
 * A file upload before signing. The credential's `authenticate` adds the public parameters and the
 * `url` signature to `fields` (files are not part of the signature: docs/vendor-facts.md) and only then serialises it.
 */
export class MultipartBody {
	constructor(
		readonly fields: Record<string, string>,
		readonly files: MultipartFile[],
	) {}

	withFields(fields: Record<string, string>): MultipartBody {
		return new MultipartBody(fields, this.files);
	}

	serialize(): { contentType: string; body: Buffer } {
		const boundary = `----n8nYunke${randomBytes(12).toString('hex')}`;
		const parts: Buffer[] = [];
		for (const [name, value] of Object.entries(this.fields)) {
			parts.push(
				Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(name)}"\r\n\r\n${value}\r\n`),
			);
		}
		for (const file of this.files) {
			parts.push(
				Buffer.from(
					`--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(file.field)}"; filename="${escapeQuoted(file.fileName)}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`,
				),
				file.data,
				Buffer.from('\r\n'),
			);
		}
		parts.push(Buffer.from(`--${boundary}--\r\n`));
		return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
	}
}

function escapeQuoted(text: string): string {
	return text.replace(/["\r\n]/g, (char) => encodeURIComponent(char));
}
