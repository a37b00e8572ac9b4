import { t } from './i18n';

type SearchBoxProps = {
  /** The text as typed. */
  value: string;
  /** Called on every edit with the new text. */
  onInput: (value: string) => void;
};

/** A multi-line box: readers paste whole passages. Escape clears it. */
export function SearchBox({ value, onInput }: SearchBoxProps) {
  return (
    <div class="search-box">
      <label class="visually-hidden" for="search">
        {t('searchLabel')}
      </label>
      <textarea
        id="search"
        rows={2}
        value={value}
        placeholder={t('searchPlaceholder')}
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value) {
            event.preventDefault();
            onInput('');
          }
        }}
      />
      {value && (
        <button type="button" class="search-clear" onClick={() => onInput('')}>
          {t('searchClear')}
        </button>
      )}
    </div>
  );
}
