/**
 * The part of papaparse's API the CSV format uses. Declared here rather than taken from
 * @types/papaparse, which pulls Node's types into every program that imports it.
 */
declare module 'papaparse' {
  export interface ParseError {
    type: string;
    code: string;
    message: string;
    /** Index of the data row (header excluded) where the error is. */
    row?: number;
    /** Offset in the text where the error is, where papaparse knows it. */
    index?: number;
  }
  export interface ParseResult<T> {
    data: T[];
    errors: ParseError[];
    meta: { delimiter: string; linebreak: string; fields?: string[] };
  }
  export interface ParseConfig {
    header?: boolean;
    skipEmptyLines?: boolean | 'greedy';
    delimiter?: string;
    delimitersToGuess?: string[];
    /** Applied to every parsed value (before the header maps it to its column). */
    transform?: (value: string, field: string | number) => string;
  }
  export interface UnparseConfig {
    columns?: string[];
    newline?: string;
    quotes?: boolean;
    header?: boolean;
    /** Cells matching it are written behind a `'` (true: papaparse's own pattern). */
    escapeFormulae?: boolean | RegExp;
  }
  export function parse<T>(input: string, config: ParseConfig): ParseResult<T>;
  export function unparse(data: object[], config?: UnparseConfig): string;
  const Papa: { parse: typeof parse; unparse: typeof unparse };
  export default Papa;
}
