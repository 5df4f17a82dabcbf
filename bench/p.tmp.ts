import { benchPopup } from './popup';
import { benchSizes } from './sizes';
for (const line of benchSizes()) console.log(line);
for (const line of await benchPopup()) console.log(line);
