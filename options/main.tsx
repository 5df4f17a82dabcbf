import { render } from 'preact';
import { applyPreferences } from '../src/ui/preferences';
import { relayWritesToBackground } from '../src/ui/relayWrites';
import { Journal } from './Journal';
import './options.css';

const root = document.getElementById('app')!;
const draw = (): void => render(<Journal />, root);
relayWritesToBackground();
void applyPreferences(draw);
