import { describe, expect, it } from 'vitest';
import { titleWithoutNumber } from '../../src/ui/episodeTitle';

describe('titleWithoutNumber', () => {
  it.each([
    ['LCC 262 - Interview Cloud de Confiance avec Quentin Adam', 262, 'Interview Cloud de Confiance avec Quentin Adam'],
    ['Les Cast Codeurs Podcast - Episode 25 - Interview du public', 25, 'Interview du public'],
    ['LCC 99 - Java SE 8', 98, 'LCC 99 - Java SE 8'],
    ['Les Cast Codeurs ont un logo', null, 'Les Cast Codeurs ont un logo'],
    ['LCC 300 - ', 300, 'LCC 300 - '],
  ])('%s (%s) → %s', (title, number, expected) => {
    expect(titleWithoutNumber(title, number)).toBe(expected);
  });
});
