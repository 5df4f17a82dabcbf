/**
 * marked's tokens as the kinds its lexer makes. Its `Token` type also admits `Tokens.Generic`, any
 * shape at all, for extensions; this project registers none, so every token is a `MarkedToken`.
 */
import type { MarkedToken, Token } from 'marked';

export function markedTokens(tokens: Token[] | undefined): MarkedToken[] {
  return (tokens ?? []) as MarkedToken[];
}
