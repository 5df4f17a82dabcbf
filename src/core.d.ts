/**
 * The one platform API the pure core uses: the WHATWG URL parser, which browsers and Node both
 * provide. Declared here, as the core builds without the DOM and Node type libraries.
 */
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
}
