import { render } from 'preact';
import { libraryPageUrl } from '../../components/open-story';
import { localizeDocument, t } from '../../components/i18n';
import { BubbleSites } from '../../components/BubbleSites';
import { LibraryTransfer } from '../../components/LibraryTransfer';
import { SyncSources } from '../../components/SyncSources';
import '../../components/theme.css';

/** What analyses a story, set by the build (wxt.config.ts): an imported story's analysis is kept only when this made it. */
declare const ANALYSIS_SHA256: string;

localizeDocument('optionsTitle');
render(
  <main class="options">
    <h1>{t('optionsTitle')}</h1>
    <p>
      <a class="options-library-link" href={libraryPageUrl()}>
        {t('optionsToLibrary')}
      </a>
    </p>
    <SyncSources />
    <LibraryTransfer analysisVersion={ANALYSIS_SHA256} />
    <BubbleSites />
  </main>,
  document.getElementById('app')!,
);
