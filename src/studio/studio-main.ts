/** Entry of the brand studio page (studio.html), in the browser's language where it has one. */
import { setLocale } from '../i18n/localization.js';
import { isSupportedLocale } from '../i18n/negotiate-locale.js';
import './studio-app.js';

const requested = new URL(location.href).searchParams.get('lang') ?? navigator.language.slice(0, 2);
const locale = isSupportedLocale(requested) ? requested : 'en';
document.documentElement.lang = locale;
await setLocale(locale);
document.body.append(document.createElement('gate-studio'));
