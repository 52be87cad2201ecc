/*
 * jukiflow: Admin configuration. Japanese for every administrator, whatever the browser's language.
 */
export default {
  app: {
    name: '管理',
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
