// Names and spellings that readers and newsrooms write in more than one way. Each entry maps
// its variants to one canonical token (the key), at index time and at query time alike.
// Edit freely: write the words as people write them; hamza, diacritics, tatweel and case do
// not matter (the analyser folds the keys the same way it folds text), and the article and
// the common suffixes are handled too («الأميركية» finds the entry «أميركي»).
// One word per variant. A variant must not appear under two keys (a unit test checks).
// A Latin spelling is needed only where the sound key of search.translit.ts does not join it
// to the Arabic one already (`Witkoff` finds «ويتكوف» with no entry here).

export const ALIASES: Readonly<Record<string, readonly string[]>> = {
  // People
  ترامب: ['ترمب', 'trump'],
  عراقجي: ['عراقچی', 'عراقتشي', 'araghchi', 'araqchi'],
  ويتكوف: ['ويتكوب'],
  بوسعيدي: ['البوسعيدي', 'busaidi', 'albusaidi'],
  بزشكيان: ['پزشکیان', 'pezeshkian'],
  خامنئي: ['خامنه‌ای', 'خامنئى', 'khamenei'],
  بقائي: ['بقائی', 'baghaei', 'baqaei'],
  غروسي: ['grossi'],
  روبيو: ['rubio'],
  نتنياهو: ['نتانياهو', 'netanyahu'],
  // Places and peoples
  إيران: ['ایران', 'iran', 'iranian', 'iranians'],
  أمريكا: ['أميركا', 'أمريكي', 'أميركي', 'america', 'american', 'americans', 'usa'],
  عُمان: ['oman', 'omani'],
  مسقط: ['muscat'],
  طهران: ['tehran', 'teheran'],
  واشنطن: ['washington'],
  لبنان: ['lebanon', 'lebanese'],
  بيروت: ['beirut'],
  قطر: ['qatar', 'qatari'],
  الدوحة: ['doha'],
  روما: ['rome'],
  إسرائيل: ['israel', 'israeli'],
  سعودي: ['saudi'],
  // Organisations
  أوبك: ['اوبيك', 'opec'],
};
