import { render } from 'preact';
import { localizeDocument, t } from '../../components/i18n';
import { BubbleSites } from '../../components/BubbleSites';
import { LibraryTransfer } from '../../components/LibraryTransfer';
import { SyncSources } from '../../components/SyncSources';
import '../../components/theme.css';

localizeDocument('optionsTitle');
render(
  <main class="options">
    <h1>{t('optionsTitle')}</h1>
    <SyncSources />
    <LibraryTransfer />
    <BubbleSites />
  </main>,
  document.getElementById('app')!,
);
