/** The .ics export, parsed back with another library (ical.js). */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { conferencesCalendar } from '../../../src/core/conferences/calendar';
import type { Conference } from '../../../src/core/conferences/conference';

const snowcamp: Conference = {
  name: 'SnowCamp 2025',
  url: 'https://snowcamp.io/',
  startsOn: '2025-01-22',
  endsOn: '2025-01-25',
  city: 'Grenoble',
  country: 'France',
  online: true,
  cfp: { url: 'https://cfp.example/', closesOn: '2024-10-15' },
  episodeIds: ['lcc-321'],
};
const labels = { calendarName: 'Conférences', cfpUntil: (day: string) => `CfP jusqu’au ${day}`, online: 'En ligne' };

describe('the conferences calendar', () => {
  it('is RFC 5545 that another library reads back: dates, place, address, CfP', () => {
    const text = conferencesCalendar([snowcamp, { ...snowcamp, name: 'Sans date', startsOn: null, endsOn: null }], labels);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event!.summary).toBe('SnowCamp 2025');
    expect(event!.startDate.toString()).toBe('2025-01-22');
    expect(event!.endDate.toString()).toBe('2025-01-26');
    expect(event!.location).toBe('Grenoble (France) & En ligne');
    expect(event!.description).toBe('CfP jusqu’au 2024-10-15');
    expect(event!.uid).toBe('2025-01-22-https://snowcamp.io/@lcc-companion');
    expect(event!.component.getFirstPropertyValue('url')).toBe('https://snowcamp.io/');
  });
});

describe('the conferences calendar against hostile notes (issue 24, 3)', () => {
  const injection = '\r\nATTENDEE:mailto:evil@example.com\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected';

  function eventsOf(text: string) {
    return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  }

  it('leaves out a conference whose address holds a line break, and lets no property out of its line', () => {
    const text = conferencesCalendar(
      [
        { ...snowcamp, url: `https://snowcamp.io/${injection}` },
        { ...snowcamp, name: `SnowCamp${injection}`, city: `Grenoble${injection}`, url: 'https://snowcamp.io/2025/' },
      ],
      labels,
    );
    expect(text).not.toMatch(/^ATTENDEE/m);
    expect(text.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
    const [event] = eventsOf(text);
    expect(event!.summary).toBe(`SnowCamp${injection.replaceAll('\r\n', '\n')}`);
    expect(event!.uid).toBe('2025-01-22-https://snowcamp.io/2025/@lcc-companion');
  });

  it('writes an address with commas and semicolons so that it comes back as an address', () => {
    const [event] = eventsOf(conferencesCalendar([{ ...snowcamp, url: 'https://conf.example/a,b;c?x=1' }], labels));
    expect(event!.component.getFirstPropertyValue('url')).toBe('https://conf.example/a%2Cb%3Bc?x=1');
    expect(event!.uid).toBe('2025-01-22-https://conf.example/a%2Cb%3Bc?x=1@lcc-companion');
  });

  it('writes no conference whose address is not http(s)', () => {
    expect(eventsOf(conferencesCalendar([{ ...snowcamp, url: 'javascript:alert(1)' }], labels))).toEqual([]);
  });
});
