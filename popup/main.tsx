import { render } from 'preact';
import { uiLanguage } from '../src/ui/i18n';
import { App } from './App';
import './popup.css';

document.documentElement.lang = uiLanguage().split('-')[0]!;
render(<App />, document.getElementById('app')!);
