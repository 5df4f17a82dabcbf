import { render } from 'preact';
import { applyPreferences } from '../src/ui/preferences';
import { Journal } from './Journal';
import './options.css';

const root = document.getElementById('app')!;
const draw = (): void => render(<Journal />, root);
void applyPreferences(draw);
