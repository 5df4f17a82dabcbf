import { render } from 'preact';
import { applyPreferences } from '../src/ui/preferences';
import { Journal } from './Journal';
import './options.css';

const root = document.getElementById('app')!;
const draw = () => render(<Journal />, root);
void applyPreferences(draw).finally(draw);
