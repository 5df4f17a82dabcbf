import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerptAround, highlighted } from '../../../src/core/text/highlight';

describe('highlighted', () => {
  it('marks each word that starts with a word of the query, whatever its case and accents', () => {
    expect(highlighted('GraalVM et la sécurité de Graal', 'graal securite')).toEqual([
      { text: 'GraalVM', marked: true },
      { text: ' et la ', marked: false },
      { text: 'sécurité', marked: true },
      { text: ' de ', marked: false },
      { text: 'Graal', marked: true },
    ]);
    expect(highlighted('logging-log4j2 2.17', 'log4j')).toEqual([
      { text: 'logging-', marked: false },
      { text: 'log4j2', marked: true },
      { text: ' 2.17', marked: false },
    ]);
  });

  it('marks nothing for a query without a word, or a word found nowhere', () => {
    expect(highlighted('Quarkus', '  ')).toEqual([{ text: 'Quarkus', marked: false }]);
    expect(highlighted('Quarkus', 'kotlin')).toEqual([{ text: 'Quarkus', marked: false }]);
  });

  it('gives the text back whole, in order, for any text and query', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (text, query) => {
        expect(
          highlighted(text, query)
            .map((part) => part.text)
            .join(''),
        ).toBe(text);
      }),
    );
  });
});

describe('excerptAround', () => {
  const text = `${'mot '.repeat(60)}un paragraphe sur SageMaker et la compilation native ${'fin '.repeat(60)}`.trim();

  it('gives the words around the first match, cut at words, with … where cut', () => {
    const excerpt = excerptAround(text, 'sagemaker')!;
    expect(excerpt).toMatch(/^…(mot )+un paragraphe sur SageMaker et la compilation native( fin)+…$/);
    expect(excerpt.length).toBeLessThanOrEqual(162);
    expect(excerptAround('Court : Quarkus 3.', 'quarkus')).toBe('Court : Quarkus 3.');
  });

  it('gives nothing where no word matches', () => {
    expect(excerptAround(text, 'kotlin')).toBeNull();
    expect(excerptAround(text, '  ')).toBeNull();
  });
});
