/**
 * `npm run bench`: every speed and size figure of the project, measured, never asserted in
 * tests. The parser ratio stays the last line: scripts read it there.
 */
import { benchParsers } from './corpus';
import { benchArchive } from './archive';
import { benchConferences } from './conferencesRun';
import { benchJournal } from './journal';
import { benchPopup, benchWorstCase } from './popup';
import { benchSizes } from './sizes';
import { benchSync } from './sync';
import { benchGpodder } from './gpodder';
import { benchSearchQuality } from './searchQuality';

for (const line of benchSizes()) console.log(line);
for (const line of benchSync()) console.log(line);
for (const line of await benchPopup()) console.log(line);
for (const line of await benchWorstCase()) console.log(line);
for (const line of await benchJournal()) console.log(line);
for (const line of await benchArchive()) console.log(line);
for (const line of await benchConferences()) console.log(line);
for (const line of await benchGpodder()) console.log(line);
for (const line of benchSearchQuality()) console.log(line);
const parsers = await benchParsers();
for (const line of parsers.lines) console.log(line);
console.log(`markdown parser / marked.lexer time ratio: ${parsers.ratio === null ? 'n/a' : parsers.ratio.toFixed(3)}`);
