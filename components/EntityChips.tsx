import type { Entities } from '../lib/nlp/analyzer';
import type { EntityType } from '../lib/nlp/entities';
import { langOf, t, type MessageKey } from './i18n';
import { entityPageUrl, openEntity } from './open-story';

const LABEL: Record<EntityType, MessageKey> = { person: 'entityPerson', place: 'entityPlace', org: 'entityOrg' };
const ORDER: EntityType[] = ['person', 'place', 'org'];

type EntityChipsProps = {
  /** The entities to show, by type; empty types are left out. */
  entities: Entities;
  /** Heading read by screen readers, and shown above the chips unless `hideHeading`. */
  heading: string;
  /** The heading is already on screen (a disclosure's summary). */
  hideHeading?: boolean;
  /** Show at most this many chips per type (the popup is small). */
  limit?: number;
};

/** A name as a link to its entity page, opened in a new tab (the popup closes when it loses focus). */
function EntityLink({ type, name }: { type: EntityType; name: string }) {
  return (
    <a
      class="chip-link"
      href={entityPageUrl(type, name)}
      title={t('entityLinkTitle')}
      onClick={(event) => {
        event.preventDefault();
        void openEntity(type, name);
      }}
    >
      {name}
    </a>
  );
}

/** People, places and organisations as chips, one row per type, coloured by type, each a link to its page. */
export function EntityChips({ entities, heading, hideHeading, limit }: EntityChipsProps) {
  const types = ORDER.filter((type) => entities[type].length > 0);
  if (types.length === 0) return null;
  return (
    <section class="entities" aria-label={heading}>
      {!hideHeading && <h2 class="section-heading">{heading}</h2>}
      <dl>
        {types.map((type) => (
          <div class="entity-row" key={type}>
            <dt>{t(LABEL[type])}</dt>
            <dd>
              <ul class="chips">
                {entities[type].slice(0, limit).map((name) => (
                  <li class={`chip chip-${type}`} key={name} data-entity-type={type} lang={langOf(name)}>
                    <EntityLink type={type} name={name} />
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

type NamesDisclosureProps = {
  /** What the closed disclosure says. */
  summary: string;
  entities: Entities;
  /** What the names are of (the page's title), shown when it is open. */
  about?: string;
};

/** The names a text mentions, folded away: what the reader came for (the stories) comes first. */
export function NamesDisclosure({ summary, entities, about }: NamesDisclosureProps) {
  const count = ORDER.reduce((n, type) => n + entities[type].length, 0);
  if (count === 0 && !about) return null;
  return (
    <details class="names">
      <summary>
        {summary}
        {count > 0 && <span class="count"> ({count})</span>}
      </summary>
      {about && (
        <p class="page-title" lang={langOf(about)}>
          {about}
        </p>
      )}
      <EntityChips entities={entities} heading={summary} hideHeading limit={8} />
    </details>
  );
}
