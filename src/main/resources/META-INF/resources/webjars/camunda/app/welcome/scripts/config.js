/*
 * jukiflow: configuration of the Camunda welcome page (the webapps' login and start). Japanese for everyone.
 */
export default {
  app: {
    name: 'ようこそ',
    vendor: 'jukiflow'
  },
  dateFormat: {
    normal: 'YYYY年M月D日 HH:mm',
    long: 'YYYY年M月D日(ddd) HH:mm'
  },
  locales: {
    availableLocales: ['ja'],
    fallbackLocale: 'ja'
  }
};
