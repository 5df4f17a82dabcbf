import { render } from 'preact';
import { inBackground } from '../src/errors';
import { applyPreferences } from '../src/ui/preferences';
import { relayWritesToBackground } from '../src/ui/relayWrites';
import { dropPopupCopiesOnWrite } from '../src/ui/popupCopies';
import { Journal } from './Journal';
import './options.css';

const root = document.getElementById('app')!;
const draw = (): void => render(<Journal />, root);
relayWritesToBackground();
dropPopupCopiesOnWrite();
inBackground('applying the settings', applyPreferences(draw));
