import { render } from 'preact';
import { inBackground } from '../src/errors';
import { applyPreferences } from '../src/ui/preferences';
import { relayWritesToBackground } from '../src/ui/relayWrites';
import { dropPopupCopiesOnWrite } from '../src/ui/popupCopies';
import { syncWithAppsAfterPaint } from '../src/ui/syncWithApps';
import { App } from './App';
import './popup.css';

const root = document.getElementById('app')!;
const draw = (): void => render(<App />, root);
relayWritesToBackground();
dropPopupCopiesOnWrite();
inBackground('applying the settings', applyPreferences(draw));
syncWithAppsAfterPaint();
