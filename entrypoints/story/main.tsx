import { render } from 'preact';
import { localizeDocument, t } from '../../components/i18n';
import { send } from '../../components/messaging';
import { StoryArticle } from '../../components/StoryArticle';
import '../../components/theme.css';

const id = new URLSearchParams(location.search).get('id') ?? '';
const root = document.getElementById('app')!;
void send({ type: 'UI_GET_STORY', id }).then((story) => {
  if (story) {
    localizeDocument('storyPageTitle', story.title);
    render(<StoryArticle story={story} />, root);
  } else {
    localizeDocument('storyNotFound');
    render(<p class="empty-state">{t('storyNotFound')}</p>, root);
  }
});
