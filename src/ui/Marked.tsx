/** Text with the words a search or a filter matched in `<mark>`, built as elements, never as HTML. */
import { highlighted } from '../core/text/highlight';

export function Marked({ text, query }: { text: string; query: string }) {
  return <>{highlighted(text, query).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : part.text))}</>;
}
