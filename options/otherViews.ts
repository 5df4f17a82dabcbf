/** The journal's views loaded after the first paint (see Journal.tsx). */
export { DataTools } from './DataTools';
export { SearchView } from './SearchView';
export { SettingsView } from './SettingsView';
export { Statistics } from './Statistics';
export { Conferences } from './Conferences';
export { ReadLater } from './ReadLater';
export { Queue } from './Queue';
