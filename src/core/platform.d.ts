/**
 * The platform APIs the pure core uses: the WHATWG URL parser (and TextEncoder below), which browsers and Node both
 * provide. Declared here, as the core builds without the DOM and Node type libraries.
 */
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly port: string;
  readonly username: string;
  readonly password: string;
}

/** The WHATWG text encoder, to count bytes as storage quotas count them; browsers and Node both have it. */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
