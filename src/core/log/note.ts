/**
 * A personal note's markdown as a small tree of safe nodes: text, emphasis, code, line breaks,
 * lists and http(s) links only. The UI draws these as elements; no HTML string is ever made.
 */
import { Lexer, type Token } from 'marked';
import { markedTokens } from '../text/markedTokens';
import { decodeReferences, type NamedEntities } from '../text/entityReferences';
import { isHttpUrl } from '../episode/urls';

export type NoteNode =
  | { type: 'text'; text: string }
  | { type: 'br' }
  | { type: 'p' | 'strong' | 'em' | 'del' | 'ul' | 'ol' | 'li' | 'blockquote'; children: NoteNode[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: NoteNode[] };

function inline(tokens: Token[] | undefined, named: NamedEntities): NoteNode[] {
  return markedTokens(tokens).flatMap((token): NoteNode[] => {
    switch (token.type) {
      case 'text':
        return token.tokens ? inline(token.tokens, named) : [{ type: 'text', text: decodeReferences(token.text, named) }];
      case 'escape':
        return [{ type: 'text', text: token.text }];
      case 'codespan':
        return [{ type: 'code', text: decodeReferences(token.text, named) }];
      case 'strong':
      case 'em':
      case 'del':
        return [{ type: token.type, children: inline(token.tokens, named) }];
      case 'br':
        return [{ type: 'br' }];
      case 'link': {
        const { href } = token;
        const children = inline(token.tokens, named);
        return isHttpUrl(href) ? [{ type: 'link', href, children }] : children;
      }
      default:
        // Raw HTML, images and anything else show as the text they were written as.
        return [{ type: 'text', text: token.raw }];
    }
  });
}

function blocks(tokens: Token[], named: NamedEntities): NoteNode[] {
  return markedTokens(tokens).flatMap((token): NoteNode[] => {
    switch (token.type) {
      case 'paragraph':
      case 'heading':
        return [{ type: 'p', children: inline(token.tokens, named) }];
      case 'text':
        return token.tokens ? inline(token.tokens, named) : [{ type: 'text', text: token.text }];
      case 'list': {
        const list = token;
        return [
          {
            type: list.ordered ? 'ol' : 'ul',
            children: list.items.map((item) => ({ type: 'li' as const, children: blocks(item.tokens, named) })),
          },
        ];
      }
      case 'blockquote':
        return [{ type: 'blockquote', children: blocks(token.tokens ?? [], named) }];
      case 'code':
        return [{ type: 'p', children: [{ type: 'code', text: token.text }] }];
      case 'space':
      case 'hr':
        return [];
      default:
        return [{ type: 'p', children: [{ type: 'text', text: token.raw }] }];
    }
  });
}

/** The note's nodes; `named` reads named entities (`&hellip;`): the page's HTML parser, or a table in Node. */
export function noteNodes(markdown: string, named: NamedEntities): NoteNode[] {
  return blocks(Lexer.lex(markdown, { gfm: true }), named);
}
