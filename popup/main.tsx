import { render } from 'preact';
import browser from 'webextension-polyfill';

render(<h1>{browser.i18n.getMessage('extensionName')}</h1>, document.getElementById('app')!);
