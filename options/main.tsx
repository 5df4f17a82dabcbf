import { render } from 'preact';
import browser from 'webextension-polyfill';

render(<h1>{browser.i18n.getMessage('optionsTitle')}</h1>, document.getElementById('app')!);
