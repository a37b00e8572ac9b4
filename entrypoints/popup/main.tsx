import { render } from 'preact';
import { localizeDocument } from '../../components/i18n';
import { Popup } from '../../components/Popup';
import '../../components/theme.css';

localizeDocument('popupTitle');
render(<Popup />, document.getElementById('app')!);
