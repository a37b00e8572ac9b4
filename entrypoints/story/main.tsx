import { render } from 'preact';
import { localizeDocument } from '../../components/i18n';
import { send } from '../../components/messaging';
import { StoryNotFound, StoryPage } from '../../components/StoryPage';
import '../../components/theme.css';

const id = new URLSearchParams(location.search).get('id') ?? '';
const root = document.getElementById('app')!;
void send({ type: 'UI_GET_STORY', id }).then((story) => {
  if (story) {
    localizeDocument('storyPageTitle', story.title);
    render(<StoryPage story={story} />, root);
  } else {
    localizeDocument('storyNotFound');
    render(<StoryNotFound />, root);
  }
});
