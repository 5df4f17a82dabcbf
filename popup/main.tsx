import { render } from 'preact';
import { applyPreferences } from '../src/ui/preferences';
import { App } from './App';
import './popup.css';

const root = document.getElementById('app')!;
const draw = (): void => render(<App />, root);
void applyPreferences(draw);
