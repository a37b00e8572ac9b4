import { render } from 'preact';
import { ENTITY_PAINTED_MARK, EntityPage } from '../../components/EntityPage';
import { localizeDocument } from '../../components/i18n';
import { send } from '../../components/messaging';
import type { EntityType } from '../../lib/nlp/entities';
import '../../components/theme.css';

const params = new URLSearchParams(location.search);
const type: EntityType = params.get('type') === 'place' ? 'place' : params.get('type') === 'org' ? 'org' : 'person';
const name = params.get('name') ?? '';
localizeDocument('entityPageTitle', name);
void send({ type: 'UI_ENTITY', entity: type, name }).then((page) => {
  localizeDocument('entityPageTitle', page.name);
  render(<EntityPage type={type} page={page} />, document.getElementById('app')!);
  performance.mark(ENTITY_PAINTED_MARK);
});
