/*
 * jukiflow: Cockpit configuration. Japanese for every manager, whatever the browser's language.
 * Managers ({code}-managers) see their municipality's processes read-only (see security.internal.IdentitySetup).
 */
export default {
  app: {
    name: 'コックピット',
    vendor: 'jukiflow'
  },
  dateFormat: {
    normal: 'YYYY年M月D日 HH:mm',
    long: 'YYYY年M月D日(ddd) HH:mm',
    abbr: 'YYYY/MM/DD HH:mm',
    short: 'YYYY年M月D日'
  },
  locales: {
    availableLocales: ['ja'],
    fallbackLocale: 'ja'
  },
  disableWelcomeMessage: true
};
