/** What drawing a saved note needs, loaded only when there is one (see ListeningActions.tsx). */
export { noteNodes } from '../src/core/log/note';
export { NoteView } from '../src/ui/NoteView';
