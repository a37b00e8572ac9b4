import type { Entities } from '../lib/nlp/analyzer';
import type { EntityType } from '../lib/nlp/entities';
import { t, type MessageKey } from './i18n';

const LABEL: Record<EntityType, MessageKey> = { person: 'entityPerson', place: 'entityPlace', org: 'entityOrg' };
const ORDER: EntityType[] = ['person', 'place', 'org'];

type EntityChipsProps = {
  /** The entities to show, by type; empty types are left out. */
  entities: Entities;
  /** Heading read by screen readers and shown above the chips. */
  heading: string;
  /** Show at most this many chips per type (the popup is small). */
  limit?: number;
};

/** People, places and organisations as chips, one row per type, coloured by type. */
export function EntityChips({ entities, heading, limit }: EntityChipsProps) {
  const types = ORDER.filter((type) => entities[type].length > 0);
  if (types.length === 0) return null;
  return (
    <section class="entities" aria-label={heading}>
      <h2 class="section-heading">{heading}</h2>
      <dl>
        {types.map((type) => (
          <div class="entity-row" key={type}>
            <dt>{t(LABEL[type])}</dt>
            <dd>
              <ul class="chips">
                {entities[type].slice(0, limit).map((name) => (
                  <li class={`chip chip-${type}`} key={name} data-entity-type={type}>
                    {name}
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
