import { render } from 'preact';
import { localizeDocument } from '../../components/i18n';
import { Popup } from '../../components/Popup';
import '../../components/theme.css';

localizeDocument('popupTitle');
// The toolbar's popup has a fixed width; opened for a tab (`?tabId=N`: a detached window, tests)
// it fills whatever window it is in, however narrow.
document.documentElement.dataset.view = new URLSearchParams(location.search).has('tabId') ? 'window' : 'toolbar';
render(<Popup />, document.getElementById('app')!);
