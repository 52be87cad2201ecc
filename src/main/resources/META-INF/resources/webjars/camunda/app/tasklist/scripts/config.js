/*
 * jukiflow: Tasklist configuration. Japanese for every clerk, whatever the browser's language.
 */
export default {
  app: {
    name: 'タスクリスト',
    vendor: 'jukiflow'
  },
  dateFormat: {
    normal: 'YYYY年M月D日 HH:mm',
    long: 'YYYY年M月D日(ddd) HH:mm'
  },
  locales: {
    availableLocales: ['ja'],
    fallbackLocale: 'ja'
  },
  disableWelcomeMessage: true,
  // the municipality's name instead of its code in the task header, Japanese form validation messages
  customScripts: ['scripts/jukiflow-tasklist.js'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '選択中のタスクを担当する'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '最初のフィルターに移動する'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'タスク一覧の先頭に移動する'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'タスクフォームの最初の入力欄に移動する'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'プロセス開始のダイアログを開く'
    }
  }
};
