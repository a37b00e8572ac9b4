import { render } from 'preact';
import { localizeDocument } from '../../components/i18n';
import { filtersFromUrl, LibraryPage } from '../../components/LibraryPage';
import '../../components/theme.css';

localizeDocument('libraryPageTitle');
render(<LibraryPage initial={filtersFromUrl(location.search)} />, document.getElementById('app')!);
