/**
 * The readings of the vendor pages this tenant takes where the pages are strict or ambiguous.
 * The default of each is the reading that hurts a careless client most; tests and users switch to
 * another reading with `POST /__control/config { "shapes": { … } }` or `new Sandbox({ shapes })`.
 * docs/vendor-conformance.md has one row per reading.
 */
export interface SandboxShapes {
	/** 5.7.2 `client_info_json`: the one form the tenant accepts; the other is answered 30006. */
	clientInfoJson: 'object' | 'string';
}

export const STRICT_SHAPES: SandboxShapes = {
	clientInfoJson: 'object',
};
