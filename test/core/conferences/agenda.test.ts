import { describe, expect, it } from 'vitest';
import { byMonth, cfpDaysLeft, filterAgenda, past, places, upcoming } from '../../../src/core/conferences/agenda';
import type { Conference } from '../../../src/core/conferences/conference';

function conference(name: string, startsOn: string | null, endsOn: string | null, extra: Partial<Conference> = {}): Conference {
  return {
    name,
    url: `https://${name.toLowerCase()}.example/`,
    startsOn,
    endsOn,
    city: 'Paris',
    country: 'France',
    online: false,
    cfp: null,
    episodeIds: ['lcc-1'],
    ...extra,
  };
}

const TODAY = '2025-03-10';
const all = [
  conference('Devoxx', '2025-04-16', '2025-04-18', { cfp: { url: null, closesOn: '2025-03-14' } }),
  conference('Snowcamp', '2025-01-22', '2025-01-25'),
  conference('Breizhcamp', '2025-06-25', '2025-06-27', { city: 'Rennes', cfp: { url: null, closesOn: '2025-04-30' } }),
  conference('Goto', '2025-03-09', '2025-03-11', { city: 'Amsterdam', country: 'Netherlands', cfp: { url: null, closesOn: '2025-01-01' } }),
  conference('Sans date', null, null),
];

describe('the agenda', () => {
  it('keeps the conferences not over, soonest first, by month; past ones apart', () => {
    expect(upcoming(all, TODAY).map((each) => each.name)).toEqual(['Goto', 'Devoxx', 'Breizhcamp']);
    expect(byMonth(upcoming(all, TODAY)).map((month) => [month.month, month.conferences.length])).toEqual([
      ['2025-03', 1],
      ['2025-04', 1],
      ['2025-06', 1],
    ]);
    expect(past(all, TODAY).map((each) => each.name)).toEqual(['Snowcamp']);
  });

  it('counts the days left to submit, and filters by country, city and open CfP', () => {
    expect(cfpDaysLeft(all[0]!, TODAY)).toBe(4);
    expect(cfpDaysLeft(all[3]!, TODAY)).toBeNull();
    expect(filterAgenda(upcoming(all, TODAY), { country: null, city: null, cfpOpen: true }, TODAY).map((each) => each.name)).toEqual([
      'Devoxx',
      'Breizhcamp',
    ]);
    expect(
      filterAgenda(upcoming(all, TODAY), { country: 'France', city: 'Rennes', cfpOpen: false }, TODAY).map((each) => each.name),
    ).toEqual(['Breizhcamp']);
    expect(places(all).countries).toEqual(['France', 'Netherlands']);
    expect(places(all).cities('France')).toEqual(['Paris', 'Rennes']);
  });
});
