import type { JSX } from 'preact';
import type { NoteNode } from '../core/log/note';

function draw(node: NoteNode, key: number): JSX.Element | string {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'br':
      return <br key={key} />;
    case 'code':
      return <code key={key}>{node.text}</code>;
    case 'link':
      return (
        <a key={key} href={node.href} target="_blank" rel="noopener noreferrer">
          {node.children.map(draw)}
        </a>
      );
    default: {
      const Tag = node.type;
      return <Tag key={key}>{node.children.map(draw)}</Tag>;
    }
  }
}

/** A personal note drawn from its safe nodes: elements only, never an HTML string. */
export function NoteView({ nodes }: { nodes: NoteNode[] }) {
  return <div class="note-view">{nodes.map(draw)}</div>;
}
