import { useEffect, useState } from 'preact/hooks';
import { siteFromInput } from '../lib/page/selection';
import { readBubbleOffSites, saveBubbleOffSites } from './bubble-off-sites';
import { Panel } from './Panel';
import { t } from './i18n';

/** The sites where the reader turned the selection bubble off; the badge and popup still work there. */
export function BubbleSites() {
  const [sites, setSites] = useState<string[] | null>(null);
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    void readBubbleOffSites().then(setSites);
  }, []);

  const save = async (next: string[]) => {
    await saveBubbleOffSites(next);
    setSites(next);
  };

  return (
    <Panel id="sites-heading" heading={t('siteSettingsHeading')} help={t('siteSettingsHelp')}>
      <form
        class="actions"
        onSubmit={(event) => {
          event.preventDefault();
          const site = siteFromInput(draft);
          setInvalid(site === null);
          if (site === null || !sites) return;
          setDraft('');
          if (!sites.includes(site)) void save([...sites, site].sort());
        }}
      >
        <input
          type="text"
          class="site-input"
          value={draft}
          placeholder={t('siteSettingsPlaceholder')}
          aria-label={t('siteSettingsPlaceholder')}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'site-invalid' : undefined}
          onInput={(event) => setDraft(event.currentTarget.value)}
        />
        <button type="submit">{t('siteSettingsAdd')}</button>
      </form>
      {invalid && (
        <p class="status status-error" id="site-invalid" role="alert">
          {t('siteSettingsInvalid')}
        </p>
      )}
      {sites && sites.length === 0 && <p class="help">{t('siteSettingsNone')}</p>}
      {sites && sites.length > 0 && (
        <ul class="site-list" data-testid="bubble-off-sites">
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" onClick={() => void save(sites.filter((s) => s !== site))}>
                {t('siteSettingsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
