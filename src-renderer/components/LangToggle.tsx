import { useI18n } from '../app/i18n/i18n.context.ts';

/** Shows the language it switches to ("EN" while the console is in Vietnamese). */
export function LangToggle() {
  const { t, toggleLang } = useI18n();
  return (
    <button
      type="button"
      className="btn btn-ghost lang-toggle"
      data-testid="lang-toggle"
      title={t('lang.toggleHint')}
      onClick={toggleLang}
    >
      {t('lang.toggleLabel')}
    </button>
  );
}
